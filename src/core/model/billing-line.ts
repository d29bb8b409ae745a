/** One billable line for a session: a code with its modifiers and units, and why it was chosen. */
export interface BillingLine {
  code: string;
  modifiers: string[];
  units: number;
  /** Rule that produced the line. */
  ruleId: string;
  reason: string;
  /** Expected payment from the rate table in force, integer cents; null when the table has no amount. */
  expectedCents: number | null;
  /** Rate table release the amount comes from. */
  rateSource: string | null;
}

/**
 * The usual modifier lists, one array each for every line that has them (none, and 77387's `26`): a
 * line's modifiers are never changed in place, and these are frozen so that a change would throw.
 */
export const NO_MODIFIERS = Object.freeze([]) as readonly string[] as string[];
export const MODIFIER_26 = Object.freeze(['26']) as readonly string[] as string[];

export const DELIVERY_CODES = ['77402', '77407', '77412'] as const;
export type DeliveryCode = (typeof DELIVERY_CODES)[number];
export const IGRT_PROFESSIONAL_CODE = '77387';

/** `77387-26`, `77412-76 ×2`: a line as people read it on a claim. */
export function lineLabel(line: Pick<BillingLine, 'code' | 'modifiers' | 'units'>): string {
  const code = [line.code, ...line.modifiers].join('-');
  return line.units > 1 ? `${code} ×${line.units}` : code;
}
