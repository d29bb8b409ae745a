import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const DIR = 'examples/remittances';

/** The example remittances a new user tries (examples/remittances/README.md) read as the README says. */
describe('the example remittances', () => {
  it('show each case in its category, every payment balanced', async () => {
    const files = readdirSync(DIR)
      .filter((f) => f.endsWith('.835'))
      .map((f) => `${DIR}/${f}`);
    expect(files).toHaveLength(7);
    const run = await runCli(
      'remit',
      ...files,
      '--format',
      'ndjson',
      '--authorizations',
      `${DIR}/authorizations.csv`,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const records = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const lines = records
      .filter((r) => r.record === 'line')
      .map((r) =>
        [String(r.file).split('/').at(-1), r.claim, r.line, r.claimStatus, r.paidCents, r.category].join(' '),
      );
    expect(lines.sort()).toEqual(
      [
        'denials.835 C-5016-38 1 1 32000 paid-as-expected',
        'denials.835 C-5016-38 2 1 0 frequency-denial',
        'denials.835 C-5001-1 1 1 0 missing-information',
        'denials.835 C-5022-53 1 1 0 authorization-denial',
        'denials.835 C-5006-13 1 1 0 authorization-2025',
        'hidden-zero-and-plb.835 C-5004-9 1 1 0 zero-paid-no-denial-code',
        'hidden-zero-and-plb.835 C-5004-9 2 1 32000 paid-as-expected',
        'hidden-zero-and-plb.835 C-5027-66 1 4 0 zero-paid-no-denial-code',
        'hidden-zero-and-plb.835 C-5027-66 2 4 0 zero-paid-no-denial-code',
        'medicare-crossover.835 C-5011-27 1 19 33600 patient-responsibility',
        'patient-responsibility.835 C-5020-47 1 1 0 patient-responsibility',
        'patient-responsibility.835 C-5020-47 2 1 0 patient-responsibility',
        'patient-responsibility.835 C-5014-34 1 1 33600 patient-responsibility',
        'patient-responsibility.835 C-5002-3 1 1 29000 patient-responsibility',
        'reversal-and-correction.835 C-5019-44 1 22 -28800 reversal',
        'reversal-and-correction.835 C-5019-44 2 22 -3600 reversal',
        'reversal-and-correction.835 C-5019-44 1 1 32000 paid-as-expected',
        'reversal-and-correction.835 C-5019-44 2 1 4000 paid-as-expected',
        'reversal-first-payment.835 C-5019-44 1 1 28800 reversal',
        'reversal-first-payment.835 C-5019-44 2 1 3600 reversal',
        'secondary-payment.835 C-5011-27 1 2 8400 coordination-of-benefits',
      ].sort(),
    );
    const payments = records.filter((r) => r.record === 'payment');
    expect(payments).toHaveLength(7);
    expect(payments.every((p) => p.balanced === true)).toBe(true);
  });
});
