import { describe, expect, it } from 'vitest';
import { LETTER_CLAIMS, letterInput } from '../../../test/support/letter-input.js';
import { payerKind, type PayerKind } from '../remit/appeal-deadline.js';
import { type AppealFacts, appealHeaderLines, enclosureLines } from './appeal-facts.js';
import { assembleLetter, type LetterInput } from './assemble-letter.js';
import { APPEAL_TYPES, type LetterType } from './letter-types.js';

const appeal = (over: Partial<AppealFacts> = {}): AppealFacts => ({
  payerClaimNumber: '26071000001',
  payerKind: 'other',
  appealBy: '2026-09-08',
  memberId: null,
  enclosures: [],
  ...over,
});

describe('payerKind: who decides the appeal, as the appeal window reads the payer', () => {
  const cases: [string, Parameters<typeof payerKind>[0], PayerKind][] = [
    ['the Medicare profile', { profileId: 'medicare' }, 'medicare'],
    ['SBR09 MB, Medicare Part B', { claimFilingIndicator: 'MB', profileId: 'default' }, 'medicare'],
    ['SBR09 MA, Medicare Part A', { claimFilingIndicator: 'MA' }, 'medicare'],
    [
      'SBR09 16, HMO Medicare Risk (Medicare Advantage)',
      { claimFilingIndicator: '16' },
      'medicare-advantage',
    ],
    ['SBR09 CI, commercial', { claimFilingIndicator: 'CI', profileId: 'uhc' }, 'other'],
    ['nothing known', {}, 'other'],
  ];
  it.each(cases)('%s', (_name, input, kind) => expect(payerKind(input)).toBe(kind));
});

describe('appealHeaderLines: the payer claim number beside ours, the level by payer kind, the deadline', () => {
  const claim = { claimNumber: 'C-5010-7' };
  const cases: [string, AppealFacts, RegExp[]][] = [
    [
      'Medicare: redetermination (42 CFR 405.940ff)',
      appeal({ payerKind: 'medicare', appealBy: '2026-07-10' }),
      [
        /^Payer's claim number: 26071000001 \(our claim number C-5010-7\)$/,
        /^Appeal level: Redetermination \(.*42 CFR 405\.940-405\.958\)$/,
        /^Appeal deadline: 2026-07-10 \(the source of this date is not recorded\)$/,
      ],
    ],
    [
      'Medicare with the member id: the Medicare number first (42 CFR 405.944(b))',
      appeal({ payerKind: 'medicare', memberId: '1EG4TE5MK73' }),
      [/^Medicare number: 1EG4TE5MK73$/, /^Payer's claim number/, /^Appeal level: Redetermination/, /./],
    ],
    [
      'a commercial plan with the member id: Member ID',
      appeal({ memberId: 'SYNM02281' }),
      [/^Member ID: SYNM02281$/, /^Payer's claim number/, /^Appeal level: First-level appeal/, /./],
    ],
    [
      'Medicare Advantage: reconsideration (42 CFR 422.578ff)',
      appeal({ payerKind: 'medicare-advantage' }),
      [/./, /^Appeal level: Reconsideration \(.*42 CFR 422\.578ff\)$/, /./],
    ],
    [
      'a commercial plan: first-level appeal; no CLP07, no payment date',
      appeal({ payerClaimNumber: null, appealBy: null }),
      [
        /^Payer's claim number: not given on the remittance \(our claim number C-5010-7\)$/,
        /^Appeal level: First-level appeal \(the plan's provider appeal process under its contract\)$/,
        /^Appeal deadline: not known/,
      ],
    ],
  ];
  it.each(cases)('%s', (_name, facts, lines) => {
    const got = appealHeaderLines(claim, facts);
    expect(got).toHaveLength(lines.length);
    lines.forEach((re, i) => expect(got[i]).toMatch(re));
  });

  // A deadline is the payer's only where the payer settings say so; else the regulation or the default, named.
  it.each<[string, Partial<AppealFacts>, string]>([
    [
      "the payer's window in the practice's payer settings",
      { window: { days: 90, basis: 'payer-setting' } },
      "2026-09-08 (90 days from the remittance date: the payer's appeal window as the practice entered it in its payer settings)",
    ],
    [
      'a Medicare Advantage plan',
      { payerKind: 'medicare-advantage', window: { days: 60, basis: 'medicare-advantage-reconsideration' } },
      '2026-09-08 (60 days from the remittance date: the Medicare Advantage reconsideration window, 42 CFR 422.582)',
    ],
    [
      'traditional Medicare',
      { payerKind: 'medicare', window: { days: 120, basis: 'medicare-redetermination' } },
      '2026-09-08 (120 days from the remittance date: the Medicare redetermination window, 42 CFR 405.942(a))',
    ],
    [
      'no setting for a commercial plan',
      { window: { days: 180, basis: 'default' } },
      "2026-09-08 (180 days from the remittance date: the practice's default window, not one the payer's settings record)",
    ],
  ])('attributes the deadline: %s', (_, over, deadline) => {
    for (const type of ['retro-authorization', 'appeal-downcode'] as const) {
      const label = type === 'retro-authorization' ? 'Deadline' : 'Appeal deadline';
      expect(appealHeaderLines(claim, appeal(over), type)).toContain(`${label}: ${deadline}`);
    }
  });

  it('is empty without a claim line or appeal facts (prior authorization, peer-to-peer)', () => {
    expect(appealHeaderLines(null, appeal())).toEqual([]);
    expect(appealHeaderLines(claim, null)).toEqual([]);
  });
});

describe('enclosureLines', () => {
  it('lists each enclosure as a bullet under "Enclosures:", nothing when none', () => {
    const enclosures = [
      { title: 'SGRT monitoring record, fraction 1 (2026-03-09)' },
      { title: 'Remittance' },
    ];
    expect(enclosureLines(appeal({ enclosures }))).toEqual([
      'Enclosures:',
      '- SGRT monitoring record, fraction 1 (2026-03-09)',
      '- Remittance',
    ]);
    expect(enclosureLines(appeal())).toEqual([]);
    expect(enclosureLines(null)).toEqual([]);
  });
});

describe('assembleLetter with appeal facts: the header block under the claim, the enclosures after the signature', () => {
  // The 2025 authorization on file makes the 2025-authorization appeal ready too; every letter but the
  // prior authorization answers the downcoded claim.
  const claim = LETTER_CLAIMS['appeal-downcode']!;
  const input = (type: LetterType): LetterInput => ({
    ...letterInput(type),
    claim: type === 'prior-authorization' ? null : claim,
    appeal: appeal({ enclosures: [{ title: 'SGRT monitoring record, fraction 1 (2026-03-03)' }] }),
  });

  // The redetermination request lays its header out as form CMS-20027 names the fields (redetermination.test.ts).
  it.each(APPEAL_TYPES.filter((t) => t !== 'redetermination').map((t) => [t]))('%s', (type) => {
    const draft = assembleLetter(input(type));
    expect(draft.ready).toBe(true);
    const body = draft.body;
    const lines = body.split('\n');
    const at = lines.findIndex((l) => l.startsWith('Claim: C-SYN00417-1-202603'));
    expect(lines.slice(at + 1, at + 4)).toEqual(appealHeaderLines(claim, input(type).appeal, type));
    expect(body.endsWith('Enclosures:\n- SGRT monitoring record, fraction 1 (2026-03-03)')).toBe(true);
  });

  it.each<[string, string | null, boolean]>([
    ['with the Medicare number: ready, the number in the header', '1EG4TE5MK73', true],
    ['without it: not ready, says what to add', null, false],
  ])('a Medicare redetermination %s', (_, memberId, ready) => {
    const draft = assembleLetter({
      ...letterInput('appeal-downcode'),
      appeal: appeal({ payerKind: 'medicare', memberId }),
    });
    expect(draft.ready).toBe(ready);
    if (ready) expect(draft.body).toMatch(/^Medicare number: 1EG4TE5MK73$/m);
    else expect(draft.missing.map((m) => m.element)).toEqual(["The beneficiary's Medicare number"]);
  });

  it.each([['prior-authorization'], ['peer-to-peer']] as const)('%s has neither', (type) => {
    const body = assembleLetter(input(type)).body;
    expect(body).not.toMatch(/Appeal level|Enclosures:/);
  });
});

describe('assembleLetter: an appeal past its deadline warns', () => {
  it.each<[string, string, boolean]>([
    ['deadline before the letter date', '2026-03-12', true],
    ['deadline on the letter date', '2026-03-13', false],
    ['deadline after', '2026-09-08', false],
  ])('%s', (_, appealBy, warned) => {
    const draft = assembleLetter({ ...letterInput('appeal-downcode'), appeal: appeal({ appealBy }) });
    expect(draft.warnings.some((w) => w.code === 'APPEAL-DEADLINE-PASSED')).toBe(warned);
  });
});
