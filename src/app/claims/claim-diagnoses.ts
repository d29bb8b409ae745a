import type { Kysely } from 'kysely';
import { checkDiagnosisCodes } from '../../core/claims/diagnosis-checks.js';
import type { InputProblem } from '../../core/model/input-problem.js';
import type { Course } from '../../core/model/course.js';
import type { Database } from '../../storage/schema.js';
import type { Trx } from '../../storage/repositories/course-store.js';
import { loadIcd10cmReleases } from '../reference/icd10cm-releases.js';

/**
 * The diagnoses of claims about to be written, against the stored ICD-10-CM releases
 * (core/claims/diagnosis-checks.ts): problems (malformed, not a code of the release in force on the date
 * of service, a header) stop a claim; warnings (laterality against the course site, no code file loaded
 * or none for a fiscal year) are shown. One query for the releases, one for the codes asked about.
 */
export async function checkDiagnoses(
  db: Kysely<Database> | Trx,
  items: readonly { location: string; code: string; dateOfService: string; site?: Course['site'] }[],
): Promise<{ problems: InputProblem[]; warnings: InputProblem[] }> {
  if (!items.length) return { problems: [], warnings: [] };
  const releases = await loadIcd10cmReleases(
    db,
    items.map((i) => i.code),
  );
  return checkDiagnosisCodes(items, releases);
}
