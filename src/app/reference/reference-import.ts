import { randomUUID } from 'node:crypto';
import type { InputProblem } from '../../core/model/input-problem.js';
import {
  ADDENDUM_B_COLUMNS,
  type ColumnSpec,
  GPCI_COLUMNS,
  LOCALITY_COLUMNS,
  MUE_COLUMNS,
  PPRRVU_COLUMNS,
  PTP_COLUMNS,
} from '../../formats/cms/cms-columns.js';
import { findHeaderRow } from '../../formats/cms/find-header-row.js';
import { icd10cmLayout, readIcd10cm } from '../../formats/cms/read-icd10cm.js';
import { readGpci } from '../../formats/cms/read-gpci.js';
import { readLocalities } from '../../formats/cms/read-localities.js';
import { readMue } from '../../formats/cms/read-mue.js';
import { readNcciPtp } from '../../formats/cms/read-ncci-ptp.js';
import { readOppsAddendumB } from '../../formats/cms/read-opps-addendum-b.js';
import { readPprrvu } from '../../formats/cms/read-pprrvu.js';
import { decodeCsvText } from '../../formats/csv/decode-csv-text.js';
import type { Trx } from '../../storage/repositories/course-store.js';
import { chunks } from '../../storage/repositories/insert-chunks.js';
import { yieldNow } from '../../storage/event-loop-turn.js';
import type { AppContext } from '../app-context.js';
import { forbidden } from '../app-errors.js';
import { InputError } from '../engine-context.js';
import type { ReferenceImportView } from '../views.js';
import { icd10cmNameWarning, icd10cmRelease } from './icd10cm-releases.js';
import { CONTRACT_COLUMNS, type ContractRateRow, readContractRates } from './read-contract-rates.js';
import type { ReleaseKind } from './reference-store.js';

export interface ReferenceFile {
  name: string;
  bytes: Uint8Array;
}

/** Which release the CMS files belong to; effective dates default to the quarter's first day, open-ended. */
export interface ReleaseChoice {
  year: number;
  quarter: 1 | 2 | 3 | 4;
  effectiveFrom?: string | undefined;
  effectiveTo?: string | null | undefined;
}

type FileKind = 'pprrvu' | 'gpci' | 'locality' | 'opps' | 'ptp' | 'mue' | 'icd10cm' | 'contract';

/** Detection order: GPCI before the locality key (a GPCI file also names its localities). */
const LAYOUTS: readonly { kind: FileKind; label: string; specs: readonly ColumnSpec[] }[] = [
  { kind: 'pprrvu', label: 'PPRRVU', specs: PPRRVU_COLUMNS },
  { kind: 'gpci', label: 'GPCI', specs: GPCI_COLUMNS },
  { kind: 'opps', label: 'OPPS Addendum B', specs: ADDENDUM_B_COLUMNS },
  { kind: 'ptp', label: 'NCCI PTP', specs: PTP_COLUMNS },
  { kind: 'mue', label: 'MUE', specs: MUE_COLUMNS },
  { kind: 'locality', label: 'locality key', specs: LOCALITY_COLUMNS },
  { kind: 'contract', label: 'contract rates', specs: CONTRACT_COLUMNS },
];

const TABLE_OF: Record<Exclude<FileKind, 'contract'>, string> = {
  pprrvu: 'cms_rvus',
  gpci: 'cms_gpcis',
  locality: 'cms_localities',
  opps: 'cms_opps_rates',
  ptp: 'cms_ptp_edits',
  mue: 'cms_mue_limits',
  icd10cm: 'cms_icd10cm_codes',
};

/**
 * The file's layout: an ICD-10-CM order or codes file by its fixed columns (read-icd10cm.ts), the others
 * by their header names (domain.md §7: CMS header wording changes between releases).
 */
export function detectLayout(file: ReferenceFile): FileKind | InputProblem[] {
  const decoded = decodeCsvText(file.bytes, file.name);
  if (!decoded.ok) return decoded.problems;
  if (icd10cmLayout(decoded.value.text)) return 'icd10cm';
  let closest: { label: string; line: number; missing: string[]; score: number } | null = null;
  for (const layout of LAYOUTS) {
    const found = findHeaderRow(decoded.value.text, layout.specs);
    if (found.found) return layout.kind;
    const c = found.closest;
    const score = c ? Object.keys(c.columns).length : 0;
    if (c && score > (closest?.score ?? 0)) {
      closest = { label: layout.label, line: c.line, missing: c.missing.map((s) => `"${s.label}"`), score };
    }
  }
  const expected = [...LAYOUTS.map((l) => l.label), 'ICD-10-CM order or codes file'].join(', ');
  return [
    closest
      ? {
          location: `${file.name}:line ${closest.line}`,
          message: `unknown layout: closest to the ${closest.label} table, but ${closest.missing.join(', ')} not found (expected one of: ${expected})`,
        }
      : {
          location: file.name,
          message: `unknown layout: no header row in the first lines (expected one of: ${expected}; see README "reference import")`,
        },
  ];
}

const QUARTER_LETTER = ['A', 'B', 'C', 'D'] as const;

/** The `cms_releases` row of a quarterly release: from the quarter's first day unless stated, open-ended unless stated. */
function releaseRow(kind: Exclude<ReleaseKind, 'icd10cm'>, choice: ReleaseChoice) {
  const quarterStart = `${choice.year}-${String((choice.quarter - 1) * 3 + 1).padStart(2, '0')}-01`;
  return {
    id: releaseId(kind, choice),
    year: choice.year,
    quarter: choice.quarter,
    effective_from: choice.effectiveFrom ?? quarterStart,
    effective_to: choice.effectiveTo ?? null,
  };
}

/** `RVU26A`, `OPPS26B`, `NCCI-PRA26A`, `NCCI-OPH26A`: the release a file of `kind` belongs to (ICD-10-CM: icd10cm-releases.ts). */
export function releaseId(kind: Exclude<ReleaseKind, 'icd10cm'>, choice: ReleaseChoice): string {
  const yq = `${String(choice.year % 100).padStart(2, '0')}${QUARTER_LETTER[choice.quarter - 1]}`;
  const prefix = { mpfs: 'RVU', opps: 'OPPS', 'ncci-practitioner': 'NCCI-PRA', 'ncci-hospital': 'NCCI-OPH' }[
    kind
  ];
  return `${prefix}${yq}`;
}

/** PTP/MUE files of the outpatient hospital tables: named so by CMS (`…Hospital…`, `OPH`) or by their MUE header. */
function ncciKind(file: ReferenceFile, mueHeader: string | undefined): ReleaseKind {
  const hospital = /hosp|oph|outpatient/i;
  return hospital.test(file.name) || (mueHeader !== undefined && hospital.test(mueHeader))
    ? 'ncci-hospital'
    : 'ncci-practitioner';
}

interface ReadFile {
  file: ReferenceFile;
  kind: FileKind;
  release: ReleaseKind | null;
  rows: unknown[];
}

/**
 * CMS files are installation-wide reference data: only the installation operator (role `operator`) or
 * the server's command line loads them (ARCHITECTURE.md, "Who loads reference data").
 */
export const CMS_FILES_OPERATOR_ONLY =
  'CMS reference files (PPRRVU, GPCI, localities, OPPS, NCCI PTP, MUE, ICD-10-CM) are shared by every practice: only the installation operator loads them; a practice uploads contract-rate CSVs only';

export interface ReferenceImportOptions {
  /** The operator's user id recorded on the releases; null: the server's command line. */
  importedBy?: string | null;
  onProgress?: (message: string) => void;
}

/**
 * `sgrt-billing reference import`, the operator's upload and a practice's contract-rate upload: CMS files
 * (PPRRVU, GPCI, locality key, OPPS Addendum B, NCCI PTP, MUE) and contract-rate CSVs, each recognised
 * by its header, and ICD-10-CM order or codes files by their fixed columns (into the fiscal year's
 * release). `choice` null: contract rates only (a practice's admin or biller), a CMS file is refused
 * (forbidden). Every file is read first; any problem (unknown layout, bad row) stops the import with
 * the located problems and nothing is stored. Then one transaction: each CMS table given replaces that
 * table's rows of its release (re-importing the same files is idempotent); contract rates replace the
 * practice's rates with the same payer, code, modifier and start date.
 */
export async function importReferenceFiles(
  ctx: AppContext,
  practiceId: string | null,
  files: readonly ReferenceFile[],
  choice: ReleaseChoice | null,
  { importedBy = null, onProgress = () => {} }: ReferenceImportOptions = {},
): Promise<ReferenceImportView> {
  const problems: InputProblem[] = [];
  const warnings: InputProblem[] = [];
  const read: ReadFile[] = [];
  for (const file of files) {
    onProgress(`reading ${file.name}`);
    const kind = detectLayout(file);
    if (typeof kind !== 'string') {
      problems.push(...kind);
      continue;
    }
    // Refused before a CMS file (tens of MB) is read.
    if (kind !== 'contract' && choice === null) throw forbidden(CMS_FILES_OPERATOR_ONLY);
    const many = kind === 'contract' ? tooManyContractRows(file) : null;
    if (many) {
      problems.push(many);
      continue;
    }
    const result = readAs(kind, file);
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    warnings.push(...result.warnings);
    const named = kind === 'icd10cm' ? icd10cmNameWarning(file.name, icd10cmRelease(choice!)) : null;
    if (named) warnings.push(named);
    const release =
      kind === 'pprrvu' || kind === 'gpci' || kind === 'locality'
        ? 'mpfs'
        : kind === 'opps'
          ? 'opps'
          : kind === 'ptp' || kind === 'mue'
            ? ncciKind(file, result.value.info.columns.mue)
            : kind === 'icd10cm'
              ? 'icd10cm'
              : null;
    read.push({ file, kind, release, rows: result.value.rows });
  }
  if (read.some((r) => r.kind === 'contract') && practiceId === null) {
    problems.push({ location: '--practice', message: 'contract rates belong to a practice: name it' });
  }
  if (problems.length) throw new InputError(problems);
  const at = new Date(ctx.now()).toISOString();
  const view: ReferenceImportView = { files: [], releases: [], contractRates: 0, warnings };
  await ctx.db.transaction().execute(async (trx) => {
    for (const r of read) {
      if (r.kind === 'contract') {
        onProgress(`storing ${r.rows.length} contract rates of ${r.file.name}`);
        await upsertContractRates(trx, practiceId!, r.rows as ContractRateRow[]);
        view.contractRates += r.rows.length;
        view.files.push({ name: r.file.name, kind: r.kind, rows: r.rows.length, release: null });
        continue;
      }
      const row = r.release === 'icd10cm' ? icd10cmRelease(choice!) : releaseRow(r.release!, choice!);
      const id = row.id;
      onProgress(`storing ${r.rows.length} rows of ${r.file.name} in ${id}`);
      const sameTable = read.filter((x) => x.release === r.release && x.kind === r.kind);
      const first = sameTable[0] === r;
      await upsertRelease(trx, {
        ...row,
        kind: r.release!,
        source: r.file.name,
        imported_at: at,
        imported_by: importedBy,
      });
      // Several files of one table in one import (CMS splits the PTP table) are merged, not replaced.
      if (first)
        await trx
          .deleteFrom(TABLE_OF[r.kind] as 'cms_rvus')
          .where('release_id', '=', id)
          .execute();
      await insertRows(trx, id, r.kind, r.rows);
      view.files.push({ name: r.file.name, kind: r.kind, rows: r.rows.length, release: id });
      if (!view.releases.includes(id)) view.releases.push(id);
    }
  });
  ctx.log.info(
    {
      practiceId,
      importedBy,
      files: view.files.length,
      releases: view.releases.length,
      contractRates: view.contractRates,
    },
    'reference data imported',
  );
  return view;
}

/**
 * Most rows of a contract-rate CSV. A practice's contracts price the codes it bills: a radiation
 * oncology practice bills ~150 codes (CPT 77xxx, G-codes) with at most 3 modifiers, under ~30 payers
 * over a few periods: 150 × 3 × 30 × 3 ≈ 40,000. A file of 430,000 rows held the request 46 s and its
 * re-pricing 81 s. Counted as lines, before the file is read.
 */
export const MAX_CONTRACT_ROWS = 50_000;

function tooManyContractRows(file: ReferenceFile): InputProblem | null {
  let lines = 0;
  // indexOf: a native scan (a byte-by-byte loop over 15 MB held the loop a second).
  for (
    let at = file.bytes.indexOf(0x0a);
    at >= 0 && lines <= MAX_CONTRACT_ROWS + 1;
    at = file.bytes.indexOf(0x0a, at + 1)
  )
    lines++;
  return lines > MAX_CONTRACT_ROWS + 1
    ? {
        location: file.name,
        message: `over ${MAX_CONTRACT_ROWS} rows: more than a practice's contracts hold (split the file by payer, or leave out periods that ended); nothing of it was stored`,
      }
    : null;
}

function readAs(kind: FileKind, file: ReferenceFile) {
  const readers = {
    pprrvu: readPprrvu,
    gpci: readGpci,
    locality: readLocalities,
    opps: readOppsAddendumB,
    ptp: readNcciPtp,
    mue: readMue,
    icd10cm: readIcd10cm,
    contract: readContractRates,
  } as const;
  return (readers[kind] as (b: Uint8Array, s: string) => ReturnType<typeof readPprrvu>)(
    file.bytes,
    file.name,
  );
}

async function upsertRelease(
  trx: Trx,
  r: {
    id: string;
    kind: ReleaseKind;
    year: number;
    quarter: number;
    effective_from: string;
    effective_to: string | null;
    source: string;
    imported_at: string;
    imported_by: string | null;
  },
): Promise<void> {
  const existing = await trx
    .selectFrom('cms_releases')
    .select('sources')
    .where('id', '=', r.id)
    .executeTakeFirst();
  const sources = [...new Set([...(existing?.sources.split('\n') ?? []), r.source])].filter(Boolean);
  const row = {
    kind: r.kind,
    year: r.year,
    quarter: r.quarter,
    effective_from: r.effective_from,
    effective_to: r.effective_to,
    sources: sources.join('\n'),
    imported_at: r.imported_at,
    imported_by: r.imported_by,
  };
  await trx
    .insertInto('cms_releases')
    .values({ id: r.id, ...row })
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute();
}

/* eslint-disable @typescript-eslint/no-explicit-any -- rows typed by the reader of their kind */
async function insertRows(
  trx: Trx,
  id: string,
  kind: Exclude<FileKind, 'contract'>,
  rows: any[],
): Promise<void> {
  const mapped = rows.map((x): Record<string, unknown> => {
    switch (kind) {
      case 'pprrvu':
        return {
          release_id: id,
          hcpcs: x.hcpcs,
          modifier: x.modifier,
          status: x.status,
          work_rvu: x.workRvu,
          non_facility_pe_rvu: x.nonFacilityPeRvu,
          facility_pe_rvu: x.facilityPeRvu,
          mp_rvu: x.mpRvu,
          conversion_factor: x.conversionFactor,
        };
      case 'gpci':
        return {
          release_id: id,
          carrier: x.carrier,
          locality: x.locality,
          locality_name: x.localityName,
          work_gpci: x.workGpci,
          pe_gpci: x.peGpci,
          mp_gpci: x.mpGpci,
        };
      case 'locality':
        return {
          release_id: id,
          carrier: x.carrier,
          locality: x.locality,
          state: x.state,
          fee_schedule_area: x.feeScheduleArea,
        };
      case 'opps':
        return {
          release_id: id,
          hcpcs: x.hcpcs,
          status_indicator: x.statusIndicator,
          apc: x.apc,
          payment_cents: x.paymentRateCents,
        };
      case 'ptp':
        return {
          release_id: id,
          column1: x.column1,
          column2: x.column2,
          effective_from: x.effectiveFrom,
          deleted_on: x.deletedOn,
          modifier_indicator: x.modifierIndicator,
        };
      case 'mue':
        return {
          release_id: id,
          hcpcs: x.hcpcs,
          max_units: x.maxUnits,
          adjudication: x.adjudication,
          rationale: x.rationale,
        };
      case 'icd10cm':
        return { release_id: id, code: x.code, billable: x.billable, description: x.description };
    }
  });
  // A key repeated in one file (CMS corrections) keeps its last row.
  const unique =
    kind === 'ptp'
      ? mapped
      : [
          ...new Map(
            mapped.map((m) => [JSON.stringify([m.hcpcs, m.modifier, m.carrier, m.locality, m.code]), m]),
          ).values(),
        ];
  for (const chunk of chunks(unique))
    await trx
      .insertInto(TABLE_OF[kind] as 'cms_rvus')
      .values(chunk as any)
      .execute();
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/**
 * Contract rates replace those with the same payer, code, modifier and start date (re-import is
 * idempotent): an upsert on the unique key (migration 0016), so concurrent writes of the same rate leave
 * one row (PostgreSQL INSERT … ON CONFLICT DO UPDATE).
 */
export async function upsertContractRates(
  trx: Trx,
  practiceId: string,
  given: readonly Omit<ContractRateRow, 'location'>[],
): Promise<void> {
  // The same key twice in one file: the last row counts (one statement may not update a row twice).
  const key = (r: (typeof given)[number]) => [r.payer, r.code, r.modifier, r.effectiveFrom].join('|');
  const rows = [...new Map(given.map((r) => [key(r), r])).values()];
  const values = rows.map((r) => ({
    id: randomUUID(),
    practice_id: practiceId,
    payer: r.payer,
    code: r.code,
    modifier: r.modifier,
    cents: r.cents,
    effective_from: r.effectiveFrom,
    effective_to: r.effectiveTo,
  }));
  for (const chunk of chunks(values)) {
    // In bounded statements, the event loop given a turn between them (PGlite runs on this thread).
    await yieldNow();
    await trx
      .insertInto('contract_rates')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['practice_id', 'payer', 'code', 'modifier', 'effective_from']).doUpdateSet((eb) => ({
          cents: eb.ref('excluded.cents'),
          effective_to: eb.ref('excluded.effective_to'),
        })),
      )
      .execute();
  }
}
