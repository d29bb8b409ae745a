import { describe, expect, it } from 'vitest';
import { type CourseInput, fx, PHYSICIAN_ID, signedAt } from '../../../test/support/course-builder.js';
import {
  LETTER_CLAIMS,
  LETTER_SIGNER,
  letterClaim,
  letterInput,
} from '../../../test/support/letter-input.js';
import { assembleLetter, dollars } from './assemble-letter.js';
import { APPEAL_TYPES, LETTER_TYPES, type LetterType } from './letter-types.js';
import { REFERENCE_LIBRARY } from './site-references.js';

const citedNumbers = (body: string) =>
  [...new Set([...body.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])))].sort((a, b) => a - b);

describe('assembleLetter: every letter type from a fully documented course', () => {
  it.each(LETTER_TYPES.map((t) => [t]))('%s is ready, cites what it lists and names the facts', (type) => {
    const draft = assembleLetter(letterInput(type));
    expect(draft.missing).toEqual([]);
    expect(draft.ready).toBe(true);
    // The 2025 authorization appeal warns that the payer's carry-forward notice is not on file; the
    // request, that the fractions delivered without an authorization on file need a retro-authorization.
    const expected: Partial<Record<LetterType, string[]>> = {
      'appeal-authorization-2025': ['CARRY-FORWARD-NOT-ON-FILE'],
      'prior-authorization': ['RETRO-AUTHORIZATION-NEEDED'],
    };
    expect(draft.warnings.map((w) => w.code)).toEqual(expected[type] ?? []);
    expect(draft.template).toEqual({ id: `default-${type}`, version: 0 });
    expect(draft.body).not.toMatch(/\{\{|\[ref:/);
    // every cited reference is listed and every listed reference is cited, numbered in order
    expect(citedNumbers(draft.body)).toEqual(draft.references.map((_, i) => i + 1));
    expect(draft.references.length).toBeGreaterThan(0);
    expect(draft.body).toContain('C-SYN00417-1');
    expect(draft.cover.rows.find((r) => r.label === 'Course')?.value).toBe('C-SYN00417-1');
  });

  it.each<[LetterType, RegExp[]]>([
    [
      'prior-authorization',
      [/Prior authorization request/, /15 fractions/, /System: AlignRT/, /0\.3 cm \/ 3°/, /1961-04-02/],
    ],
    [
      'appeal-downcode',
      [
        // A single isocenter with motion management: argued as such, not ASTRO's multiple-sites report.
        /rests on a single isocenter with active motion management/,
        /- Fraction 2 \(2026-03-03\)\n- System: AlignRT/,
        /adjudicated 77407/,
        /\$317\.64/,
      ],
    ],
    ['appeal-igrt-denial', [/technical component is bundled/, /77387-26/, /CO-97/]],
    [
      'appeal-authorization-2025',
      [
        /AUTH-2025-1/,
        /obtained 2025-12-10/,
        /delivered under authorization AUTH-2025-1 \(obtained 2025-12-10, valid 2025-12-15 to 2026-03-31, codes 77412; 15 fractions\)/,
        /CO-197/,
      ],
    ],
    ['appeal-zero-payment', [/adjusted under CO-45/, /a denial in effect/, /paid \$0\.00/]],
    [
      'peer-to-peer',
      [
        /Delivery level: 77412 \(single-isocenter 3D with active motion management\)/,
        /Talking points:\n\nThis 77412 rests on a single isocenter with active motion management/,
        /fractions 5 of 15 \(2026-03-02 to 2026-03-06\)/,
      ],
    ],
  ])('%s states its policy point and the patient facts', (type, patterns) => {
    const draft = assembleLetter(letterInput(type));
    for (const p of patterns) expect(draft.body).toMatch(p);
  });

  it('breast letters cite the breast literature; a right breast adds the right-sided studies; prostate its own', () => {
    const left = assembleLetter(letterInput('appeal-downcode')).references.map((r) => r.id);
    expect(left).toEqual(expect.arrayContaining(['darby-2013', 'michalski-2012']));
    expect(left).not.toContain('rice-2015');
    const right = assembleLetter(
      letterInput('appeal-downcode', (c) => {
        c.site = {
          region: 'breast',
          laterality: 'right',
          extent: 'whole-breast',
          internalMammaryNodes: true,
        };
      }),
    ).references.map((r) => r.id);
    expect(right).toEqual(expect.arrayContaining(['rice-2015']));
    const prostate = assembleLetter(
      letterInput('appeal-downcode', (c) => {
        c.site = { region: 'prostate' };
      }),
    );
    // No guideline sentence in the physician's mouth (site-references.test.ts): the prostate has no site
    // statement of its own, the physician's words are the necessity statement.
    expect(prostate.body).not.toMatch(/physician's rationale|volumetric tracking/);
    expect(prostate.body).toMatch(/Medical necessity, in the treating physician's words:/);
    expect(prostate.references.map((r) => r.id)).not.toEqual(
      expect.arrayContaining(['darby-2013', 'michalski-2012']),
    );
  });

  it('a 77412 for multiple isocenters needs no motion evidence: the letter argues the isocenters', () => {
    const draft = assembleLetter(
      letterInput('appeal-downcode', (c) => {
        c.site = { region: 'craniospinal' };
        c.plan.isocenters = 2;
        c.plan.motionManagement = null;
        c.orders = [];
        c.necessity = null;
        c.fractions.forEach((f) => (f.monitoring = []));
      }),
    );
    expect(draft.missing).toEqual([]);
    expect(draft.body).toContain(
      'The treatment met the 2026 criteria of CPT 77412: photons to 2 isocenters.',
    );
    expect(draft.body).not.toMatch(/motion-management record|Medical necessity, in/);
    expect(draft.cover.rows.map((r) => r.label)).not.toContain('System');
    // The argument fits the criterion met: no single-isocenter motion-management sentence.
    expect(draft.body).not.toMatch(
      /single-isocenter 3D or IMRT treatment with active motion management meets/,
    );
    expect(draft.references.map((r) => r.id)).toEqual(['astro-denial-trends-2026']);
  });

  // The NCCN breast wording was not checked against a publisher's text of the version the practice
  // follows (site-references.json `wording`): the sentence is the physician's, and NCCN is named only as
  // the guideline the practice follows, with the version it sets (the seed's "Version XX.2026" is a
  // placeholder, never printed).
  it.each<[string, Record<string, string> | undefined, string | null]>([
    [
      'the practice version is named',
      { 'nccn-breast': '3.2026' },
      'The practice follows the NCCN Clinical Practice Guidelines in Oncology (NCCN Guidelines): Invasive Breast Cancer, Version 3.2026.',
    ],
    ['no version set: NCCN is not named', undefined, null],
    ['a placeholder version is never printed', { 'nccn-breast': 'XX.2026' }, null],
  ])('the NCCN breast guideline: %s', (_, versions, printed) => {
    const draft = assembleLetter({ ...letterInput('appeal-downcode'), guidelineVersions: versions });
    expect(draft.references.map((r) => r.id)).not.toContain('nccn-breast');
    expect(draft.body).not.toMatch(/physician's rationale|individuali[sz]ed|respiratory control/);
    expect(draft.warnings.map((w) => w.code)).not.toContain('GUIDELINE-VERSION');
    if (printed) expect(draft.body).toContain(printed);
    else expect(draft.body).not.toMatch(/NCCN|XX\.2026/);
  });

  // No letter prints a statement attributed to a guideline whose wording was not checked.
  it.each(LETTER_TYPES.flatMap((type) => ['breast', 'prostate'].map((region) => [type, region] as const)))(
    '%s for a %s course cites no guideline whose wording was not checked',
    (type, region) => {
      const input = letterInput(type);
      const draft = assembleLetter({
        ...input,
        course: { ...input.course, site: { ...input.course.site, region } },
        guidelineVersions: { 'nccn-breast': '3.2026', 'nccn-prostate': '5.2026' },
      });
      const unchecked = REFERENCE_LIBRARY.references
        .filter((r) => r.kind === 'guideline' && r.wording !== 'checked')
        .map((r) => r.id);
      expect(unchecked.length).toBeGreaterThan(0);
      for (const id of unchecked) expect(draft.references.map((r) => r.id)).not.toContain(id);
      expect(draft.body).not.toMatch(/NCCN Guidelines (for|support|emphasize)/);
    },
  );

  it('a template citing a guideline whose wording was not checked gets no citation, and a warning', () => {
    const draft = assembleLetter({
      ...letterInput('appeal-downcode'),
      template: { id: 't', version: 1, text: 'NCCN says so [ref:nccn-breast].\n\n{{signature}}' },
    });
    expect(draft.references).toEqual([]);
    expect(draft.warnings.map((w) => w.message)).toContainEqual(
      expect.stringContaining('cites the guideline [ref:nccn-breast], whose wording was not checked'),
    );
  });

  it('an SBRT course asks for its routed code (77373) and says nothing about 77412', () => {
    const draft = assembleLetter(
      letterInput('prior-authorization', (c) => {
        c.site = { region: 'lung', laterality: 'left' };
        c.plan.technique = 'SBRT';
        c.plan.fractionsPlanned = 5;
        c.authorizations = [];
      }),
    );
    expect(draft.title).toBe('Prior authorization request: radiation treatment delivery, CPT 77373');
    expect(draft.missing).toEqual([]);
    expect(draft.body).toContain('CPT 77373 (SBRT delivery, per fraction)');
    expect(`${draft.title}\n${draft.body}`).not.toMatch(/77412|77407/);
    expect(draft.cover.rows.find((r) => r.label === 'Delivery level (plan)')?.value).toBe(
      '77373: SBRT delivery, per fraction',
    );
  });

  // CPT 77373: "entire course not to exceed 5 fractions" (CODE-011): a request never asks for more.
  it.each<[string, number, RegExp | null]>([
    ['8 fractions planned', 8, /fractions 6 to 8 will be reported needs the treating physician's decision/],
    [
      '6 fractions planned',
      6,
      /How fraction 6 will be reported needs the treating physician's decision before it is delivered/,
    ],
    ['5 fractions planned', 5, null],
  ])('an SBRT request with %s asks for what 77373 allows', (_name, planned, decision) => {
    const draft = assembleLetter(
      letterInput('prior-authorization', (c) => {
        c.site = { region: 'lung', laterality: 'left' };
        c.plan.technique = 'SBRT';
        c.plan.fractionsPlanned = planned;
        // A request before treatment (delivered fractions are never requested: below).
        c.fractions = [];
        c.authorizations = [];
      }),
    );
    const requested = Math.min(planned, 5);
    expect(draft.body).toContain(`We request authorization of ${requested} fractions`);
    if (planned > 5) expect(draft.body).not.toMatch(new RegExp(`\\b${planned} fractions of`));
    if (decision === null) {
      expect(draft.warnings.map((w) => w.code)).not.toContain('COURSE-LIMIT');
      return expect(draft.body).not.toMatch(/course limit/);
    }
    expect(draft.body).toMatch(decision);
    expect(draft.body).toContain('CPT 77373: "entire course not to exceed 5 fractions"');
    expect(draft.warnings.map((w) => w.code)).toContain('COURSE-LIMIT');
    expect(draft.cover.rows.find((r) => r.label === 'Fractions requested')?.value).toBe(
      `5 of ${planned} planned (course limit of 77373)`,
    );
  });

  it('a practice template that requests {{fractionsPlanned}} past the course limit is warned', () => {
    const base = letterInput('prior-authorization', (c) => {
      c.plan.technique = 'SBRT';
      c.plan.fractionsPlanned = 8;
      c.fractions = c.fractions.slice(0, 2);
    });
    const text = 'We request {{fractionsPlanned}} fractions of {{requestedCode}}.\n\n{{signature}}';
    const draft = assembleLetter({ ...base, template: { id: 'practice-pa', version: 2, text } });
    expect(draft.warnings.find((w) => w.code === 'TEMPLATE')?.message).toContain(
      'prints {{fractionsPlanned}} (8), more than 77373 allows',
    );
  });

  it('never prints the "Code criteria:" heading over nothing (an SBRT request argues no 77412)', () => {
    const sbrt = assembleLetter(
      letterInput('prior-authorization', (c) => {
        c.plan.technique = 'SBRT';
        c.plan.fractionsPlanned = 5;
        c.fractions = c.fractions.slice(0, 2);
      }),
    );
    expect(sbrt.body).not.toContain('Code criteria:');
    expect(assembleLetter(letterInput('prior-authorization')).body).toMatch(/Code criteria:\n\nCPT 77412/);
  });

  it("states the payer's breast criteria only when the course meets them", () => {
    const point = /eviCore's breast guidance supports 77412/;
    expect(assembleLetter(letterInput('appeal-downcode')).body).toMatch(point);
    const right = assembleLetter(
      letterInput('appeal-downcode', (c) => (c.site = { region: 'breast', laterality: 'right' })),
    );
    expect(right.body).not.toMatch(point);
    expect(right.warnings.map((w) => w.code)).toEqual(['RIGHT-BREAST-NO-IMN']);
    expect(assembleLetter(letterInput('appeal-downcode', undefined, 'default')).body).not.toMatch(point);
  });

  it('the peer-to-peer sheet of a line quotes the evidence of its date of service, not the course', () => {
    const draft = assembleLetter({ ...letterInput('peer-to-peer'), claim: LETTER_CLAIMS['appeal-downcode'] });
    expect(draft.body).toContain(
      '- Fraction 2 (2026-03-03): 77412 paid at a lower code (77407)\n- System: AlignRT',
    );
    expect(draft.body).not.toContain('- Fractions monitored:');
  });

  it('the peer-to-peer sheet carries no birth date; appeals do', () => {
    expect(assembleLetter(letterInput('peer-to-peer')).body).not.toContain('1961-04-02');
    expect(assembleLetter(letterInput('appeal-zero-payment')).body).toContain('1961-04-02');
  });

  it("the cover summarises the course's motion evidence for a request, the date's for an appeal", () => {
    const cover = (type: LetterType) =>
      Object.fromEntries(assembleLetter(letterInput(type)).cover.rows.map((r) => [r.label, r.value]));
    expect(cover('prior-authorization')).toMatchObject({
      System: 'AlignRT',
      Thresholds: '0.3 cm / 3°',
      'Fractions monitored': '5/5',
      'Beam-on coverage': '100.0%',
      'SGRT records signed before next beam-on': '5/5',
      'Documentation elements': '5 of 5 present in the chart',
    });
    expect(cover('appeal-downcode')).toMatchObject({
      'Fraction 2': '2026-03-03',
      System: 'AlignRT',
      Thresholds: '0.3 cm / 3°',
      'Beam-on time with valid monitoring': '100.0%',
      'SGRT record': 'signed before the next beam-on',
      'Documentation elements': '5 of 5 present in the chart',
      Adjustments: 'CO-150',
    });
  });
});

describe('assembleLetter: warnings', () => {
  it.each<[string, LetterType, (c: CourseInput) => void, string]>([
    ['"DIBH" alone as necessity', 'peer-to-peer', (c) => (c.necessity!.text = 'DIBH'), 'NECESSITY-DIBH-ONLY'],
    [
      'a check-box necessity',
      'appeal-downcode',
      (c) => (c.necessity!.text = '[x] DIBH medically necessary for this patient'),
      'NECESSITY-CHECKBOX',
    ],
    [
      'a ballot-box necessity',
      'peer-to-peer',
      (c) => (c.necessity!.text = '☑ Motion management medically necessary'),
      'NECESSITY-CHECKBOX',
    ],
    [
      'an unfilled template',
      'appeal-downcode',
      (c) =>
        (c.necessity!.text = 'Left breast, heart within ___ cm of the field; mean heart dose <<MHD>> Gy.'),
      'NECESSITY-TEMPLATE',
    ],
    [
      'no patient facts',
      'appeal-downcode',
      (c) =>
        (c.necessity!.text =
          'Surface guided radiation therapy is the standard of care at our institution for every course we deliver.'),
      'NECESSITY-NOT-SPECIFIC',
    ],
    [
      '"urgent" without a clinical reason',
      'prior-authorization',
      (c) => (c.orders![0]!.text += ' URGENT request.'),
      'URGENT-UNSUPPORTED',
    ],
    [
      'right breast without internal mammary nodes (eviCore)',
      'prior-authorization',
      (c) => (c.site = { region: 'breast', laterality: 'right', extent: 'whole-breast' }),
      'RIGHT-BREAST-NO-IMN',
    ],
  ])('%s', (_, type, edit, code) => {
    const draft = assembleLetter(letterInput(type, edit));
    expect(draft.warnings.map((w) => w.code)).toContain(code);
  });

  it('no warnings for urgent with a documented reason, or a right breast for a payer without the eviCore rule', () => {
    const urgent = assembleLetter(
      letterInput('prior-authorization', (c) => (c.orders![0]!.text += ' Urgent: spinal cord compression.')),
    );
    expect(urgent.warnings.map((w) => w.code)).not.toContain('URGENT-UNSUPPORTED');
    const right = assembleLetter(
      letterInput(
        'prior-authorization',
        (c) => (c.site = { region: 'breast', laterality: 'right' }),
        'default',
      ),
    );
    expect(right.warnings.map((w) => w.code)).not.toContain('RIGHT-BREAST-NO-IMN');
  });
});

describe("assembleLetter: the payer's 77387 modifier-26 rule", () => {
  it.each<[string, string, string[], string, string | null, RegExp | null]>([
    [
      'required and billed with 26',
      'evicore',
      ['26'],
      '2026-03-03',
      null,
      /requires modifier 26 on 77387 for this date of service; the line was billed with it/,
    ],
    [
      'required and billed without',
      'evicore',
      [],
      '2026-03-03',
      'IGRT-MODIFIER-26-MISSING',
      /billed without it/,
    ],
    [
      'omitted by the payer and billed with 26',
      'commercial-omit-26',
      ['26'],
      '2026-03-03',
      'IGRT-RESUBMIT-WITHOUT-26',
      null,
    ],
    [
      'either on the date (UHC before March)',
      'uhc',
      ['26'],
      '2026-02-20',
      null,
      /accepts 77387 with or without modifier 26/,
    ],
  ])('%s', (_, profile, modifiers, dateOfService, warning, body) => {
    const base = letterInput('appeal-igrt-denial', (c) => (fx(c, 1).date = dateOfService), profile);
    const draft = assembleLetter({ ...base, claim: { ...base.claim!, modifiers, dateOfService } });
    expect(draft.warnings.map((w) => w.code)).toEqual(warning ? [warning] : []);
    if (body) expect(draft.body).toMatch(body);
  });
});

describe('assembleLetter: not ready until the chart supports the letter', () => {
  it.each<[string, LetterType, (c: CourseInput) => void, RegExp]>([
    ['no necessity statement', 'appeal-downcode', (c) => (c.necessity = null), /Medical necessity statement/],
    ['no signed AMM order', 'peer-to-peer', (c) => (c.orders = []), /Signed motion-management order/],
    [
      'no motion record',
      'appeal-downcode',
      (c) => c.fractions.forEach((f) => (f.monitoring = [])),
      /Motion record/,
    ],
    [
      'set-up only motion management',
      'appeal-downcode',
      (c) => (c.plan.motionManagement!.phase = 'setup-only'),
      /Planned intrafraction/,
    ],
    [
      'no IGRT review',
      'appeal-igrt-denial',
      (c) => (fx(c, 2).imageGuidance = { performed: true, review: null }),
      /image-guidance review/,
    ],
    [
      'no 2025 authorization',
      'appeal-authorization-2025',
      (c) => (c.authorizations = []),
      /2025 authorization record/,
    ],
    [
      'elements below the payer bar',
      'appeal-downcode',
      (c) => {
        c.necessity!.text =
          'Left breast 40.05 Gy in 15 fractions; her heart lies close to the chest wall tangents.';
        c.orders![0]!.text = 'AMM';
        c.orders![0]!.system = undefined;
      },
      /Documentation element 2/,
    ],
  ])('%s', (_, type, edit, pattern) => {
    const draft = assembleLetter(letterInput(type, edit));
    expect(draft.ready).toBe(false);
    expect(draft.missing.map((m) => m.element).join('\n')).toMatch(pattern);
    expect(draft.body).toMatch(/^This letter cannot be sent yet/);
    expect(draft.body).toMatch(pattern);
    expect(draft.references).toEqual([]);
  });

  it('an appeal without its claim line is not ready', () => {
    const draft = assembleLetter({ ...letterInput('appeal-zero-payment'), claim: null });
    expect(draft.missing.map((m) => m.element)).toEqual(['The claim line appealed']);
  });
});

describe('assembleLetter: practice templates', () => {
  it('renders a practice template, numbers its own [ref:] citations and reports unknown placeholders as warnings', () => {
    const draft = assembleLetter({
      ...letterInput('appeal-downcode'),
      template: {
        id: 'tpl-1',
        version: 3,
        text: 'Dear {{payerName}},\n\nSee Darby [ref:darby-2013] and {{nope}}.\n\n{{evidence}}',
      },
    });
    expect(draft.template).toEqual({ id: 'tpl-1', version: 3 });
    expect(draft.body).toContain('See Darby [1] and {{nope}}.');
    expect(draft.references.map((r) => r.id)).toEqual(['darby-2013']);
    expect(draft.warnings).toEqual([
      { code: 'TEMPLATE', message: 'template tpl-1 v3 3:32: unknown placeholder {{nope}}' },
    ]);
  });

  it('signed records of a course keep their count when a signature is late', () => {
    const draft = assembleLetter(
      letterInput('peer-to-peer', (c) => (fx(c, 2).sgrtRecord!.signature = signedAt('2026-03-05T09:00:00'))),
    );
    expect(draft.cover.rows.find((r) => r.label.startsWith('SGRT'))?.value).toBe('4/5, 1 signed late');
  });
});

it('dollars formats integer cents', () => {
  expect([0, 5, 31764, 123456789, -250, 100000, 100500, -100000001, 100000000000].map(dollars)).toEqual([
    '$0.00',
    '$0.05',
    '$317.64',
    '$1,234,567.89',
    '-$2.50',
    '$1,000.00',
    '$1,005.00',
    '-$1,000,000.01',
    '$1,000,000,000.00',
  ]);
});

describe('assembleLetter: an appeal speaks of its date of service only', () => {
  // Other fractions with defects: fraction 1 signed late, fraction 4 without a monitoring record.
  const defects = (c: CourseInput) => {
    fx(c, 1).sgrtRecord!.signature = signedAt('2026-03-05T09:00:00');
    fx(c, 4).monitoring = [];
  };
  const otherDates = ['2026-03-02', '2026-03-04', '2026-03-05', '2026-03-06'];

  it.each(APPEAL_TYPES.map((t) => [t]))(
    '%s volunteers no other fraction and no course-wide figure',
    (type) => {
      const draft = assembleLetter(letterInput(type as LetterType, defects));
      const text = `${draft.body}\n${draft.cover.rows.map((r) => `${r.label}: ${r.value}`).join('\n')}`;
      expect(draft.ready).toBe(true);
      expect(text).not.toMatch(/signed late|not signed|Fractions monitored|Fractions delivered|\d+\/\d+/);
      for (const date of otherDates) expect(text).not.toContain(date);
    },
  );

  it('the request for the course and the peer-to-peer sheet keep the course-wide figures', () => {
    for (const type of ['prior-authorization', 'peer-to-peer'] as const) {
      const rows = assembleLetter(letterInput(type, defects)).cover.rows;
      expect(rows.find((r) => r.label.startsWith('SGRT records'))?.value).toBe('3/4, 1 signed late');
    }
  });

  it("an appeal of a date without a monitoring record is not ready and asks for that date's record", () => {
    const base = letterInput('appeal-downcode', defects);
    const draft = assembleLetter({ ...base, claim: { ...base.claim!, dateOfService: '2026-03-05' } });
    expect(draft.ready).toBe(false);
    expect(draft.missing.map((m) => m.element)).toEqual(['Motion record (SGRT) of the date of service']);
  });
});

describe('assembleLetter: the 77387-26 appeal argues what holds for every payer, then its own rule', () => {
  it.each<[string, string, RegExp[]]>([
    ['a commercial plan under CPT', 'default', []],
    ['traditional Medicare: no Medicare-only rule either', 'medicare', [/requires modifier 26 on 77387/]],
    ['UnitedHealthcare from 1 March 2026', 'uhc', [/requires modifier 26 on 77387 for this date/]],
    ['a payer that denies the modifier: no rule stated', 'commercial-omit-26', []],
  ])('%s', (_, profile, own) => {
    const draft = assembleLetter(letterInput('appeal-igrt-denial', undefined, profile));
    expect(draft.body).toMatch(/77387 as a professional code only; its technical component is bundled/);
    expect(draft.body).toMatch(/inconsistent denial rationales/);
    for (const p of own) expect(draft.body).toMatch(p);
    if (!own.length) expect(draft.body).not.toMatch(/modifier 26 on 77387/);
    // The seed's NCCI and fee-schedule points could not be checked against CMS's records: not argued.
    expect(draft.body).not.toMatch(/Correct Coding|Fee Schedule|national payment/);
    expect(draft.references.map((r) => r.id)).toEqual([
      'astro-code-changes-2026',
      'astro-denial-trends-2026',
      // To UHC, ASTRO's word on the incorrect edit in its system (igrt-payer-points.test.ts).
      ...(profile === 'uhc' ? ['astro-pa-advocacy-2026'] : []),
    ]);
  });

  it.each<[string, 'CBCT' | 'kV' | 'MV' | 'surface' | undefined, string]>([
    ['CBCT', 'CBCT', 'image guidance by cone-beam CT \\(CBCT\\)'],
    ['kV', 'kV', 'image guidance by kV planar imaging'],
    ['MV', 'MV', 'image guidance by MV portal imaging'],
    // The record does not name the imaging: said so, never taken from the SGRT monitoring.
    ['not recorded', undefined, 'image guidance \\(imaging modality not recorded\\)'],
  ])('shows the image review of the date: modality (%s), reviewer and sign time', (_, modality, shown) => {
    const draft = assembleLetter(
      letterInput('appeal-igrt-denial', (c) => {
        const f = c.fractions.find((x) => x.date === '2026-03-03')!;
        if (modality && f.imageGuidance) f.imageGuidance.modality = modality;
      }),
    );
    expect(draft.body).toMatch(
      new RegExp(
        `- Fraction 2 \\(2026-03-03\\): ${shown} with surface-guided intrafraction tracking \\(AlignRT\\); reviewed and signed by Rita Doctorfake, MD at 2026-03-03 \\d\\d:\\d\\d EST`,
      ),
    );
    expect(draft.cover.rows.map((r) => r.label)).toContain('Image guidance of the date');
  });
});

describe('assembleLetter: the 2025 authorization carried forward', () => {
  const denied2026 = {
    number: 'AUTH-2026-DENIED',
    codes: ['77412'],
    fractionsAuthorized: 0,
    validFrom: '2026-01-05',
    validTo: '2026-03-31',
    obtainedOn: '2026-01-05',
    status: 'denied' as const,
  };
  it.each<[string, (c: CourseInput) => void, RegExp | null]>([
    ['neither the notice nor the denied request on file: not stated', () => {}, null],
    [
      "the payer's notice on file",
      (c) => (c.authorizations![0]!.status = 'carried-forward'),
      /The payer carried that authorization forward into 2026: the payer's notice that authorization AUTH-2025-1 carries into 2026 is enclosed/,
    ],
    [
      'the denied 2026 request on file',
      (c) => c.authorizations!.push(denied2026),
      /The payer carried that authorization forward into 2026: the payer denied the 2026 authorization requested for this course \(AUTH-2026-DENIED, 2026-01-05\)/,
    ],
  ])('%s', (_, edit, statement) => {
    const draft = assembleLetter(letterInput('appeal-authorization-2025', edit));
    const warned = draft.warnings.some((w) => w.code === 'CARRY-FORWARD-NOT-ON-FILE');
    // The record on file is the evidence (enclosed): the statement cites nothing.
    if (statement) expect(draft.body).toMatch(new RegExp(`${statement.source}[^\\[\\n]*\\.\\n`));
    else expect(draft.body).not.toMatch(/carried|carries/);
    expect(draft.body).not.toMatch(/Payers have been denying/);
    expect(warned).toBe(statement === null);
  });
});

describe('assembleLetter: signed by the treating physician', () => {
  // Every letter to the payer carries the physician's signature block (the peer-to-peer sheet stays in
  // the practice); the appeals end with their enclosures after it.
  it.each(LETTER_TYPES.filter((t) => t !== 'peer-to-peer').map((t) => [t]))(
    '%s has the signer block',
    (type) => {
      expect(assembleLetter(letterInput(type)).body).toMatch(
        /Sincerely,\n\n_{30}\nRita Doctorfake, MD\nTreating radiation oncologist, NPI 1999000015\nSynthetic Radiation Oncology/,
      );
    },
  );

  it('a letter to the payer ends with the signature line, name, credentials and NPI', () => {
    const draft = assembleLetter(letterInput('appeal-downcode'));
    expect(draft.body).toMatch(
      /Sincerely,\n\n______________________________\nRita Doctorfake, MD\nTreating radiation oncologist, NPI 1999000015\nSynthetic Radiation Oncology$/,
    );
    expect(draft.body).toContain('From: Synthetic Radiation Oncology, Rita Doctorfake, MD');
    expect(draft.body).not.toContain('DR-SYN-01');
  });

  it.each([
    ['MCDONALD', 'KENJI', 'KENJI MCDONALD, MD'],
    ['PLACEHOLDER-MD', 'Kenji', 'Kenji PLACEHOLDER-MD, MD'],
    ["O'Neil-McKay", 'Ana', "Ana O'Neil-McKay, MD"],
  ])('the signed name %s is printed as the settings spell it', (lastName, firstName, signed) => {
    const draft = assembleLetter({
      ...letterInput('appeal-downcode'),
      physicians: { [PHYSICIAN_ID]: { ...LETTER_SIGNER, firstName, lastName } },
    });
    expect(draft.body).toContain(`\n${signed}\nTreating radiation oncologist`);
  });

  it('without the physician in the billing settings the letter is not ready and says what to add', () => {
    const draft = assembleLetter({ ...letterInput('prior-authorization'), physicians: {} });
    expect(draft.ready).toBe(false);
    expect(draft.missing).toEqual([
      {
        element: "The treating physician's name and NPI",
        fix: "Add physician DR-SYN-01 (first and last name, credentials, NPI) to the practice's billing settings: the letter is signed by the treating physician.",
      },
    ]);
    expect(assembleLetter({ ...letterInput('peer-to-peer'), physicians: {} }).ready).toBe(true);
  });

  it('without credentials the letter signs with the name and NPI and warns', () => {
    const base = letterInput('appeal-zero-payment');
    const draft = assembleLetter({
      ...base,
      physicians: { [PHYSICIAN_ID]: { ...LETTER_SIGNER, credentials: undefined } },
    });
    expect(draft.body).toContain('\nRita Doctorfake\nTreating radiation oncologist, NPI 1999000015');
    expect(draft.warnings.map((w) => w.code)).toEqual(['SIGNER-CREDENTIALS']);
  });
});

describe('assembleLetter: peer-to-peer talking points for each denial category', () => {
  it.each<[string, RegExp]>([
    ['downcoded', /rests on a single isocenter with active motion management/],
    ['igrt-professional-denied', /77387 as a professional code only/],
    ['zero-paid-no-denial-code', /Ask the reviewer why the covered delivery was adjusted to zero/],
    ['authorization-2025', /delivered under authorization AUTH-2025-1/],
    ['authorization-denial', /retro-authorization/],
    // A single daily session (the fixture's one fraction a day): not the twice-daily point (letter-wording.test.ts).
    [
      'frequency-denial',
      /2026-03-03 had one treatment session \(fraction 2\), not a second session that day/,
    ],
    [
      'missing-information',
      /The correction comes first[\s\S]*A peer-to-peer does not replace the correction/,
    ],
    ['other-denial', /which policy and which criterion the denial rests on/],
  ])('%s', (category, pattern) => {
    const draft = assembleLetter({
      ...letterInput('peer-to-peer'),
      claim: letterClaim({ carcs: ['CO-16'], paidCents: 0, category }),
    });
    expect(draft.body).toMatch(/Talking points:/);
    expect(draft.body).toMatch(pattern);
  });
});

it('no sentence of a letter cited to CPT speaks of the pause, monitoring throughout beam-on, a beam hold or a carry-forward', () => {
  for (const type of LETTER_TYPES) {
    const draft = assembleLetter(
      letterInput(type, (c) => (c.authorizations![0]!.status = 'carried-forward')),
    );
    const cpt = draft.references.findIndex((r) => r.id === 'astro-code-changes-2026') + 1;
    if (!cpt) continue;
    const sentences = draft.body.split(/(?<=\.)\s+|\n/).filter((x) => x.includes(`[${cpt}]`));
    expect(sentences.length, type).toBeGreaterThan(0);
    for (const sentence of sentences)
      expect(sentence, type).not.toMatch(/paus|beam hold|beam-on|carried forward|signed/i);
  }
});

describe("assembleLetter: eviCore's documentation expectations go only to a payer that applies eviCore's criteria", () => {
  it.each<[string, boolean]>([
    ['evicore', true],
    ['default', false],
    ['uhc', false],
    ['medicare', false],
  ])('%s profile: eviCore named %s', (profile, named) => {
    for (const type of ['appeal-downcode', 'prior-authorization', 'peer-to-peer'] as const) {
      const draft = assembleLetter(letterInput(type, undefined, profile));
      expect(/eviCore looks for|eviCore asks/.test(draft.body), `${type}`).toBe(named);
      if (type !== 'peer-to-peer')
        expect(draft.body).toMatch(
          /Under the practice's documentation policy each fraction reported as 77412/,
        );
    }
  });
});

describe('assembleLetter: the record of the date shows no beam hold', () => {
  // The appealed date (2026-03-03) is fraction 2 of the default course.
  const withoutGating = () =>
    letterInput('appeal-downcode', (c) => {
      for (const m of fx(c, 2).monitoring ?? []) m.gatingActive = false;
    });

  it('no excursion: the letter does not volunteer an absent beam hold', () => {
    const draft = assembleLetter(withoutGating());
    expect(draft.body).toMatch(/Excursions out of tolerance: 0, beam held for 0/);
    expect(draft.body).not.toMatch(/Beam hold when out of tolerance/);
  });
});

describe('assembleLetter: what the letter says is what its source says (cold test of the letters)', () => {
  it.each<[string, LetterType, (c: CourseInput) => void, RegExp[], RegExp[]]>([
    [
      'values the record of the date does not state are given with the plan or order that states them',
      'appeal-downcode',
      (c) => {
        for (const m of fx(c, 2).monitoring ?? []) {
          m.thresholds = 'unknown';
          m.gatingActive = 'unknown';
        }
      },
      [
        /- Thresholds: 0\.3 cm \/ 3° \(the record does not state them; from the plan\)/,
        /- Beam hold when out of tolerance: planned \(the record does not state it; from the plan\)/,
      ],
      [/- Thresholds: 0\.3 cm \/ 3°\n/, /Beam hold when out of tolerance: active/],
    ],
    [
      'a zero-payment appeal says which 77412 criterion the treatment met',
      'appeal-zero-payment',
      () => {},
      [/The treatment of 2026-03-03 met the 2026 criteria of CPT 77412: single-isocenter/],
      [],
    ],
    [
      "a CO-50 line gets a medical-necessity appeal with the physician's words and the evidence of the date",
      'appeal-medical-necessity',
      () => {},
      [
        /Re: Appeal of a denial for medical necessity \(CPT 77412\)/,
        /as not medically necessary \(CO-50\)/,
        /Medical necessity, in the treating physician's words:/,
        /- Fraction 2 \(2026-03-03\)/,
      ],
      [/Talking points/],
    ],
    [
      "the 77412 criteria are CPT's own, cited to no article",
      'appeal-downcode',
      () => {},
      [/mixed electron\/photon fields\.\n/],
      [/mixed electron\/photon fields \[\d\]/, /count isocenters, not anatomic sites/],
    ],
    [
      "ASTRO's 77387-26 sentence is quoted, not strengthened",
      'appeal-igrt-denial',
      () => {},
      [
        /resulting in inconsistent denial rationales across both freestanding and hospital-based facilities" \[\d\]\./,
      ],
      [/as inconsistent denial rationales/],
    ],
    [
      'a request never asks for the fractions already delivered',
      'prior-authorization',
      (c) => {
        c.plan.fractionsPlanned = 15;
        c.authorizations = [];
      },
      [
        /We request authorization of 10 fractions/,
        /Of the 15 fractions planned, fractions 1 to 5 were delivered before this request: this request is for the 10 fractions still to be delivered\./,
      ],
      [/authorization of 15 fractions/],
    ],
  ])('%s', (_, type, edit, present, absent) => {
    const draft = assembleLetter(letterInput(type, edit));
    expect(draft.ready, JSON.stringify(draft.missing)).toBe(true);
    for (const p of present) expect(draft.body).toMatch(p);
    for (const p of absent) expect(draft.body).not.toMatch(p);
  });

  // The payer's review of an authorization request is a review of medical necessity: whatever the level,
  // the request quotes the physician's statement; fractions already delivered are not in it and need a
  // retro-authorization, named by count (no dates of other services).
  it('a request without motion management quotes the necessity and warns of the fractions delivered', () => {
    const draft = assembleLetter(
      letterInput('prior-authorization', (c) => {
        c.plan.motionManagement = null;
        c.plan.fractionsPlanned = 15;
        c.authorizations = [];
      }),
    );
    expect(draft.ready, JSON.stringify(draft.missing)).toBe(true);
    expect(draft.body).toMatch(/Medical necessity, in the treating physician's words:\n\n"Left breast/);
    expect(draft.warnings).toContainEqual({
      code: 'RETRO-AUTHORIZATION-NEEDED',
      message: expect.stringMatching(/^5 fractions were delivered before this request/),
    });
    expect(draft.warnings.find((w) => w.code === 'RETRO-AUTHORIZATION-NEEDED')!.message).not.toMatch(
      /\d{4}-\d{2}-\d{2}/,
    );
  });

  // The packet's pages are summaries the app writes of each record (its source file named), not the
  // records themselves: the letter says so, and offers the source records.
  it('an appeal with its enclosures says a summary of each record is enclosed, the records on request', () => {
    const input = letterInput('appeal-zero-payment');
    const enclosed = assembleLetter({
      ...input,
      appeal: {
        payerClaimNumber: 'P1',
        payerKind: 'other',
        appealBy: '2026-09-01',
        memberId: null,
        enclosures: [{ title: 'Remittance advice line' }],
      },
    });
    expect(enclosed.body).toContain(
      'A summary of each record listed under Enclosures is enclosed, naming its source; the source records are available on request.',
    );
    expect(enclosed.body).not.toMatch(/records listed under Enclosures are enclosed/);
    expect(assembleLetter(input).body).toContain('available on request');
  });

  it("the cover page states the documentation count, not the practice's payer profile wording", () => {
    const draft = assembleLetter(letterInput('appeal-downcode', undefined, 'default'));
    const row = draft.cover.rows.find((r) => r.label === 'Documentation elements');
    expect(row?.value).toBe('5 of 5 present in the chart');
  });
});

it("what to add first attributes the five elements to eviCore's list and the bar to the practice's policy, not to CPT", () => {
  const draft = assembleLetter(
    letterInput(
      'prior-authorization',
      (c) => {
        c.necessity!.text =
          "Left breast cancer; this patient's heart lies within 1.2 cm of the medial tangent.";
        c.orders![0]!.text = undefined;
        c.orders![0]!.system = undefined;
      },
      'default',
    ),
  );
  const fixes = draft.missing.filter((m) => m.element.startsWith('Documentation element')).map((m) => m.fix);
  expect(fixes.length).toBeGreaterThan(0);
  for (const fix of fixes) {
    expect(fix).toMatch(
      /^The practice's policy \(product default\) expects 3 of the 5 elements \(eviCore's list, as ASTRO gives it\); the chart has \d\./,
    );
    expect(fix).not.toMatch(/CPT/);
  }
});
