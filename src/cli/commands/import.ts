import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { engineContext } from '../../app/engine-context.js';
import { importClinic, type ImportRun } from '../../app/import-pipeline/import-clinic.js';
import type { ReadProgress } from '../../app/read/read-export-files.js';
import { loadSiteMapping } from '../../app/read/site-mapping.js';
import { EXIT } from '../cli-errors.js';
import { renderTable } from '../output/render-table.js';
import { failOn, findingsExitCode, nowOption, outputFormat } from '../shared-options.js';
import { counted } from '../../core/text/plural.js';

export interface ImportCommandOptions {
  format: string;
  failOn?: string;
  now?: string;
  profiles?: string;
  out?: string;
  mapping?: string;
  progress?: boolean;
}

/** `sgrt-billing import <files|folders…>`: read clinic exports, link them into courses, audit them. */
export async function runImport(paths: string[], opts: ImportCommandOptions): Promise<number> {
  const format = outputFormat(opts.format, ['json', 'table']);
  const threshold = failOn(opts.failOn);
  const ctx = await engineContext({
    now: nowOption(opts.now),
    ...(opts.profiles ? { profilesFile: opts.profiles } : {}),
  });
  const mapping = opts.mapping ? await loadSiteMapping(opts.mapping) : undefined;
  const run = await importClinic(paths, ctx, {
    ...(mapping ? { mapping } : {}),
    ...(opts.progress === false ? {} : { onProgress: progressLine() }),
  });
  if (opts.progress !== false && process.stderr.isTTY) process.stderr.write('\n');
  if (opts.out) await writeCourses(opts.out, run);

  const summary = summarise(run);
  if (format === 'json') {
    process.stdout.write(
      `${JSON.stringify(
        {
          summary,
          files: run.files,
          unlinked: run.unlinked,
          invalidCourses: run.invalidCourses,
          courses: run.courses.map((c) => c.audit),
        },
        null,
        2,
      )}\n`,
    );
  } else process.stdout.write(renderImport(run, summary));
  if (summary.filesRead === 0 || run.courses.length === 0) return EXIT.input;
  return findingsExitCode(
    run.courses.flatMap((c) => [...c.audit.findings, ...c.audit.fractions.flatMap((f) => f.findings)]),
    threshold,
  );
}

function summarise(run: ImportRun) {
  const fractions = run.courses.flatMap((c) => c.audit.fractions);
  return {
    files: run.files.length,
    filesRead: run.files.filter((f) => f.status === 'read').length,
    filesFailed: run.files.filter((f) => f.status === 'failed').length,
    filesSkipped: run.files.filter((f) => f.status === 'skipped').length,
    unlinked: run.unlinked.length,
    courses: run.courses.length,
    fractions: fractions.length,
    ready: fractions.filter((f) => f.status === 'ready').length,
    downgrade: fractions.filter((f) => f.status === 'downgrade').length,
    hold: fractions.filter((f) => f.status === 'hold').length,
  };
}

/** Progress on stderr: rewritten in place on a terminal, every 100 files otherwise. */
function progressLine(): (p: ReadProgress) => void {
  const tty = process.stderr.isTTY === true;
  return (p) => {
    const line = `${p.done}/${counted(p.total, 'file')}, ${counted(p.records, 'record')}, ${p.failed} failed`;
    if (tty) process.stderr.write(`\rreading ${line}`);
    else if (p.done % 100 === 0 || p.done === p.total) process.stderr.write(`read ${line}\n`);
  };
}

/** The linked course documents, written all at once (a temporary folder renamed into place). */
async function writeCourses(out: string, run: ImportRun): Promise<void> {
  const tmp = `${out}.tmp-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  for (const { course } of run.courses) {
    await writeFile(join(tmp, `${course.courseId}.json`), `${JSON.stringify(course, null, 2)}\n`);
  }
  await rm(out, { recursive: true, force: true });
  await rename(tmp, out);
}

function renderImport(run: ImportRun, s: ReturnType<typeof summarise>): string {
  const out: string[] = [];
  const byFormat = new Map<string, { read: number; failed: number; skipped: number; records: number }>();
  for (const f of run.files) {
    const key = f.format ?? 'not an export';
    const e = byFormat.get(key) ?? { read: 0, failed: 0, skipped: 0, records: 0 };
    e[f.status === 'read' ? 'read' : f.status === 'failed' ? 'failed' : 'skipped']++;
    e.records += f.records;
    byFormat.set(key, e);
  }
  out.push(
    renderTable(
      ['format', 'files read', 'failed', 'skipped', 'records'],
      [...byFormat]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, String(v.read), String(v.failed), String(v.skipped), String(v.records)]),
      [1, 2, 3, 4],
    ),
    '',
  );
  for (const f of run.files.filter((x) => x.status === 'failed')) {
    out.push(`FAILED ${f.file}`);
    for (const p of f.problems.slice(0, 5)) out.push(`  ${p.location}: ${p.message}`);
    if (f.problems.length > 5) out.push(`  … ${f.problems.length - 5} more`);
  }
  for (const u of run.unlinked) out.push(`UNLINKED ${u.source}: ${u.what}: ${u.reason}`);
  for (const p of run.invalidCourses) out.push(`INVALID ${p.location}: ${p.message}`);
  const rows = run.courses.map(({ audit }) => {
    const count = (st: string) => String(audit.fractions.filter((f) => f.status === st).length);
    return [
      audit.courseId,
      audit.payerProfile,
      String(audit.fractions.length),
      count('ready'),
      count('downgrade'),
      count('hold'),
    ];
  });
  out.push(
    '',
    renderTable(['course', 'payer', 'fractions', 'ready', 'downgrade', 'hold'], rows, [2, 3, 4, 5]),
  );
  out.push(
    '',
    `${counted(s.files, 'file')}: ${s.filesRead} read, ${s.filesFailed} failed, ${s.filesSkipped} skipped; ${counted(s.unlinked, 'record')} not linked. ` +
      `${counted(s.courses, 'course')}, ${counted(s.fractions, 'fraction')}: ${s.ready} ready, ${s.downgrade} downgraded, ${s.hold} on hold.`,
  );
  return `${out.join('\n')}\n`;
}
