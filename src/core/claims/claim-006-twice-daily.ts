import { DELIVERY_CODES } from '../model/billing-line.js';
import type { Finding } from '../model/finding.js';
import type { RuleMeta } from '../model/rule.js';
import type { PayerProfile } from '../payers/payer-profile.js';

export const CLAIM_006: RuleMeta = {
  id: 'CLAIM-006',
  title:
    'A second session the same day is billed as the payer wants it (a modifier-76 line or 2 units): lines are kept as released, a mismatch is flagged',
  severity: 'warning',
  source: 'CMS PM A-03-020 (distinct sessions as units) [C]; payer profile twiceDaily [seed]',
};

const DELIVERY = new Set<string>(DELIVERY_CODES);

/** The released line is kept as is; this only reports a shape that disagrees with the payer profile. */
export function twiceDailyShape(
  line: { code: string; modifiers: string[]; units: number },
  profile: PayerProfile,
  subject: string,
): Finding | null {
  if (!DELIVERY.has(line.code)) return null;
  const as76 = line.modifiers.includes('76');
  const asUnits = line.units > 1;
  const mismatch = profile.twiceDaily === 'units' ? as76 : asUnits;
  if (!mismatch) return null;
  return {
    ruleId: CLAIM_006.id,
    severity: 'warning',
    subject,
    message:
      profile.twiceDaily === 'units'
        ? `${profile.name} counts a second session as units, but the line carries modifier 76.`
        : `${profile.name} wants a modifier-76 line for a second session, but the line has ${line.units} units.`,
    evidence: { code: line.code, units: line.units, modifier76: as76, payer: profile.id },
    fix: 'Check the payer profile and re-release the charges in its shape.',
  };
}
