import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase } from '../../../test/support/db-harness.js';
import { measureUploadMemory } from '../../../test/support/upload-memory.js';

/**
 * Memory of an upload and its import, bounded (issue "one upload can take the server down": 100 MB
 * peaked at 6 GB on PGlite). A process of its own uploads UPLOAD_MEMORY_MB (default 64; the bench runs
 * 512) — a small clinic's exports, a record-and-verify CSV over the per-file limit when the size allows,
 * files that are no export — stores it in 1 MiB chunks and imports it. Its peak RSS (VmHWM) may grow
 * over the RSS after setup by at most 112 MiB plus an eighth of the upload: about 80 MiB is what the
 * import needs whatever the size (readers loaded, linking, and garbage that V8 collects in batches: the
 * chunks cross the drivers as base64 text); holding a 64 MiB upload twice would break it. At 512 MiB
 * the peak must also stay under 600 MiB (measured: 467 MiB PGlite, 295 MiB PostgreSQL; bench/README.md).
 */
const MB = Number(process.env.UPLOAD_MEMORY_MB ?? 64);

describe.each(ENGINES)(
  'a %s upload of UPLOAD_MEMORY_MB, stored and imported',
  { timeout: 600_000 },
  (engine) => {
    it('keeps the peak RSS within the bound', async () => {
      const dir = engine === 'pglite' ? await mkdtemp(join(tmpdir(), 'sgrt-upload-memory-')) : null;
      const tdb = engine === 'postgres' ? await openTestDatabase('postgres') : null;
      try {
        const run = await measureUploadMemory({
          mb: MB,
          patients: 2,
          days: 2,
          ...(dir ? { dataDir: dir } : { databaseUrl: tdb!.url! }),
        });
        // The files that are no export are refused by name, the rest imported: a partial upload (README).
        expect(run.status).toBe('partial');
        expect(run.files_by_status.imported).toBeGreaterThan(0);
        const growth = run.imported.peak_mib - run.setup.rss_mib;
        expect(growth, `peak ${run.imported.peak_mib} MiB after ${run.setup.rss_mib} MiB`).toBeLessThan(
          112 + MB / 8,
        );
        if (MB >= 512) expect(run.imported.peak_mib).toBeLessThan(600);
      } finally {
        if (dir) await rm(dir, { recursive: true, force: true });
        await tdb?.close();
      }
    });
  },
);
