import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasAppealDeadline, REMIT_CATEGORIES, REMIT_QUEUES } from '../../src/core/remit/remit-category.js';
import { runCli } from '../support/run-cli.js';

const FILE = 'test/fixtures/remit/payer-problems-2026.835';
const AUTHS = 'test/fixtures/remit/authorizations.csv';
/** Hand-written in the TR3 layout (SOURCE.md): April's payments of two payers, May's reversal and correction. */
const APRIL = 'test/fixtures/remit/tr3-2026-04-worklist.835';
const MAY = 'test/fixtures/remit/tr3-2026-05-reversal.835';

interface Line {
  record: 'line';
  claim: string;
  line: number;
  category: string;
  queue: string | null;
  nextAction: string | null;
  appealBy: string | null;
  paidCents: number;
  claimStatus: string;
  carcs: string[];
  claimFilingIndicator: string | null;
  remarks: { code: string; meaning: string | null }[];
  reversal: { role: string; partner: { paymentDate: string | null } | null } | null;
  message: string;
}

const ndjson = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { record: string } & Record<string, unknown>);

/** `sgrt-billing remit`: each line's category, work queue, next action and deadline; each payment reconciled. */
describe('sgrt-billing remit', () => {
  it('classifies every line of the synthetic remittance', async () => {
    const run = await runCli('remit', FILE, '--format', 'json', '--authorizations', AUTHS);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    const byClaim = Object.fromEntries(out.lines.map((l: Line) => [l.claim, [l.category, l.queue]]));
    expect(byClaim).toEqual({
      'PCN-1': ['paid-as-expected', null],
      'PCN-2': ['downcoded', 'appeal'],
      'PCN-3': ['igrt-professional-denied', 'appeal'],
      'PCN-4': ['zero-paid-no-denial-code', 'payer-reprocess'],
      'PCN-5': ['authorization-2025', 'retro-authorization'],
      'PCN-6': ['underpaid', 'underpayment-dispute'],
      'PCN-7': ['missing-information', 'corrected-claim'],
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
      // BPR16 2026-04-15 + 180 days (no payer settings on the command line).
      appealBy: '2026-10-12',
    });
    expect(
      out.summary.byCategory.find((c: { category: string }) => c.category === 'underpaid'),
    ).toMatchObject({ lines: 1, billed: 50000, paid: 20000, short: 11764 });
    expect(out.payments).toEqual([
      expect.objectContaining({
        paidCents: 90910,
        claimsPaidCents: 90910,
        providerAdjustmentCents: 0,
        balanced: true,
      }),
    ]);
  });

  it('without the authorization export, the CO-197 line is an authorization denial, not another denial', async () => {
    const run = await runCli('remit', FILE, '--format', 'ndjson');
    const rows = ndjson(run.stdout);
    expect(rows.find((r) => r.claim === 'PCN-5')).toMatchObject({
      record: 'line',
      category: 'authorization-denial',
    });
  });

  it('prints a table for people with the dollars per category and per queue', async () => {
    const run = await runCli('remit', FILE, '--authorizations', AUTHS);
    expect(run.stdout).toMatch(
      /PCN-2\s+1\s+2026-03-10\s+77407\s+77412\s+\$600\.00\s+\$317\.64\s+\$391\.46\s+downcoded\s+appeal\s+2026-10-12\s+CO-45/,
    );
    expect(run.stdout).toMatch(/underpaid\s+1\s+\$500\.00\s+\$200\.00\s+\$0\.00\s+\$117\.64/);
    expect(run.stdout).toMatch(/underpayment-dispute\s+1\s+\$117\.64\s+2026-10-12/);
    expect(run.stdout).toContain(
      'SYNTHETIC HEALTH PLAN, TRN EFT-2026-0415-001, 2026-04-15: BPR02 $909.10 = Σ CLP04 $909.10 − Σ PLB $0.00: balanced',
    );
  });

  describe('remittances shaped like real ones (TR3 layout, two payers, two months)', () => {
    const lines = async (...extra: string[]) => {
      const run = await runCli('remit', APRIL, MAY, '--format', 'ndjson', ...extra);
      expect(run.code).toBe(0);
      const records = ndjson(run.stdout);
      return {
        run,
        lines: records.filter((r) => r.record === 'line') as unknown as Line[],
        payments: records.filter((r) => r.record === 'payment'),
      };
    };

    it.each([
      // [claim, line, category, queue, what the next action or message says]
      ['WQ-1', 1, 'patient-responsibility', 'bill-patient-or-secondary', /went entirely to the deductible/],
      [
        'WQ-2',
        1,
        'coordination-of-benefits',
        'bill-patient-or-secondary',
        /Processed as secondary.*\$150\.00 left/,
      ],
      ['WQ-3', 1, 'missing-information', 'corrected-claim', /corrected claim.*N290/],
      ['WQ-4', 1, 'authorization-denial', 'retro-authorization', /retro-authorization/],
      ['WQ-6', 1, 'paid-as-expected', null, /Paid as expected/],
      ['WQ-6', 2, 'frequency-denial', 'twice-daily-documentation', /6 hours/],
    ] as const)('%s line %i: %s (%s)', async (claim, line, category, queue, says) => {
      const { lines: all } = await lines();
      const row = all.find((l) => l.claim === claim && l.line === line)!;
      expect(row).toMatchObject({ category, queue });
      expect(`${row.message} ${row.nextAction ?? ''}`).toMatch(says);
    });

    it('shows remarks with their meaning', async () => {
      const { lines: all } = await lines();
      expect(all.find((l) => l.claim === 'WQ-3')!.remarks).toEqual([
        { code: 'N290', meaning: expect.stringMatching(/rendering provider/) },
      ]);
      // MOA03 claim remark on the Medicare claim: on each of its lines.
      expect(all.find((l) => l.claim === 'WQ-6' && l.line === 2)!.remarks.map((r) => r.code)).toEqual([
        'MA01',
      ]);
    });

    it('pairs the May take-back with the April payment across files: the pair nets out, never income', async () => {
      const { lines: all } = await lines();
      const wq5 = all.filter((l) => l.claim === 'WQ-5');
      expect(
        wq5.map((l) => [l.claimStatus, l.category, l.reversal?.role, l.reversal?.partner?.paymentDate]),
      ).toEqual([
        ['1', 'reversal', 'reversed', '2026-05-08'],
        ['22', 'reversal', 'take-back', '2026-04-10'],
        ['1', 'paid-as-expected', 'correction', '2026-04-10'],
      ]);
      const json = JSON.parse((await runCli('remit', APRIL, MAY, '--format', 'json')).stdout);
      const reversal = json.summary.byCategory.find((c: { category: string }) => c.category === 'reversal');
      expect(reversal).toEqual({
        category: 'reversal',
        lines: 2,
        billed: 0,
        paid: 0,
        takenBack: 0,
        short: 0,
      });
      // The correction's 1,000.00 and WQ-6's 900.00 are the income paid as expected.
      expect(
        json.summary.byCategory.find((c: { category: string }) => c.category === 'paid-as-expected'),
      ).toMatchObject({
        lines: 2,
        paid: 190000,
      });
    });

    it('a take-back whose payment is not on file is taken back, not a negative payment', async () => {
      const run = await runCli('remit', MAY, '--format', 'json');
      const out = JSON.parse(run.stdout);
      const takeBack = out.lines.find((l: Line) => l.claimStatus === '22');
      expect(takeBack).toMatchObject({
        category: 'reversal',
        queue: 'reversal-review',
        reversal: { role: 'take-back', partner: null },
      });
      expect(
        out.summary.byCategory.find((c: { category: string }) => c.category === 'reversal'),
      ).toMatchObject({
        paid: 0,
        takenBack: 90000,
      });
    });

    it('reconciles each payment with its PLB: interest (L6) added, recoupment (WO) withheld', async () => {
      const { payments } = await lines();
      expect(
        payments.map((p) => [
          p.traceNumber,
          p.paidCents,
          p.claimsPaidCents,
          p.providerAdjustmentCents,
          p.balanced,
        ]),
      ).toEqual([
        ['EFT-EHP-0410', 106234, 105000, -1234, true],
        ['EFT-MCR-0417', 65000, 90000, 25000, true],
        ['EFT-EHP-0508', 10000, 10000, 0, true],
      ]);
      expect(payments[0]!.providerAdjustments).toEqual([
        { reason: 'L6', reference: 'WQ-5', amountCents: -1234, meaning: 'interest paid by the payer' },
      ]);
      expect(payments[1]!.providerAdjustments).toEqual([
        {
          reason: 'WO',
          reference: 'OVERPAID-2025-77',
          amountCents: 25000,
          meaning: expect.stringMatching(/recoupment/),
        },
      ]);
      const table = (await runCli('remit', APRIL, MAY)).stdout;
      expect(table).toContain(
        'MEDICARE PART B EXAMPLE, TRN EFT-MCR-0417, 2026-04-17: BPR02 $650.00 = Σ CLP04 $900.00 − Σ PLB $250.00: balanced',
      );
      expect(table).toContain('  PLB WO OVERPAID-2025-77 $250.00: overpayment recovery (recoupment)');
      expect(table).toMatch(/^ {2}N290: rendering provider identifier/m);
    });

    it('Medicare Part B lines get 120 days to appeal; a balance or a corrected claim has no appeal date', async () => {
      const { lines: all } = await lines('--payer', 'medicare');
      // 2026-04-10 + 120 days.
      expect(all.find((l) => l.claim === 'WQ-4')!.appealBy).toBe('2026-08-08');
      // WQ-2 (CLP02 2, the patient's balance): nothing to appeal.
      expect(all.find((l) => l.claim === 'WQ-2')!.appealBy).toBeNull();
      // WQ-3 (CO-16 N290): a corrected claim is sent, not appealed (CMS IOM 100-04 ch. 1 §80.3).
      expect(all.find((l) => l.claim === 'WQ-3')!.appealBy).toBeNull();
      const { lines: commercial } = await lines();
      expect(commercial.find((l) => l.claim === 'WQ-4')!.appealBy).toBe('2026-10-07');
    });

    // CMS IOM 100-04 ch. 1 §80.3: Medicare Part B returns a CO-16 claim with an N remark unprocessable, with
    // no appeal rights: the answer is a new claim within timely filing, so no appeal date (json and table).
    it('a Medicare Part B CO-16 with only an N remark: a new claim, no appeal date', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'remit-part-b-'));
      try {
        const file = join(dir, 'part-b.835');
        const text = await readFile(APRIL, 'utf8');
        await writeFile(file, text.replace('CLP*WQ-3*4*1500*0*0*12*', 'CLP*WQ-3*4*1500*0*0*MB*'));
        const run = await runCli('remit', file, '--format', 'json', '--payer', 'medicare');
        const wq3 = (JSON.parse(run.stdout).lines as Line[]).find((l) => l.claim === 'WQ-3')!;
        expect(wq3).toMatchObject({
          category: 'missing-information',
          queue: 'corrected-claim',
          appealBy: null,
        });
        expect(wq3.nextAction).toMatch(/send it as a new claim .*no appeal rights/);
        const table = (await runCli('remit', file, '--payer', 'medicare')).stdout;
        // The line's detail names its appeal date when it has one: "(category, queue, appeal by …)".
        expect(table).toContain('WQ-3 line 1 (missing-information, corrected-claim): ');
        expect(table).toContain(
          'WQ-4 line 1 (authorization-denial, retro-authorization, appeal by 2026-08-08)',
        );
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    it('names the difference of a payment that does not balance, and the reader’s located warning on stderr', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'remit-unbalanced-'));
      try {
        const file = join(dir, 'short.835');
        const text = await readFile(MAY, 'utf8');
        await writeFile(file, text.replace('BPR*I*100*C', 'BPR*I*90*C'));
        const run = await runCli('remit', file, '--format', 'json');
        const out = JSON.parse(run.stdout);
        expect(out.payments[0]).toMatchObject({
          paidCents: 9000,
          claimsPaidCents: 10000,
          differenceCents: 1000,
          balanced: false,
        });
        expect(out.payments[0].reconciliation).toBe(
          'BPR02 $90.00 ≠ Σ CLP04 $100.00 − Σ PLB $0.00: off by $10.00 (claims less provider adjustments minus the payment)',
        );
        expect(out.warnings.length).toBeGreaterThan(0);
        expect(run.stderr).toMatch(/short\.835:ISA\[1\]\/GS\[1\]\/ST\[1\]\S*: /);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  });

  it('refuses only a claim whose SVC is damaged: its neighbours are classified, the payment names it as the difference', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'remit-damaged-'));
    try {
      const file = join(dir, 'damaged.835');
      const text = await readFile(APRIL, 'utf8');
      const damaged = text.replace(/SVC(\*HC:77412\*1500\*900\*\*1~\s*DTM\*472\*20260306)/, 'SVX$1');
      expect(damaged).not.toBe(text);
      await writeFile(file, damaged);
      const run = await runCli('remit', file, '--format', 'json');
      expect(run.code).toBe(2);
      const out = JSON.parse(run.stdout);
      expect([...new Set((out.lines as Line[]).map((l) => l.claim))]).toEqual([
        'WQ-1',
        'WQ-2',
        'WQ-3',
        'WQ-4',
        'WQ-6',
      ]);
      const st1 = `${file}:ISA[1]/GS[1]/ST[1]`;
      expect(out.problems).toEqual([
        {
          location: `${st1}/2100[5]/segment[48]`,
          message:
            'segment SVX is not defined in the 835 (005010X221A1): damaged, the loop it sits in cannot be read',
        },
      ]);
      expect(out.payments[0]).toMatchObject({
        claimsPaidCents: 15000,
        differenceCents: -90000,
        refusedClaims: [{ location: `${st1}/2100[5]`, paidCents: 90000 }],
      });
      expect(out.payments[0].reconciliation).toBe(
        `BPR02 $1,062.34 ≠ Σ CLP04 $150.00 − Σ PLB -$12.34: off by -$900.00 (claims less provider adjustments minus the payment); the claim refused at ${st1}/2100[5] (CLP04 $900.00), not counted in Σ CLP04, accounts for the difference`,
      );
      expect(out.payments[1].balanced).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('matches the claim’s REF*G1 to the authorizations file trimmed and case-insensitively', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'remit-auth-case-'));
    try {
      const lower = join(dir, 'authorizations.csv');
      await writeFile(lower, (await readFile(AUTHS, 'utf8')).replace('AUTH-2025-0042', 'auth-2025-0042'));
      const run = await runCli('remit', FILE, '--format', 'json', '--authorizations', lower);
      expect(run.code).toBe(0);
      const pcn5 = (JSON.parse(run.stdout).lines as Line[]).find((l) => l.claim === 'PCN-5')!;
      expect([pcn5.category, pcn5.queue]).toEqual(['authorization-2025', 'retro-authorization']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
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

  it('leaves out a second payment under the same trace number with other contents, exit 2, the first kept', async () => {
    // Files are read in path order: whichever comes second is left out.
    const dir = await mkdtemp(join(tmpdir(), 'remit-clash-'));
    try {
      const text = await readFile(FILE, 'utf8');
      const [claim] = /CLP\*[^~]*/.exec(text)!;
      const other = join(dir, 'zz-other.835');
      await writeFile(other, text.replace(claim, claim.replace(/^CLP\*([^*]*)\*/, 'CLP*$1X*')));
      const run = await runCli('remit', FILE, other, '--format', 'json', '--authorizations', AUTHS);
      expect(run.code).toBe(2);
      expect(JSON.parse(run.stdout).lines).toHaveLength(7);
      expect(run.stderr).toMatch(
        /\.835: TRN \S+: this trace number was already read from \S+\.835 with another amount or other claims/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reads the payer kind from CLP06: a Medicare Part B claim (MB) gets 120 days to appeal without --payer', async () => {
    const DENIALS = 'examples/remittances/denials.835';
    const appealByOf = async (file: string) =>
      (JSON.parse((await runCli('remit', file, '--format', 'json')).stdout).lines as Line[]).find(
        (l) => l.claim === 'C-5006-13',
      )!.appealBy;
    // BPR16 2026-03-19: CLP06 12 (PPO) + 180 days; MB + 120 days (42 CFR 405.942(a)).
    expect(await appealByOf(DENIALS)).toBe('2026-09-15');
    const dir = await mkdtemp(join(tmpdir(), 'remit-clp06-'));
    try {
      const medicare = join(dir, 'medicare.835');
      await writeFile(
        medicare,
        (await readFile(DENIALS, 'utf8')).replace('**12*PPO26031900004*', '**MB*PPO26031900004*'),
      );
      expect(await appealByOf(medicare)).toBe('2026-07-17');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('--help lists every category and work queue the classification has (from the same list)', async () => {
    const run = await runCli('remit', '--help');
    const help = `${run.stdout}${run.stderr}`.replace(/\s+/g, ' ');
    for (const name of [...REMIT_CATEGORIES, ...REMIT_QUEUES]) expect(help).toContain(name);
  });

  it('json: an appeal date only where the next action answers the payer (not on take-backs, paid or patient lines)', async () => {
    const run = await runCli(
      'remit',
      ...['reversal-and-correction', 'patient-responsibility', 'medicare-crossover', 'denials'].map(
        (f) => `examples/remittances/${f}.835`,
      ),
      '--format',
      'json',
    );
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    const dated = (out.lines as Line[]).map((l) => [l.category, l.queue, l.appealBy !== null]);
    // Only the queues that answer the payer's decision carry a deadline (remit-category.ts DEADLINE_QUEUES),
    // and no line whose remark asks for a new claim (MA130, N517).
    for (const l of out.lines as Line[])
      expect(l.appealBy !== null, `${l.category} ${l.queue}`).toBe(
        hasAppealDeadline({ ...l, remarks: l.remarks.map((r) => r.code) }),
      );
    expect(dated).toContainEqual(['reversal', 'reversal-review', false]);
    expect(dated).toContainEqual(['patient-responsibility', 'bill-patient-or-secondary', false]);
    expect(dated).toContainEqual(['paid-as-expected', null, false]);
    expect(dated).toContainEqual(['authorization-denial', 'retro-authorization', true]);
    // denials.835's missing-information claim carries MOA MA130: a new claim, no appeal date.
    expect(dated).toContainEqual(['missing-information', 'corrected-claim', false]);
    const reviews = out.summary.byQueue.find((q: { queue: string }) => q.queue === 'reversal-review');
    expect(reviews).toMatchObject({ soonestAppealBy: null });
  });

  it('table: every line shows its detail; a take-back shows no expected amount and no appeal date', async () => {
    const run = await runCli(
      'remit',
      'examples/remittances/reversal-and-correction.835',
      'examples/remittances/secondary-payment.835',
      '--format',
      'table',
    );
    expect(run.code).toBe(0);
    const rows = run.stdout.split('\n');
    const reversals = rows.filter((l) => /^C-5019-44 .* reversal /.test(l));
    expect(reversals).toHaveLength(2);
    for (const row of reversals) {
      // billed, paid, then the category: no expected amount between them; no date after the queue.
      expect(row).toMatch(/-\$\d+\.\d{2} +-\$\d+\.\d{2} +reversal +reversal-review +CO-45$/);
    }
    expect(run.stdout).toMatch(/^C-5019-44 line 1 \(reversal, reversal-review\): Take-back/m);
    expect(run.stdout).toMatch(/^C-5019-44 line 1 \(paid-as-expected\): Paid as expected\.$/m);
    expect(run.stdout).toMatch(
      /^C-5011-27 line 1 \(coordination-of-benefits\): Processed as secondary: .*\$84\.00/m,
    );
    expect(run.stdout).toMatch(/^reversal-review +2 +\$324\.00 *$/m);
  });

  it('table: the sent code keeps its modifiers (77387-26 was sent as such)', async () => {
    const run = await runCli('remit', 'examples/remittances/patient-responsibility.835', '--format', 'table');
    expect(run.code).toBe(0);
    const professional = run.stdout.split('\n').filter((l) => / 77387-26 /.test(l));
    expect(professional.length).toBeGreaterThan(0);
    for (const row of professional) expect(row).toMatch(/ 77387-26 +77387-26 /);
  });

  it('reports bad input with exit 2 and no values', async () => {
    expect((await runCli('remit', 'no/such.835')).code).toBe(2);
    const bad = await runCli('remit', FILE, '--pos', '99', '--payer', 'nobody');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--pos/);
    expect(bad.stderr).toMatch(/--payer/);
  });

  it('names each file it cannot read (missing, empty, not X12) with exit 2, without a stack trace', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'remit-bad-'));
    try {
      const empty = join(dir, 'empty.835');
      const text = join(dir, 'notes.835');
      await writeFile(empty, '');
      await writeFile(text, 'not a remittance\n');
      for (const file of [empty, text, join(dir, 'missing.835')]) {
        const run = await runCli('remit', file);
        expect(run.code, file).toBe(2);
        expect(run.stderr).toContain(`${file}: `);
        expect(run.stderr).not.toMatch(/\n\s+at /);
      }
      // One good file among bad ones: its lines are printed, the others named, exit 2.
      const mixed = await runCli('remit', FILE, join(dir, 'missing.835'), text, '--format', 'json');
      expect(mixed.code).toBe(2);
      expect(JSON.parse(mixed.stdout).lines).toHaveLength(7);
      expect(mixed.stderr).toContain('3 input problems; the rest was analysed:');
      expect(mixed.stderr).toContain(`${join(dir, 'missing.835')}: no such file or folder`);
      expect(mixed.stderr).toMatch(/notes\.835: no ISA interchange header/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  describe('the cold tester’s remittances', () => {
    const json = async (file: string) => {
      const run = await runCli('remit', `test/fixtures/remit/${file}`, '--format', 'json');
      expect(run.code).toBe(0);
      return JSON.parse(run.stdout) as {
        lines: (Line & { expectedCents: number | null; flags: string[] })[];
        summary: { byCategory: { category: string; lines: number; short: number }[] };
      };
    };
    const row = (out: Awaited<ReturnType<typeof json>>, claim: string) =>
      out.lines.find((l) => l.claim === claim)!;

    it.each([
      // [file, claim, category, queue, flags]
      ['cold-no-rate.835', 'NR-1', 'paid-rate-unknown', 'set-contract-rate', []],
      ['cold-no-rate.835', 'NR-2', 'paid-rate-unknown', 'set-contract-rate', []],
      ['cold-hidden-zero.835', 'HZ-1', 'zero-paid-no-denial-code', 'payer-reprocess', []],
      ['cold-hidden-zero.835', 'HZ-9', 'zero-paid-no-denial-code', 'payer-reprocess', []],
      ['cold-unbalanced.835', 'UB-1', 'unbalanced-amounts', 'payer-reprocess', ['amounts-do-not-balance']],
      ['cold-unbalanced.835', 'UB-2', 'unbalanced-amounts', 'payer-reprocess', ['amounts-do-not-balance']],
    ] as const)('%s %s: %s (%s)', async (file, claim, category, queue, flags) => {
      expect(row(await json(file), claim)).toMatchObject({ category, queue, flags });
    });

    it('no rate: expected unknown, nothing claimed short, nothing counted paid as expected', async () => {
      const out = await json('cold-no-rate.835');
      expect(row(out, 'NR-1')).toMatchObject({ expectedCents: null });
      expect(row(out, 'NR-1').message).toMatch(/expected unknown/);
      const by = (c: string) => out.summary.byCategory.find((t) => t.category === c)!;
      expect(by('paid-rate-unknown')).toMatchObject({ lines: 2, short: 0 });
      expect(by('paid-as-expected').lines).toBe(0);
    });

    it('a secondary whose primary is not on file: no shortfall, the primary’s payment is not on file', async () => {
      const out = await json('cold-cob.835');
      for (const l of out.lines) {
        expect(l).toMatchObject({ category: 'coordination-of-benefits', expectedCents: null });
        expect(l.message).toMatch(/prior payer’s payment is not on file/);
      }
      expect(out.summary.byCategory.find((t) => t.category === 'coordination-of-benefits')!.short).toBe(0);
    });

    it('keeps the located balancing warnings of an unbalanced claim', async () => {
      const run = await runCli('remit', 'test/fixtures/remit/cold-unbalanced.835', '--format', 'json');
      expect(run.stderr).toMatch(/2100\[2\]\/CLP: CLP03 − CLP04 \(300\.00\) ≠ Σ CAS/);
    });
  });
});
