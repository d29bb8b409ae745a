import { describe, expect, it } from 'vitest';
import type { ReferenceRelease } from '../rates/mpfs-payment.js';
import { checkPtpEdits, EDIT_001 } from './edit-001-ncci-ptp.js';
import { type EditLine, editTables, type PtpEdit } from './edit-tables.js';

const release: ReferenceRelease = {
  id: 'NCCI-2026Q1',
  year: 2026,
  quarter: 1,
  effectiveFrom: '2026-01-01',
  effectiveTo: '2026-03-31',
  source: 'PTP practitioner 2026 Q1 (synthetic)',
};
const edit = (column1: string, column2: string, ind: PtpEdit['modifierIndicator'], from = '2026-01-01', deletedOn: string | null = null): PtpEdit =>
  ({ column1, column2, effectiveFrom: from, deletedOn, modifierIndicator: ind, location: `ptp.txt:${column1}/${column2}` }); // prettier-ignore
const TABLES = editTables(
  release,
  [
    edit('77412', '77407', '0'),
    edit('77301', '77280', '1', '2015-01-01'),
    edit('77412', '77280', '1', '2020-01-01', '2025-01-01'), // deleted before 2026
    edit('77407', '77280', '9', '2020-01-01', '2020-01-01'), // indicator 9: never applies
    edit('77402', '77280', '1', '2026-02-01'), // effective later in the quarter
  ],
  [],
);
const line = (
  subject: string,
  code: string,
  modifiers: string[] = [],
  dateOfService = '2026-01-05',
): EditLine => ({
  subject,
  code,
  modifiers,
  units: 1,
  dateOfService,
});

describe('checkPtpEdits (EDIT-001)', () => {
  it.each([
    // label, lines, [subject, severity, bypass modifier][]
    [
      '77412 + 77407 same day: indicator 0 denies 77407',
      [line('a', '77412'), line('b', '77407')],
      [['b', 'error', undefined]],
    ],
    [
      'indicator 0 is not bypassed by XS',
      [line('a', '77412'), line('b', '77407', ['XS'])],
      [['b', 'error', undefined]],
    ],
    ['different dates: no edit', [line('a', '77412'), line('b', '77407', [], '2026-01-06')], []],
    [
      '77301 + 77280 without modifier: indicator 1 denies 77280',
      [line('a', '77301'), line('b', '77280')],
      [['b', 'error', undefined]],
    ],
    [
      '77301 + 77280-XS: bypassed (info)',
      [line('a', '77301'), line('b', '77280', ['XS'])],
      [['b', 'info', 'XS']],
    ],
    [
      '77301-59 + 77280: the modifier may sit on either line',
      [line('a', '77301', ['59']), line('b', '77280')],
      [['b', 'info', '59']],
    ],
    [
      '77301 + 77280-76: 76 is not an NCCI-associated modifier',
      [line('a', '77301'), line('b', '77280', ['76'])],
      [['b', 'error', undefined]],
    ],
    [
      '77301 + 77280-26-XU: lower-case and several modifiers',
      [line('a', '77301'), line('b', '77280', ['26', 'xu'])],
      [['b', 'info', 'XU']],
    ],
    ['edit deleted on 2025-01-01 no longer applies', [line('a', '77412'), line('b', '77280')], []],
    ['indicator 9 never applies', [line('a', '77407'), line('b', '77280')], []],
    ['not yet effective on 2026-01-05', [line('a', '77402'), line('b', '77280')], []],
    [
      'effective from 2026-02-01',
      [line('a', '77402', [], '2026-02-01'), line('b', '77280', [], '2026-02-01')],
      [['b', 'error', undefined]],
    ],
    [
      'column order reversed on the claim: still column 2 denied',
      [line('b', '77407'), line('a', '77412')],
      [['b', 'error', undefined]],
    ],
    ['same code twice: no PTP edit', [line('a', '77412'), line('b', '77412', ['76'])], []],
    ['77387-26 with 77412: no edit in the table', [line('a', '77412'), line('b', '77387', ['26'])], []],
  ] as const)('%s', (_label, lines, expected) => {
    const findings = checkPtpEdits([TABLES], lines);
    expect(findings.map((f) => [f.subject, f.severity, f.evidence?.bypassModifier])).toEqual(expected);
    for (const f of findings) expect(f.ruleId).toBe(EDIT_001.id);
  });

  it('says which edit, release and file row, and what to do', () => {
    const [f] = checkPtpEdits([TABLES], [line('L1', '77412'), line('L2', '77407')]);
    expect(f).toEqual({
      ruleId: 'EDIT-001',
      severity: 'error',
      subject: 'L2',
      message:
        '77407 is not paid with 77412 on 2026-01-05: NCCI edit with modifier indicator 0 (no modifier bypasses it).',
      evidence: {
        column1: '77412',
        column2: '77407',
        column1Line: 'L1',
        modifierIndicator: '0',
        effectiveFrom: '2026-01-01',
        release: 'NCCI-2026Q1',
        source: 'ptp.txt:77412/77407',
      },
      fix: 'Do not bill 77407 with 77412 on the same date.',
    });
  });

  it('accepts a payer-specific bypass list', () => {
    const lines = [line('a', '77301'), line('b', '77280', ['59'])];
    expect(checkPtpEdits([TABLES], lines, { bypassModifiers: ['XS', 'XE', 'XP', 'XU'] })[0]!.severity).toBe(
      'error',
    );
  });

  it('warns once per date that no release covers', () => {
    const findings = checkPtpEdits(
      [TABLES],
      [line('a', '77412', [], '2026-04-02'), line('b', '77407', [], '2026-04-02')],
    );
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'EDIT-001',
        severity: 'warning',
        subject: 'a',
        evidence: { dateOfService: '2026-04-02' },
      }),
    ]);
  });
});
