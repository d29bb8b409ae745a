import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DELIVERY_CODES } from '../model/billing-line.js';
import {
  MODALITIES,
  sessionFactsSchema,
  TECHNIQUES,
  type SessionFacts,
  type SessionFactsInput,
} from '../model/session-facts.js';
import { BUNDLED_PROFILES } from '../payers/bundled-profiles.js';
import { modifier26RuleOn, type PayerProfile } from '../payers/payer-profile.js';
import { SEED_2026 } from '../rates/seed-2026.js';
import { RULE_CATALOGUE } from '../rules/catalogue.js';
import { type CodingResult, selectCodes } from './select-codes.js';

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/** A single-isocenter IMRT photon session in a freestanding centre, no motion management, no IGRT. */
const BASE: SessionFactsInput = {
  dateOfService: '2026-03-02',
  placeOfService: '11',
  modality: 'photon',
  technique: 'IMRT',
  isocenters: 1,
  motionManagement: null,
  imageGuidance: null,
};

type Overrides = Partial<SessionFactsInput>;

/** Parse through the schema so defaults (sessionsToday, hoursSincePreviousSession) apply. */
const facts = (over: Overrides = {}): SessionFacts => sessionFactsSchema.parse({ ...BASE, ...over });

const profile = (id: string): PayerProfile => {
  const p = BUNDLED_PROFILES.find((x) => x.id === id);
  if (!p) throw new Error(`no bundled profile ${id}`);
  return p;
};

/**
 * The tables below decide delivery levels and image-review 77387-26: SGRT tracking alone does not support
 * 77387-26 there (its own table, "77387-26 on surface-guided tracking", turns the profile setting on), so
 * surface-guided tracking without an image review carries CODE-007's info finding saying why.
 */
const run = (over: Overrides = {}, profileId = 'default', sgrtTracking = false): CodingResult =>
  selectCodes(
    facts(over),
    { profile: { ...profile(profileId), sgrtTrackingSupportsIgrt: sgrtTracking }, rates: SEED_2026 },
    'fraction 1',
  );

/** Lines as compact strings: code then modifiers, e.g. `77387-26-76`. */
const codes = (r: CodingResult): string[] => r.lines.map((l) => [l.code, ...l.modifiers].join('-'));
const findingIds = (r: CodingResult): string[] => r.findings.map((f) => `${f.ruleId}:${f.severity}`);
const findingsOf = (r: CodingResult, ruleId: string) => r.findings.filter((f) => f.ruleId === ruleId);

const THRESHOLDS = { translationCm: 0.3, rotationDeg: 3 } as const;
const AMM = {
  method: 'SGRT',
  system: 'AlignRT',
  phase: 'intrafraction',
  beamHold: true,
  thresholds: THRESHOLDS,
} as const;
const SETUP_SGRT = { method: 'SGRT', system: 'AlignRT', phase: 'setup-only', beamHold: false } as const;
const COMPRESSION = { method: 'abdominal compression', phase: 'setup-only', beamHold: false } as const;
const NO_HOLD = { method: 'SGRT', system: 'AlignRT', phase: 'intrafraction', beamHold: false } as const;
const IG = { performed: true, physicianReviewed: true } as const;
const IG_UNREVIEWED = { performed: true, physicianReviewed: false } as const;

/** Every scenario the tables below use, for the catalogue check at the end. */
const ALL_SCENARIOS: Overrides[] = [];
const track = <T extends readonly unknown[]>(rows: T[], pick: (row: T) => Overrides): T[] => {
  for (const row of rows) ALL_SCENARIOS.push(pick(row));
  return rows;
};

// ---------------------------------------------------------------------------------------------
// Delivery level: 77402 / 77407 / 77412
// ---------------------------------------------------------------------------------------------

describe('selectCodes: delivery level', () => {
  type Row = [name: string, over: Overrides, lines: string[], byMM: boolean, findings: string[]];
  // prettier-ignore
  const rows: Row[] = track<Row>(
    [
      // 77402
      ['single electron field', { modality: 'electron', technique: '2D' }, ['77402'], false, []],
      ['multiple electron fields', { modality: 'electron', technique: '3D', isocenters: 3 }, ['77402'], false, []],
      ['electrons with intrafraction AMM', { modality: 'electron', technique: '3D', motionManagement: AMM }, ['77402'], false, ['CODE-007:info']],
      ['2D photons, single isocenter', { technique: '2D' }, ['77402'], false, []],
      ['2D photons + intrafraction AMM', { technique: '2D', motionManagement: AMM }, ['77402'], false, ['CODE-006:info', 'CODE-007:info']],
      ['2D photons + set-up-only SGRT', { technique: '2D', motionManagement: SETUP_SGRT }, ['77402'], false, []],
      // 77407
      ['single-iso 3D', { technique: '3D' }, ['77407'], false, []],
      ['single-iso IMRT', { technique: 'IMRT' }, ['77407'], false, []],
      ['single-iso VMAT', { technique: 'VMAT' }, ['77407'], false, []],
      ['IMRT + set-up-only SGRT', { motionManagement: SETUP_SGRT }, ['77407'], false, ['CODE-006:warning']],
      ['3D + abdominal compression set-up', { technique: '3D', motionManagement: COMPRESSION }, ['77407'], false, ['CODE-006:warning']],
      ['VMAT intrafraction without beam hold', { technique: 'VMAT', motionManagement: NO_HOLD }, ['77407'], false, ['CODE-006:warning', 'CODE-007:info']],
      ['IGRT alone (no motion management)', { technique: 'VMAT', imageGuidance: IG }, ['77407', '77387-26'], false, []],
      // 77412
      ['2D photons, 2 isocenters', { technique: '2D', isocenters: 2 }, ['77412'], false, []],
      ['3D photons, 2 isocenters', { technique: '3D', isocenters: 2 }, ['77412'], false, []],
      ['IMRT, 3 isocenters', { technique: 'IMRT', isocenters: 3 }, ['77412'], false, []],
      ['VMAT, 2 isocenters', { technique: 'VMAT', isocenters: 2 }, ['77412'], false, []],
      ['2 isocenters + set-up-only SGRT', { technique: '3D', isocenters: 2, motionManagement: SETUP_SGRT }, ['77412'], false, []],
      ['single-iso 3D + AMM with beam hold', { technique: '3D', motionManagement: AMM }, ['77412'], true, ['CODE-007:info']],
      ['single-iso IMRT + AMM with beam hold', { technique: 'IMRT', motionManagement: AMM }, ['77412'], true, ['CODE-007:info']],
      ['single-iso VMAT + AMM with beam hold', { technique: 'VMAT', motionManagement: AMM }, ['77412'], true, ['CODE-007:info']],
      ['DIBH with gating and beam hold', { motionManagement: { method: 'DIBH', system: 'RPM', phase: 'intrafraction', beamHold: true } }, ['77412'], true, ['CODE-012:warning']],
      ['total skin electrons', { modality: 'electron', technique: 'TSET' }, ['77412'], false, []],
      ['mixed electron/photon fields', { modality: 'mixed', technique: '3D' }, ['77412'], false, []],
      ['mixed fields, 2D', { modality: 'mixed', technique: '2D' }, ['77412'], false, []],
    ],
    (r) => r[1],
  );

  it.each(rows)('%s', (_name, over, lines, byMM, findings) => {
    const r = run(over);
    expect(codes(r)).toEqual(lines);
    expect(r.byMotionManagement).toBe(byMM);
    expect(findingIds(r)).toEqual(findings);
  });

  it('IGRT alone never makes 77412 and gives no motion-management finding', () => {
    const r = run({ technique: 'IMRT', imageGuidance: IG, motionManagement: null });
    expect(codes(r)).not.toContain('77412');
    expect(findingsOf(r, 'CODE-006')).toEqual([]);
  });

  it('says why set-up-only motion management does not qualify', () => {
    const [f] = findingsOf(run({ motionManagement: COMPRESSION }), 'CODE-006');
    expect(f?.message).toMatch(/abdominal compression.*set-up only/);
    expect(f?.fix).toMatch(/77407/);
  });

  it('the delivery line carries its level rule and one unit', () => {
    const cases: [Overrides, string][] = [
      [{ technique: '2D' }, 'CODE-003'],
      [{ technique: '3D' }, 'CODE-004'],
      [{ motionManagement: AMM }, 'CODE-005'],
    ];
    for (const [over, ruleId] of cases) {
      expect(run(over).lines[0]).toMatchObject({ ruleId, units: 1, rateSource: SEED_2026.id });
    }
  });
});

// ---------------------------------------------------------------------------------------------
// 77387-26 professional IGRT (CODE-007, PAYER-001)
// ---------------------------------------------------------------------------------------------

describe('selectCodes: 77387-26', () => {
  type Row = [name: string, over: Overrides, profileId: string, lines: string[], findings: string[]];
  // prettier-ignore
  const rows: Row[] = track<Row>(
    [
      ['performed + reviewed', { imageGuidance: IG }, 'default', ['77407', '77387-26'], []],
      ['performed + reviewed, with AMM', { imageGuidance: IG, motionManagement: AMM }, 'default', ['77412', '77387-26'], []],
      ['performed + reviewed, electrons', { modality: 'electron', technique: '2D', imageGuidance: IG }, 'default', ['77402', '77387-26'], []],
      ['performed, not reviewed', { imageGuidance: IG_UNREVIEWED }, 'default', ['77407'], ['CODE-007:warning']],
      ['not performed', { imageGuidance: { performed: false, physicianReviewed: false } }, 'default', ['77407'], []],
      ['no image guidance record', { imageGuidance: null }, 'default', ['77407'], []],
      ['SBRT linac (77373 includes IGRT)', { technique: 'SBRT', deliverySystem: 'linac', imageGuidance: IG }, 'default', ['77373'], ['CODE-007:warning']],
      ['SBRT, machine not given', { technique: 'SBRT', imageGuidance: IG }, 'default', ['77373'], ['CODE-007:warning']],
      ['robotic SBRT', { technique: 'SBRT', deliverySystem: 'robotic', fractionNumber: 2, imageGuidance: IG }, 'default', ['G0340'], ['CODE-007:warning']],
      ['brachytherapy', { technique: 'brachytherapy', imageGuidance: IG }, 'default', [], ['CODE-002:warning', 'CODE-007:warning']],
      ['medicare profile', { imageGuidance: IG }, 'medicare', ['77407', '77387-26'], []],
      ['evicore profile', { imageGuidance: IG }, 'evicore', ['77407', '77387-26'], []],
      ['payer omits 26', { imageGuidance: IG }, 'commercial-omit-26', ['77407', '77387'], ['PAYER-001:info']],
    ],
    (r) => r[1],
  );

  it.each(rows)('%s (%s → %j)', (_name, over, profileId, lines, findings) => {
    const r = run(over, profileId);
    expect(codes(r)).toEqual(lines);
    expect(findingIds(r)).toEqual(findings);
  });

  // prettier-ignore
  const IGRT_POS = [
    ['POS 11', '11'],
    ['POS 19', '19'],
    ['POS 22', '22'],
  ] as const;
  it.each(IGRT_POS)('77387-26 is priced from the MPFS at %s', (_name, placeOfService) => {
    const igrt = run({ imageGuidance: IG, placeOfService }).lines.find((l) => l.code === '77387');
    expect(igrt).toMatchObject({ modifiers: ['26'], ruleId: 'CODE-007', units: 1, expectedCents: 3674 });
  });

  // prettier-ignore
  const OMIT_POS = [
    ['POS 11', '11'],
    ['POS 22', '22'],
  ] as const;
  it.each(OMIT_POS)(
    '77387 without 26 for an omitting payer is still the professional amount at %s',
    (_name, placeOfService) => {
      const igrt = run({ imageGuidance: IG, placeOfService }, 'commercial-omit-26').lines.find(
        (l) => l.code === '77387',
      );
      expect(igrt).toMatchObject({ modifiers: [], expectedCents: 3674 });
    },
  );

  it('the not-reviewed warning tells what to do', () => {
    const [f] = findingsOf(run({ imageGuidance: IG_UNREVIEWED }), 'CODE-007');
    expect(f?.fix).toMatch(/review/i);
  });

  it('never pairs 77387 with 77373', () => {
    for (const p of BUNDLED_PROFILES) {
      const r = run(
        { technique: 'SBRT', deliverySystem: 'linac', imageGuidance: IG, motionManagement: AMM },
        p.id,
      );
      expect(codes(r)).toEqual(['77373']);
    }
  });

  // Technical IGRT is bundled (status B) into 77402/77407/77412 [seed]: no 77387 line without 26
  // unless the payer's rule on that date says to omit the modifier.
  const dates = ['2026-01-02', '2026-02-15', '2026-02-28', '2026-03-01', '2026-12-31'];
  it.each(BUNDLED_PROFILES.flatMap((p) => dates.map((d) => [p.id, d] as const)))(
    'no technical 77387 line: %s on %s',
    (profileId, dateOfService) => {
      const r = run({ imageGuidance: IG, dateOfService }, profileId);
      const igrt = r.lines.filter((l) => l.code === '77387');
      expect(igrt).toHaveLength(1);
      const omit = modifier26RuleOn(profile(profileId), dateOfService) === 'omit';
      expect(igrt[0]?.modifiers).toEqual(omit ? [] : ['26']);
      expect(findingsOf(r, 'PAYER-001')).toHaveLength(omit ? 1 : 0);
    },
  );

  // prettier-ignore
  const UHC_DATES = [
    ['UHC, 2026-02-15 ("either": our default emits 26)', '2026-02-15'],
    ['UHC, 2026-03-01 (required)', '2026-03-01'],
    ['UHC, 2026-06-30 (required)', '2026-06-30'],
  ];
  it.each(UHC_DATES)('%s', (_name, dateOfService) => {
    const r = run({ imageGuidance: IG, dateOfService }, 'uhc');
    expect(codes(r)).toEqual(['77407', '77387-26']);
    expect(findingsOf(r, 'PAYER-001')).toEqual([]);
  });

  it('the omitted-modifier finding names the payer', () => {
    const [f] = findingsOf(run({ imageGuidance: IG }, 'commercial-omit-26'), 'PAYER-001');
    expect(f).toMatchObject({ severity: 'info', evidence: { payer: 'commercial-omit-26', rule: 'omit' } });
  });
});

// ---------------------------------------------------------------------------------------------
// CODE-002 routing out of the three-level family
// ---------------------------------------------------------------------------------------------

describe('selectCodes: routing (CODE-002)', () => {
  type Row = [name: string, over: Overrides, lines: string[], family: string | null];
  // prettier-ignore
  const rows: Row[] = track<Row>(
    [
      ['SRS linac', { technique: 'SRS', deliverySystem: 'linac' }, ['77372'], null],
      ['SRS cobalt', { technique: 'SRS', deliverySystem: 'cobalt' }, ['77371'], null],
      ['SRS robotic, fraction 1', { technique: 'SRS', deliverySystem: 'robotic', fractionNumber: 1 }, ['G0339'], null],
      ['SRS robotic, fraction 2', { technique: 'SRS', deliverySystem: 'robotic', fractionNumber: 2 }, ['G0340'], null],
      ['SRS robotic, fraction 5', { technique: 'SRS', deliverySystem: 'robotic', fractionNumber: 5 }, ['G0340'], null],
      ['SRS robotic, no fraction number', { technique: 'SRS', deliverySystem: 'robotic' }, [], 'robotic'],
      ['SRS, machine not given', { technique: 'SRS' }, [], 'SRS'],
      ['SBRT linac', { technique: 'SBRT', deliverySystem: 'linac' }, ['77373'], null],
      ['SBRT linac, 3 isocenters + AMM', { technique: 'SBRT', deliverySystem: 'linac', isocenters: 3, motionManagement: AMM }, ['77373'], null],
      ['SBRT robotic, fraction 1', { technique: 'SBRT', deliverySystem: 'robotic', fractionNumber: 1 }, ['G0339'], null],
      ['SBRT robotic, fraction 3', { technique: 'SBRT', deliverySystem: 'robotic', fractionNumber: 3 }, ['G0340'], null],
      ['SBRT robotic, no fraction number', { technique: 'SBRT', deliverySystem: 'robotic' }, [], 'robotic'],
      ['protons', { modality: 'proton', technique: 'IMRT' }, [], 'proton'],
      ['protons, 2 isocenters + AMM', { modality: 'proton', technique: '3D', isocenters: 2, motionManagement: AMM }, [], 'proton'],
      ['proton SBRT', { modality: 'proton', technique: 'SBRT', deliverySystem: 'linac' }, [], 'proton'],
      ['brachytherapy', { technique: 'brachytherapy' }, [], 'brachytherapy'],
      ['superficial', { modality: 'superficial', technique: '2D' }, [], 'superficial'],
      ['orthovoltage', { modality: 'orthovoltage', technique: '2D' }, [], 'orthovoltage'],
      ['orthovoltage, 2 isocenters', { modality: 'orthovoltage', technique: '3D', isocenters: 2 }, [], 'orthovoltage'],
    ],
    (r) => r[1],
  );

  it.each(rows)('%s → %j', (_name, over, lines, family) => {
    const r = run(over);
    expect(codes(r)).toEqual(lines);
    expect(r.byMotionManagement).toBe(false);
    const routed = findingsOf(r, 'CODE-002');
    if (family === null) {
      expect(routed).toEqual([]);
      expect(r.lines.every((l) => l.ruleId === 'CODE-002')).toBe(true);
    } else {
      expect(routed).toHaveLength(1);
      expect(routed[0]?.severity).toBe('warning');
      expect(routed[0]?.message).toContain(family);
    }
  });

  it.each(rows)('never a 77402/77407/77412 line: %s', (_name, over) => {
    for (const p of BUNDLED_PROFILES) {
      const r = run({ ...over, imageGuidance: IG }, p.id);
      expect(r.lines.filter((l) => (DELIVERY_CODES as readonly string[]).includes(l.code))).toEqual([]);
    }
  });

  it('SBRT linac never carries 77387', () => {
    expect(codes(run({ technique: 'SBRT', deliverySystem: 'linac', imageGuidance: IG }))).not.toContain(
      '77387-26',
    );
  });
});

// ---------------------------------------------------------------------------------------------
// CODE-001 code-set year
// ---------------------------------------------------------------------------------------------

describe('selectCodes: code-set year (CODE-001)', () => {
  // prettier-ignore
  const BEFORE_2026 = [
    ['2025-12-31, IMRT + AMM', { dateOfService: '2025-12-31', motionManagement: AMM, imageGuidance: IG }],
    ['2025-06-01, SBRT', { dateOfService: '2025-06-01', technique: 'SBRT', deliverySystem: 'linac' }],
    ['2025-12-31 with 77385 posted', { dateOfService: '2025-12-31', postedCodes: ['77385'] }],
  ] as [string, Overrides][];
  it.each(BEFORE_2026)('%s → error, no lines', (_name, over) => {
    const r = run(over);
    expect(r.lines).toEqual([]);
    expect(findingIds(r)).toEqual(['CODE-001:error']);
    expect(r.byMotionManagement).toBe(false);
  });

  // prettier-ignore
  const FROM_2026 = [
    ['2026-01-01', '2026-01-01'],
    ['2026-12-31', '2026-12-31'],
  ];
  it.each(FROM_2026)('%s is coded', (_name, dateOfService) => {
    const r = run({ dateOfService });
    expect(codes(r)).toEqual(['77407']);
    expect(findingsOf(r, 'CODE-001')).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// CODE-008 one code per session / twice daily
// ---------------------------------------------------------------------------------------------

describe('selectCodes: twice daily (CODE-008)', () => {
  const second = (hours: number): Overrides => ({
    sessionsToday: 2,
    hoursSincePreviousSession: hours,
    imageGuidance: IG,
  });
  type Row = [name: string, over: Overrides, profileId: string, lines: string[], code008: string | null];
  // prettier-ignore
  const rows: Row[] = track<Row>(
    [
      ['2nd session, 7 h, default', second(7), 'default', ['77407-76', '77387-26-76'], 'info'],
      ['2nd session, 7 h, AMM, default', { ...second(7), motionManagement: AMM }, 'default', ['77412-76', '77387-26-76'], 'info'],
      ['2nd session, 7 h, uhc', second(7), 'uhc', ['77407-76', '77387-26-76'], 'info'],
      ['2nd session, 7 h, omit-26', second(7), 'commercial-omit-26', ['77407-76', '77387-76'], 'info'],
      ['2nd session, 7 h, SBRT', { ...second(7), technique: 'SBRT', deliverySystem: 'linac' }, 'default', ['77373-76'], 'info'],
      ['2nd session, 7 h, medicare (units)', second(7), 'medicare', ['77407', '77387-26'], 'info'],
      ['2nd session, exactly 6 h', second(6), 'default', ['77407-76', '77387-26-76'], 'info'],
      ['2nd session, 5.9 h', second(5.9), 'default', [], 'warning'],
      ['2nd session, 3 h, default', second(3), 'default', [], 'warning'],
      ['2nd session, 3 h, medicare', second(3), 'medicare', [], 'warning'],
      ['2nd session, 3 h, AMM', { ...second(3), motionManagement: AMM }, 'default', [], 'warning'],
      ['2nd session, 3 h, SBRT', { ...second(3), technique: 'SBRT', deliverySystem: 'linac' }, 'default', [], 'warning'],
      ['first of two sessions', { sessionsToday: 2, hoursSincePreviousSession: null, imageGuidance: IG }, 'default', ['77407', '77387-26'], null],
      ['only session of the day', { imageGuidance: IG }, 'default', ['77407', '77387-26'], null],
    ],
    (r) => r[1],
  );

  it.each(rows)('%s (%s)', (_name, over, profileId, lines, code008) => {
    const r = run(over, profileId);
    expect(codes(r)).toEqual(lines);
    expect(r.lines.every((l) => l.units === 1)).toBe(true);
    const f = findingsOf(r, 'CODE-008');
    expect(f.map((x) => x.severity)).toEqual(code008 ? [code008] : []);
  });

  it('medicare counts the second session as a unit, not a 76 line', () => {
    const [f] = findingsOf(run(second(7), 'medicare'), 'CODE-008');
    expect(f?.message).toMatch(/unit/);
    expect(f?.evidence).toMatchObject({ twiceDaily: 'units' });
  });

  it('a too-short break names both the break and the payer expectation', () => {
    const [f] = findingsOf(run(second(3)), 'CODE-008');
    expect(f?.evidence).toEqual({ hoursSincePreviousSession: 3, breakHours: 6 });
  });

  it('a 2nd session with modifier 76 keeps the expected amounts', () => {
    const r = run({ ...second(7), motionManagement: AMM });
    expect(r.lines.map((l) => l.expectedCents)).toEqual([39146, 3674]);
  });
});

// ---------------------------------------------------------------------------------------------
// CODE-009 deleted codes posted on a 2026 date of service
// ---------------------------------------------------------------------------------------------

describe('selectCodes: deleted codes (CODE-009)', () => {
  // Session: single-iso IMRT with AMM + reviewed IGRT → 77412 and 77387-26.
  const session: Overrides = { motionManagement: AMM, imageGuidance: IG };
  const G_DELIVERY = Array.from({ length: 14 }, (_, i) => `G60${String(i + 3).padStart(2, '0')}`);
  const rows: [code: string, recodeTo: string][] = [
    ['77385', '77412'],
    ['77386', '77412'],
    ...G_DELIVERY.map((c): [string, string] => [c, '77412']),
    ['G6001', '77387-26'],
    ['G6002', '77387-26'],
    ['77014', '77387-26'],
    ['G6017', '77412'],
  ];

  it('covers G6003 through G6016', () => {
    expect(G_DELIVERY[0]).toBe('G6003');
    expect(G_DELIVERY.at(-1)).toBe('G6016');
  });

  it.each(rows)('%s → one error, recode to %s', (code, recodeTo) => {
    const r = run({ ...session, postedCodes: [code] });
    const f = findingsOf(r, 'CODE-009');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', evidence: { postedCode: code } });
    expect(f[0]?.fix).toContain(recodeTo);
    expect(codes(r)).toEqual(['77412', '77387-26']);
  });

  // prettier-ignore
  const RECODES = [
    ['77385 on a 77407 session', { postedCodes: ['77385'] }, '77407'],
    ['G6015 on an electron session', { modality: 'electron', technique: '2D', postedCodes: ['G6015'] }, '77402'],
    ['77386 on SBRT', { technique: 'SBRT', deliverySystem: 'linac', postedCodes: ['77386'] }, '77373'],
    ['G6001 without reviewed IGRT', { imageGuidance: IG_UNREVIEWED, postedCodes: ['G6001'] }, 'nothing separately'],
    ['77014 on SBRT', { technique: 'SBRT', deliverySystem: 'linac', imageGuidance: IG, postedCodes: ['77014'] }, 'nothing separately'],
    ['G6002 for an omit-26 payer', { imageGuidance: IG, postedCodes: ['G6002'], payer: 'commercial-omit-26' }, '77387'],
    ['77385 on protons', { modality: 'proton', postedCodes: ['77385'] }, 'the delivery code the facts support'],
  ] as [string, Overrides, string][];
  it.each(RECODES)('recode follows the selected code: %s', (_name, over, recodeTo) => {
    const r = run(over, over.payer ?? 'default');
    const f = findingsOf(r, 'CODE-009');
    expect(f).toHaveLength(1);
    expect(f[0]?.fix).toContain(recodeTo);
  });

  // prettier-ignore
  const NON_DELETED = [['77412'], ['77407'], ['77402'], ['77387'], ['77373'], ['77301'], ['77336'], ['G0339'], ['G6018']];
  it.each(NON_DELETED)('%s is not deleted', (code) => {
    expect(findingsOf(run({ ...session, postedCodes: [code] }), 'CODE-009')).toEqual([]);
  });

  it('one error per deleted code posted', () => {
    const r = run({ ...session, postedCodes: ['77386', '77412', 'G6017', '77014'] });
    expect(findingsOf(r, 'CODE-009').map((f) => f.evidence?.['postedCode'])).toEqual([
      '77386',
      'G6017',
      '77014',
    ]);
  });

  it('a session without lines (short break) still gets its deleted-code errors', () => {
    const r = run({ ...session, sessionsToday: 2, hoursSincePreviousSession: 2, postedCodes: ['77386'] });
    expect(r.lines).toEqual([]);
    expect(findingsOf(r, 'CODE-009')).toHaveLength(1);
  });

  for (const [code] of rows) ALL_SCENARIOS.push({ ...session, postedCodes: [code] });
});

// ---------------------------------------------------------------------------------------------
// PAYER-002 eviCore breast criteria
// ---------------------------------------------------------------------------------------------

describe('selectCodes: eviCore breast (PAYER-002)', () => {
  const breast = (site: SessionFactsInput['site'], extra: Overrides = {}): Overrides => ({
    motionManagement: AMM,
    site,
    ...extra,
  });
  type Row = [name: string, over: Overrides, profileId: string, warned: boolean];
  // prettier-ignore
  const rows: Row[] = track<Row>(
    [
      ['left whole breast', breast({ region: 'breast', laterality: 'left', extent: 'whole-breast' }), 'evicore', false],
      ['left chest wall', breast({ region: 'breast', laterality: 'left', extent: 'post-mastectomy' }), 'evicore', false],
      ['left, extent not given', breast({ region: 'breast', laterality: 'left' }), 'evicore', false],
      ['left partial breast', breast({ region: 'breast', laterality: 'left', extent: 'partial-breast' }), 'evicore', true],
      ['right without IMN', breast({ region: 'breast', laterality: 'right', extent: 'whole-breast' }), 'evicore', true],
      ['right, IMN false', breast({ region: 'breast', laterality: 'right', internalMammaryNodes: false }), 'evicore', true],
      ['right with IMN', breast({ region: 'breast', laterality: 'right', internalMammaryNodes: true }), 'evicore', false],
      ['bilateral', breast({ region: 'breast', laterality: 'bilateral' }), 'evicore', false],
      ['laterality not given', breast({ region: 'breast' }), 'evicore', true],
      ['non-breast (prostate)', breast({ region: 'prostate', laterality: 'none' }), 'evicore', false],
      ['no site', breast(undefined), 'evicore', false],
      // Only when 77412 rests on motion management.
      ['right without IMN, 2 isocenters, no AMM', breast({ region: 'breast', laterality: 'right' }, { motionManagement: null, isocenters: 2 }), 'evicore', false],
      ['right without IMN, 2 isocenters + AMM', breast({ region: 'breast', laterality: 'right' }, { isocenters: 2 }), 'evicore', false],
      ['right without IMN, 77407', breast({ region: 'breast', laterality: 'right' }, { motionManagement: null }), 'evicore', false],
      ['right without IMN, set-up only', breast({ region: 'breast', laterality: 'right' }, { motionManagement: SETUP_SGRT }), 'evicore', false],
      ['right without IMN, short 2nd session', breast({ region: 'breast', laterality: 'right' }, { sessionsToday: 2, hoursSincePreviousSession: 2 }), 'evicore', false],
      // Other profiles do not apply eviCore's criteria.
      ['right without IMN, default profile', breast({ region: 'breast', laterality: 'right' }), 'default', false],
      ['left partial, uhc profile', breast({ region: 'breast', laterality: 'left', extent: 'partial-breast' }), 'uhc', false],
    ],
    (r) => r[1],
  );

  it.each(rows)('%s (%s)', (_name, over, profileId, warned) => {
    const r = run(over, profileId);
    const f = findingsOf(r, 'PAYER-002');
    expect(f.map((x) => x.severity)).toEqual(warned ? ['warning'] : []);
  });

  it('the warning keeps the line at 77412 (a payer risk, not a recode)', () => {
    const r = run(breast({ region: 'breast', laterality: 'right' }), 'evicore');
    expect(codes(r)).toEqual(['77412']);
    expect(r.byMotionManagement).toBe(true);
    expect(findingsOf(r, 'PAYER-002')[0]?.message).toContain('without internal mammary nodes');
  });
});

// ---------------------------------------------------------------------------------------------
// PAYER-003 blanket fraction limits
// ---------------------------------------------------------------------------------------------

describe('selectCodes: fraction limit (PAYER-003)', () => {
  type Row = [name: string, over: Overrides, profileId: string, warned: boolean];
  // prettier-ignore
  const rows: Row[] = track<Row>(
    [
      ['77412 fraction 26, limit 25', { motionManagement: AMM, fractionNumber: 26 }, 'commercial-omit-26', true],
      ['77412 fraction 25, limit 25', { motionManagement: AMM, fractionNumber: 25 }, 'commercial-omit-26', false],
      ['77412 by isocenters, fraction 30', { isocenters: 2, fractionNumber: 30 }, 'commercial-omit-26', true],
      ['77412, no fraction number', { motionManagement: AMM }, 'commercial-omit-26', false],
      ['77407 fraction 30 (no limit for 77407)', { fractionNumber: 30 }, 'commercial-omit-26', false],
      ['77412 fraction 40, default profile', { motionManagement: AMM, fractionNumber: 40 }, 'default', false],
      ['77412 fraction 26, short 2nd session', { motionManagement: AMM, fractionNumber: 26, sessionsToday: 2, hoursSincePreviousSession: 1 }, 'commercial-omit-26', false],
    ],
    (r) => r[1],
  );

  it.each(rows)('%s (%s)', (_name, over, profileId, warned) => {
    const f = findingsOf(run(over, profileId), 'PAYER-003');
    expect(f.map((x) => x.severity)).toEqual(warned ? ['warning'] : []);
  });

  // The payer's limit applies to routed codes too (ASTRO 2026 denial trends: limits applied to SBRT).
  it.each<[number, boolean]>([
    [3, false],
    [4, true],
  ])('SBRT (77373) fraction %i under a payer limit of 3 fractions: warned %s', (fractionNumber, warned) => {
    const limited = { ...profile('default'), fractionLimits: [{ code: '77373', maxFractions: 3 }] };
    const sbrt = facts({ technique: 'SBRT', deliverySystem: 'linac', fractionNumber });
    const r = selectCodes(sbrt, { profile: limited, rates: SEED_2026 }, 'fraction 1');
    expect(findingsOf(r, 'PAYER-003').map((x) => x.severity)).toEqual(warned ? ['warning'] : []);
  });

  it('names the fraction, the limit and the code', () => {
    const [f] = findingsOf(
      run({ motionManagement: AMM, fractionNumber: 26 }, 'commercial-omit-26'),
      'PAYER-003',
    );
    expect(f?.evidence).toEqual({ fractionNumber: 26, maxFractions: 25, code: '77412' });
  });
});

// ---------------------------------------------------------------------------------------------
// Expected payment
// ---------------------------------------------------------------------------------------------

describe('selectCodes: expected cents', () => {
  type Row = [name: string, over: Overrides, cents: (number | null)[]];
  // prettier-ignore
  const rows: Row[] = track<Row>(
    [
      ['77402 POS 11 (MPFS)', { technique: '2D', placeOfService: '11' }, [7949]],
      ['77407 POS 11 (MPFS)', { placeOfService: '11' }, [31764]],
      ['77412 POS 11 (MPFS)', { motionManagement: AMM, placeOfService: '11' }, [39146]],
      ['77402 POS 22 (OPPS)', { technique: '2D', placeOfService: '22' }, [10424]],
      ['77407 POS 22 (OPPS)', { placeOfService: '22' }, [39405]],
      ['77412 POS 22 (OPPS)', { motionManagement: AMM, placeOfService: '22' }, [56451]],
      ['77412 POS 19 (OPPS)', { isocenters: 2, placeOfService: '19' }, [56451]],
      ['77412 + 77387-26 POS 11', { motionManagement: AMM, imageGuidance: IG, placeOfService: '11' }, [39146, 3674]],
      ['77412 + 77387-26 POS 22', { motionManagement: AMM, imageGuidance: IG, placeOfService: '22' }, [56451, 3674]],
      ['77373 (not in the table)', { technique: 'SBRT', deliverySystem: 'linac' }, [null]],
      ['77372 (not in the table)', { technique: 'SRS', deliverySystem: 'linac', placeOfService: '22' }, [null]],
      ['G0339 (not in the table)', { technique: 'SRS', deliverySystem: 'robotic', fractionNumber: 1 }, [null]],
    ],
    (r) => r[1],
  );

  it.each(rows)('%s', (_name, over, cents) => {
    const r = run(over);
    expect(r.lines.map((l) => l.expectedCents)).toEqual(cents);
    expect(r.lines.every((l) => l.rateSource === 'seed-2026')).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Invariants: rule ids, one delivery code per session
// ---------------------------------------------------------------------------------------------

describe('selectCodes: invariants', () => {
  const known = new Set(RULE_CATALOGUE.map((r) => r.id));

  it('every finding and line names a rule in the catalogue (all scenarios × all profiles)', () => {
    expect(ALL_SCENARIOS.length).toBeGreaterThan(100);
    for (const over of ALL_SCENARIOS) {
      for (const p of BUNDLED_PROFILES) {
        const r = run(over, p.id);
        for (const f of r.findings)
          expect(known, `${f.ruleId} in ${JSON.stringify(over)}`).toContain(f.ruleId);
        for (const l of r.lines) expect(known, `${l.ruleId} in ${JSON.stringify(over)}`).toContain(l.ruleId);
      }
    }
  });

  it('every finding carries the subject it was given', () => {
    for (const over of ALL_SCENARIOS) {
      const r = selectCodes(
        facts(over),
        { profile: profile('evicore'), rates: SEED_2026 },
        'fraction 7 (f7)',
      );
      for (const f of r.findings) expect(f.subject).toBe('fraction 7 (f7)');
    }
  });

  // Property test over arbitrary valid facts.
  const mm = fc.option(
    fc.record({
      method: fc.constantFrom('SGRT', 'DIBH', 'abdominal compression', 'fiducial tracking'),
      phase: fc.constantFrom('setup-only' as const, 'intrafraction' as const),
      beamHold: fc.boolean(),
    }),
    { nil: null },
  );
  const arbitraryFacts = fc.record(
    {
      dateOfService: fc.constantFrom('2025-12-31', '2026-01-01', '2026-02-15', '2026-03-01', '2026-11-30'),
      placeOfService: fc.constantFrom('11' as const, '19' as const, '22' as const),
      modality: fc.constantFrom(...MODALITIES),
      technique: fc.constantFrom(...TECHNIQUES),
      isocenters: fc.integer({ min: 1, max: 4 }),
      motionManagement: mm,
      imageGuidance: fc.option(fc.record({ performed: fc.boolean(), physicianReviewed: fc.boolean() }), {
        nil: null,
      }),
      sessionsToday: fc.integer({ min: 1, max: 2 }),
      hoursSincePreviousSession: fc.option(fc.double({ min: 0, max: 12, noNaN: true }), { nil: null }),
      deliverySystem: fc.constantFrom('linac' as const, 'cobalt' as const, 'robotic' as const),
      fractionNumber: fc.integer({ min: 1, max: 40 }),
      postedCodes: fc.array(fc.constantFrom('77385', 'G6010', 'G6017', '77014', '77412', '77387'), {
        maxLength: 3,
      }),
    },
    {
      requiredKeys: [
        'dateOfService',
        'placeOfService',
        'modality',
        'technique',
        'isocenters',
        'motionManagement',
        'imageGuidance',
      ],
    },
  );

  it('holds for arbitrary facts and every bundled profile', () => {
    fc.assert(
      fc.property(arbitraryFacts, fc.constantFrom(...BUNDLED_PROFILES), (input, p) => {
        const f = sessionFactsSchema.parse(input);
        const r = selectCodes(f, { profile: p, rates: SEED_2026 }, 's');
        const delivery = r.lines.filter((l) => l.code !== '77387');
        const igrt = r.lines.filter((l) => l.code === '77387');
        // One delivery code per session, one unit per line.
        expect(delivery.length).toBeLessThanOrEqual(1);
        expect(igrt.length).toBeLessThanOrEqual(1);
        expect(r.lines.every((l) => l.units === 1)).toBe(true);
        // The three-level family only inside it.
        const inFamily = delivery.some((l) => (DELIVERY_CODES as readonly string[]).includes(l.code));
        if (
          ['SRS', 'SBRT', 'brachytherapy'].includes(f.technique) ||
          ['proton', 'superficial', 'orthovoltage'].includes(f.modality)
        ) {
          expect(inFamily).toBe(false);
        }
        // 77387 only professional: with 26 unless the payer omits it; never with 77373.
        if (igrt[0]) {
          const omit = modifier26RuleOn(p, f.dateOfService) === 'omit';
          expect(igrt[0].modifiers.includes('26')).toBe(!omit);
          expect(igrt[0].expectedCents).toBe(3674);
          expect(delivery.map((l) => l.code)).not.toContain('77373');
        }
        // byMotionManagement only for 77412.
        if (r.byMotionManagement) expect(delivery[0]?.code ?? '77412').toBe('77412');
        // Before 2026: nothing but the CODE-001 error.
        if (f.dateOfService < '2026-01-01') expect(findingIds(r)).toEqual(['CODE-001:error']);
        for (const x of [...r.findings, ...r.lines])
          expect(RULE_CATALOGUE.map((m) => m.id)).toContain(x.ruleId);
      }),
      { numRuns: 500, seed: 20260302 },
    );
  });
});

describe('selectCodes: motion-management evidence only for billed sessions', () => {
  it('a second session without a real break bills nothing and needs no motion-management audit', () => {
    const facts = sessionFactsSchema.parse({
      dateOfService: '2026-03-09',
      placeOfService: '11',
      modality: 'photon',
      technique: '3D',
      isocenters: 1,
      motionManagement: { method: 'DIBH', system: 'AlignRT', phase: 'intrafraction', beamHold: true },
      imageGuidance: null,
      sessionsToday: 2,
      hoursSincePreviousSession: 2,
    });
    const result = selectCodes(facts, { profile: BUNDLED_PROFILES[0]!, rates: SEED_2026 });
    expect(result.lines).toEqual([]);
    expect(result.byMotionManagement).toBe(false);
  });
});
