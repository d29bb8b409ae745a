import type { InputProblem } from '../model/input-problem.js';
import type { Site } from '../model/session-facts.js';
import { type CodeSide, lateralityOf } from './icd10cm-laterality.js';

/**
 * An ICD-10-CM release as the checks see it: its validity and, of the codes asked about, those it lists
 * (code without the dot → billable). CMS: "Use these codes for discharges occurring from October 1, 2025
 * – September 30, 2026, and for patient encounters occurring from October 1, 2025 – September 30, 2026"
 * (cms.gov, ICD-10 code files, per fiscal year); an April 1 update (adopted in the FY 2022 IPPS final
 * rule) starts mid-year and replaces the October release from its first day.
 */
export interface Icd10cmRelease {
  id: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  codes: ReadonlyMap<string, boolean>;
}

export interface DiagnosisToCheck {
  location: string;
  code: string;
  dateOfService: string;
  site?: Site | undefined;
}

export interface DiagnosisCheckResult {
  problems: InputProblem[];
  warnings: InputProblem[];
}

/** The federal fiscal year of a date: FY 2026 is 2025-10-01 … 2026-09-30 (CMS ICD-10 code files). */
export function fiscalYearOf(date: string): number {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 10 ? year + 1 : year;
}

export function fiscalYearBounds(fy: number): { from: string; to: string } {
  return { from: `${fy - 1}-10-01`, to: `${fy}-09-30` };
}

/**
 * A code as written on a course (`C50.911` or `C50911`) → without the dot, or null when it is not an
 * ICD-10-CM code: a capital letter, a digit, a digit or capital letter, then up to four capitals or
 * digits, the dot (optional) only after the third character (ICD-10-CM Tabular List conventions;
 * X12 837 HI segments carry the code without the dot, 005010X222A1 2300 HI01-2).
 */
export function icd10cmCode(written: string): string | null {
  const m = /^([A-Z][0-9][0-9A-Z])(?:\.?([0-9A-Z]{1,4}))?$/.exec(written.trim());
  return m ? m[1]! + (m[2] ?? '') : null;
}

/** `C50911` → `C50.911`. */
export const dotted = (code: string) => (code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code);

/** The release in force on a date: the latest-starting one that covers it (an April update over its October release). */
export function releaseInForce<R extends Icd10cmRelease>(releases: readonly R[], date: string): R | null {
  let best: R | null = null;
  for (const r of releases) {
    if (r.effectiveFrom > date || (r.effectiveTo !== null && r.effectiveTo < date)) continue;
    if (!best || r.effectiveFrom > best.effectiveFrom) best = r;
  }
  return best;
}

const REFERENCE = 'ICD-10-CM code file';

/**
 * Diagnosis codes of claim lines: format; the code exists in the release in force on the date of
 * service and is billable (a header, a category with more characters below it, is "not valid for
 * HIPAA-covered transactions": CMS/NCHS order file layout) → problems. Laterality against the course's
 * site → warnings. With no release loaded, or none covering a date, the format only, and one warning.
 * Messages name a code only when it is a well-formed code (never other text from the record).
 */
export function checkDiagnosisCodes(
  items: readonly DiagnosisToCheck[],
  releases: readonly Icd10cmRelease[],
): DiagnosisCheckResult {
  const problems: InputProblem[] = [];
  const warnings: InputProblem[] = [];
  const uncovered = new Map<number, number>();
  for (const item of items) {
    const code = icd10cmCode(item.code);
    if (code === null) {
      problems.push({
        location: item.location,
        message:
          'not an ICD-10-CM code: a capital letter, a digit, a digit or capital letter, then up to four capitals or digits after an optional dot (C50.911)',
      });
      continue;
    }
    const side = lateralityWarning(code, item.site);
    if (side) warnings.push({ location: item.location, message: side });
    if (!releases.length) continue;
    const release = releaseInForce(releases, item.dateOfService);
    if (!release) {
      const fy = fiscalYearOf(item.dateOfService);
      uncovered.set(fy, (uncovered.get(fy) ?? 0) + 1);
      continue;
    }
    const billable = release.codes.get(code);
    if (billable === undefined) {
      problems.push({
        location: item.location,
        message: `${dotted(code)} is not a valid ICD-10-CM code of ${release.id} (in force on ${item.dateOfService}): no such code, or a category that needs more characters`,
      });
    } else if (!billable) {
      problems.push({
        location: item.location,
        message: `${dotted(code)} is a category (a header in ${release.id}), not valid on a claim: code it to the full number of characters`,
      });
    }
  }
  if (!releases.length && items.length) {
    warnings.push({
      location: REFERENCE,
      message:
        'the ICD-10-CM code file is not loaded: diagnoses were checked for format only (import icd10cm_order_YYYY.txt on the Rates & payers page or with `sgrt-billing reference import`)',
    });
  }
  for (const [fy, n] of [...uncovered].sort(([a], [b]) => a - b)) {
    const { from, to } = fiscalYearBounds(fy);
    warnings.push({
      location: REFERENCE,
      message: `no ICD-10-CM release loaded covers FY ${fy} (${from} – ${to}): ${n} diagnosis code${n === 1 ? ' was' : 's were'} checked for format only`,
    });
  }
  return { problems, warnings };
}

const SIDE_WORD: Record<CodeSide, string> = {
  right: 'a right-side code',
  left: 'a left-side code',
  bilateral: 'a bilateral code',
  unspecified: 'leaves the side unspecified',
};

/**
 * ICD-10-CM Official Guidelines I.B.13 (Laterality): codes state the side, or bilateral; "If no bilateral
 * code is provided and the condition is bilateral, assign separate codes for both the left and right
 * side. If the side is not identified in the medical record, assign the code for the unspecified side."
 * A site with no side (`none`) or none given is not compared.
 */
function lateralityWarning(code: string, site: Site | undefined): string | null {
  const course = site?.laterality;
  const lat = lateralityOf(code);
  if (!lat || !course || course === 'none') return null;
  const said = `${dotted(code)} is ${SIDE_WORD[lat.side]}`.replace(' is leaves', ' leaves');
  const cite = '(ICD-10-CM guideline I.B.13, laterality)';
  if (course === 'bilateral') {
    if (lat.side === 'unspecified')
      return `${said} but the course's site is bilateral: code each side${lat.bilateralExists ? ', or the bilateral code' : ''} ${cite}`;
    if (lat.side !== 'bilateral' && lat.bilateralExists)
      return `${said} but the course's site is bilateral, and ICD-10-CM has a bilateral code for it ${cite}`;
    return null;
  }
  if (lat.side === course) return null;
  if (lat.side === 'unspecified')
    return `${said} but the course's site is ${course}: use the ${course}-side code (the unspecified side is for records that do not say) ${cite}`;
  return `${said} but the course's site is ${course} ${cite}`;
}
