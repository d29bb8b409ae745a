import { describe, expect, it } from 'vitest';
import type { BillingLine } from '../model/billing-line.js';
import { BUNDLED_PROFILES } from '../payers/bundled-profiles.js';
import { dayLines } from './day-lines.js';

const profile = (id: string) => BUNDLED_PROFILES.find((p) => p.id === id)!;
const line = (code: string, modifiers: string[] = [], cents: number | null = 100): BillingLine => ({
  code,
  modifiers,
  units: 1,
  ruleId: 'CODE-004',
  reason: 'test',
  expectedCents: cents,
  rateSource: 'seed-2026',
});

describe('dayLines', () => {
  const twiceDaily = (second: BillingLine[]) => [
    { fractionId: 'F1', date: '2026-03-09', lines: [line('77407'), line('77387', ['26'], 10)] },
    { fractionId: 'F2', date: '2026-03-09', lines: second },
    { fractionId: 'F3', date: '2026-03-10', lines: [line('77407')] },
  ];

  it.each([
    // profile, second session's lines, expected day lines
    [
      'medicare',
      [line('77407'), line('77387', ['26'], 10)],
      ['2026-03-09 77407 ×2 200', '2026-03-09 77387-26 ×2 20', '2026-03-10 77407 ×1 100'],
    ],
    [
      'default',
      [line('77407', ['76']), line('77387', ['26', '76'], 10)],
      [
        '2026-03-09 77407 ×1 100',
        '2026-03-09 77387-26 ×1 10',
        '2026-03-09 77407-76 ×1 100',
        '2026-03-09 77387-26-76 ×1 10',
        '2026-03-10 77407 ×1 100',
      ],
    ],
    ['medicare', [], ['2026-03-09 77407 ×1 100', '2026-03-09 77387-26 ×1 10', '2026-03-10 77407 ×1 100']],
  ] as const)('%s', (id, second, expected) => {
    const out = dayLines(twiceDaily([...second]), profile(id));
    expect(
      out.map((d) => `${d.date} ${[d.code, ...d.modifiers].join('-')} ×${d.units} ${d.expectedCents}`),
    ).toEqual(expected);
  });

  it('keeps an unknown amount unknown', () => {
    const out = dayLines(
      [
        { fractionId: 'F1', date: '2026-03-09', lines: [line('77373', [], null)] },
        { fractionId: 'F2', date: '2026-03-09', lines: [line('77373', [], null)] },
      ],
      profile('medicare'),
    );
    expect(out).toEqual([
      {
        date: '2026-03-09',
        code: '77373',
        modifiers: [],
        units: 2,
        expectedCents: null,
        fractionIds: ['F1', 'F2'],
      },
    ]);
  });
});
