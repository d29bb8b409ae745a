import { describe, expect, it } from 'vitest';
import { buildCourse, type CourseInput, fx, signedAt } from '../../../test/support/course-builder.js';
import { letterInput, MEDICARE_APPEAL } from '../../../test/support/letter-input.js';
import { assembleLetter } from './assemble-letter.js';
import { lineLetterRefusal, payerLetterType, type RefusalLine } from './letter-refusal.js';

/**
 * The redetermination request to traditional Medicare: the content form CMS-20027 asks and a written
 * request must carry (42 CFR 405.944(b): the beneficiary's name, the Medicare number, the service and its
 * date of service, the party's name), the claim's ICN (835 CLP07), filed within 120 days of receipt of the
 * initial determination (42 CFR 405.942(a)).
 */
describe('redetermination: the letter a traditional Medicare line gets, and only that payer', () => {
  const course = buildCourse({ profile: 'medicare' });
  /** A traditional Medicare Part B CO-151 (frequency) denial, the remittance analysis's queue appeal. */
  const co151: RefusalLine = {
    category: 'frequency-denial',
    queue: 'appeal',
    carcs: ['CO-151'],
    remarks: [],
    claimFilingIndicator: 'MB',
    dateOfService: '2026-03-03',
    nextAction: 'Request a redetermination with the twice-daily documentation.',
    code: '77412',
    modifiers: [],
    payerProfile: 'medicare',
  };
  it.each<[string, boolean, Partial<RefusalLine>, 'redetermination' | 'peer-to-peer', RegExp | null]>([
    ['traditional Medicare CO-151', true, {}, 'redetermination', null],
    [
      'traditional Medicare other denial (CO-96)',
      true,
      { category: 'other-denial', carcs: ['CO-96'] },
      'redetermination',
      null,
    ],
    [
      'a Medicare Advantage plan (CLP06 16) CO-151',
      false,
      { claimFilingIndicator: '16', payerProfile: 'default' },
      'peer-to-peer',
      /^a redetermination is traditional Medicare's first level of appeal \(42 CFR 405\.940\); this payer is not traditional Medicare: .*reconsideration \(42 CFR 422\.578\).*commercial plan/,
    ],
    [
      'a commercial plan CO-151',
      false,
      { claimFilingIndicator: 'CI', payerProfile: 'uhc' },
      'peer-to-peer',
      /^a redetermination is traditional Medicare's first level of appeal/,
    ],
    [
      // Medicare Part B takes no appeal of an unprocessable claim: a new claim (CMS IOM 100-04 ch. 1 §80.3).
      'traditional Medicare MA130',
      true,
      { remarks: ['MA130'] },
      'redetermination',
      /^a new claim answers this line/,
    ],
  ])('%s', (_, medicare, change, offered, refused) => {
    expect(payerLetterType('peer-to-peer', medicare)).toBe(offered);
    const result = lineLetterRefusal('redetermination', course, medicare, { ...co151, ...change });
    if (refused) expect(result).toMatch(refused);
    else expect(result).toBeNull();
  });

  // Traditional Medicare has no prior authorization for radiation therapy (CMS, "Prior Authorization and
  // Pre-Claim Review Initiatives"): its authorization CARC (CO-197) is read by its remark and answered by a
  // new claim, a reopening or the redetermination (42 CFR 405.940), never a retro-authorization request.
  it.each<[string, boolean, Partial<RefusalLine>, string]>([
    ['traditional Medicare CO-197', true, {}, 'redetermination'],
    [
      'a commercial plan CO-197',
      false,
      { claimFilingIndicator: 'CI', payerProfile: 'evicore' },
      'retro-authorization',
    ],
  ])('%s: the letter offered and its refusal agree', (_, medicare, change, offered) => {
    const co197: RefusalLine = {
      ...co151,
      category: 'authorization-denial',
      queue: medicare ? 'corrected-claim' : 'retro-authorization',
      carcs: ['CO-197'],
      nextAction:
        'Traditional Medicare has no prior authorization for radiation therapy: read the remark code.',
      ...change,
    };
    const type = payerLetterType('retro-authorization', medicare);
    expect(type).toBe(offered);
    expect(
      lineLetterRefusal(type, buildCourse({ profile: medicare ? 'medicare' : 'evicore' }), medicare, co197),
    ).toBeNull();
  });

  // An appeal to traditional Medicare is already its redetermination (appeal-facts.ts: the level).
  it.each(['appeal-medical-necessity', 'appeal-igrt-denial', 'appeal-downcode'] as const)(
    '%s keeps its type for traditional Medicare',
    (type) => expect(payerLetterType(type, true)).toBe(type),
  );

  it('a peer-to-peer sheet asked of traditional Medicare names the redetermination request instead', () => {
    expect(lineLetterRefusal('peer-to-peer', course, true, co151)).toMatch(
      /hold no peer-to-peer review .*: draft the redetermination request \(with the elements 42 CFR 405\.944\(b\) requires, within 120 days of receipt of the notice, 42 CFR 405\.942\)/,
    );
  });
});

describe('redetermination: the request as CMS-20027 asks it, of its date only', () => {
  // Other fractions with defects: fraction 1 signed late, fraction 4 without a monitoring record.
  const defects = (c: CourseInput) => {
    fx(c, 1).sgrtRecord!.signature = signedAt('2026-03-05T09:00:00');
    fx(c, 4).monitoring = [];
  };
  const input = letterInput('redetermination', defects, 'medicare');
  const draft = assembleLetter(input);

  it('is ready, titled, and names the beneficiary, the MBI, the ICN, the service and its date', () => {
    expect(draft.ready, JSON.stringify(draft.missing)).toBe(true);
    expect(draft.title).toBe('Medicare redetermination request');
    expect(draft.body).toMatch(/Beneficiary's name: Test Patient/);
    expect(draft.body).toMatch(/Medicare number \(MBI\): 1EG4TE5MK73/);
    expect(draft.body).toMatch(
      /Internal control number \(ICN\): 2226123456789 \(our claim number C-SYN00417-1-202603\)/,
    );
    expect(draft.body).toMatch(/Item or service: CPT 77412/);
    expect(draft.body).toMatch(/Date of service: 2026-03-03/);
  });

  it('cites 42 CFR 405.942 for its deadline and 405.944 for its content', () => {
    expect(draft.body).toMatch(
      /Request deadline: 2026-07-09 \(120 days from receipt of the initial determination, 42 CFR 405\.942\(a\)\)/,
    );
    expect(draft.body).toMatch(/42 CFR 405\.944\(b\)/);
  });

  it("states why the service was reasonable and necessary with that date's evidence only, and is signed", () => {
    expect(draft.body).toMatch(/reasonable and necessary/);
    expect(draft.body).toMatch(/Fraction 2 \(2026-03-03\)/);
    const text = `${draft.body}\n${draft.cover.rows.map((r) => `${r.label}: ${r.value}`).join('\n')}`;
    expect(text).not.toMatch(/signed late|not signed|Fractions monitored|Fractions delivered|\d+\/\d+/);
    for (const date of ['2026-03-02', '2026-03-04', '2026-03-05', '2026-03-06'])
      expect(text).not.toContain(date);
    expect(draft.body).toMatch(/Rita Doctorfake, MD/);
    expect(draft.body).toMatch(/NPI 1999000015/);
  });

  it('without the Medicare number it is not ready and says what to add', () => {
    const missing = assembleLetter({ ...input, appeal: { ...MEDICARE_APPEAL, memberId: null } });
    expect(missing.ready).toBe(false);
    expect(missing.missing.map((m) => m.element)).toContain("The beneficiary's Medicare number");
  });
});

describe('redetermination of a traditional Medicare authorization denial (CO-197)', () => {
  const input = letterInput('redetermination', undefined, 'medicare');
  const NO_AUTHORIZATION =
    /Traditional Medicare Part B has no prior authorization for radiation therapy \(CMS, "Prior Authorization and Pre-Claim Review Initiatives"/;
  it.each([
    ['authorization-denial', ['CO-197'], true],
    ['frequency-denial', ['CO-151'], false],
  ])(
    'a %s line (%j): says Medicare has no prior authorization before the necessity: %s',
    (category, carcs, says) => {
      const draft = assembleLetter({ ...input, claim: { ...input.claim!, category, carcs } });
      expect(draft.ready, JSON.stringify(draft.missing)).toBe(true);
      if (!says) return expect(draft.body).not.toMatch(NO_AUTHORIZATION);
      expect(draft.body).toMatch(NO_AUTHORIZATION);
      expect(draft.body.search(NO_AUTHORIZATION)).toBeLessThan(
        draft.body.indexOf('reasonable and necessary'),
      );
    },
  );
});

// A denied 77387-26 is the physician's image guidance of the date: its appeal argues that service (the
// date's image review), never the criteria of the paid delivery code.
describe('a 77387-26 line denied as not necessary argues the image guidance of its date', () => {
  it.each([
    ['appeal-medical-necessity', 'evicore'],
    ['redetermination', 'medicare'],
  ] as const)('%s (%s)', (type, profile) => {
    const input = letterInput(type, undefined, profile);
    const claim = {
      ...input.claim!,
      category: 'other-denial',
      carcs: ['CO-50'],
      submittedCode: '77387',
      code: '77387',
      modifiers: ['26'],
    };
    const draft = assembleLetter({ ...input, claim });
    expect(draft.body).toMatch(
      /met the 2026 criteria of CPT 77387-26: the physician's image guidance of the date: Fraction 2 \(2026-03-03\): image guidance.+; reviewed and signed by .+ at /,
    );
    expect(draft.body).not.toMatch(/criteria of CPT 774\d\d/);
  });
});
