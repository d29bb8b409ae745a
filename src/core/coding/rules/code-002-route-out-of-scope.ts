import type { Finding } from '../../model/finding.js';
import type { RuleMeta } from '../../model/rule.js';
import type { SessionFacts } from '../../model/session-facts.js';
import { courseLimitFinding, isFractionated, singleSessionRecodeFinding } from './code-011-course-limits.js';

export const CODE_002: RuleMeta = {
  id: 'CODE-002',
  title: 'SRS, SBRT, protons, brachytherapy and superficial/orthovoltage keep their own codes',
  severity: 'info',
  source:
    'Seed: 77402–77412 "not to be used for proton therapy, stereotactic, or brachytherapy" [seed]; code families per UHC 2026 radiation oncology page [C]',
};

export interface Routed {
  /** The code when the facts determine it (e.g. linac SBRT → 77373), else null. */
  code: string | null;
  reason: string;
  finding: Finding | null;
}

/** A session routed to `code` of `family`; without a code, a finding says to pick one of the family. */
function route(
  facts: SessionFacts,
  subject: string,
  code: string | null,
  reason: string,
  family: string,
): Routed {
  return {
    code,
    reason,
    finding:
      code === null
        ? {
            ruleId: CODE_002.id,
            severity: 'warning',
            subject,
            message: `${reason}: bill from the ${family} code family, not 77402/77407/77412.`,
            evidence: { technique: facts.technique, modality: facts.modality },
            fix: `Code the session with the ${family} codes; the facts given do not pick one.`,
          }
        : null,
  };
}

/** A course-limited code past its limit gets no line: CODE-011 says why (the fraction needs a decision). */
function limited(facts: SessionFacts, subject: string, code: string, reason: string): Routed {
  const finding = courseLimitFinding(code, facts, subject);
  return finding?.severity === 'error' ? { code: null, reason, finding } : { code, reason, finding };
}

function robotic(facts: SessionFacts, subject: string): Routed {
  return facts.fractionNumber === undefined
    ? route(
        facts,
        subject,
        null,
        'Robotic stereotactic delivery',
        'robotic SRS/SBRT (G0339 first, G0340 subsequent)',
      )
    : facts.fractionNumber === 1
      ? route(facts, subject, 'G0339', 'Robotic stereotactic delivery, first session', 'robotic SRS/SBRT')
      : limited(facts, subject, 'G0340', 'Robotic stereotactic delivery, subsequent session');
}

/** Returns null for sessions that belong to the three delivery levels. */
export function routeOutOfScope(facts: SessionFacts, subject: string): Routed | null {
  if (facts.modality === 'proton')
    return route(facts, subject, null, 'Proton delivery', 'proton (77520/77522/77523/77525)');
  if (facts.technique === 'brachytherapy')
    return route(facts, subject, null, 'Brachytherapy', 'brachytherapy (77750–77799)');
  if (facts.modality === 'superficial' || facts.modality === 'orthovoltage')
    return route(
      facts,
      subject,
      null,
      'Superficial/orthovoltage delivery',
      'superficial/orthovoltage (77436–77439)',
    );
  if (facts.technique === 'SBRT') {
    if (facts.deliverySystem === 'robotic') return robotic(facts, subject);
    // 77373 is per fraction and includes image guidance.
    return limited(facts, subject, '77373', 'SBRT delivery, per fraction');
  }
  if (facts.technique === 'SRS') {
    if (facts.deliverySystem === 'robotic') return robotic(facts, subject);
    // 77371/77372 are a course of one session; SRS in 2–5 fractions is 77373 per fraction (CODE-011).
    if (isFractionated(facts)) {
      const routed = limited(facts, subject, '77373', 'Fractionated SRS, per fraction');
      return routed.finding ? routed : { ...routed, finding: singleSessionRecodeFinding(facts, subject) };
    }
    if (facts.deliverySystem === 'cobalt') return route(facts, subject, '77371', 'Cobalt-60 SRS', 'SRS');
    if (facts.deliverySystem === 'linac') return route(facts, subject, '77372', 'Linac-based SRS', 'SRS');
    return route(facts, subject, null, 'SRS delivery (machine not given)', 'SRS (77371 cobalt, 77372 linac)');
  }
  return null;
}
