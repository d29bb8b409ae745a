import { MODIFIER_26, NO_MODIFIERS } from '../../model/billing-line.js';
import type { Finding } from '../../model/finding.js';
import type { RuleMeta } from '../../model/rule.js';
import { modifier26RuleOn, type PayerProfile } from '../payer-profile.js';

export const PAYER_001: RuleMeta = {
  id: 'PAYER-001',
  title: "77387 carries modifier 26 or not, as the payer's rule on the date of service requires",
  severity: 'info',
  source:
    'ASTRO payer resource centre, 2026: UHC requires -26 from 2026-03-01; for payers that deny because of the modifier, resubmit without it [C]',
};

/** The usual answer (modifier 26, nothing to say): one for every session. */
const WITH_26 = Object.freeze({ modifiers: MODIFIER_26, finding: null });

export function igrtModifiers(
  profile: PayerProfile,
  dateOfService: string,
  subject: string,
): { modifiers: string[]; finding: Finding | null } {
  const rule = modifier26RuleOn(profile, dateOfService);
  if (rule === 'omit') {
    return {
      modifiers: NO_MODIFIERS,
      finding: {
        ruleId: PAYER_001.id,
        severity: 'info',
        subject,
        message: `${profile.name} denies 77387 with modifier 26: billed without it.`,
        evidence: { payer: profile.id, rule },
      },
    };
  }
  return WITH_26;
}
