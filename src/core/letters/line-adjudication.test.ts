import { describe, expect, it } from 'vitest';
import { letterClaim } from '../../../test/support/letter-input.js';
import { adjudicationPhrase, type LineAdjudication, lineAdjudication } from './line-adjudication.js';

/** A letter words a line from what the payer did with it: a paid 77407 is never "denied". */
describe('lineAdjudication', () => {
  it.each<[string, Parameters<typeof letterClaim>[0], LineAdjudication, string]>([
    [
      '77407 billed, paid as billed',
      {
        submittedCode: '77407',
        code: '77407',
        paidCents: 21000,
        carcs: ['CO-45'],
        category: 'paid-as-expected',
      },
      'paid-as-billed',
      'paid as billed',
    ],
    [
      '77407 billed, paid below the contract rate',
      { submittedCode: '77407', code: '77407', paidCents: 15000, carcs: ['CO-45'], category: 'underpaid' },
      'paid-as-billed',
      'paid as billed',
    ],
    [
      '77412 paid as 77407 (downcode category)',
      { submittedCode: '77412', code: '77407', paidCents: 31764, category: 'downcoded' },
      'paid-at-lower-code',
      'paid at a lower code (77407)',
    ],
    [
      '77412 paid as 77407 under another category',
      { submittedCode: '77412', code: '77407', paidCents: 31764, category: 'paid-rate-unknown' },
      'paid-at-lower-code',
      'paid at a lower code (77407)',
    ],
    [
      '77412 paid as 77407 with a denial code on the lower payment',
      {
        submittedCode: '77412',
        code: '77407',
        paidCents: 31764,
        carcs: ['CO-150'],
        category: 'other-denial',
      },
      'paid-at-lower-code',
      'paid at a lower code (77407)',
    ],
    [
      'whole charge adjusted without a denial reason',
      {
        submittedCode: '77407',
        code: '77407',
        paidCents: 0,
        carcs: ['CO-45'],
        category: 'zero-paid-no-denial-code',
      },
      'paid-zero',
      'paid zero',
    ],
    [
      'nothing paid on a line the category does not call a denial',
      {
        submittedCode: '77407',
        code: '77407',
        paidCents: 0,
        carcs: ['PR-1'],
        category: 'patient-responsibility',
      },
      'paid-zero',
      'paid zero',
    ],
    [
      'denied as not covered',
      { submittedCode: '77407', code: '77407', paidCents: 0, carcs: ['CO-96'], category: 'other-denial' },
      'denied',
      'denied',
    ],
    [
      'denied for authorization',
      {
        submittedCode: '77407',
        code: '77407',
        paidCents: 0,
        carcs: ['CO-197'],
        category: 'authorization-denial',
      },
      'denied',
      'denied',
    ],
    [
      '77387-26 denied',
      {
        submittedCode: '77387',
        code: '77387',
        paidCents: 0,
        carcs: ['CO-97'],
        category: 'igrt-professional-denied',
      },
      'denied',
      'denied',
    ],
  ])('%s', (_, over, adjudication, phrase) => {
    const line = letterClaim(over);
    expect(lineAdjudication(line)).toBe(adjudication);
    expect(adjudicationPhrase(line)).toBe(phrase);
  });
});
