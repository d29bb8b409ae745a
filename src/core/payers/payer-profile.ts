import { z } from 'zod';
import { calendarDate } from '../model/session-facts.js';

/**
 * A payer profile: how one payer departs from the CPT criteria. Profiles are data (the bundled ones
 * are in `bundled-profiles.ts`; users load more with `--profiles file.json`), never code branches.
 */
export const payerProfileSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    name: z.string().min(1),
    source: z.string().min(1),
    /** 77387 professional IGRT: whether the payer wants modifier 26, effective-dated (latest `from` ≤ DOS wins). */
    igrtModifier26: z
      .array(z.object({ from: calendarDate, rule: z.enum(['required', 'omit', 'either']) }).strict())
      .min(1),
    /**
     * Surface-guided intrafraction tracking documented and signed alone supports 77387-26 (absent: yes).
     * Seed: 77387 "Guidance for localization of target volume …, includes intrafraction tracking, when
     * performed"; a payer that wants an image review for it sets false.
     */
    sgrtTrackingSupportsIgrt: z
      .boolean()
      .optional()
      .describe('SGRT intrafraction tracking alone supports 77387-26 (default true, per the seed).'),
    /** A distinct second session the same day: a second line with modifier 76, or units on one line. */
    twiceDaily: z.enum(['modifier-76', 'units']),
    /** Hours between sessions that make them distinct. */
    breakHours: z.number().min(0).max(24),
    /** Extra criteria the payer applies before paying 77412 for motion management. */
    amm77412Criteria: z.enum(['cpt', 'evicore-breast']),
    /** Blanket fraction limits the payer applies per code (a known source of 2026 denials). */
    fractionLimits: z.array(z.object({ code: z.string(), maxFractions: z.number().int().min(1) }).strict()),
    /** How many of the five documentation elements (domain.md §3.3) the payer expects. */
    documentationElementsRequired: z.number().int().min(1).max(5),
  })
  .strict();

export type PayerProfile = z.infer<typeof payerProfileSchema>;
export type Modifier26Rule = PayerProfile['igrtModifier26'][number]['rule'];

/** Whether SGRT intrafraction tracking alone supports 77387-26 for this payer (default: yes). */
export const sgrtTrackingSupportsIgrt = (profile: PayerProfile): boolean =>
  profile.sgrtTrackingSupportsIgrt !== false;

/** The 77387 modifier rule in force on a date of service. */
export function modifier26RuleOn(profile: PayerProfile, dateOfService: string): Modifier26Rule {
  let rule: Modifier26Rule = 'required';
  let from = '';
  for (const entry of profile.igrtModifier26) {
    if (entry.from <= dateOfService && entry.from >= from) {
      rule = entry.rule;
      from = entry.from;
    }
  }
  return rule;
}
