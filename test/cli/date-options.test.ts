import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

/**
 * Every date and instant option refuses a day the calendar does not have (exit 2, the flag named as
 * typed) before anything is read or stored: no rollover of 2026-02-30 into March, no database error.
 */
describe('date and instant options', () => {
  const cases: [string, string[], string][] = [
    ['claims --through February 30', ['claims', '--format', '837p', '--through', '2026-02-30'], '--through'],
    ['claims --through month 13', ['claims', '--format', '837p', '--through', '2026-13-01'], '--through'],
    [
      'reference import --effective-from April 31',
      ['reference', 'import', 'examples', '--effective-from', '2026-04-31'],
      '--effective-from',
    ],
    [
      'reference import --effective-to month 00',
      ['reference', 'import', 'examples', '--effective-to', '2026-00-10'],
      '--effective-to',
    ],
    ['audit --now February 30', ['audit', 'examples/courses', '--now', '2026-02-30T12:00:00Z'], '--now'],
    ['audit --now hour 25', ['audit', 'examples/courses', '--now', '2026-03-02T25:00:00-05:00'], '--now'],
    ['import --now February 29 of 2026', ['import', 'examples', '--now', '2026-02-29T12:00:00Z'], '--now'],
    [
      'letter --now offset +24:00',
      [
        'letter',
        'prior-authorization',
        '--course',
        'x',
        '--out',
        'x.pdf',
        '--now',
        '2026-03-02T12:00:00+24:00',
      ],
      '--now',
    ],
    ['demo-data --now minute 60', ['demo-data', '--out', 'x', '--now', '2026-03-02T12:60:00Z'], '--now'],
  ];
  it.each(cases)('%s: exit 2 naming the flag', async (_name, argv, flag) => {
    const run = await runCli(...argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(flag);
    expect(run.stdout).toBe('');
  });

  it('accepts a leap day and an instant with its offset', async () => {
    const run = await runCli(
      'audit',
      'examples/courses',
      '--now',
      '2028-02-29T23:59:59-05:00',
      '--format',
      'json',
    );
    expect(run.code).not.toBe(2);
  });
});
