import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { InputError } from '../../app/engine-context.js';
import { listExportFiles } from '../../app/read/read-export-files.js';
import { importReferenceFiles, type ReleaseChoice } from '../../app/reference/reference-import.js';
import { setLocality } from '../../app/reference/reference-settings.js';
import { allPracticeIds, repricePractice } from '../../app/reference/reprice.js';
import { EXIT, UsageError } from '../cli-errors.js';
import { openCliDatabase, practicesOf } from '../open-cli-app.js';
import { renderTable } from '../output/render-table.js';
import { dateOption } from '../shared-options.js';
import { counted, plural } from '../../core/text/plural.js';

export interface ReferenceImportOptions {
  year?: string;
  quarter?: string;
  effectiveFrom?: string;
  effectiveTo?: string;
  practice?: string;
  locality?: string;
  dataDir?: string;
}

/**
 * `sgrt-billing reference import <files|folders…>`: CMS files (PPRRVU, GPCI, locality key, OPPS
 * Addendum B, NCCI PTP, MUE; recognised by their headers) into the release of `--year`/`--quarter`
 * (default the current quarter), ICD-10-CM order or codes files into the fiscal year holding that
 * quarter (an April 1 update with `--effective-from YYYY-04-01`), and contract-rate CSVs into the
 * practice. Opens the app database like
 * `serve` (DATABASE_URL, else PGlite under --data-dir). All or nothing: any unknown layout or bad row
 * exits 2 with every problem located, and nothing is stored.
 */
export async function runReferenceImport(paths: string[], opts: ReferenceImportOptions): Promise<number> {
  const today = new Date();
  const year = Number(opts.year ?? today.getUTCFullYear());
  const quarter = Number(opts.quarter ?? Math.floor(today.getUTCMonth() / 3) + 1);
  if (!Number.isInteger(year) || year < 1990 || year > 2100)
    throw new UsageError('--year must be a year such as 2026');
  if (![1, 2, 3, 4].includes(quarter)) throw new UsageError('--quarter must be 1, 2, 3 or 4');
  dateOption('--effective-from', opts.effectiveFrom);
  dateOption('--effective-to', opts.effectiveTo);
  const locality = opts.locality === undefined ? null : /^(\w+)-(\d{1,2})$/.exec(opts.locality);
  if (opts.locality !== undefined && !locality)
    throw new UsageError('--locality must be <contractor>-<locality number>, e.g. 01112-05');
  const choice: ReleaseChoice = {
    year,
    quarter: quarter as ReleaseChoice['quarter'],
    effectiveFrom: opts.effectiveFrom,
    effectiveTo: opts.effectiveTo ?? null,
  };
  const { files, missing } = await listExportFiles(paths);
  if (missing.length)
    throw new InputError(missing.map((m) => ({ location: m, message: 'no such file or folder' })));
  // CMS files are the installation's, loaded before or after its first practice: may create the database.
  const app = await openCliDatabase({ dataDir: opts.dataDir, create: true });
  try {
    const practices = await practicesOf(app.ctx.db, opts.practice);
    const practiceId = opts.practice ?? (practices.length === 1 ? practices[0]!.id : null);
    const read = await Promise.all(
      files.map(async (f) => ({ name: basename(f), bytes: new Uint8Array(await readFile(f)) })),
    );
    // The command line runs with the database's own access: it loads CMS files as the operator does.
    const result = await importReferenceFiles(app.ctx, practiceId, read, choice, {
      onProgress: (m) => process.stderr.write(`reference: ${m}\n`),
    });
    if (locality) {
      if (!practiceId)
        throw new UsageError('--locality needs --practice (the database holds several or none)');
      const actor = {
        userId: 'cli',
        practiceId,
        role: 'operator' as const,
        displayName: 'command line',
        physicianId: null,
      };
      await setLocality(app.ctx, actor, { carrier: locality[1]!, locality: locality[2]! });
      process.stderr.write(
        `reference: the practice's Medicare locality is ${locality[1]}-${locality[2]!.padStart(2, '0')}\n`,
      );
    }
    process.stdout.write(
      renderTable(
        ['file', 'kind', 'rows', 'release'],
        result.files.map((f) => [f.name, f.kind, String(f.rows), f.release ?? `practice ${practiceId}`]),
        [2],
      ) + '\n',
    );
    for (const w of result.warnings) process.stderr.write(`  warning ${w.location}: ${w.message}\n`);
    // Stored charges and remittance lines follow the new rates now (the app queues the same as a job);
    // ICD-10-CM codes price nothing.
    const rates = result.files.some((f) => f.release !== null && f.kind !== 'icd10cm');
    const touched = rates
      ? await allPracticeIds(app.ctx)
      : practiceId && (result.contractRates || locality)
        ? [practiceId]
        : [];
    for (const id of touched) {
      const summary = await repricePractice(app.ctx, id);
      process.stderr.write(`reference: practice ${id}: ${counted(summary.courses, 'course')} re-priced\n`);
    }
    process.stderr.write(
      `reference: ${counted(result.files.length, 'file')}: ${plural(result.releases.length, 'release')} ${result.releases.join(', ') || 'none'}; ${counted(result.contractRates, 'contract rate')}\n`,
    );
    return EXIT.ok;
  } finally {
    await app.close();
  }
}
