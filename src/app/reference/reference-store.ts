import type { EditTables } from '../../core/edits/edit-tables.js';
import { editTables } from '../../core/edits/edit-tables.js';
import type { Selectable } from 'kysely';
import { mpfsData, type PfsRvu, type ReferenceRelease } from '../../core/rates/mpfs-payment.js';
import { oppsData } from '../../core/rates/opps-payment.js';
import type { RateTable } from '../../core/rates/rate-table.js';
import type { Db } from '../../storage/database.js';
import type { CmsRvusTable } from '../../storage/schema.js';
import type { Trx } from '../../storage/repositories/course-store.js';
import type { ContractRate, PracticeRates } from './expected-rate.js';

type Reader = Db | Trx;

/**
 * The kinds of CMS release the app stores (reference-import.ts names them `RVU26A`, `OPPS26A`, …;
 * ICD-10-CM releases by fiscal year, icd10cm-releases.ts).
 */
export const RELEASE_KINDS = ['mpfs', 'opps', 'ncci-practitioner', 'ncci-hospital', 'icd10cm'] as const;
export type ReleaseKind = (typeof RELEASE_KINDS)[number];

export interface ReleaseRow {
  id: string;
  kind: string;
  year: number;
  quarter: number;
  effective_from: string;
  effective_to: string | null;
  sources: string;
}

/** A stored release as the core reads it (effective dates decide which is in force). */
export const referenceRelease = (r: ReleaseRow): ReferenceRelease => ({
  id: r.id,
  year: r.year,
  quarter: r.quarter as ReferenceRelease['quarter'],
  effectiveFrom: r.effective_from,
  effectiveTo: r.effective_to,
  source: r.sources,
});

export async function releasesOf(db: Reader, kind: Exclude<ReleaseKind, 'icd10cm'>): Promise<ReleaseRow[]> {
  return db
    .selectFrom('cms_releases')
    .select(['id', 'kind', 'year', 'quarter', 'effective_from', 'effective_to', 'sources'])
    .where('kind', '=', kind)
    .execute();
}

/**
 * The practice's rates for the given codes, read once (a save or a remittance import looks up many
 * lines): its locality, the stored MPFS and OPPS releases (rows of those codes only), its contract
 * rates, and the bundled national table.
 */
export async function loadPracticeRates(
  db: Reader,
  practiceId: string,
  national: RateTable,
  codes: readonly string[],
): Promise<PracticeRates> {
  const wanted = [...new Set(codes)];
  const locality = await practiceLocality(db, practiceId);
  const contracts = await listContractRates(db, practiceId);
  if (!wanted.length) return { locality, mpfs: [], opps: [], national, contracts };
  const mpfsReleases = locality ? await releasesOf(db, 'mpfs') : [];
  const oppsReleases = await releasesOf(db, 'opps');
  const mpfsIds = mpfsReleases.map((r) => r.id);
  const oppsIds = oppsReleases.map((r) => r.id);
  const [rvus, gpcis, rates] = await Promise.all([
    mpfsIds.length
      ? db
          .selectFrom('cms_rvus')
          .selectAll()
          .where('release_id', 'in', mpfsIds)
          .where('hcpcs', 'in', wanted)
          .execute()
      : [],
    mpfsIds.length && locality
      ? db
          .selectFrom('cms_gpcis')
          .selectAll()
          .where('release_id', 'in', mpfsIds)
          .where('carrier', '=', locality.carrier)
          .where('locality', '=', locality.locality)
          .execute()
      : [],
    oppsIds.length
      ? db
          .selectFrom('cms_opps_rates')
          .selectAll()
          .where('release_id', 'in', oppsIds)
          .where('hcpcs', 'in', wanted)
          .execute()
      : [],
  ]);
  const at = (id: string) => `release ${id}`;
  return {
    locality,
    national,
    contracts,
    mpfs: mpfsReleases.map((r) =>
      mpfsData(
        referenceRelease(r),
        rvus.filter((v) => v.release_id === r.id).map((v) => pfsRvu(v)),
        gpcis
          .filter((g) => g.release_id === r.id)
          .map((g) => ({
            carrier: g.carrier,
            locality: g.locality,
            state: null,
            localityName: g.locality_name,
            workGpci: g.work_gpci,
            peGpci: g.pe_gpci,
            mpGpci: g.mp_gpci,
            location: at(r.id),
          })),
      ),
    ),
    opps: oppsReleases.map((r) =>
      oppsData(
        referenceRelease(r),
        rates
          .filter((o) => o.release_id === r.id)
          .map((o) => ({
            hcpcs: o.hcpcs,
            statusIndicator: o.status_indicator,
            apc: o.apc,
            relativeWeight: null,
            paymentRateCents: o.payment_cents === null ? null : Number(o.payment_cents),
            nationalCopaymentCents: null,
            minimumCopaymentCents: null,
            location: at(r.id),
          })),
      ),
    ),
  };
}

/**
 * The NCCI tables (PTP pairs among the given codes, their MUEs) of every stored release of a setting:
 * practitioner tables for professional and office (POS 11) lines, outpatient hospital tables for
 * hospital technical lines (NCCI: separate tables per claim type, domain.md §7).
 */
export async function loadEditTables(
  db: Reader,
  setting: 'practitioner' | 'hospital',
  codes: readonly string[],
): Promise<EditTables[]> {
  const wanted = [...new Set(codes)];
  const releases = await releasesOf(db, setting === 'practitioner' ? 'ncci-practitioner' : 'ncci-hospital');
  if (!releases.length || !wanted.length) return [];
  const ids = releases.map((r) => r.id);
  const [ptp, mue] = await Promise.all([
    db
      .selectFrom('cms_ptp_edits')
      .selectAll()
      .where('release_id', 'in', ids)
      .where('column1', 'in', wanted)
      .where('column2', 'in', wanted)
      .execute(),
    db
      .selectFrom('cms_mue_limits')
      .selectAll()
      .where('release_id', 'in', ids)
      .where('hcpcs', 'in', wanted)
      .execute(),
  ]);
  return releases.map((r) =>
    editTables(
      referenceRelease(r),
      ptp
        .filter((e) => e.release_id === r.id)
        .map((e) => ({
          column1: e.column1,
          column2: e.column2,
          effectiveFrom: e.effective_from,
          deletedOn: e.deleted_on,
          modifierIndicator: e.modifier_indicator as '0' | '1' | '9',
          location: `release ${r.id}`,
        })),
      mue
        .filter((m) => m.release_id === r.id)
        .map((m) => ({
          hcpcs: m.hcpcs,
          maxUnits: m.max_units,
          adjudication: m.adjudication as '1' | '2' | '3',
          rationale: m.rationale,
          location: `release ${r.id}`,
        })),
    ),
  );
}

/** A stored PPRRVU row as the core reads it. */
export const pfsRvu = (v: Selectable<CmsRvusTable>): PfsRvu => ({
  hcpcs: v.hcpcs,
  modifier: v.modifier,
  status: v.status,
  workRvu: v.work_rvu,
  nonFacilityPeRvu: v.non_facility_pe_rvu,
  facilityPeRvu: v.facility_pe_rvu,
  mpRvu: v.mp_rvu,
  pctcIndicator: null,
  conversionFactor: v.conversion_factor,
  location: `release ${v.release_id}`,
});

export async function practiceLocality(
  db: Reader,
  practiceId: string,
): Promise<{ carrier: string; locality: string } | null> {
  const row = await db
    .selectFrom('practice_localities')
    .select(['carrier', 'locality'])
    .where('practice_id', '=', practiceId)
    .executeTakeFirst();
  return row ?? null;
}

export async function listContractRates(db: Reader, practiceId: string): Promise<ContractRate[]> {
  const rows = await db
    .selectFrom('contract_rates')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .orderBy('payer')
    .orderBy('code')
    .orderBy('modifier')
    .orderBy('effective_from')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    payer: r.payer,
    code: r.code,
    modifier: r.modifier,
    cents: Number(r.cents),
    effectiveFrom: r.effective_from,
    effectiveTo: r.effective_to,
  }));
}
