import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readOppsAddendumB } from './read-opps-addendum-b.js';

const FIXTURE = new Uint8Array(readFileSync('test/fixtures/cms/ADDENDUM_B_2026_SYNTH.csv'));
const csv = (rows: readonly (readonly string[])[]) =>
  rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n') + '\r\n';

describe('readOppsAddendumB', () => {
  it('reads SI, APC and rates ($, thousands separators, blanks) from the synthetic Addendum B', () => {
    const r = readOppsAddendumB(FIXTURE, 'ADDENDUM_B_2026_SYNTH.csv');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const rate = (code: string) => r.value.rows.find((x) => x.hcpcs === code);
    expect(rate('77412')).toEqual({
      hcpcs: '77412',
      statusIndicator: 'S',
      apc: '5623',
      relativeWeight: 59500,
      paymentRateCents: 56451,
      nationalCopaymentCents: null,
      minimumCopaymentCents: 11291,
      location: 'ADDENDUM_B_2026_SYNTH.csv:line 9',
    });
    expect(rate('77407')).toMatchObject({ apc: '5622', paymentRateCents: 39405 });
    expect(rate('77387')).toMatchObject({ statusIndicator: 'N', apc: null, paymentRateCents: null });
    expect(rate('77280')!.paymentRateCents).toBe(18000);
    expect(rate('C9999')!.paymentRateCents).toBe(123456);
  });

  it('finds the columns in another order and with other names', () => {
    const r = readOppsAddendumB(
      csv([
        ['Addendum B (synthetic)'],
        ['Payment Rate ($)', 'APC', 'Status Indicator', 'CPT/HCPCS'],
        ['564.51', '5623', 's', '77412'],
      ]),
      'b.csv',
    );
    expect(r.ok && r.value.rows[0]).toMatchObject({
      hcpcs: '77412',
      statusIndicator: 'S',
      apc: '5623',
      paymentRateCents: 56451,
    });
  });

  it('locates a bad rate and reports a file without a payment rate column', () => {
    const head = ['HCPCS Code', 'SI', 'APC', 'Payment Rate'];
    const bad = readOppsAddendumB(csv([head, ['77412', 'S', '5623', '$564.515']]), 'b.csv');
    expect(!bad.ok && bad.problems).toEqual([
      {
        location: 'b.csv:line 2, column "Payment Rate"',
        message: 'more than 2 decimal places (expected a decimal with at most 2 decimal places)',
      },
    ]);
    const missing = readOppsAddendumB(
      csv([
        ['HCPCS Code', 'SI', 'APC'],
        ['77412', 'S', '5623'],
      ]),
      'b.csv',
    );
    expect(!missing.ok && missing.problems[0]!.message).toBe(
      'unknown OPPS Addendum B layout: required column "Payment Rate" not found',
    );
  });
});
