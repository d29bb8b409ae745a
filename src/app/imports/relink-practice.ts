import type { FractionStatus } from '../../core/audit/outcome.js';
import type { CourseHeader } from '../../core/model/course.js';
import type { InputProblem } from '../../core/model/input-problem.js';
import { saveAuthorizations } from '../../storage/repositories/authorization-store.js';
import type { Trx } from '../../storage/repositories/course-store.js';
import type { AppContext } from '../app-context.js';
import { emptyRecords, type ExportRecords, mergeRecords } from '../import/export-records.js';
import { type LinkNote, linkCourses } from '../import/link-courses.js';
import { auditAndSave } from '../persist/audit-and-save.js';
import { storeRemitLines } from '../remit/store-remit-lines.js';
import { practicePlaceOfService } from '../setup/practice-place-of-service.js';
import type { ImportProgress, ImportSummary } from './import-files.js';

/** Stored files' records read per statement. */
const CONTENT_BATCH = 25;

/**
 * Link everything imported into the practice so far into courses, audit them at the app's now and
 * store them (inside the caller's transaction). Evidence arriving in a later file (a signature, a
 * monitoring log) thereby changes the fractions it belongs to, and each charge's status history grows.
 * A later courses.json replaces an earlier entry for the same course id (of the same patient: import-files
 * refuses a list that gives a stored course to another patient, `course-conflicts.ts`).
 * What linking noticed about a record (a beam part after a NORMAL end, overlapping beams) is added to
 * that file's stored warnings, once, and returned by file name for the batch's views.
 */
export async function relinkPractice(
  ctx: AppContext,
  trx: Trx,
  practiceId: string,
  onProgress?: (p: ImportProgress) => void | Promise<void>,
): Promise<{ summary: ImportSummary; warnings: Map<string, InputProblem[]> }> {
  const records = emptyRecords();
  // In batches: one statement returning every file's records would be parsed in one go (on PGlite in
  // this thread, holding the event loop for all of it).
  for (let after = '0'; ;) {
    const rows = await trx
      .selectFrom('imports')
      .select(['id', 'content'])
      .where('practice_id', '=', practiceId)
      .where('content', 'is not', null)
      .where('id', '>', after)
      .orderBy('id')
      .limit(CONTENT_BATCH)
      .execute();
    for (const row of rows) mergeRecords(records, row.content as ExportRecords);
    if (rows.length < CONTENT_BATCH) break;
    after = rows.at(-1)!.id;
  }
  records.headers = latestHeaders(records.headers);
  const { courses, unlinked, notes } = linkCourses(records);
  const warnings = await noteOnFiles(trx, practiceId, notes);
  const byStatus: Record<FractionStatus, number> = { ready: 0, downgrade: 0, hold: 0 };
  let fractions = 0;
  let saved = 0;
  for (const [i, course] of courses.entries()) {
    await onProgress?.({ phase: 'store', done: i, total: courses.length, file: null });
    const audit = await auditAndSave(ctx, trx, practiceId, course);
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
    records.authorizations.flatMap(({ table }) =>
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
  // Remittances: every line classified against the charges just stored.
  const placeOfService = await practicePlaceOfService(trx, practiceId);
  await storeRemitLines(ctx, trx, practiceId, records.remittances, placeOfService);
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
    byFile.set(n.source, [...(byFile.get(n.source) ?? []), warning]);
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

function latestHeaders(headers: readonly CourseHeader[]): CourseHeader[] {
  return [...new Map(headers.map((h) => [h.courseId, h])).values()];
}
