import { describe, expect, it } from 'vitest';
import { letterInput } from '../../../test/support/letter-input.js';
import { editTables, type PtpEdit } from '../edits/edit-tables.js';
import { mpfsData, type PfsRvu, type ReferenceRelease } from '../rates/mpfs-payment.js';
import type { PayerKind } from '../remit/appeal-deadline.js';
import { assembleLetter } from './assemble-letter.js';
import { type IgrtReferenceData, igrtReferencePoints } from './igrt-reference.js';

/*
 * The seed's 77387-26 points argued only from the practice's loaded CMS reference data (PFS relative
 * value file, practitioner NCCI PTP table) in force on the date of service, and only to traditional
 * Medicare. Synthetic releases and rows.
 */
const release = (id: string, from = '2026-01-01', to: string | null = null): ReferenceRelease => ({
  id,
  year: 2026,
  quarter: 1,
  effectiveFrom: from,
  effectiveTo: to,
  source: `SYNTH_${id}.csv`,
});
const rvu = (status: string, modifier = '26'): PfsRvu => ({
  hcpcs: '77387',
  modifier,
  status,
  workRvu: 580,
  nonFacilityPeRvu: 220,
  facilityPeRvu: 220,
  mpRvu: 30,
  pctcIndicator: null,
  conversionFactor: null,
  location: 'x',
});
const ptp = (column1: string, column2: string, deletedOn: string | null = null): PtpEdit => ({
  column1,
  column2,
  effectiveFrom: '2026-01-01',
  deletedOn,
  modifierIndicator: '0',
  location: 'x',
});
const data = (rows: PfsRvu[], edits: PtpEdit[], ncciRelease = release('PTP26Q1')): IgrtReferenceData => ({
  mpfs: [mpfsData(release('RVU26A'), rows, [])],
  ncci: [editTables(ncciRelease, edits, [])],
});

const MPFS =
  /Fee Schedule relative value file in force on 2026-03-09 \(release RVU26A, imported from SYNTH_RVU26A\.csv\) lists 77387 with modifier 26 with status A, a code paid separately under the fee schedule, and 0\.58 work RVUs/;
const BOTH =
  /NCCI procedure-to-procedure edits for practitioners in force on 2026-03-09 \(release PTP26Q1, imported from SYNTH_PTP26Q1\.csv\) pair 77387 with none of the treatment delivery codes \(77402, 77407, 77412\) or the treatment planning codes \(77261, .*77301, .*77338\)\.$/;
const PLANNING_ONLY = /pair 77387 with none of the treatment planning codes/;

describe('igrtReferencePoints: 77387-26 from the reference data in force, to Medicare and MA plans', () => {
  it.each<[string, IgrtReferenceData | null, PayerKind | null, RegExp[]]>([
    [
      'Medicare, 77387-26 active, no pair',
      data([rvu('A')], [ptp('77412', '77407')]),
      'medicare',
      [MPFS, BOTH],
    ],
    [
      'Medicare Advantage: argued, opening with why (42 CFR 422.101)',
      data([rvu('A')], []),
      'medicare-advantage',
      [
        /^A Medicare Advantage plan covers the services traditional Medicare covers \(42 CFR 422\.101\)/,
        MPFS,
        BOTH,
      ],
    ],
    [
      'Medicare Advantage, nothing in force: no opening',
      data([], [ptp('77412', '77387'), ptp('77295', '77387')]),
      'medicare-advantage',
      [],
    ],
    ['a commercial payer: not argued', data([rvu('A')], []), 'other', []],
    ['no remittance line (no payer kind): not argued', data([rvu('A')], []), null, []],
    ['nothing loaded', null, 'medicare', []],
    ['77387-26 status B (bundled): no payment stated', data([rvu('B')], []), 'medicare', [BOTH]],
    ['only the global 77387 row: no payment stated', data([rvu('A', '')], []), 'medicare', [BOTH]],
    [
      'a 77412/77387 edit: delivery codes not stated',
      data([rvu('A')], [ptp('77412', '77387')]),
      'medicare',
      [MPFS, PLANNING_ONLY],
    ],
    [
      'a 77387/77301 edit: planning codes not stated',
      data([], [ptp('77387', '77301')]),
      'medicare',
      [/pair 77387 with none of the treatment delivery codes \(77402, 77407, 77412\)\.$/],
    ],
    [
      'a 77301/77387 edit deleted before the date: stated',
      data([], [ptp('77301', '77387', '2026-02-01')]),
      'medicare',
      [BOTH],
    ],
    [
      'edits with both groups: nothing stated',
      data([], [ptp('77412', '77387'), ptp('77295', '77387')]),
      'medicare',
      [],
    ],
    [
      'no NCCI release in force on the date',
      data([], [], release('PTP25Q4', '2025-10-01', '2025-12-31')),
      'medicare',
      [],
    ],
  ])('%s', (_, reference, kind, expected) => {
    const points = igrtReferencePoints(reference, kind, '2026-03-09');
    expect(points).toHaveLength(expected.length);
    expected.forEach((pattern, i) => expect(points[i]).toMatch(pattern));
  });
});

// A statement cites the files it comes from: the PPRRVU for status and RVUs, the PTP table for the pairs
// (the GPCI, locality key and MUE files say nothing of either); the demo's synthetic files are not CMS's.
describe('the release label names only the files the statement comes from', () => {
  const withSources = (mpfs: string, ncci: string): IgrtReferenceData => ({
    mpfs: [mpfsData({ ...release('RVU26A'), source: mpfs }, [rvu('A')], [])],
    ncci: [editTables({ ...release('PTP26Q1'), source: ncci }, [], [])],
  });
  it.each([
    [
      'CMS files',
      'PPRRVU26_JAN.csv\nGPCI2026.csv\n26LOCCO.csv',
      'ccipra_v321r0_f1.txt\nMCR_MUE_PractitionerServices.csv',
      '(release RVU26A, imported from PPRRVU26_JAN.csv)',
      '(release PTP26Q1, imported from ccipra_v321r0_f1.txt)',
    ],
    [
      "the demo's synthetic files",
      'DEMO_PPRRVU26_SYNTH.csv\nDEMO_GPCI2026_SYNTH.csv\nDEMO_26LOCCO_SYNTH.csv\nDEMO_ADDENDUM_B_2026_SYNTH.csv',
      'DEMO_PTP_PRACTITIONER_2026Q1_SYNTH.csv\nDEMO_MUE_PRACTITIONER_2026Q1_SYNTH.csv',
      '(synthetic demo release RVU26A, imported from DEMO_PPRRVU26_SYNTH.csv)',
      '(synthetic demo release PTP26Q1, imported from DEMO_PTP_PRACTITIONER_2026Q1_SYNTH.csv)',
    ],
  ])('%s', (_name, mpfs, ncci, mpfsLabel, ncciLabel) => {
    const [rvuPoint, ptpPoint] = igrtReferencePoints(withSources(mpfs, ncci), 'medicare', '2026-03-09');
    expect(rvuPoint).toContain(mpfsLabel);
    expect(ptpPoint).toContain(ncciLabel);
  });
});

describe('the 77387-26 appeal argues the reference data to Medicare, Medicare Advantage and a commercial bundling denial', () => {
  const appealTo = (payerKind: PayerKind, igrtReference: IgrtReferenceData | null) =>
    assembleLetter({
      ...letterInput('appeal-igrt-denial', undefined, 'medicare'),
      appeal: {
        payerClaimNumber: '26071000001',
        payerKind,
        appealBy: '2026-07-10',
        memberId: '1EG4TE5MK73',
        enclosures: [],
      },
      igrtReference,
    });
  const loaded = data([rvu('A')], []);

  it('Medicare: both statements, no warning', () => {
    const draft = appealTo('medicare', loaded);
    expect(draft.body).toMatch(/lists 77387 with modifier 26 with status A/);
    expect(draft.body).toMatch(/pair 77387 with none of the treatment delivery codes/);
    expect(draft.warnings.map((w) => w.code)).not.toContain('IGRT-REFERENCE-NOT-LOADED');
  });

  it('Medicare Advantage: both statements, no warning', () => {
    const draft = appealTo('medicare-advantage', loaded);
    expect(draft.body).toMatch(/42 CFR 422\.101/);
    expect(draft.body).toMatch(/lists 77387 with modifier 26 with status A/);
    expect(draft.warnings.map((w) => w.code)).not.toContain('IGRT-REFERENCE-NOT-LOADED');
  });

  // Seed, "Additional Notes": no NCCI edit between 77387 and the plan codes, and a 2026 MPFS payment for
  // 77387-26: to a commercial payer that denied it as bundled, Medicare's facts from the files loaded.
  it("a commercial payer, CO-97 (bundled): both statements, as Medicare's facts, not the plan's rule", () => {
    const draft = appealTo('other', loaded);
    expect(draft.ready).toBe(true);
    expect(draft.body).toContain(
      "The denial treats 77387-26 as bundled into another service. Medicare's own tables in force on the date of service, as the practice loaded them (the release is named with each), say the following of 77387-26; they are Medicare's facts, not this plan's own edits or fees.",
    );
    expect(draft.body).toMatch(/lists 77387 with modifier 26 with status A/);
    expect(draft.body).toMatch(/pair 77387 with none of the treatment delivery codes/);
    expect(draft.body).not.toMatch(/42 CFR 422\.101/);
  });

  it('a commercial payer, CO-97, without the CMS files: not ready, names each file to import', () => {
    const draft = appealTo('other', null);
    expect(draft.ready).toBe(false);
    expect(draft.missing).toEqual([
      {
        element: 'The CMS MPFS relative value file (PPRRVU) in force on 2026-03-03',
        fix: "Import the CMS MPFS relative value file (PPRRVU) release in force on 2026-03-03 (reference data): the appeal states what it says of 77387-26 as Medicare's facts.",
      },
      {
        element: 'The CMS practitioner NCCI PTP table in force on 2026-03-03',
        fix: "Import the CMS practitioner NCCI PTP table release in force on 2026-03-03 (reference data): the appeal states what it says of 77387-26 as Medicare's facts.",
      },
    ]);
  });

  it('a commercial payer, another denial (CO-4): neither statement, nothing required', () => {
    const draft = assembleLetter({
      ...letterInput('appeal-igrt-denial', undefined, 'medicare'),
      claim: { ...letterInput('appeal-igrt-denial').claim!, carcs: ['CO-4'] },
      appeal: {
        payerClaimNumber: '1',
        payerKind: 'other',
        appealBy: '2026-07-10',
        memberId: null,
        enclosures: [],
      },
      igrtReference: loaded,
    });
    expect(draft.ready).toBe(true);
    expect(draft.body).not.toMatch(/relative value file|NCCI/);
    expect(draft.warnings.map((w) => w.code)).not.toContain('IGRT-REFERENCE-NOT-LOADED');
  });

  it('Medicare without the reference data: neither statement, and a warning naming what to import', () => {
    const draft = appealTo('medicare', null);
    expect(draft.body).not.toMatch(/relative value file|NCCI/);
    expect(draft.warnings).toContainEqual({
      code: 'IGRT-REFERENCE-NOT-LOADED',
      message:
        'No MPFS relative value file (PPRRVU) and no practitioner NCCI PTP table in force on 2026-03-03 is loaded: the letter does not state what it says of 77387-26. Import the CMS file (reference data) to add it.',
    });
  });
});
