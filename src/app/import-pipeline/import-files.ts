import { createHash } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FractionStatus } from '../../core/audit/outcome.js';
import type { InputProblem } from '../../core/model/input-problem.js';
import { type Db } from '../../storage/database.js';
import type { AppContext } from '../app-context.js';
import type { ExportRecords } from '../read/export-records.js';
import { type ExportSource, memorySource } from '../read/export-source.js';
import { readExportSources } from '../read/read-export-files.js';
import type { ImportFileView } from '../views.js';
import type { ImportProgress, ImportSummary } from '../link/import-progress.js';
import type { ImportResult, UploadSource } from '../upload/upload-types.js';
import { acceptableName, BAD_NAME, shownName } from '../upload/upload-names.js';
import { relinkPractice } from '../link/relink-practice.js';
import { storePatientRecords } from '../link/patient-records.js';
import type { Trx } from '../../storage/repositories/course-store.js';
import { conflictingCourses } from '../link/course-conflicts.js';
import { practiceToday } from '../remit/remit-lines.js';
import { repeatedPayments } from '../remit/repeated-payments.js';
import { storeRemittances } from '../remit/remittance-store.js';

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

export interface ImportOptions {
  onProgress?: (p: ImportProgress) => void | Promise<void>;
  /** The job the import runs in (recorded on each imported file). */
  jobId?: string | null;
}

/** `importSources` of files in memory (the demo, the benchmarks, tests). */
export async function importFiles(
  ctx: AppContext,
  practiceId: string,
  files: readonly UploadedFile[],
  options: ImportOptions = {},
): Promise<ImportResult> {
  const sources = files.map((f) => ({
    ...memorySource(f.name, f.bytes),
    sha256: createHash('sha256').update(f.bytes).digest('hex'),
  }));
  return importSources(ctx, practiceId, sources, options);
}

/**
 * Import a batch of export files into a practice: read each (format by content), keep what each new
 * file said (whole, and split by patient), re-link the courses of the patients the new files name with
 * everything imported about them so far, audit, and store —
 * all in one transaction, so a failure leaves nothing behind. A file whose bytes were imported before
 * (SHA-256) is reported as a duplicate and changes nothing: re-importing is idempotent.
 */
export async function importSources(
  ctx: AppContext,
  practiceId: string,
  files: readonly UploadSource[],
  options: ImportOptions = {},
): Promise<ImportResult> {
  const { onProgress, jobId = null } = options;
  const hashes = files.map((f) => f.sha256);
  const known = await knownHashes(ctx.db, practiceId, hashes);
  const views: ImportFileView[] = [];
  const fresh = new Map<ExportSource, string>();
  const seen = new Set<string>();
  // A job run again after its worker died finds the files it stored itself: it reports them as its own.
  let resumed = false;
  files.forEach((file, i) => {
    const hash = hashes[i]!;
    const before = known.get(hash);
    if (!acceptableName(file.name)) {
      views.push({
        name: shownName(file.name),
        format: 'unknown',
        status: 'failed',
        records: 0,
        problems: [{ location: `file #${i + 1}`, message: BAD_NAME }],
      });
    } else if (before && jobId !== null && before.jobId === jobId && !seen.has(hash)) {
      seen.add(hash);
      resumed = true;
      views.push({
        name: file.name,
        format: before.format,
        status: 'imported',
        records: before.records,
        problems: before.problems,
      });
    } else if (before || seen.has(hash)) {
      views.push({
        name: file.name,
        format: before?.format ?? 'same as another file',
        status: 'duplicate',
        records: 0,
        problems: [],
      });
    } else {
      seen.add(hash);
      fresh.set(file, hash);
    }
  });

  const practice = await ctx.db
    .selectFrom('practices')
    .select('clinic')
    .where('id', '=', practiceId)
    .executeTakeFirstOrThrow();
  // The practice's site settings (zone, report date order, R&V layout) unless the batch brings its own.
  const clinic = memorySource(
    'clinic.json (practice settings)',
    encoder.encode(JSON.stringify(practice.clinic)),
  );
  // Files are read one at a time from where they are stored: no temporary copy, none held after its turn.
  // The counter counts the upload's files: those already decided (duplicates, bad names), then each read
  // one (the practice's own settings, read first, are not a file of the upload).
  // The reader reports synchronously: a progress report that fails (the job was cancelled, its lease lost)
  // is kept and ends the import once the files are read, never left as an unhandled rejection (which
  // ends a Node.js process: Node.js docs, "Event: 'unhandledRejection'").
  const decided = files.length - fresh.size;
  let stop: { error: unknown } | null = null;
  const read = await readExportSources([clinic, ...fresh.keys()], {
    onProgress: (p) => {
      if (stop || !onProgress) return;
      const at = { phase: 'read' as const, done: decided + p.done - 1, total: files.length, file: p.file };
      Promise.resolve()
        .then(() => onProgress(at))
        .catch((error: unknown) => void (stop ??= { error }));
    },
  });
  // Reports still pending settle before the files are stored.
  await new Promise<void>((resolve) => setImmediate(resolve));
  if (stop) throw (stop as { error: unknown }).error;
  const stored: {
    hash: string;
    name: string;
    format: string;
    records: number;
    content: ExportRecords;
    problems: InputProblem[];
  }[] = [];
  read.results.forEach((r, i) => {
    const hash = fresh.get(read.sources[i]!);
    if (hash === undefined) return; // the practice's own clinic settings
    const name = r.file;
    const problems = [...r.problems, ...r.warnings];
    const status = r.status === 'read' ? 'imported' : r.status;
    views.push({ name, format: r.format ?? 'unknown', status, records: r.records, problems });
    if (r.status === 'read') {
      stored.push({
        hash,
        name,
        format: r.format ?? 'unknown',
        records: r.records,
        content: read.parts[i]!,
        problems,
      });
    }
  });
  // A stored file shares its problem list with its view: the warning shows in both.
  const payments = await repeatedPayments(ctx.db, practiceId, stored, await practiceToday(ctx, practiceId));
  for (const [name, problems] of payments.repeated)
    stored.find((s) => s.name === name)?.problems.push(...problems);
  // A course list that would move a stored course to another patient, and an 835 giving a payment's
  // trace number other contents, are refused, file by file.
  const refused = [payments.conflicting, await conflictingCourses(ctx.db, practiceId, stored)];
  for (const [name, problems] of refused.flatMap((m) => [...m])) {
    const at = stored.findIndex((s) => s.name === name);
    if (at < 0) continue;
    const view = views.find((v) => v.name === name && v.status === 'imported');
    stored[at]!.problems.push(...problems);
    if (view) view.status = 'failed';
    stored.splice(at, 1);
  }
  const at = new Date(ctx.now()).toISOString();
  const summary = await ctx.db.transaction().execute(async (trx) => {
    // The files in multi-row INSERTs of FILES_PER_INSERT, their records by slices (patient-records.ts).
    const inserted: { id: string; file_hash: string }[] = [];
    for (let i = 0; i < stored.length; i += FILES_PER_INSERT) {
      const rows = await trx
        .insertInto('imports')
        .values(
          stored.slice(i, i + FILES_PER_INSERT).map((s) => ({
            practice_id: practiceId,
            file_hash: s.hash,
            file_name: s.name,
            format: s.format,
            status: 'imported',
            records: s.records,
            problems: JSON.stringify(s.problems),
            job_id: jobId,
            imported_at: at,
            by_patient: true,
          })),
        )
        .returning(['id', 'file_hash'])
        .execute();
      inserted.push(...rows);
    }
    const idOf = new Map(inserted.map((r) => [r.file_hash, r.id]));
    // What each file said is kept once: by patient, and an 835's payments and claims.
    const contents = stored.map((s) => ({ importId: idOf.get(s.hash)!, content: s.content }));
    await storePatientRecords(trx, practiceId, contents);
    await storeRemittances(trx, practiceId, contents);
    if (!stored.length && !resumed) return emptySummary();
    // A resumed job links again the patients of the files it stored before its worker died.
    const ours = resumed ? await jobImports(trx, practiceId, jobId!) : [];
    const relinked = await relinkPractice(
      ctx,
      trx,
      practiceId,
      [...new Set([...inserted.map((r) => r.id), ...ours])],
      onProgress,
    );
    // What linking noticed about a file of this batch shows with it (stored with it by the re-link).
    for (const v of views.filter((x) => x.status === 'imported')) {
      const shown = new Set(v.problems.map((p) => p.message));
      v.problems.push(...(relinked.warnings.get(v.name) ?? []).filter((w) => !shown.has(w.message)));
    }
    return relinked.summary;
  });
  ctx.log.info(
    {
      practiceId,
      files: files.length,
      imported: stored.length,
      duplicates: files.length - fresh.size,
      courses: summary.courses,
      fractions: summary.fractions,
    },
    'import finished',
  );
  return { files: views, summary };
}

/**
 * Files per INSERT into imports. On PGlite a statement runs in the app's thread: the 534 files of a
 * 40-patient import in one INSERT held the event loop ~210 ms of CPU (bench/README.md, "import-loop-gaps");
 * the loop gets turns between statements (event-loop-turn.ts).
 */
export const FILES_PER_INSERT = 50;

const TEMP_PREFIX = 'sgrt-import-';
const encoder = new TextEncoder();

/**
 * Temporary folders left by an earlier version, which copied uploads to disk, in a process that is gone
 * (killed during an import): each folder names its process id, so a live process's is left alone.
 */
export async function removeStaleImportFolders(): Promise<void> {
  for (const entry of await readdir(tmpdir())) {
    const pid = new RegExp(`^${TEMP_PREFIX}(\\d+)-`).exec(entry)?.[1];
    if (pid !== undefined && !processAlive(Number(pid))) {
      await rm(join(tmpdir(), entry), { recursive: true, force: true });
    }
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface KnownFile {
  format: string;
  jobId: string | null;
  records: number;
  problems: InputProblem[];
}

async function knownHashes(
  db: Db,
  practiceId: string,
  hashes: readonly string[],
): Promise<Map<string, KnownFile>> {
  if (!hashes.length) return new Map();
  const rows = await db
    .selectFrom('imports')
    .select(['file_hash', 'format', 'job_id', 'records', 'problems'])
    .where('practice_id', '=', practiceId)
    .where('file_hash', 'in', [...new Set(hashes)])
    .execute();
  return new Map(
    rows.map((r) => [
      r.file_hash,
      { format: r.format, jobId: r.job_id, records: r.records, problems: r.problems as InputProblem[] },
    ]),
  );
}

async function jobImports(trx: Trx, practiceId: string, jobId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('imports')
    .select('id')
    .where('practice_id', '=', practiceId)
    .where('job_id', '=', jobId)
    .execute();
  return rows.map((r) => r.id);
}

export function emptySummary(): ImportSummary {
  const byStatus: Record<FractionStatus, number> = { ready: 0, downgrade: 0, hold: 0 };
  return { courses: 0, fractions: 0, unlinked: 0, byStatus };
}
