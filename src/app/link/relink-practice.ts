import type { FractionStatus } from '../../core/audit/outcome.js';
import type { Course, CourseHeader } from '../../core/model/course.js';
import type { InputProblem } from '../../core/model/input-problem.js';
import { yieldNow } from '../../storage/event-loop-turn.js';
import { saveAuthorizations } from '../../storage/repositories/authorization-store.js';
import type { Trx } from '../../storage/repositories/course-store.js';
import type { AppContext } from '../app-context.js';
import { type LinkNote, linkCourses, type Unlinked } from './link-courses.js';
import { auditAndSaveAll } from '../persist/audit-and-save.js';
import type { RemitScope } from '../remit/remit-scope.js';
import { storeRemitLines } from '../remit/store-remit-lines.js';
import { authorizationKey } from '../../core/authorizations/authorization-number.js';
import { practicePlaceOfService } from '../setup/practice-place-of-service.js';
import type { ImportProgress, ImportSummary } from './import-progress.js';
import { linkedPatients } from './linked-patients.js';
import { allPatients, loadPatientRecords, patientsOf, splitEarlierImports } from './patient-records.js';
import { replaceUnlinked } from './unlinked-records.js';

/**
 * Link what the practice's stored files say about the patients the given files name into courses,
 * audit them at the app's now and store them (inside the caller's transaction). Courses belong to one
 * patient and every record joins a course of the patient it names, so the other patients' courses are
 * neither read nor rewritten: a day's import costs the same whatever the practice's history. Evidence
 * arriving in a later file (a signature, a monitoring log) thereby changes the fractions it belongs to,
 * and each charge's status history grows. A later courses.json replaces an earlier entry for the same
 * course id (of the same patient: import-files refuses a list that gives a stored course to another
 * patient, `course-conflicts.ts`). What linking noticed about a record (a beam part after a NORMAL end,
 * overlapping beams) is added to that file's stored warnings, once, and returned by file name for the
 * batch's views; the records that matched no course are stored per patient (`unlinked-records.ts`).
 * The summary counts the courses this import linked. With `'practice'` (a re-pricing) every patient's
 * courses are linked again; with `{ patients }` those patients' (a record linked to a course by hand).
 * A patient tied to these by a hand-made link (`linked-patients.ts`) is linked with them.
 */
export async function relinkPractice(
  ctx: AppContext,
  trx: Trx,
  practiceId: string,
  importIds: readonly string[] | 'practice' | { patients: readonly string[] },
  onProgress?: (p: ImportProgress) => void | Promise<void>,
): Promise<{ summary: ImportSummary; warnings: Map<string, InputProblem[]> }> {
  // Files stored before records were kept by patient are split once, and their patients linked now.
  const earlier = await splitEarlierImports(trx, practiceId);
  const files =
    importIds === 'practice' ? [] : 'patients' in importIds ? earlier : [...importIds, ...earlier];
  const named =
    importIds === 'practice'
      ? await allPatients(trx, practiceId)
      : [
          ...('patients' in importIds ? importIds.patients : []),
          ...(await patientsOf(trx, practiceId, files)),
        ];
  const { patients, groups, links } = await linkedPatients(trx, practiceId, [...new Set(named)]);
  const loaded = await loadPatientRecords(trx, practiceId, groups, files);
  for (const records of loaded) records.headers = latestHeaders(records.headers);
  // A FHIR signer is known by any physician of the practice, the courses linked here included.
  const physicians = [
    ...new Set([
      ...(await practicePhysicians(trx, practiceId)),
      ...loaded.flatMap((r) => r.headers.map((h) => h.physicianId)),
    ]),
  ];
  const courses: Course[] = [];
  const unlinked: Unlinked[] = [];
  const notes: LinkNote[] = [];
  for (const records of loaded) {
    // Group by group, with a turn for other requests between (linking 40 patients at once held the
    // event loop ~0.4 s: bench/README.md, "import-responsiveness").
    await yieldNow();
    const linked = linkCourses(records, physicians, links);
    courses.push(...linked.courses);
    unlinked.push(...linked.unlinked);
    notes.push(...linked.notes);
  }
  const authorizations = loaded.flatMap((r) => r.authorizations);
  const warnings = await noteOnFiles(trx, practiceId, notes);
  await replaceUnlinked(trx, practiceId, patients, unlinked);
  const byStatus: Record<FractionStatus, number> = { ready: 0, downgrade: 0, hold: 0 };
  let fractions = 0;
  let saved = 0;
  const audits = await auditAndSaveAll(ctx, trx, practiceId, courses, {
    skipUnchanged: true,
    onCourse: async (i) => {
      // A course audited at a time, with a turn for other requests between (the rows are written in
      // batches, saveCourses; the PGlite driver gives turns between statements, event-loop-turn.ts).
      await yieldNow();
      await onProgress?.({ phase: 'store', done: i, total: courses.length, file: null });
    },
  });
  for (const audit of audits) {
    if (!audit) continue;
    saved++;
    for (const f of audit.fractions) {
      byStatus[f.status]++;
      fractions++;
    }
  }
  // Authorizations are kept per patient for the claim checks and remittance analysis (issue #5).
  await saveAuthorizations(
    trx,
    practiceId,
    authorizations.flatMap(({ table }) =>
      table.authorizations.map((a) => ({
        patientMrn: a.patientId,
        payer: a.payer,
        number: a.authorizationNumber,
        codes: a.codes.map((c) => [c.code, ...c.modifiers].join('-')),
        fractionsAuthorized: a.fractionsAuthorized,
        obtainedOn: a.obtainedOn,
        validFrom: a.validFrom,
        validTo: a.validTo,
      })),
    ),
  );
  // Remittances: the lines whose claims these files, patients or authorizations may have changed,
  // classified against the charges as stored now.
  const placeOfService = await practicePlaceOfService(trx, practiceId);
  const scope: RemitScope =
    importIds === 'practice'
      ? 'practice'
      : {
          importIds: files,
          patientKeys: patients,
          authorizationKeys: [
            ...new Set(
              authorizations.flatMap(({ table }) =>
                table.authorizations.map((a) => authorizationKey(a.authorizationNumber)),
              ),
            ),
          ],
        };
  await storeRemitLines(ctx, trx, practiceId, scope, placeOfService);
  return { summary: { courses: saved, fractions, unlinked: unlinked.length, byStatus }, warnings };
}

/**
 * Each note as a warning of the stored file it is about (the latest file of that name), added only when
 * the file does not show it yet: every re-link finds the same notes again.
 */
async function noteOnFiles(
  trx: Trx,
  practiceId: string,
  notes: readonly LinkNote[],
): Promise<Map<string, InputProblem[]>> {
  const byFile = new Map<string, InputProblem[]>();
  for (const n of notes) {
    const warning = { location: n.source, message: `${n.what}: ${n.note}` };
    const shown = byFile.get(n.source);
    if (shown) shown.push(warning);
    else byFile.set(n.source, [warning]);
  }
  if (!byFile.size) return byFile;
  const rows = await trx
    .selectFrom('imports')
    .select(['id', 'file_name', 'problems'])
    .where('practice_id', '=', practiceId)
    .where('file_name', 'in', [...byFile.keys()])
    .orderBy('id')
    .execute();
  const latest = new Map(rows.map((r) => [r.file_name, r]));
  for (const [name, row] of latest) {
    const problems = (row.problems ?? []) as InputProblem[];
    const shown = new Set(problems.map((p) => `${p.location}\n${p.message}`));
    const added = byFile.get(name)!.filter((w) => !shown.has(`${w.location}\n${w.message}`));
    if (!added.length) continue;
    await trx
      .updateTable('imports')
      .set({ problems: JSON.stringify([...problems, ...added]) })
      .where('id', '=', row.id)
      .execute();
  }
  return byFile;
}

/** The practice's physician ids (a FHIR signer known by one of them is keyed by it). */
async function practicePhysicians(trx: Trx, practiceId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('courses')
    .select('physician_id')
    .distinct()
    .where('practice_id', '=', practiceId)
    .execute();
  return rows.map((r) => r.physician_id);
}

function latestHeaders(headers: readonly CourseHeader[]): CourseHeader[] {
  return [...new Map(headers.map((h) => [h.courseId, h])).values()];
}
