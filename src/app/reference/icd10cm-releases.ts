import {
  fiscalYearBounds,
  fiscalYearOf,
  type Icd10cmRelease,
  icd10cmCode,
} from '../../core/claims/diagnosis-checks.js';
import type { InputProblem } from '../../core/model/input-problem.js';
import type { Db } from '../../storage/database.js';
import type { Trx } from '../../storage/repositories/course-store.js';
import type { ReleaseChoice } from './reference-import.js';

/** The `cms_releases` row an ICD-10-CM code file is stored under. */
export interface Icd10cmReleaseRow {
  id: string;
  year: number;
  quarter: number;
  effective_from: string;
  effective_to: string;
}

/**
 * The ICD-10-CM release of an import: the fiscal year holding the chosen quarter's first day (or the
 * stated effective date), valid from October 1 to September 30 (CMS: "Use these codes for … patient
 * encounters occurring from October 1, 2025 – September 30, 2026"). A release stated to start on another
 * day is that fiscal year's update from that day (the April 1 update, adopted in the FY 2022 IPPS final
 * rule): `ICD10CM-FY2026`, `ICD10CM-FY2026-0401`. It always ends with its fiscal year unless an end is
 * stated: codes change every October 1. year/quarter are those of its first day, like the other releases.
 */
export function icd10cmRelease(choice: ReleaseChoice): Icd10cmReleaseRow {
  const quarterStart = `${choice.year}-${String((choice.quarter - 1) * 3 + 1).padStart(2, '0')}-01`;
  const fy = fiscalYearOf(choice.effectiveFrom ?? quarterStart);
  const bounds = fiscalYearBounds(fy);
  const from = choice.effectiveFrom ?? bounds.from;
  const suffix = from === bounds.from ? '' : `-${from.slice(5, 7)}${from.slice(8, 10)}`;
  return {
    id: `ICD10CM-FY${fy}${suffix}`,
    year: Number(from.slice(0, 4)),
    quarter: Math.floor((Number(from.slice(5, 7)) - 1) / 3) + 1,
    effective_from: from,
    effective_to: choice.effectiveTo ?? bounds.to,
  };
}

/**
 * A warning when the file's name names another fiscal year than the release it goes to (CMS names the
 * files by fiscal year: `icd10cm_order_2026.txt`), or an April update stored from another day.
 */
export function icd10cmNameWarning(name: string, release: Icd10cmReleaseRow): InputProblem | null {
  const year = /(?:^|\D)(20\d\d)(?:\D|$)/.exec(name)?.[1];
  const fy = fiscalYearOf(release.effective_from);
  if (year && Number(year) !== fy)
    return {
      location: name,
      message: `the file name says ${year} but it is stored as the FY ${fy} release ${release.id}: choose the release year and quarter (or effective date) of the file`,
    };
  if (/april/i.test(name) && !release.effective_from.endsWith('-04-01'))
    return {
      location: name,
      message: `the file name says April but release ${release.id} starts on ${release.effective_from}: state the effective date 20xx-04-01 for an April 1 update`,
    };
  return null;
}

/**
 * The stored ICD-10-CM releases, each with the rows of the given codes only (a claim batch asks about a
 * few codes of some 74,000), for `checkDiagnosisCodes`.
 */
export async function loadIcd10cmReleases(
  db: Db | Trx,
  written: readonly string[],
): Promise<Icd10cmRelease[]> {
  const releases = await db
    .selectFrom('cms_releases')
    .select(['id', 'effective_from', 'effective_to'])
    .where('kind', '=', 'icd10cm')
    .execute();
  if (!releases.length) return [];
  const codes = [...new Set(written.map(icd10cmCode).filter((c): c is string => c !== null))];
  const rows = codes.length
    ? await db
        .selectFrom('cms_icd10cm_codes')
        .select(['release_id', 'code', 'billable'])
        .where(
          'release_id',
          'in',
          releases.map((r) => r.id),
        )
        .where('code', 'in', codes)
        .execute()
    : [];
  return releases.map((r) => ({
    id: r.id,
    effectiveFrom: r.effective_from,
    effectiveTo: r.effective_to,
    codes: new Map(rows.filter((x) => x.release_id === r.id).map((x) => [x.code, x.billable])),
  }));
}
