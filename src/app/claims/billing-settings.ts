import { z } from 'zod';
import { isValidNpi } from '../../core/claims/npi.js';
import { GUIDELINE_VERSION, REFERENCE_LIBRARY } from '../../core/letters/site-references.js';
import { postalAddressSchema } from '../../core/model/course.js';
import type { AppContext } from '../app-context.js';
import { AppError } from '../app-errors.js';

/** NUCC taxonomy of a radiation oncologist [domain.md §6.2]. */
export const RADIATION_ONCOLOGY = '2085R0001X';

const party = z
  .object({
    /** ISA05/ISA07 qualifier: `ZZ` mutually defined, `30` federal tax id, … */
    qualifier: z.string().regex(/^[0-9A-Z]{2}$/, 'two-character ISA id qualifier (e.g. ZZ)'),
    /** ISA06/ISA08, NM1*41/40 NM109: at most 15 characters. */
    id: z.string().min(2).max(15),
    name: z.string().min(1).max(60),
  })
  .strict();

const GUIDELINE_IDS = REFERENCE_LIBRARY.references.filter((r) => r.kind === 'guideline').map((r) => r.id);

/**
 * The version of each guideline the practice follows, by its reference id (`nccn-prostate`: `5.2026`):
 * letters print it in the guideline's citation, and without it cite the guideline unversioned and warn
 * (the seed's "Version XX.2026" for the NCCN breast guideline is a placeholder the practice fills, never
 * printed).
 */
export const guidelineVersionsSchema = z.partialRecord(
  z.enum(GUIDELINE_IDS as [string, ...string[]]),
  z.string().regex(GUIDELINE_VERSION, 'the version as the guideline prints it, e.g. 5.2026'),
);

/** The guideline versions of stored billing settings, whatever else they lack; none when invalid. */
export function guidelineVersionsOf(billing: unknown): Record<string, string> {
  const versions = (billing as { guidelineVersions?: unknown } | null)?.guidelineVersions;
  const parsed = guidelineVersionsSchema.safeParse(versions ?? {});
  return parsed.success ? (parsed.data as Record<string, string>) : {};
}

/**
 * What a practice's 837 files say about it, its clearinghouse and its payers (005010X222A1/X223A2 loops
 * 1000A submitter, 1000B receiver, 2010AA billing provider, 2010BB payer). `payers` is keyed by payer
 * profile id (the course's `payer.profile`). What a line bills: the practice's `chargeCents` per unit
 * for the code (its charge master), else `chargePercent` of the expected amount; the 835 pays what the
 * payer allows.
 */
export const billingSettingsSchema = z
  .object({
    provider: z
      .object({
        name: z.string().min(1).max(60),
        npi: z.string().refine(isValidNpi, 'a 10-digit NPI with its check digit'),
        taxId: z.string().regex(/^\d{9}$/, '9-digit employer identification number'),
        taxonomy: z
          .string()
          .regex(/^[0-9A-Z]{9}X$/, 'a 10-character taxonomy code (e.g. 261QX0203X)')
          .optional(),
        address: postalAddressSchema,
      })
      .strict(),
    submitter: party.extend({
      contact: z
        .object({ name: z.string().min(1).max(60), phone: z.string().regex(/^\d{10}$/, '10 digits') })
        .strict(),
    }),
    receiver: party,
    /**
     * The practice's physicians by the id courses name them with (`physicianId`): each professional
     * claim's rendering provider (837P 2310B NM1*82, PRV*PE) and each facility claim's attending (837I
     * 2310A NM1*71, PRV*AT) [837P/837I TR3]. Taxonomy default: radiation oncology 2085R0001X [NUCC].
     */
    physicians: z
      .record(
        z.string().min(1),
        z
          .object({
            lastName: z.string().min(1).max(60),
            firstName: z.string().min(1).max(35),
            npi: z.string().refine(isValidNpi, 'a 10-digit NPI with its check digit'),
            taxonomy: z
              .string()
              .regex(/^[0-9A-Z]{9}X$/, 'a 10-character taxonomy code (e.g. 2085R0001X)')
              .default(RADIATION_ONCOLOGY),
            /** Shown after the name where the physician signs a letter ("MD", "DO, PhD"); not on claims. */
            credentials: z.string().trim().min(1).max(30).optional(),
          })
          .strict(),
      )
      .default({}),
    /**
     * Payers that want the course physician also as the supervising (837P 2310D NM1*DQ) or referring
     * provider (837P 2310A / 837I 2310F NM1*DN) [837P/837I TR3 situational rules].
     */
    requireSupervising: z.boolean().default(false),
    requireReferring: z.boolean().default(false),
    defaultPeriod: z.enum(['date', 'week', 'month']).default('month'),
    /** ISA15: `T` test until the clearinghouse accepts production files. */
    usage: z.enum(['P', 'T']).default('T'),
    chargePercent: z.number().int().min(1).max(1000).default(100),
    /** The practice's charge per unit for a code (integer cents), over `chargePercent` of the expected. */
    chargeCents: z
      .record(z.string().regex(/^[0-9A-Z]{5}$/, 'a 5-character HCPCS code'), z.number().int().min(1))
      .default({}),
    /** Not 837 data: the letters' guideline versions (`guidelineVersionsSchema`). */
    guidelineVersions: guidelineVersionsSchema.optional(),
    payers: z.record(
      z.string().min(1),
      z
        .object({
          name: z.string().min(1).max(60),
          id: z.string().min(2).max(80),
          filingIndicator: z
            .string()
            .regex(/^[0-9A-Z]{2}$/, 'SBR09 claim filing indicator code (e.g. MB, CI, BL, HM)'),
        })
        .strict(),
    ),
  })
  .strict()
  .superRefine((settings, ctx) => {
    for (const part of X12_PARTS)
      for (const path of x12Unsafe(settings[part], [part]))
        ctx.addIssue({
          code: 'custom',
          path,
          message:
            'must not contain X12 delimiters (* ~ : ^) or control characters: they would split the 837 element',
        });
  });

/**
 * The settings written into 837 elements. X12 5010 (ISA segment): `*` element separator, `:` component
 * separator (ISA16), `^` repetition separator (ISA11), `~` segment terminator; control characters are
 * outside the X12 basic and extended character sets. The writer refuses them too (write-checks.ts);
 * the settings refuse them when saved, at their field.
 */
const X12_PARTS = ['provider', 'submitter', 'receiver', 'physicians', 'payers'] as const;
const X12_DELIMITERS = /[*~:^]/;
const isUnsafe = (text: string) =>
  X12_DELIMITERS.test(text) || [...text].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

/** The paths of the strings under `value` holding an X12 delimiter or a control character. */
function x12Unsafe(value: unknown, path: (string | number)[]): (string | number)[][] {
  if (typeof value === 'string') return isUnsafe(value) ? [path] : [];
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => x12Unsafe(v, [...path, k]));
  return [];
}

export type BillingSettings = z.infer<typeof billingSettingsSchema>;
export type BillingSettingsInput = z.input<typeof billingSettingsSchema>;

/** Zod issues → located problems (`billing.provider.npi: …`), never the values. */
export const billingIssues = (error: z.ZodError) =>
  error.issues.map((i) => ({ location: ['billing', ...i.path].join('.'), message: i.message }));

/** The practice's billing settings, or an `invalid_input` error naming each field to add or correct. */
export async function loadBillingSettings(ctx: AppContext, practiceId: string): Promise<BillingSettings> {
  const row = await ctx.db
    .selectFrom('practices')
    .select('billing')
    .where('id', '=', practiceId)
    .executeTakeFirst();
  if (!row?.billing)
    throw new AppError(
      'invalid_input',
      'the practice has no billing settings: add the billing provider (name, NPI, tax id, address), the submitter, the receiver and the payers',
      [{ location: 'billing', message: 'not set' }],
    );
  const parsed = billingSettingsSchema.safeParse(row.billing);
  if (!parsed.success)
    throw new AppError(
      'invalid_input',
      'the practice billing settings are incomplete',
      billingIssues(parsed.error),
    );
  return parsed.data;
}

/** Validated billing settings with their defaults, or an `invalid_input` error with located issues. */
export function parseBillingSettings(input: unknown): BillingSettings {
  const parsed = billingSettingsSchema.safeParse(input);
  if (!parsed.success)
    throw new AppError('invalid_input', 'the billing settings are not valid', billingIssues(parsed.error));
  return parsed.data;
}
