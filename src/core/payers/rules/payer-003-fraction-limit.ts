import type { Finding } from '../../model/finding.js';
import type { RuleMeta } from '../../model/rule.js';
import type { PayerProfile } from '../payer-profile.js';

export const PAYER_003: RuleMeta = {
  id: 'PAYER-003',
  title: "Fractions beyond the payer's blanket fraction limit for a code",
  severity: 'warning',
  source:
    'ASTRO, early 2026 prior-authorization denial trends: global application of fraction limits (2026-01-14) [seed]',
};

export function fractionLimitFinding(
  profile: PayerProfile,
  code: string,
  fractionNumber: number | undefined,
  subject: string,
): Finding | null {
  const limit = profile.fractionLimits.find((l) => l.code === code);
  if (!limit || fractionNumber === undefined || fractionNumber <= limit.maxFractions) return null;
  return {
    ruleId: PAYER_003.id,
    severity: 'warning',
    subject,
    message: `Fraction ${fractionNumber} exceeds ${profile.name}'s limit of ${limit.maxFractions} fractions for ${code}.`,
    evidence: { fractionNumber, maxFractions: limit.maxFractions, code },
    fix: 'Check the authorization covers this fraction; appeal the blanket limit with the treatment plan if denied.',
  };
}
