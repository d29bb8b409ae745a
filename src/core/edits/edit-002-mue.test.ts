import { describe, expect, it } from 'vitest';
import type { ReferenceRelease } from '../rates/mpfs-payment.js';
import { checkMueLimits, EDIT_002 } from './edit-002-mue.js';
import { type EditLine, editTables, type MueLimit } from './edit-tables.js';

const release: ReferenceRelease = {
  id: 'MUE-2026Q1',
  year: 2026,
  quarter: 1,
  effectiveFrom: '2026-01-01',
  effectiveTo: '2026-03-31',
  source: 'MUE practitioner 2026 Q1 (synthetic)',
};
const mue = (hcpcs: string, maxUnits: number, adjudication: MueLimit['adjudication']): MueLimit => ({
  hcpcs,
  maxUnits,
  adjudication,
  rationale: 'synthetic',
  location: `mue.csv:${hcpcs}`,
});
const TABLES = editTables(release, [], [mue('77412', 2, '3'), mue('77387', 1, '2'), mue('77280', 1, '1')]);
const line = (subject: string, code: string, units: number, dateOfService = '2026-01-05', modifiers: string[] = []): EditLine =>
  ({ subject, code, modifiers, units, dateOfService }); // prettier-ignore

describe('checkMueLimits (EDIT-002)', () => {
  it.each([
    // label, lines, [subject, severity, units][]
    ['2 units of 77412 (MUE 2): fine', [line('a', '77412', 2)], []],
    ['3 units of 77412 on one line: MAI 3 is a warning', [line('a', '77412', 3)], [['a', 'warning', 3]]],
    [
      '77412 + 77412-76 + 77412-76 the same day: summed (MAI 3)',
      [line('a', '77412', 1), line('b', '77412', 1), line('c', '77412', 1)],
      [['c', 'warning', 3]],
    ],
    ['77412 on two days: not summed', [line('a', '77412', 2), line('b', '77412', 2, '2026-01-06')], []],
    [
      '2 units of 77387 in a day (MAI 2): error',
      [line('a', '77387', 1), line('b', '77387', 1)],
      [['b', 'error', 2]],
    ],
    ['MAI 1 is per line: two lines of 1 pass', [line('a', '77280', 1), line('b', '77280', 1)], []],
    ['MAI 1: 2 units on one line is an error', [line('a', '77280', 2)], [['a', 'error', 2]]],
    ['no MUE for the code', [line('a', '77407', 9)], []],
    ['no release for the date: not checked here', [line('a', '77412', 9, '2026-05-01')], []],
  ] as const)('%s', (_label, lines, expected) => {
    const findings = checkMueLimits([TABLES], lines);
    expect(findings.map((f) => [f.subject, f.severity, f.evidence?.units])).toEqual(expected);
    for (const f of findings) expect(f.ruleId).toBe(EDIT_002.id);
  });

  it('carries the MUE, the adjudication indicator, the lines and the source', () => {
    const [f] = checkMueLimits([TABLES], [line('L1', '77412', 2), line('L2', '77412', 1)]);
    expect(f).toEqual({
      ruleId: 'EDIT-002',
      severity: 'warning',
      subject: 'L2',
      message: '77412: 3 units on 2026-01-05, above the MUE of 2 (adjudication indicator 3).',
      evidence: {
        code: '77412',
        units: 3,
        mue: 2,
        adjudicationIndicator: '3',
        rationale: 'synthetic',
        lines: 'L1, L2',
        release: 'MUE-2026Q1',
        source: 'mue.csv:77412',
      },
      fix: expect.stringMatching(/appeal with documentation/),
    });
  });
});
