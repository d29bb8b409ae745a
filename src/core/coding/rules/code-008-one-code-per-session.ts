import { NO_MODIFIERS } from '../../model/billing-line.js';
import type { Finding } from '../../model/finding.js';
import type { RuleMeta } from '../../model/rule.js';
import type { SessionFacts } from '../../model/session-facts.js';
import type { PayerProfile } from '../../payers/payer-profile.js';

export const CODE_008: RuleMeta = {
  id: 'CODE-008',
  title: 'One delivery code per session; a second session the same day only when distinct with a real break',
  severity: 'warning',
  source:
    'CMS Program Memorandum A-03-020 (distinct sessions; units or modifier 76 as the payer requires), as summarised by AAPC [C]; break length per payer [U]',
};

export interface SessionDecision {
  /** Whether this session carries its own lines. */
  bill: boolean;
  /** Modifier 76 on a distinct later session when the payer wants a second line. */
  modifiers: string[];
  finding: Finding | null;
}

/** The usual session: the day's only one, or the first; one decision for all of them. */
const BILLED_ALONE: SessionDecision = Object.freeze({ bill: true, modifiers: NO_MODIFIERS, finding: null });

export function sessionRule(facts: SessionFacts, profile: PayerProfile, subject: string): SessionDecision {
  const later = facts.sessionsToday > 1 && facts.hoursSincePreviousSession !== null;
  if (!later) return BILLED_ALONE;
  const hours = facts.hoursSincePreviousSession ?? 0;
  if (hours < profile.breakHours) {
    return {
      bill: false,
      modifiers: [],
      finding: {
        ruleId: CODE_008.id,
        severity: 'warning',
        subject,
        message: `Second session ${hours.toFixed(1)} h after the previous one (payer expects ${profile.breakHours} h): not billable as a separate session; the day's first session carries the delivery code.`,
        evidence: { hoursSincePreviousSession: hours, breakHours: profile.breakHours },
        fix: `If the sessions were distinct and necessary (e.g. twice-daily fractionation), document the treatment times showing the ${profile.breakHours} h break and the reason for a distinct second treatment, then re-run; otherwise release the day once (the first session's lines) and close this session.`,
      },
    };
  }
  const asUnits = profile.twiceDaily === 'units';
  return {
    bill: true,
    modifiers: asUnits ? [] : ['76'],
    finding: {
      ruleId: CODE_008.id,
      severity: 'info',
      subject,
      message: asUnits
        ? `Distinct second session (${hours.toFixed(1)} h break): ${profile.name} counts it as a second unit: combine it with the day's first line on the claim.`
        : `Distinct second session (${hours.toFixed(1)} h break): second line with modifier 76.`,
      evidence: { hoursSincePreviousSession: hours, twiceDaily: profile.twiceDaily },
      fix: 'Keep the note that documents why a second session was necessary.',
    },
  };
}
