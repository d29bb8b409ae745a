import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { UsageError } from '../cli-errors.js';
import { runDemoData } from './demo-data.js';

const root = mkdtempSync(join(tmpdir(), 'sgrt-demo-cli-'));

async function capture(run: () => Promise<number>) {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((c) => ((stdout += String(c)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((c) => ((stderr += String(c)), true));
  try {
    return { code: await run(), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe('sgrt-billing demo-data', () => {
  it('writes the clinic, with progress on stderr and a summary on stdout', async () => {
    const out = join(root, 'clinic');
    const run = await capture(() => runDemoData({ patients: '4', days: '3', seed: '5', out }));
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^demo-data: 4 patients, 3 treatment days, seed 5\n/);
    expect(run.stderr).toMatch(/wrote \d+ files? in alignrt\/rtd \(\d+\.\d MB\)/);
    expect(run.stderr).toMatch(/wrote \d+ files? in expected\/courses/);
    expect(run.stdout).toMatch(/^Demo clinic written to .*clinic: \d+ files, [\d.]+ MB, [\d.]+ s\./);
    expect(run.stdout).toContain('exported at 2026-03-11T12:00:00-04:00');
    expect(run.stdout).toContain(
      `Try: sgrt-billing audit ${out}/expected/courses --now 2026-03-11T12:00:00-04:00`,
    );
    expect(readdirSync(out).sort()).toEqual([
      'alignrt',
      'authorizations.csv',
      'charges',
      'clinic.json',
      'courses.json',
      'documents',
      'expected',
      'treatment-records',
    ]);
  }, 30_000);

  it.each([
    [{ patients: '0' }, '--patients must be a whole number from 1 to 2000 (got "0")'],
    [{ patients: '2001' }, '--patients must be a whole number from 1 to 2000'],
    [{ patients: '3.5' }, '--patients must be a whole number'],
    [{ days: '61' }, '--days must be a whole number from 1 to 60'],
    [{ days: 'ten' }, '--days must be a whole number'],
    [{ seed: '1e3' }, '--seed must be a whole number'],
    [{ now: '2026-03-27 12:00' }, '--now must be an instant with its offset'],
    [{ now: '2026-02-30T12:00:00-04:00' }, '--now names no such day or time'],
    [{ now: '2026-03-27T25:00:00-04:00' }, '--now names no such day or time'],
    [{ out: undefined }, '--out <folder> is required'],
  ])('%j → usage error', async (opts, message) => {
    await expect(runDemoData({ out: join(root, 'never'), ...opts })).rejects.toThrow(UsageError);
    await expect(runDemoData({ out: join(root, 'never'), ...opts })).rejects.toThrow(message);
  });

  it('refuses a non-empty folder unless --force', async () => {
    const out = join(root, 'taken');
    mkdirSync(out);
    writeFileSync(join(out, 'mine.txt'), 'keep');
    await expect(runDemoData({ patients: '1', days: '1', out })).rejects.toThrow(/not empty.*--force/);
    const run = await capture(() =>
      runDemoData({ patients: '1', days: '1', out, force: true, now: '2026-03-09T18:00:00-04:00' }),
    );
    expect(run.code).toBe(0);
    expect(readdirSync(out)).not.toContain('mine.txt');
    expect(run.stdout).toContain('exported at 2026-03-09T18:00:00-04:00');
  }, 30_000);
});
