import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimHistoryView } from '../../src/app/views.js';
import { readClaims837FromBytes } from '../../src/formats/x12/read-837.js';
import { openCliDemoApp, releaseReadyCharges } from '../support/cli-demo-app.js';
import { DEMO_HOOK_TIMEOUT_MS } from '../support/demo-harness.js';
import { runCli } from '../support/run-cli.js';

/**
 * `sgrt-billing claim correct|void|secondary|history --claim <number>` on an app database: a claim of a
 * batch made with `claims`, corrected with the payer's claim control number given (no 835 yet), voided,
 * its history as JSON; refusals exit 2 with what to add.
 */
describe('sgrt-billing claim', () => {
  let dir = '';
  let db = '';
  let claimNumber = '';
  const databaseUrl = process.env.DATABASE_URL;
  beforeAll(async () => {
    delete process.env.DATABASE_URL;
    dir = await mkdtemp(join(tmpdir(), 'sgrt-claim-'));
    const opened = await openCliDemoApp(dir, { patients: 2, days: 4, seed: 7 });
    db = opened.db;
    const { app, practiceId } = opened;
    await releaseReadyCharges(app.ctx, practiceId);
    await app.close();
    const batch = await runCli('claims', '--format', '837p', '--out', join(dir, 'b.837'), '--data-dir', db);
    expect(batch.code, batch.stderr).toBe(0);
    const read = readClaims837FromBytes(await readFile(join(dir, 'b.837')), 'b.837');
    claimNumber = read.sets[0]!.claims[0]!.patientControlNumber;
  }, DEMO_HOOK_TIMEOUT_MS);
  afterAll(async () => {
    if (databaseUrl !== undefined) process.env.DATABASE_URL = databaseUrl;
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('corrects and voids a claim, and prints its history', { timeout: 120_000 }, async () => {
    const refused = await runCli('claim', 'correct', '--claim', claimNumber, '--data-dir', db);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('payerClaimNumber: required: no stored 835 answers this claim');
    // No secondary claim before the primary payer's answer (CLP02 1 or 19): an input error, exit 2.
    const early = await runCli('claim', 'secondary', '--claim', claimNumber, '--data-dir', db);
    expect(early.code).toBe(2);
    expect(early.stderr).toContain('no 835 from the primary payer answers this claim yet');

    const out = join(dir, 'corrected.837');
    const corrected = await runCli(
      'claim',
      'correct',
      '--claim',
      claimNumber,
      '--payer-claim',
      'CLI-CCN-9',
      '--out',
      out,
      '--data-dir',
      db,
    );
    expect(corrected.code, corrected.stderr).toBe(0);
    expect(corrected.stderr).toMatch(new RegExp(`^837P replacement of claim ${claimNumber}: \\d+ lines?`));
    const back = readClaims837FromBytes(await readFile(out), 'corrected.837');
    expect(back.problems).toEqual([]);
    expect(back.sets[0]!.claims[0]).toMatchObject({
      patientControlNumber: claimNumber,
      frequency: '7',
      payerClaimControlNumber: 'CLI-CCN-9',
    });

    const voided = await runCli(
      'claim',
      'void',
      '--claim',
      claimNumber,
      '--payer-claim',
      'CLI-CCN-9',
      '--data-dir',
      db,
    );
    expect(voided.code, voided.stderr).toBe(0);
    expect(voided.stdout).toContain(':B:8*');

    const history = await runCli('claim', 'history', '--claim', claimNumber, '--data-dir', db);
    expect(history.code).toBe(0);
    const view = JSON.parse(history.stdout) as ClaimHistoryView;
    expect(view.versions.map((v) => v.kind)).toEqual(['original', 'replacement', 'void']);
    expect(view.canCorrect).toBe(false);

    const secondary = await runCli('claim', 'secondary', '--claim', claimNumber, '--data-dir', db);
    expect(secondary.code).toBe(1);
    expect(secondary.stderr).toContain('voided');
  });

  it(
    'exits 2 on an unknown action and on an unknown claim (input errors, README)',
    { timeout: 60_000 },
    async () => {
      expect((await runCli('claim', 'resend', '--claim', claimNumber, '--data-dir', db)).code).toBe(2);
      for (const action of ['history', 'correct', 'void', 'secondary']) {
        const unknown = await runCli(
          'claim',
          action,
          '--claim',
          'NO-SUCH-1',
          '--payer-claim',
          'X',
          '--data-dir',
          db,
        );
        expect(unknown.code, `${action}: ${unknown.stderr}`).toBe(2);
        expect(unknown.stderr).toContain('--claim NO-SUCH-1: no such claim');
        expect(unknown.stderr.startsWith('Nothing was sent')).toBe(action !== 'history');
      }
    },
  );
});
