import type { BillingLine } from '../../core/model/billing-line.js';

/** `77387-26`, `77412-76 ×2`. */
export function lineLabel(line: Pick<BillingLine, 'code' | 'modifiers' | 'units'>): string {
  const code = [line.code, ...line.modifiers].join('-');
  return line.units > 1 ? `${code} ×${line.units}` : code;
}
