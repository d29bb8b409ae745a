import { z } from 'zod';

/**
 * A versioned table of expected payments in integer cents, keyed by `code` or `code-modifier`
 * (e.g. `77387-26`). Every amount carries its year, release and source (domain.md §2: never trust a
 * single number; users load newer data).
 */
export const rateTableSchema = z
  .object({
    id: z.string().min(1),
    year: z.number().int(),
    release: z.string().min(1),
    source: z.string().min(1),
    settings: z
      .object({
        MPFS: z.record(z.string(), z.number().int()),
        OPPS: z.record(z.string(), z.number().int()),
      })
      .strict(),
  })
  .strict();

export type RateTable = z.infer<typeof rateTableSchema>;
export type PaymentSetting = keyof RateTable['settings'];

/** POS 11 (freestanding office) is paid under the MPFS; POS 19/22 (hospital outpatient) under OPPS. */
export function settingFor(placeOfService: string, professional: boolean): PaymentSetting {
  // Professional services (modifier 26) are paid under the MPFS in every setting.
  if (professional) return 'MPFS';
  return placeOfService === '11' ? 'MPFS' : 'OPPS';
}

export function expectedCents(
  table: RateTable,
  placeOfService: string,
  code: string,
  modifiers: readonly string[],
): number | null {
  const professional = modifiers.includes('26');
  const rates = table.settings[settingFor(placeOfService, professional)];
  // No fallback from `code-26` to the global amount: that would overstate a professional line.
  return rates[professional ? professionalKey(code) : code] ?? null;
}

/** `code-26` keys, written once per code: a lookup by a string made per call hashes it anew. */
const professionalKeys = new Map<string, string>();

function professionalKey(code: string): string {
  let key = professionalKeys.get(code);
  if (key === undefined) professionalKeys.set(code, (key = `${code}-26`));
  return key;
}
