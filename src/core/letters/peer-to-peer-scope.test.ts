import { describe, expect, it } from 'vitest';
import { type CourseInput, fx, signedAt } from '../../../test/support/course-builder.js';
import { LETTER_CLAIMS, letterClaim, letterInput } from '../../../test/support/letter-input.js';
import { assembleLetter, type LetterInput } from './assemble-letter.js';

/**
 * The peer-to-peer sheet speaks of what the payer asked about (issue 13: a single-date appeal does not
 * volunteer other fractions; "Course-wide figures appear only in a prior-authorization request or where
 * the payer asked for the course").
 */
const sheet = (over: Partial<LetterInput>, edit?: (c: CourseInput) => void) =>
  assembleLetter({ ...letterInput('peer-to-peer', edit), ...over });

describe('peer-to-peer sheet for one remittance line', () => {
  // 77407 billed on 2026-03-03 (the fraction was downgraded), denied as not covered.
  const co96 = letterClaim({
    code: '77407',
    submittedCode: '77407',
    carcs: ['CO-96'],
    paidCents: 0,
    category: 'other-denial',
  });

  it('gives the code billed on the line as its delivery level, and no 77412 or eviCore points', () => {
    const draft = sheet({ claim: co96 });
    expect(draft.body).toContain(
      'Delivery level: 77407 (billed on claim C-SYN00417-1-202603 for 2026-03-03)',
    );
    expect(draft.cover.rows).toContainEqual({
      label: 'Delivery level (billed on the line)',
      value: '77407, billed on claim C-SYN00417-1-202603 for 2026-03-03',
    });
    expect(draft.body).not.toMatch(/77412|eviCore|single-isocenter|active motion management/);
    expect(draft.body).toMatch(/The line was denied \(CO-96\)/);
  });

  it("a 77412 line's sheet quotes the record of its date only: no other fraction, no course figures", () => {
    const draft = sheet({ claim: letterClaim({ carcs: ['CO-150'], code: '77407' }) });
    expect(draft.ready).toBe(true);
    expect(draft.body).toContain('- Fraction 2 (2026-03-03)');
    expect(draft.body).not.toMatch(/fraction (?!2 )\d+ \(/i);
    expect(draft.body).not.toMatch(/Fractions monitored|Largest excursions|SGRT records signed by/);
  });
});

describe("a course's peer-to-peer sheet", () => {
  it('with denied lines, quotes the records of the dates denied only', () => {
    const draft = sheet({ denials: [letterClaim({ carcs: ['CO-150'], code: '77407' })] });
    expect(draft.body).toContain('Motion evidence to quote, of the date(s) at issue:');
    expect(draft.body).toContain('- Fraction 2 (2026-03-03): 77412 paid at a lower code (77407)');
    expect(draft.body).not.toMatch(/fraction (?!2 )\d+ \(/i);
    expect(draft.body).not.toMatch(/Fractions monitored|Largest excursions/);
  });

  it('with two denied lines, gives talking points for each, by date of service', () => {
    const denied = (dateOfService: string) =>
      letterClaim({
        carcs: ['CO-50'],
        paidCents: 0,
        category: 'other-denial',
        code: '77407',
        submittedCode: '77407',
        dateOfService,
      });
    const draft = sheet({ denials: [denied('2026-03-04'), denied('2026-03-03')] });
    const heads = draft.body.split('\n').filter((l) => l.startsWith('Talking points'));
    expect(heads).toEqual([
      'Talking points, CO-50 on 77407 (2026-03-03):',
      'Talking points, CO-50 on 77407 (2026-03-04):',
    ]);
  });

  it('without one, gives the course figures as the review of the course, and a silent record is not "no beam hold"', () => {
    const draft = sheet({}, (c) => {
      for (const f of c.fractions)
        for (const m of f.monitoring ?? []) {
          m.gatingActive = 'unknown';
          m.thresholds = 'unknown';
        }
    });
    expect(draft.body).toContain('Motion evidence to quote (the payer reviews the course):');
    expect(draft.body).toMatch(
      /- Fractions monitored: (\d+) of \1 delivered \(beam hold: the records do not state it; planned, from the plan\)/,
    );
    expect(draft.body).toContain('- Thresholds: 0.3 cm / 3° (the record does not state them; from the plan)');
    expect(draft.body).not.toMatch(/0 with beam hold active/);
  });
});

describe('peer-to-peer sheet for a medical-necessity denial (CARC 50/55/56/167)', () => {
  const co50 = letterClaim({
    carcs: ['CO-50'],
    paidCents: 0,
    category: 'other-denial',
    code: '77407',
    submittedCode: '77407',
  });

  it.each([['CO-50'], ['CO-55'], ['CO-56'], ['CO-167']])(
    '%s gets the medical-necessity talking points',
    (carc) => {
      const draft = sheet({ claim: { ...co50, carcs: [carc] } });
      expect(draft.body).toContain(`The line was denied as not medically necessary (${carc}).`);
      expect(draft.body).toContain("Medical necessity, in the treating physician's words:");
      expect(draft.body).not.toContain('If it is medical necessity');
    },
  );

  it.each<[string, Partial<LetterInput>]>([
    ['a line', { claim: co50 }],
    ['a course with such a line', { denials: [co50] }],
  ])('%s without a necessity statement on file: not ready, says what to add', (_, over) => {
    const draft = sheet(over, (c) => {
      // A 77407 course (no motion management): only the denial asks for the physician's words.
      c.necessity!.text = '';
      c.plan.motionManagement = null;
    });
    expect(draft.ready).toBe(false);
    expect(draft.missing.map((m) => m.element)).toContain('Medical necessity statement');
  });
});

/** A sheet words each line from the payer's adjudication (line-adjudication.ts): a paid line is not "denied". */
describe('peer-to-peer sheet wording from the line adjudication', () => {
  const lowerCode = letterClaim({ carcs: ['CO-150'], code: '77407', category: 'other-denial' });
  const denied = letterClaim({
    code: '77407',
    submittedCode: '77407',
    carcs: ['CO-96'],
    paidCents: 0,
    category: 'other-denial',
  });

  it.each<[string, Partial<LetterInput>, string[]]>([
    [
      "a 77412 line paid as 77407 under a denial code: paid at a lower code, the downcode's points",
      { claim: lowerCode },
      [
        '- Fraction 2 (2026-03-03): 77412 paid at a lower code (77407)',
        'This 77412 rests on a single isocenter with active motion management',
      ],
    ],
    [
      'a 77412 line downcoded',
      { claim: letterClaim({ carcs: ['CO-45'], code: '77407' }) },
      ['- Fraction 2 (2026-03-03): 77412 paid at a lower code (77407)'],
    ],
    [
      'a course with a line paid at a lower code',
      { denials: [lowerCode] },
      ['- Fraction 2 (2026-03-03): 77412 paid at a lower code (77407)'],
    ],
  ])('%s is not called denied', (_, over, expected) => {
    const draft = sheet(over);
    for (const text of expected) expect(draft.body).toContain(text);
    expect(draft.body).not.toMatch(/denied/);
  });

  it('a 77407 line paid as billed is worded as paid, with nothing to dispute', () => {
    const paid = letterClaim({
      code: '77407',
      submittedCode: '77407',
      carcs: ['CO-45'],
      paidCents: 21000,
      category: 'paid-as-expected',
    });
    const draft = sheet({ claim: paid });
    expect(draft.body).toContain('The line was paid as billed (CO-45): the payer did not deny it.');
    expect(draft.body).not.toMatch(/denied/);
  });

  it('a line denied outright is called denied', () => {
    expect(sheet({ claim: denied }).body).toContain('The line was denied (CO-96).');
  });
});

/**
 * A 77387-26 line's sheet gives the date's image review (the physician's work the line bills; seed: the
 * record signed "prior to next beam on to meet criteria for billing the professional service").
 */
describe('peer-to-peer sheet for a 77387-26 line: the image review of its date', () => {
  const igrt = LETTER_CLAIMS['appeal-igrt-denial']!;

  it('shows the modality, the reviewer as the settings spell the name, the sign time and the next beam-on', () => {
    const draft = sheet({ claim: igrt }, (c) => (fx(c, 2).imageGuidance!.modality = 'CBCT'));
    expect(draft.body).toMatch(
      /Image review of the date \(77387-26\):\n- Fraction 2 \(2026-03-03\): image guidance by cone-beam CT \(CBCT\) with surface-guided intrafraction tracking \(AlignRT\); reviewed and signed by Rita Doctorfake, MD at 2026-03-03 \d\d:\d\d [A-Z]{3}; signed before the next beam-on \(2026-03-04 \d\d:\d\d [A-Z]{3}\)/,
    );
    expect(draft.warnings.map((w) => w.code)).not.toContain('IMAGE-REVIEW-NOT-ON-FILE');
  });

  it('signed after the next beam-on: says so', () => {
    const draft = sheet({ claim: igrt }, (c) => {
      fx(c, 2).imageGuidance!.review = signedAt('2026-03-04T12:00:00');
    });
    expect(draft.body).toMatch(/; signed after the next beam-on \(2026-03-04 \d\d:\d\d [A-Z]{3}\)/);
  });

  it.each<[string, (c: CourseInput) => void]>([
    ['no review signed', (c) => (fx(c, 2).imageGuidance!.review = null)],
    ['no image guidance recorded', (c) => (fx(c, 2).imageGuidance = null)],
  ])('%s: "not on file", and what to add', (_, edit) => {
    const draft = sheet({ claim: igrt }, edit);
    expect(draft.body).toContain(
      "- 2026-03-03: the physician's image review is not on file. Add the physician's signed image-guidance review of 2026-03-03 (import or record it), then draft the sheet again.",
    );
    expect(draft.warnings.map((w) => w.code)).toContain('IMAGE-REVIEW-NOT-ON-FILE');
  });

  it('a delivery line has no image-review block', () => {
    expect(sheet({ claim: letterClaim({ carcs: ['CO-150'], code: '77407' }) }).body).not.toMatch(
      /Image review of the date/,
    );
  });
});
