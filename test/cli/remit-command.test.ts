import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const FILE = 'test/fixtures/remit/payer-problems-2026.835';
const AUTHS = 'test/fixtures/remit/authorizations.csv';

/** Issue #5: `sgrt-billing remit` names the 2026 payer problem of each line, with the dollars. */
describe('sgrt-billing remit', () => {
  it('classifies every line of the synthetic remittance', async () => {
    const run = await runCli('remit', FILE, '--format', 'json', '--authorizations', AUTHS);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    const byClaim = Object.fromEntries(
      out.lines.map((l: { claim: string; category: string }) => [l.claim, l.category]),
    );
    expect(byClaim).toEqual({
      'PCN-1': 'paid-as-expected',
      'PCN-2': 'downcoded',
      'PCN-3': 'igrt-professional-denied',
      'PCN-4': 'zero-paid-no-denial-code',
      'PCN-5': 'authorization-2025',
      'PCN-6': 'underpaid',
      'PCN-7': 'other-denial',
    });
    expect(out.lines[1]).toMatchObject({
      claim: 'PCN-2',
      line: 1,
      code: '77407',
      submittedCode: '77412',
      billedCents: 60000,
      paidCents: 31764,
      carcs: ['CO-45'],
      expectedCents: 39146,
    });
    expect(
      out.summary.byCategory.find((c: { category: string }) => c.category === 'underpaid'),
    ).toMatchObject({
      lines: 1,
      billed: 50000,
      paid: 20000,
      short: 11764,
    });
  });

  it('without the authorization export, the CO-197 line is another denial', async () => {
    const run = await runCli('remit', FILE, '--format', 'ndjson');
    const rows = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.find((r) => r.claim === 'PCN-5').category).toBe('other-denial');
  });

  it('prints a table for people with the dollars per category', async () => {
    const run = await runCli('remit', FILE, '--authorizations', AUTHS);
    expect(run.stdout).toMatch(
      /PCN-2\s+1\s+2026-03-10\s+77407\s+77412\s+\$600\.00\s+\$317\.64\s+\$391\.46\s+downcoded\s+CO-45/,
    );
    expect(run.stdout).toMatch(/underpaid\s+1\s+\$500\.00\s+\$200\.00\s+\$117\.64/);
  });

  it('counts a payment read twice (same payer and TRN02, another file) once, and says so', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'remit-again-'));
    try {
      const again = join(dir, 'resent.835');
      await copyFile(FILE, again);
      const run = await runCli('remit', FILE, again, '--format', 'json', '--authorizations', AUTHS);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout).lines).toHaveLength(7);
      // Files are read in path order: whichever comes second is the repeat.
      expect(run.stderr).toMatch(
        /\.835: TRN \S+: this payment was already read from \S+\.835; its lines count once/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reports bad input with exit 2 and no values', async () => {
    expect((await runCli('remit', 'no/such.835')).code).toBe(2);
    const bad = await runCli('remit', FILE, '--pos', '99', '--payer', 'nobody');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--pos/);
    expect(bad.stderr).toMatch(/--payer/);
  });
});
