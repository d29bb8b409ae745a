import { describe, expect, it } from 'vitest';
import { diffCharges, type ExistingCharge, type WantedCharge } from './charge-diff.js';

const existing = (status: string, code = '77412', extra: Partial<ExistingCharge> = {}): ExistingCharge => ({
  id: `c-${code}`,
  fraction_id: 'f1',
  code,
  modifiers: '',
  units: 1,
  expectedCents: 1000,
  status,
  reason: null,
  ...extra,
});
const wanted = (
  status: 'hold' | 'ready',
  code = '77412',
  extra: Partial<WantedCharge> = {},
): WantedCharge => ({
  fractionId: 'f1',
  code,
  modifiers: '',
  units: 1,
  expectedCents: 1000,
  status,
  reason: null,
  ...extra,
});

describe('diffCharges: how a re-audit moves charges', () => {
  it.each([
    ['a new line is inserted', [], [wanted('hold')], [{ kind: 'insert' }]],
    [
      'hold → ready follows the audit',
      [existing('hold')],
      [wanted('ready')],
      [{ kind: 'update', status: 'ready', statusChanged: true }],
    ],
    ['an unchanged line changes nothing', [existing('ready')], [wanted('ready')], []],
    ['a released charge is never touched', [existing('released')], [wanted('hold')], []],
    ['a coder hold stays', [existing('manual-hold')], [wanted('ready')], []],
    [
      'a line no longer wanted is voided',
      [existing('ready')],
      [],
      [{ kind: 'update', status: 'void', statusChanged: true }],
    ],
    ['a released line no longer wanted stays released', [existing('released')], [], []],
    [
      'a voided line wanted again comes back',
      [existing('void')],
      [wanted('ready')],
      [{ kind: 'update', status: 'ready', statusChanged: true }],
    ],
    [
      'a new amount updates without a status move',
      [existing('ready')],
      [wanted('ready', '77412', { units: 2 })],
      [{ kind: 'update', status: 'ready', statusChanged: false, units: 2 }],
    ],
    [
      '77412 downgraded to 77407: void one, insert the other',
      [existing('hold', '77412')],
      [wanted('ready', '77407')],
      [{ kind: 'insert' }, { kind: 'update', status: 'void' }],
    ],
  ] as const)('%s', (_name, before, after, expected) => {
    const changes = diffCharges(before as readonly ExistingCharge[], after as readonly WantedCharge[]);
    expect(changes).toHaveLength(expected.length);
    changes.forEach((c, i) => expect(c).toMatchObject(expected[i]!));
  });
});
