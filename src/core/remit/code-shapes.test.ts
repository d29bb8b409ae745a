import { describe, expect, it } from 'vitest';
import { cas, remitClaim, remitLine } from '../../../test/support/remit-builder.js';
import type { InputProblem } from '../model/input-problem.js';
import type { RemitClaim, Remittance } from '../model/remittance.js';
import { refuseMisshapenClaims } from './code-shapes.js';

const CLAIM = 'f.835:ST[1]/2100[1]';
const LINE = `${CLAIM}/2110[1]`;

/** A payment of two claims: the first as `edit` makes it (paid 900.00), the second a plain one. */
function paymentWith(edit: (c: RemitClaim) => void): Remittance {
  const first = remitClaim({
    patientControlNumber: 'SGRT-0001',
    payerClaimControlNumber: 'PAYCLM0001',
    paidCents: 90000,
    adjustments: [cas('CO', '45', 100)],
    remarks: ['MA01', 'N290'],
    location: CLAIM,
    lines: [
      remitLine({
        adjustments: [cas('CO', '45', 600), cas('PR', '2', 200)],
        remarks: ['N130'],
        location: LINE,
      }),
    ],
  });
  edit(first);
  return {
    traceNumber: 'EFT1',
    payerTraceId: 'EHP01',
    totalPaidCents: 90000,
    handling: 'I',
    creditDebit: 'C',
    paymentDate: '2026-04-10',
    payer: { name: 'EXAMPLE HEALTH PLAN', id: 'EHP01' },
    payee: { name: null, npi: null, taxId: null },
    claims: [first, remitClaim({ patientControlNumber: 'SGRT-0002', location: 'f.835:ST[1]/2100[2]' })],
    providerAdjustments: [],
    refusedClaims: [],
    location: 'f.835:ST[1]',
  };
}

const problem = (location: string, message: string): InputProblem => ({ location, message });
const CARC = 'is not a claim adjustment reason code (1 to 3 digits, or a letter and 1 to 3 digits)';
const RARC = 'is not a remark code (M, MA or N and 1 to 4 digits)';
const ID = 'holds markup (< or >) or a control character';
const line = (c: RemitClaim) => c.lines[0]!;

describe('codes and claim ids that are not code-shaped refuse their claim, located (X12 005010X221A1)', () => {
  it.each<[string, (c: RemitClaim) => void, InputProblem]>([
    [
      'markup as a line remark (LQ*HE)',
      (c) => (line(c).remarks = ['<i>N290</i>']),
      problem(`${LINE}/LQ02`, `LQ02 ${RARC}`),
    ],
    [
      'free text as a line remark',
      (c) => (line(c).remarks = ['SEE NOTE']),
      problem(`${LINE}/LQ02`, `LQ02 ${RARC}`),
    ],
    [
      'markup as a claim remark (MOA/MIA)',
      (c) => (c.remarks = ['MA01', '<b>N290']),
      problem(`${CLAIM}/MOA`, `MOA/MIA remark ${RARC}`),
    ],
    [
      'markup as a line CARC',
      (c) => (line(c).adjustments[1] = cas('PR', '<2>', 200)),
      problem(`${LINE}/CAS`, `CAS reason ${CARC}`),
    ],
    [
      'a word as a claim CARC',
      (c) => (c.adjustments = [cas('CO', 'FORTYFIVE', 100)]),
      problem(`${CLAIM}/CAS`, `CAS reason ${CARC}`),
    ],
    [
      'four digits as a CARC',
      (c) => (c.adjustments = [cas('CO', '4545', 100)]),
      problem(`${CLAIM}/CAS`, `CAS reason ${CARC}`),
    ],
    [
      'markup in CLP01',
      (c) => (c.patientControlNumber = '<script>x</script>'),
      problem(`${CLAIM}/CLP01`, `CLP01 ${ID}`),
    ],
    [
      'markup in CLP07',
      (c) => (c.payerClaimControlNumber = '"><svg onload=x>'),
      problem(`${CLAIM}/CLP07`, `CLP07 ${ID}`),
    ],
    [
      'a control character in CLP07',
      (c) => (c.payerClaimControlNumber = 'PAY\u0007CLM'),
      problem(`${CLAIM}/CLP07`, `CLP07 ${ID}`),
    ],
  ])('%s', (_, edit, expected) => {
    const problems: InputProblem[] = [];
    const r = refuseMisshapenClaims(paymentWith(edit), problems);
    expect(problems).toEqual([expected]);
    expect(r.claims.map((c) => c.patientControlNumber)).toEqual(['SGRT-0002']);
    expect(r.claims[0]!.location).toBe('f.835:ST[1]/2100[2]');
    expect(r.refusedClaims).toEqual([{ location: CLAIM, paidCents: 90000, problems: [expected] }]);
  });

  it.each<[string, (c: RemitClaim) => void]>([
    ['the example as written', () => {}],
    ['letter-and-digit CARC (A1)', (c) => (c.adjustments = [cas('CO', 'A1', 100)])],
    ['three-digit CARC (253)', (c) => (c.adjustments = [cas('CO', '253', 100)])],
    ['a letter and two digits (P30)', (c) => (c.adjustments = [cas('OA', 'P30', 100)])],
    ['MA remark with a leading zero (MA01)', (c) => (line(c).remarks = ['MA01'])],
    ['four-digit N remark', (c) => (line(c).remarks = ['N1000'])],
    ['CLP01 with punctuation', (c) => (c.patientControlNumber = 'SGRT/0001.A-7')],
    ['no CLP07', (c) => (c.payerClaimControlNumber = null)],
  ])('keeps a code-shaped claim: %s', (_, edit) => {
    const payment = paymentWith(edit);
    expect(refuseMisshapenClaims(payment)).toBe(payment);
  });
});
