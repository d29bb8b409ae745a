import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase } from '../../../test/support/db-harness.js';

/**
 * Memory of an upload and its import, bounded (issue "one upload can take the server down": 100 MB
 * peaked at 6 GB on PGlite). A process of its own uploads UPLOAD_MEMORY_MB (default 64; the bench runs
 * 512) — a small clinic's exports, a record-and-verify CSV over the per-file limit when the size allows,
 * files that are no export — stores it in 1 MiB chunks and imports it. Its peak RSS (getrusage) may grow
 * over the RSS after setup by at most 48 MiB (the drivers' buffers, PGlite's shared buffers filling)
 * plus a quarter of the upload: holding the upload once would break it. At 512 MiB the peak must also
 * stay under 600 MiB.
 */
const MB = Number(process.env.UPLOAD_MEMORY_MB ?? 64);

interface Figures {
  status: string;
  files_by_status: Record<string, number>;
  setup: { rss_mib: number };
  imported: { peak_mib: number };
}

function child(env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', 'test/support/upload-memory-child.ts'],
      {
        env: { ...process.env, MB: String(MB), PATIENTS: '2', DAYS: '2', ...env },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    p.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    p.on('exit', (code) =>
      code === 0 ? resolve(out.trim().split('\n').at(-1)!) : reject(new Error(`exit ${code}`)),
    );
  });
}

describe.each(ENGINES)(
  'a %s upload of UPLOAD_MEMORY_MB, stored and imported',
  { timeout: 600_000 },
  (engine) => {
    it('keeps the peak RSS within the bound', async () => {
      const dir = engine === 'pglite' ? await mkdtemp(join(tmpdir(), 'sgrt-upload-memory-')) : null;
      const tdb = engine === 'postgres' ? await openTestDatabase('postgres') : null;
      try {
        const where: Record<string, string> = dir
          ? { ENGINE: engine, DATA_DIR: dir }
          : { ENGINE: engine, DATABASE_URL: tdb!.url! };
        const ids = JSON.parse(await child({ ...where, PHASE: 'setup' })) as {
          practiceId: string;
          userId: string;
        };
        const run = JSON.parse(
          await child({ ...where, PHASE: 'run', PRACTICE_ID: ids.practiceId, USER_ID: ids.userId }),
        ) as Figures;
        expect(run.status).toBe('done');
        expect(run.files_by_status.imported).toBeGreaterThan(0);
        const growth = run.imported.peak_mib - run.setup.rss_mib;
        expect(growth, `peak ${run.imported.peak_mib} MiB after ${run.setup.rss_mib} MiB`).toBeLessThan(
          48 + MB / 4,
        );
        if (MB >= 512) expect(run.imported.peak_mib).toBeLessThan(600);
      } finally {
        if (dir) await rm(dir, { recursive: true, force: true });
        await tdb?.close();
      }
    });
  },
);
