import { describe, expect, it } from 'vitest';
import { buildCourse, READY_LINES, runAudit } from '../../../../test/support/course-builder.js';
import { expectFractions } from '../../../../test/support/audit-expect.js';
import { BUNDLED_PROFILES } from '../../payers/bundled-profiles.js';
import { DOC_003 } from './doc-003-documentation-elements.js';

/** Statements scoring exactly 1..5 of the five elements (the order carries no text or system). */
const PATIENT =
  "Left breast cancer, 40.05 Gy in 15 fractions; this patient's heart lies within 1.2 cm of the medial tangent and breath hold lowers her mean heart dose from 4.1 Gy to 1.3 Gy.";
const SYSTEM = ' AlignRT is used.';
const MONITORING = ' Her surface is tracked continuously.';
const THRESHOLDS = ' Tolerances are 3 mm and 3 degrees.';
const BEAM_HOLD = ' The beam is held automatically (beam hold) when she moves.';
const BY_SCORE: Record<number, string> = {
  1: PATIENT,
  2: PATIENT + SYSTEM,
  3: PATIENT + SYSTEM + THRESHOLDS,
  4: PATIENT + SYSTEM + THRESHOLDS + MONITORING,
  5: PATIENT + SYSTEM + THRESHOLDS + MONITORING + BEAM_HOLD,
};

function auditWith(text: string, profile: string) {
  return runAudit(
    buildCourse({
      fractions: 1,
      profile,
      edit: (c) => {
        c.necessity!.text = text;
        c.orders![0]!.text = undefined;
        c.orders![0]!.system = undefined;
      },
    }),
  );
}

describe(`${DOC_003.id} ${DOC_003.title}`, () => {
  it.each(Object.entries(BY_SCORE))('the statement for score %s scores exactly that', (score, text) => {
    const audit = auditWith(text, 'default');
    expect(audit.elements!.filter((e) => e.present).length).toBe(Number(score));
    expect(audit.elements!.map((e) => e.present)).toEqual([1, 2, 3, 4, 5].map((i) => i <= Number(score)));
  });

  const rows = BUNDLED_PROFILES.flatMap((p) => [
    {
      profile: p.id,
      bar: p.documentationElementsRequired,
      score: p.documentationElementsRequired,
      severity: 'info',
    },
    ...(p.documentationElementsRequired > 1
      ? [
          {
            profile: p.id,
            bar: p.documentationElementsRequired,
            score: p.documentationElementsRequired - 1,
            severity: 'warning',
          },
        ]
      : []),
    ...(p.documentationElementsRequired < 5
      ? [{ profile: p.id, bar: p.documentationElementsRequired, score: 5, severity: 'info' }]
      : []),
  ]);

  it.each(rows)(
    '$profile (bar $bar): score $score → one course-level $severity',
    ({ profile, bar, score, severity }) => {
      const audit = auditWith(BY_SCORE[score]!, profile);
      const doc003 = audit.findings.filter((f) => f.ruleId === DOC_003.id);
      expect(doc003).toHaveLength(1);
      expect(doc003[0]).toMatchObject({ severity, subject: 'course C-SYN00417-1', evidence: { score } });
      if (severity === 'warning') expect(doc003[0]!.evidence).toMatchObject({ required: bar });
      // A course-level finding: it changes no fraction's status or lines.
      expect(audit.fractions[0]!.findings.map((f) => f.ruleId)).not.toContain(DOC_003.id);
      expectFractions(audit, {
        1: { status: 'ready', lines: profile === 'commercial-omit-26' ? ['77412', '77387'] : READY_LINES },
      });
    },
  );

  it('counts the AMM order text and system towards the elements', () => {
    const audit = runAudit(
      buildCourse({
        fractions: 1,
        edit: (c) => {
          c.necessity!.text = PATIENT;
          c.orders![0]!.system = 'AlignRT';
          c.orders![0]!.text = 'Monitor continuously; beam hold outside a 3 mm tolerance.';
        },
      }),
    );
    expect(audit.elements!.every((e) => e.present)).toBe(true);
  });
});

describe(`${DOC_003.id}: the five elements and the bar are attributed to their real sources`, () => {
  it.each<[string, RegExp]>([
    [
      'default',
      /; the practice's policy \(product default\) expects 3 of the 5 elements \(eviCore's list, as ASTRO gives it\)\./,
    ],
    [
      'evicore',
      /; the payer profile "Payers managed by eviCore" expects \d of the 5 elements \(eviCore's list, as ASTRO gives it\)\./,
    ],
  ])('%s profile', (profile, message) => {
    const finding = auditWith(BY_SCORE[1]!, profile).findings.find((f) => f.ruleId === DOC_003.id)!;
    expect(finding.message).toMatch(message);
    expect(finding.message).not.toMatch(/CPT/);
  });
});
