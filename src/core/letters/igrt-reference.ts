import { activeEdit } from '../edits/edit-001-ncci-ptp.js';
import { type EditTables, pairKey } from '../edits/edit-tables.js';
import { inForce, type MpfsData, type ReferenceRelease } from '../rates/mpfs-payment.js';
import type { PayerKind } from '../remit/appeal-deadline.js';

/**
 * What the practice's loaded CMS reference data say about 77387-26 on a date of service, stated with the
 * release it comes from. The seed's two 77387-26 points ("no NCCI edit between 77387 and the planning
 * codes"; "an MPFS payment exists for 77387-26") could not be verified in a published record, so a letter
 * argues them only from the files the practice imported: the PFS relative value file (PPRRVU) and the
 * practitioner NCCI PTP table in force on the date. These are Medicare's tables, argued to traditional
 * Medicare and to a Medicare Advantage plan, which covers what traditional Medicare covers (42 CFR
 * 422.101), by Medicare's coverage and coding. A commercial payer applies its own edits and fees: to one
 * that denied 77387-26 as bundled, the same two points are stated as Medicare's facts from the files the
 * practice loaded, never as the payer's rule.
 */
export interface IgrtReferenceData {
  /** MPFS releases with (at least) their 77387 rows. */
  mpfs: readonly MpfsData[];
  /**
   * Practitioner NCCI releases that hold a PTP table, with (at least) their pairs among 77387 and
   * `IGRT_CHECKED_CODES`. A release without a PTP table (an MUE file alone) says nothing about pairs.
   */
  ncci: readonly EditTables[];
}

/**
 * The codes a 77387 pair is looked for: the 2026 treatment delivery codes, and the planning codes of the
 * CPT 2026 Radiation Oncology section's "Clinical Treatment Planning" (77261-77299) and "Medical
 * Radiation Physics, Dosimetry, Treatment Devices, and Special Services" (77300-77370) subsections.
 */
export const IGRT_CHECKED_CODES = {
  delivery: ['77402', '77407', '77412'],
  planning: [
    '77261', '77262', '77263', '77280', '77285', '77290', '77293', '77295', '77300', '77301', '77306',
    '77307', '77321', '77331', '77332', '77333', '77334', '77336', '77338',
  ],
} as const; // prettier-ignore

/**
 * CMS PFS Relative Value File, status code A: "Active Code. These codes are paid separately under the
 * physician fee schedule, if covered" (RVU file documentation, PFS status indicators).
 */
const ACTIVE = 'A';

/** The payers Medicare's own tables are argued to: traditional Medicare and Medicare Advantage plans. */
function followsMedicare(payerKind: PayerKind | null): boolean {
  return payerKind === 'medicare' || payerKind === 'medicare-advantage';
}

/**
 * A denial as bundled into another service: CARC 97, "The benefit for this service is included in the
 * payment/allowance for another service/procedure that has already been adjudicated" (X12 CARC list),
 * the ground ASTRO reports for 77387-26 denials ("IGRT is bundled with treatment delivery").
 */
export function deniedAsBundled(carcs: readonly string[]): boolean {
  return carcs.some((c) => c.split('-').pop() === '97');
}

/**
 * How an appeal uses the reference data: to Medicare and MA plans always (a gap warns); to a commercial
 * payer that denied 77387-26 as bundled, as Medicare's facts, never the payer's rule, and the letter
 * waits for the files (a gap is missing); to other commercial denials not at all.
 */
export function igrtReferenceUse(
  payerKind: PayerKind | null,
  carcs: readonly string[],
): 'medicare' | 'commercial-bundled' | null {
  if (followsMedicare(payerKind)) return 'medicare';
  return payerKind === 'other' && deniedAsBundled(carcs) ? 'commercial-bundled' : null;
}

/**
 * The statements for a 77387-26 line on `dateOfService` (`igrtReferenceUse`); none for other payers.
 * To a Medicare Advantage plan they open with why Medicare's tables bear on its decision; to a commercial
 * payer, with whose tables they are: Medicare's, as the practice loaded them, not the payer's own.
 */
export function igrtReferencePoints(
  data: IgrtReferenceData | null | undefined,
  payerKind: PayerKind | null,
  dateOfService: string,
  carcs: readonly string[] = [],
): string[] {
  const use = igrtReferenceUse(payerKind, carcs);
  if (!data || !use) return [];
  const points = [...mpfsPoint(data, dateOfService), ...ncciPoints(data, dateOfService)];
  if (!points.length) return points;
  if (use === 'commercial-bundled')
    return [
      "The denial treats 77387-26 as bundled into another service. Medicare's own tables in force on the date of service, as the practice loaded them (the release is named with each), say the following of 77387-26; they are Medicare's facts, not this plan's own edits or fees.",
      ...points,
    ];
  if (payerKind !== 'medicare-advantage') return points;
  return [
    "A Medicare Advantage plan covers the services traditional Medicare covers (42 CFR 422.101); Medicare's own tables in force on the date of service say the following of 77387-26.",
    ...points,
  ];
}

/** The reference data an IGRT appeal that uses it (`igrtReferenceUse`) lacks for the date: each as a release kind's name. */
export function igrtReferenceGaps(
  data: IgrtReferenceData | null | undefined,
  payerKind: PayerKind | null,
  dateOfService: string,
  carcs: readonly string[] = [],
): string[] {
  if (!igrtReferenceUse(payerKind, carcs)) return [];
  return [
    ...(inForce(data?.mpfs ?? [], dateOfService) ? [] : ['MPFS relative value file (PPRRVU)']),
    ...(inForce(data?.ncci ?? [], dateOfService) ? [] : ['practitioner NCCI PTP table']),
  ];
}

function mpfsPoint(data: IgrtReferenceData, dos: string): string[] {
  const release = inForce(data.mpfs, dos);
  const row = [...(release?.rvus.values() ?? [])].find((r) => r.hcpcs === '77387' && r.modifier === '26');
  if (!release || !row || row.status.toUpperCase() !== ACTIVE) return [];
  return [
    `The Medicare Physician Fee Schedule relative value file in force on ${dos} (${releaseLabel(release.release, 'pprrvu')}) lists 77387 with modifier 26 with status A, a code paid separately under the fee schedule, and ${rvuLabel(row.workRvu)} work RVUs.`,
  ];
}

function ncciPoints(data: IgrtReferenceData, dos: string): string[] {
  const release = inForce(data.ncci, dos);
  if (!release) return [];
  const unpaired = (codes: readonly string[]) =>
    codes.every(
      (c) =>
        !activeEdit(release.ptp.get(pairKey('77387', c)), dos) &&
        !activeEdit(release.ptp.get(pairKey(c, '77387')), dos),
    );
  const groups = [
    unpaired(IGRT_CHECKED_CODES.delivery)
      ? `the treatment delivery codes (${IGRT_CHECKED_CODES.delivery.join(', ')})`
      : null,
    unpaired(IGRT_CHECKED_CODES.planning)
      ? `the treatment planning codes (${IGRT_CHECKED_CODES.planning.join(', ')})`
      : null,
  ].filter((g) => g !== null);
  if (!groups.length) return [];
  return [
    `The Medicare NCCI procedure-to-procedure edits for practitioners in force on ${dos} (${releaseLabel(release.release, 'ptp')}) pair 77387 with none of ${groups.join(' or ')}.`,
  ];
}

/**
 * The files of a release that are named as another CMS table than the one a statement reads (a release
 * holds its kind's tables: MPFS = PPRRVU, GPCI, locality key, OPPS Addendum B; NCCI = PTP and MUE).
 * A file whose name names no table is kept: the name is the operator's, the table was read by its columns.
 */
const OTHER_TABLES = {
  pprrvu: /gpci|locco|localit|addendum|opps|mue/i,
  ptp: /mue|gpci|locco|pprrvu/i,
} as const;
/** The demo's synthetic CMS files (src/app/setup/demo-reference.ts): never called CMS's. */
const SYNTHETIC_DEMO_FILE = /^DEMO_.*_SYNTH\.\w+$/;

/**
 * `release RVU26A, imported from PPRRVU26_JAN.csv`: the release as the practice imported it, with only
 * the files the statement can come from; a release of the demo's synthetic files says so.
 */
function releaseLabel(r: ReferenceRelease, table: keyof typeof OTHER_TABLES): string {
  const files = r.source.split('\n').filter((f) => f && !OTHER_TABLES[table].test(f));
  const name =
    files.length && files.every((f) => SYNTHETIC_DEMO_FILE.test(f)) ? 'synthetic demo release' : 'release';
  return files.length ? `${name} ${r.id}, imported from ${files.join(', ')}` : `${name} ${r.id}`;
}

/** Thousandths of an RVU, exactly (580 → 0.58, 585 → 0.585). */
function rvuLabel(thousandths: number): string {
  return (thousandths / 1000).toFixed(3).replace(/0$/, '');
}
