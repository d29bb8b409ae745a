/**
 * Memory of a large upload and its import, on each engine: `--mb 512` of files (a small clinic's
 * exports, a record-and-verify CSV over the per-file limit, files that are no export) uploaded in 1 MiB
 * chunks and imported by the worker, in a child process per engine set up beforehand (as a server that
 * was started on an existing database). Figure: the child's peak RSS (VmHWM); anchor: its RSS
 * after setup, before the upload, in the same process (ratio = anchor / peak).
 *
 *   node --import tsx bench/import-memory.ts [--mb 512] [--engines pglite,postgres] [--patients 8] [--days 5]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureUploadMemory } from '../test/support/upload-memory.js';
import { dropDatabase, intOption, line, option, progress, recreateDatabase, round } from './app-support.js';

const BENCH = 'import-memory';
const DB_NAME = 'sgrt_bench_upload';
const mb = intOption('mb', 512);
const patients = intOption('patients', 8);
const days = intOption('days', 5);
const engines = option('engines', 'pglite,postgres').split(',');

for (const engine of engines) {
  progress(`${engine}: uploading and importing ${mb} MiB…`);
  const dir = engine === 'pglite' ? await mkdtemp(join(tmpdir(), 'sgrt-bench-upload-')) : null;
  try {
    const run = await measureUploadMemory({
      mb,
      patients,
      days,
      ...(dir ? { dataDir: dir } : { databaseUrl: await recreateDatabase(DB_NAME) }),
    });
    line(BENCH, {
      metric: 'peak_rss',
      engine,
      value: run.imported.peak_mib,
      unit: 'MiB',
      baseline: run.setup.rss_mib,
      baseline_name: 'RSS of the same process after setup, before the upload',
      ratio: round(run.setup.rss_mib / run.imported.peak_mib, 3),
      upload_mib: mb,
      peak_after_upload_mib: run.uploaded.peak_mib,
      status: run.status,
      files_by_status: run.files_by_status,
      refused: run.refused,
      courses: run.courses,
    });
  } finally {
    if (dir) await rm(dir, { recursive: true, force: true });
    else await dropDatabase(DB_NAME);
  }
}
