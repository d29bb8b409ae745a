import { describe, expect, it } from 'vitest';
import {
  AMM_ORDER_TEXT,
  buildCourse,
  type CourseInput,
  fractionInput,
  fx,
  lineCodes,
  runAudit,
} from '../../../test/support/course-builder.js';

/** A course without motion management, so each case shows only the rule it is about. */
const plain = (c: CourseInput) => {
  c.plan.motionManagement = null;
  for (const f of c.fractions) f.sgrtRecord = null;
};

/** Every status is ready / hold / downgrade with at least one line or a reason; an error is never ready. */
function expectMeaningfulStatuses(audit: ReturnType<typeof runAudit>) {
  for (const f of audit.fractions) {
    expect(f.lines.length > 0 || f.reasons.length > 0, `fraction ${f.number}`).toBe(true);
    if (f.findings.some((x) => x.severity === 'error')) expect(f.status).not.toBe('ready');
  }
}

describe('fraction statuses say what they mean', () => {
  it('a 2023 date of service (CODE-001 error) is held with its reason, not ready', () => {
    const audit = runAudit(buildCourse({ fractions: 2, startDate: '2023-03-06', edit: plain }));
    for (const f of audit.fractions) {
      expect(f).toMatchObject({ status: 'hold', reasons: ['CODE-001'], lines: [] });
    }
    expectMeaningfulStatuses(audit);
  });

  it('a deleted code posted (CODE-009 error) holds the fraction until the charge is corrected', () => {
    const audit = runAudit(buildCourse({ fractions: 1, edit: (c) => (fx(c, 1).postedCodes = ['77386']) }));
    expect(audit.fractions[0]).toMatchObject({ status: 'hold', reasons: ['CODE-009'] });
  });

  it('a proton course has no line: ready only with the reason (CODE-002)', () => {
    const audit = runAudit(
      buildCourse({
        fractions: 1,
        edit: (c) => {
          plain(c);
          c.plan.modality = 'proton';
          fx(c, 1).imageGuidance = null;
        },
      }),
    );
    expect(audit.fractions[0]).toMatchObject({ status: 'ready', lines: [], reasons: ['CODE-002'] });
    expectMeaningfulStatuses(audit);
  });
});

// A second session the same day is billable only as a distinct session after a real break (CMS PM
// A-03-020; break length per payer profile, 6 h by default): one that is not billable is held with the
// reason and the fix, never "ready" without a line (CODE-008).
describe('twice-daily second sessions', () => {
  /** Fraction 2 on Monday 03-02 as well, at `time`. */
  const twice = (time: string) => (c: CourseInput) => {
    c.fractions = [
      fractionInput({ number: 1, date: '2026-03-02' }),
      fractionInput({ number: 2, date: '2026-03-02', beamOnTime: time }),
    ];
  };
  // prettier-ignore
  const CASES: [string, string, string, 'ready' | 'hold', string[], string[]][] = [
    // name, profile, second beam-on, status, lines, reasons
    ['7 h apart (default: modifier 76)', 'default', '15:15:00', 'ready', ['77412-76', '77387-26-76'], []],
    ['7 h apart (Medicare: a second unit)', 'medicare', '15:15:00', 'ready', ['77412', '77387-26'], []],
    ['2 h apart: held, not billable as a second session', 'default', '10:15:00', 'hold', [], ['CODE-008']],
    ['2 h apart under Medicare: held', 'medicare', '10:15:00', 'hold', [], ['CODE-008']],
  ];
  it.each(CASES)('%s', (_name, profile, time, status, lines, reasons) => {
    const audit = runAudit(buildCourse({ fractions: 2, profile, edit: twice(time) }));
    const second = audit.fractions[1]!;
    expect(second.status).toBe(status);
    expect(lineCodes(second)).toEqual(lines);
    expect(second.reasons).toEqual(reasons);
    if (status === 'hold')
      expect(second.findings.find((f) => f.ruleId === 'CODE-008')?.fix).toMatch(/6 h.*distinct/);
    expect(audit.fractions[0]!.status).toBe('ready');
    expectMeaningfulStatuses(audit);
  });
});

// "downgrade" means a coded line was lowered: 77412 billed as 77407 (its motion-management evidence fails)
// and/or 77387-26 removed (its guidance record was not signed before the next beam-on: seed). A session
// with electron and photon beams is 77412 by its mixed fields (CPT 77412; CODE-013), which no
// motion-management evidence decides: a late SGRT signature removes only 77387-26 there.
describe('a downgrade says which line it lowered', () => {
  const late = (c: CourseInput, what: 'sgrt' | 'review' | 'both') => {
    const f = fx(c, 1);
    const after = { ...f.sgrtRecord!.signature!, signedAt: '2026-03-04T15:00:00Z' };
    if (what !== 'review') f.sgrtRecord!.signature = after;
    if (what !== 'sgrt') f.imageGuidance!.review = after;
  };
  const mixed = (c: CourseInput) => {
    for (const f of c.fractions) f.beams[1]!.radiationType = 'ELECTRON';
  };
  // prettier-ignore
  const CASES: [string, (c: CourseInput) => void, 'ready' | 'downgrade', string[], string[]][] = [
    // name, edit, status of fraction 1, its lines, its reasons
    ['mixed beams, all signed in time', mixed, 'ready', ['77412', '77387-26'], []],
    ['mixed beams, SGRT record and image review signed late: 77387-26 removed, 77412 stays', (c) => { mixed(c); late(c, 'both'); }, 'downgrade', ['77412'], ['DOC-008', 'DOC-009']],
    ['photon DIBH, SGRT record late, image review in time: 77412 billed as 77407, 77387-26 kept', (c) => late(c, 'sgrt'), 'downgrade', ['77407', '77387-26'], ['DOC-008']],
  ];
  // Seed: the SGRT record signed "prior to next beam on to meet criteria for billing the professional service".
  it('SGRT record late with no image review: DOC-008 says 77412 and 77387-26 are lost, no CODE-007 note', () => {
    const audit = runAudit(
      buildCourse({
        fractions: 2,
        edit: (c) => {
          late(c, 'sgrt');
          fx(c, 1).imageGuidance!.review = null;
        },
      }),
    );
    const first = audit.fractions[0]!;
    expect(lineCodes(first)).toEqual(['77407']);
    expect(first.findings.find((f) => f.ruleId === 'DOC-008')?.message).toMatch(/77412.*77387-26/);
    expect(first.findings.map((f) => f.ruleId)).not.toContain('CODE-007');
  });

  it.each(CASES)('%s', (_name, edit, status, lines, reasons) => {
    const audit = runAudit(buildCourse({ fractions: 2, edit }));
    const first = audit.fractions[0]!;
    expect(first.status).toBe(status);
    expect(lineCodes(first)).toEqual(lines);
    expect([...first.reasons].sort()).toEqual(reasons);
    if (first.status === 'downgrade') {
      const lowered = first.lines.some((l) => l.code === '77407');
      const removed = !first.lines.some((l) => l.code === '77387');
      expect(lowered || removed).toBe(true);
    }
    expectMeaningfulStatuses(audit);
  });
});

// CPT 77373 "entire course not to exceed 5 fractions"; 77372 a course of one session (SRS in 2–5 fractions
// is 77373); G0339 first / G0340 each additional session up to 5 (CODE-011).
describe('course-limited codes in the audit (the fraction number is the course order)', () => {
  const stereotactic =
    (technique: 'SBRT' | 'SRS', deliverySystem: 'linac' | 'robotic', planned: number) => (c: CourseInput) => {
      plain(c);
      c.plan.technique = technique;
      c.plan.deliverySystem = deliverySystem;
      c.plan.fractionsPlanned = planned;
    };
  it('a six-fraction SBRT course: 77373 on fractions 1–5, fraction 6 held with the limit and its source', () => {
    const audit = runAudit(buildCourse({ fractions: 6, edit: stereotactic('SBRT', 'linac', 6) }));
    expect(audit.fractions.map((f) => lineCodes(f).join(','))).toEqual([
      '77373',
      '77373',
      '77373',
      '77373',
      '77373',
      '',
    ]);
    const sixth = audit.fractions[5]!;
    expect(sixth).toMatchObject({ status: 'hold', reasons: ['CODE-011'] });
    expect(sixth.findings.find((f) => f.ruleId === 'CODE-011')?.message).toContain(
      '"entire course not to exceed 5 fractions"',
    );
    expect(audit.claimLines.map((l) => l.code)).toEqual(Array(5).fill('77373'));
    expectMeaningfulStatuses(audit);
  });

  /** A copy of fraction `n` appended to the course: the same record twice, or re-exported under a new id. */
  const repeat = (n: number, newId: boolean) => (c: CourseInput) => {
    c.fractions.push({ ...structuredClone(fx(c, n)), ...(newId ? { id: `${fx(c, n).id}-dup` } : {}) });
  };
  const reversedNumbers = (c: CourseInput) =>
    c.fractions.forEach((f, i) => (f.number = c.fractions.length - i));
  // prettier-ignore
  const CASES: [string, number, (c: CourseInput) => void, string[], string[]][] = [
    // name, fractions, edit, [status:codes] in delivery order, rules found on the course's fractions
    ['linac SRS planned as 1 session, delivered in 2: both 77373, the first flagged for recoding', 2, stereotactic('SRS', 'linac', 1), ['ready:77373', 'ready:77373'], ['CODE-011']],
    ['SBRT with fraction 3 recorded twice: the repeat held, the real 5th billed', 5, (c) => { stereotactic('SBRT', 'linac', 5)(c); repeat(3, false)(c); }, ['ready:77373', 'ready:77373', 'ready:77373', 'hold:', 'ready:77373', 'ready:77373'], ['DOC-012']],
    ['SBRT with fraction 3 re-exported under a new id: the repeat held, the real 5th billed', 5, (c) => { stereotactic('SBRT', 'linac', 5)(c); repeat(3, true)(c); }, ['ready:77373', 'ready:77373', 'ready:77373', 'hold:', 'ready:77373', 'ready:77373'], ['DOC-012']],
    ['SBRT numbered 6…1 against its dates: counted by date, the last delivered held', 6, (c) => { stereotactic('SBRT', 'linac', 6)(c); reversedNumbers(c); }, ['ready:77373', 'ready:77373', 'ready:77373', 'ready:77373', 'ready:77373', 'hold:'], ['CODE-011']],
  ];
  it.each(CASES)('%s', (_name, fractions, edit, expected, rules) => {
    const audit = runAudit(buildCourse({ fractions, edit }));
    expect(audit.fractions.map((f) => `${f.status}:${lineCodes(f).join(',')}`)).toEqual(expected);
    const found = new Set(audit.fractions.flatMap((f) => f.findings.map((x) => x.ruleId)));
    for (const r of rules) expect(found).toContain(r);
    expect(found).not.toContain('CODE-008');
    expectMeaningfulStatuses(audit);
  });

  it('the first session of a single-session SRS plan delivered twice says a corrected claim is needed', () => {
    const audit = runAudit(buildCourse({ fractions: 2, edit: stereotactic('SRS', 'linac', 1) }));
    const recode = audit.fractions[0]!.findings.find((f) => f.ruleId === 'CODE-011');
    expect(recode).toMatchObject({
      severity: 'warning',
      evidence: { instead: '77372', sessionsInCourse: 2 },
    });
    expect(recode?.fix).toContain('corrected claim');
  });

  it('a repeated record and a misnumbered record are reported with what they repeat or their order', () => {
    const dup = runAudit(
      buildCourse({
        fractions: 3,
        edit: (c) => {
          stereotactic('SBRT', 'linac', 3)(c);
          repeat(2, true)(c);
        },
      }),
    );
    expect(dup.fractions[2]).toMatchObject({ status: 'hold', reasons: ['DOC-012'], lines: [] });
    expect(dup.fractions[2]!.findings[0]!.evidence).toMatchObject({ repeats: 'FX02', sameId: false });
    const renumbered = runAudit(
      buildCourse({
        fractions: 2,
        edit: (c) => {
          stereotactic('SBRT', 'linac', 2)(c);
          reversedNumbers(c);
        },
      }),
    );
    expect(renumbered.fractions[0]!.findings.find((f) => f.ruleId === 'CODE-011')?.evidence).toEqual({
      recordedNumber: 2,
      deliveryOrder: 1,
    });
  });

  it('a fraction renumbered 1 in a later export still counts by its place in the course', () => {
    const audit = runAudit(
      buildCourse({
        fractions: 6,
        edit: (c) => {
          stereotactic('SBRT', 'linac', 6)(c);
          fx(c, 6).number = 1;
          fx(c, 1).number = 7;
        },
      }),
    );
    expect(audit.fractions.at(-1)).toMatchObject({ status: 'hold', lines: [] });
  });

  it('a three-fraction linac SRS course is 77373 per fraction, never 77372', () => {
    const audit = runAudit(buildCourse({ fractions: 3, edit: stereotactic('SRS', 'linac', 3) }));
    expect(audit.fractions.map((f) => [f.status, lineCodes(f).join(',')])).toEqual([
      ['ready', '77373'],
      ['ready', '77373'],
      ['ready', '77373'],
    ]);
  });

  it('robotic: G0339 then G0340 up to the fifth session, the sixth held', () => {
    const audit = runAudit(buildCourse({ fractions: 6, edit: stereotactic('SBRT', 'robotic', 6) }));
    expect(audit.fractions.map((f) => lineCodes(f).join(','))).toEqual([
      'G0339',
      'G0340',
      'G0340',
      'G0340',
      'G0340',
      '',
    ]);
    expect(audit.fractions[5]).toMatchObject({ status: 'hold', reasons: ['CODE-011'] });
  });
});

// CPT 2026 77412 "mixed electron/photon field(s)"; Radiation Type (300A,00C6) of each delivered beam (CODE-013).
describe('delivered beams decide the session', () => {
  it('an electron and a photon beam in one session of a photon plan: 77412 and a CODE-013 warning', () => {
    const audit = runAudit(
      buildCourse({
        fractions: 2,
        edit: (c) => {
          plain(c);
          fx(c, 1).beams[0]!.radiationType = 'ELECTRON';
          fx(c, 1).beams[1]!.radiationType = 'PHOTON';
        },
      }),
    );
    const [first, second] = audit.fractions;
    expect(lineCodes(first!)).toEqual(['77412', '77387-26']);
    expect(first!.lines[0]!.reason).toBe('mixed electron/photon fields');
    expect(first!.findings.map((f) => `${f.ruleId}:${f.severity}`)).toContain('CODE-013:warning');
    expect(lineCodes(second!)).toEqual(['77407', '77387-26']);
  });
});

// schema/course.schema.json: the audit uses "the plan's motion management, else the thresholds a
// motion-management order's text states"; seed: treatment "paused when out of tolerance" (CODE-006).
describe('motion management stated by the order when the plan is silent', () => {
  const HOLD_ORDER = 'SGRT with AlignRT during delivery, beam hold when outside 3 mm / 3 deg.';
  const planless = (orderText: string, recordStates: boolean) => (c: CourseInput) => {
    c.plan.motionManagement = null;
    c.orders![0]!.text = orderText;
    if (!recordStates)
      for (const f of c.fractions)
        for (const m of f.monitoring ?? [])
          Object.assign(m, { thresholds: 'unknown', gatingActive: 'unknown' });
  };
  // prettier-ignore
  const CASES: [string, (c: CourseInput) => void, string, string[], [string, string][]][] = [
    // name, edit, status, lines of fraction 1, [rule, severity] expected among its findings
    ['log states 0.3 cm / 3° and gating on, order states the hold: 77412 on the order', planless(HOLD_ORDER, true), 'ready', ['77412', '77387-26'], [['CODE-006', 'info']]],
    ['report states nothing, order states the hold: 77412, thresholds and hold from the order', planless(HOLD_ORDER, false), 'ready', ['77412', '77387-26'], [['CODE-006', 'info'], ['DOC-006', 'info']]],
    ['order without a hold clause, monitoring recorded: 77407 with a warning, never silence', planless(AMM_ORDER_TEXT, true), 'ready', ['77407', '77387-26'], [['CODE-006', 'warning']]],
  ];
  it.each(CASES)('%s', (_name, edit, status, lines, expected) => {
    const first = runAudit(buildCourse({ fractions: 2, edit })).fractions[0]!;
    expect(first.status).toBe(status);
    expect(lineCodes(first)).toEqual(lines);
    const found = first.findings.map((f) => [f.ruleId, f.severity]);
    for (const e of expected) expect(found).toContainEqual(e);
  });
});
