import { mkdir, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, type TestDatabase } from '../../../test/support/db-harness.js';
import { importPractice } from '../../../test/support/import-practice.js';
import type { TestContext } from '../../../test/support/test-context.js';
import { MAX_PROBLEMS_PER_FILE } from '../../core/model/input-problem.js';
import type { Actor } from '../app-context.js';
import { runOneJob } from '../jobs/worker.js';
import { importFiles, removeStaleImportFolders } from '../import-pipeline/import-files.js';
import { enqueueImport, getImport } from './import-jobs.js';

const HOOK_TIMEOUT_MS = 120_000;
const text = (s: string) => new TextEncoder().encode(s);

describe.each(ENGINES)(
  'import jobs on %s: bounded results, uploads kept until the result is stored',
  { timeout: 120_000 },
  (engine) => {
    let tdb: TestDatabase;
    let t: TestContext;
    let actor: Actor;
    let files: { name: string; bytes: Uint8Array }[];
    beforeAll(async () => {
      ({ tdb, t, actor, files } = await importPractice(engine, 'Jobs'));
    }, HOOK_TIMEOUT_MS);
    afterAll(async () => tdb?.close(), HOOK_TIMEOUT_MS);

    it('fails a file with a NUL or an overlong name and imports the rest: the job is partial', async () => {
      const [first, ...rest] = files;
      const job = await enqueueImport(t.ctx, actor, [
        ...rest,
        { name: 'orders\0.csv', bytes: first!.bytes },
        { name: `${'x'.repeat(300)}.json`, bytes: text('[]') },
      ]);
      expect(await runOneJob(t.ctx, 'w1')).toBe(true);
      const done = await getImport(t.ctx, actor, job.id);
      // Some files stored, some refused: neither "done" nor "failed".
      expect(done.status).toBe('partial');
      // The first refused file's reason is in the job's message.
      expect(done.error).toMatch(
        new RegExp(`^2 of ${rest.length + 2} files refused; the others were imported \\(.*255 characters`),
      );
      const failed = done.files.filter((f) => f.status === 'failed');
      expect(failed).toHaveLength(2);
      for (const f of failed)
        expect(f.problems[0]!.message).toMatch(/longer than 255 characters or holds a control character/);
      expect(failed.map((f) => f.name).join('')).not.toContain('\0');
      expect(done.files.filter((f) => f.status === 'imported')).toHaveLength(rest.length);
      expect(done.summary!.courses).toBeGreaterThan(0);
    });

    it('lists at most 200 problems per file, then counts the rest', async () => {
      const bad = JSON.stringify(Array.from({ length: 1000 }, (_, i) => ({ courseId: i })));
      const job = await enqueueImport(t.ctx, actor, [{ name: 'courses.json', bytes: text(bad) }]);
      await runOneJob(t.ctx, 'w1');
      const view = await getImport(t.ctx, actor, job.id);
      // Its only file refused: nothing of the upload was imported.
      expect([view.status, view.error]).toEqual([
        'failed',
        'every file was refused: nothing was imported (courses.json:[0].schemaVersion: expected one of 1)',
      ]);
      const [file] = view.files;
      expect(file!.status).toBe('failed');
      expect(file!.problems).toHaveLength(MAX_PROBLEMS_PER_FILE + 1);
      expect(file!.problems.at(-1)!.message).toMatch(/^… and \d+ more problems not listed$/);
    });

    it.each([
      [
        ['notes.txt'],
        'no file of the upload is an export this app reads (each listed with the reason): nothing was imported',
      ],
      [
        ['notes.txt', 'courses.json'],
        '1 file refused and 1 not an export this app reads: nothing was imported (courses.json:[0].schemaVersion: expected one of 1)',
      ],
    ])(
      'an upload of %j that imports nothing is "failed" with the reason, not "done"',
      async (names, error) => {
        const bytes = {
          'notes.txt': text('a note, not an export\n'),
          'courses.json': text('[{"courseId":1}]'),
        };
        const job = await enqueueImport(
          t.ctx,
          actor,
          names.map((name) => ({ name, bytes: bytes[name as keyof typeof bytes] })),
        );
        await runOneJob(t.ctx, 'w1');
        const view = await getImport(t.ctx, actor, job.id);
        expect([view.status, view.error]).toEqual(['failed', error]);
        expect(view.files.find((f) => f.name === 'notes.txt')!.status).toBe('skipped');
      },
    );

    it('never reports "done" for a job whose uploaded files are gone', async () => {
      const job = await enqueueImport(t.ctx, actor, [{ name: 'lost.json', bytes: text('[]') }]);
      await t.ctx.db.deleteFrom('upload_files').where('job_id', '=', job.id).execute();
      await runOneJob(t.ctx, 'w1');
      const view = await getImport(t.ctx, actor, job.id);
      expect(view.status).toBe('failed');
      expect(view.error).toMatch(/no longer stored: upload them again/);
    });

    it('a job run again after its worker died reports what it imported, not duplicates', async () => {
      const again = files.map((f) => ({ name: f.name, bytes: new Uint8Array([...f.bytes, 10]) }));
      // The first run committed its import and died before recording the result; the job runs again.
      const { id: jobId } = await enqueueImport(t.ctx, actor, again);
      const first = await importFiles(t.ctx, actor.practiceId, again, { jobId });
      const second = await importFiles(t.ctx, actor.practiceId, again, { jobId });
      const byName = (r: typeof first) => r.files.map((f) => `${f.name} ${f.status} ${f.records}`).sort();
      expect(byName(second)).toEqual(byName(first));
      expect(first.files.filter((f) => f.status === 'imported').length).toBeGreaterThan(0);
      expect(second.summary.courses).toBe(first.summary.courses);
      const { id: another } = await enqueueImport(t.ctx, actor, again);
      const other = await importFiles(t.ctx, actor.practiceId, again, { jobId: another });
      expect(other.files.filter((f) => f.status === 'imported')).toEqual([]);
      expect(other.files.filter((f) => f.status === 'duplicate').length).toBe(
        first.files.filter((f) => f.status === 'imported').length,
      );
    });
  },
);

describe('temporary copies of uploads', () => {
  it('removes the folders of processes that are gone, keeps those of live ones', async () => {
    const dead = join(tmpdir(), 'sgrt-import-999999999-abc');
    const live = join(tmpdir(), `sgrt-import-${process.pid}-abc`);
    await mkdir(dead, { recursive: true });
    await mkdir(live, { recursive: true });
    try {
      await removeStaleImportFolders();
      const left = await readdir(tmpdir());
      expect(left).not.toContain('sgrt-import-999999999-abc');
      expect(left).toContain(`sgrt-import-${process.pid}-abc`);
    } finally {
      await rm(live, { recursive: true, force: true });
      await rm(dead, { recursive: true, force: true });
    }
  });
});
