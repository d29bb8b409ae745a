import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readClaims837FromBytes } from './read-837.js';
import { readRemittancesFromBytes } from './read-835.js';
import type { Remittance } from '../../core/model/remittance.js';
import { paymentBalance } from '../../core/remit/balance-835.js';
import {
  CLAIM_COINSURANCE,
  CLAIM_CROSSOVER,
  CLAIMS_REVERSAL_AND_CORRECTION,
  balancedPaymentWithPlb,
  file835,
  paymentHeader,
  set835,
} from '../../../test/support/x12/remit-835-examples.js';
import { tokenizeX12Bytes } from './tokenize-x12.js';

const ROOT = 'test/fixtures/x12/linuxforhealth-x12';
const HAND_WRITTEN = [
  balancedPaymentWithPlb(),
  file835(
    set835('0001', [
      ...paymentHeader('2100.00'),
      'LX*1',
      ...CLAIM_COINSURANCE,
      ...CLAIMS_REVERSAL_AND_CORRECTION,
      ...CLAIM_CROSSOVER,
    ]),
  ),
].map((t) => new TextEncoder().encode(t));
const FIXTURES = [
  ...readdirSync(ROOT, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.837i?$|\.835$/.test(f))
    .map((f) => new Uint8Array(readFileSync(`${ROOT}/${f}`))),
  ...HAND_WRITTEN,
];
const PHI = [/BUDD/, /WILLIAM/, /33344555510/, /TOWNSEND/];

/** Whatever the bytes: results or located problems, in this file, without values from the file. */
function check(bytes: Uint8Array) {
  const r = readRemittancesFromBytes(bytes, 'f.x12');
  const c = readClaims837FromBytes(bytes, 'f.x12');
  for (const p of [...r.problems, ...r.warnings, ...c.problems, ...c.warnings]) {
    expect(p.location).toMatch(/^f\.x12(:|$)/);
    expect(p.message).not.toMatch(/internal error/);
    for (const re of PHI) expect(p.message).not.toMatch(re);
  }
  for (const rem of r.remittances)
    for (const claim of rem.claims) {
      expect(Number.isSafeInteger(claim.chargeCents)).toBe(true);
      for (const l of claim.lines) expect(Number.isSafeInteger(l.paidCents)).toBe(true);
    }
  let n = 0;
  for (const t of tokenizeX12Bytes(bytes)) if (t.kind === 'segment') n++;
  expect(n).toBeLessThanOrEqual(bytes.length);
}

const mutate = fc.record({
  file: fc.nat({ max: FIXTURES.length - 1 }),
  edits: fc.array(
    fc.oneof(
      fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
      fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('delete-segment' as const), at: fc.nat() }),
      fc.record({
        kind: fc.constant('delimiter' as const),
        which: fc.constantFrom(3, 104, 105),
        byte: fc.integer({ min: 0, max: 255 }),
      }),
    ),
    { maxLength: 6 },
  ),
});

interface Edit {
  kind: string;
  at?: number;
  byte?: number;
  which?: number;
}

function apply(bytes: Uint8Array, edits: Edit[]): Uint8Array {
  let b = Uint8Array.from(bytes);
  for (const e of edits) {
    if (b.length === 0) break;
    const at = (e.at ?? 0) % b.length;
    if (e.kind === 'flip') b[at] = e.byte!;
    else if (e.kind === 'truncate') b = b.slice(0, at);
    else if (e.kind === 'delimiter') b[e.which! % b.length] = e.byte!;
    else {
      const end = b.indexOf(0x7e, at);
      if (end >= 0) b = Uint8Array.from([...b.subarray(0, at), ...b.subarray(end + 1)]);
    }
  }
  return b;
}

describe('X12 readers robustness', () => {
  it('never throw on arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 3000 }), check), { numRuns: 300 });
  });

  it('never throw on arbitrary bytes after an ISA header', () => {
    const isa = new TextEncoder().encode(
      'ISA*00*          *00*          *ZZ*S              *ZZ*R              *260301*1200*^*00501*000000001*0*P*:~',
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (tail) => check(Uint8Array.from([...isa, ...tail]))),
      { numRuns: 200 },
    );
  });

  it('never throw on mutated public and hand-written samples (byte flips, truncation, deleted segments, changed delimiters)', () => {
    fc.assert(
      fc.property(mutate, ({ file, edits }) => check(apply(FIXTURES[file]!, edits))),
      { numRuns: 400 },
    );
  });
});

const money = (c: number) =>
  `${c < 0 ? '-' : ''}${Math.floor(Math.abs(c) / 100)}.${String(Math.abs(c) % 100).padStart(2, '0')}`;
const SEPARATORS = ['*', '|', '^', '~', ':', '>', '!', '\x1d', '\x1e', '\x1f', '\n', '+', '{'];

const delimiters = fc
  .shuffledSubarray(SEPARATORS, { minLength: 4, maxLength: 4 })
  .filter(([e, c, r]) => e !== '\n' && c !== '\n' && r !== '\n')
  .map(([element, component, repetition, segment]) => ({
    element: element!,
    component: component!,
    repetition: repetition!,
    segment: segment!,
  }));
const token = fc.stringMatching(/^[A-Z0-9]{1,12}$/);
const cents = fc.integer({ min: -99_999_999, max: 99_999_999 });
const line = fc.record({
  code: fc.constantFrom('77412', '77407', '77387', '77385'),
  modifiers: fc.array(fc.constantFrom('26', '76', 'TC', 'GC'), { maxLength: 3 }),
  submitted: fc.option(fc.constantFrom('77412', '77387'), { nil: null }),
  charge: cents,
  paid: cents,
  units: fc.integer({ min: 1, max: 9 }),
  cas: fc.array(fc.tuple(fc.constantFrom('CO', 'PR', 'OA'), fc.constantFrom('45', '97', '150', '2'), cents), {
    minLength: 1,
    maxLength: 6,
  }),
});
const claim = fc.record({ pcn: token, charge: cents, paid: cents, lines: fc.array(line, { maxLength: 4 }) });

describe('835 round trip', () => {
  it('a generated envelope with random delimiters reads back to the same values', () => {
    fc.assert(
      fc.property(
        delimiters,
        fc.array(claim, { minLength: 1, maxLength: 5 }),
        token,
        fc.boolean(),
        (d, claims, trace, newlines) => {
          const seg = (...els: string[]) => els.join(d.element);
          const body: string[] = [
            seg('ST', '835', '0001'),
            seg('BPR', 'I', money(123), 'C', 'ACH'),
            seg('TRN', '1', trace, '1512345678'),
            seg('N1', 'PR', 'PAYER'),
            seg('N1', 'PE', 'CLINIC', 'XX', '1234567893'),
            seg('LX', '1'),
          ];
          for (const c of claims) {
            body.push(seg('CLP', c.pcn, '1', money(c.charge), money(c.paid)));
            for (const l of c.lines) {
              const proc = ['HC', l.code, ...l.modifiers].join(d.component);
              const submitted = l.submitted === null ? '' : ['HC', l.submitted].join(d.component);
              body.push(seg('SVC', proc, money(l.charge), money(l.paid), '', String(l.units), submitted));
              body.push(seg('CAS', l.cas[0]![0], ...l.cas.flatMap(([, r, a]) => [r, money(a), ''])));
            }
          }
          body.push(seg('SE', String(body.length + 1), '0001'));
          const isa = seg(
            'ISA',
            '00',
            ' '.repeat(10),
            '00',
            ' '.repeat(10),
            'ZZ',
            'S'.padEnd(15),
            'ZZ',
            'R'.padEnd(15),
            '260301',
            '1200',
            d.repetition,
            '00501',
            '000000001',
            '0',
            'P',
            d.component,
          );
          const all = [
            isa,
            seg('GS', 'HP', 'S', 'R', '20260301', '1200', '1', 'X', '005010X221A1'),
            ...body,
            seg('GE', '1', '1'),
            seg('IEA', '1', '000000001'),
          ];
          const text = all.join(d.segment + (newlines && d.segment !== '\n' ? '\r\n' : '')) + d.segment;
          const { remittances, problems } = readRemittancesFromBytes(new TextEncoder().encode(text), 'g.835');
          expect(problems).toEqual([]);
          const r: Remittance = remittances[0]!;
          expect(r.traceNumber).toBe(trace);
          expect(r.payee.npi).toBe('1234567893');
          expect(r.claims.map((c) => [c.patientControlNumber, c.chargeCents, c.paidCents])).toEqual(
            claims.map((c) => [c.pcn, c.charge, c.paid]),
          );
          expect(
            r.claims.flatMap((c) =>
              c.lines.map((l) => [
                l.procedure,
                l.submitted?.code ?? null,
                l.chargeCents,
                l.paidCents,
                l.units,
                l.adjustments.map((a) => [a.group, a.reason, a.amountCents]),
              ]),
            ),
          ).toEqual(
            claims.flatMap((c) =>
              c.lines.map((l) => [
                { code: l.code, modifiers: l.modifiers },
                l.submitted,
                l.charge,
                l.paid,
                l.units,
                l.cas.map(([, r, a]) => [l.cas[0]![0], r, a]),
              ]),
            ),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

/**
 * A balanced 835 (TR3 1.10.2.1): lines with random CAS whose SVC03 = SVC02 − Σ CAS, claims (any CLP02,
 * reversals negative) whose CLP04 = CLP03 − Σ CAS, PLB of any sign, BPR02 = Σ CLP04 − Σ PLB (a debit
 * BPR03 D when negative). Segments as element arrays, with the places of every amount.
 */
const adjustment = fc.tuple(
  fc.constantFrom('CO', 'PR', 'OA', 'PI'),
  fc.constantFrom('1', '2', '3', '23', '45', '94', '97', '150', '197'),
  fc.integer({ min: -500_000, max: 500_000 }),
);
const balancedLine = fc.record({
  code: fc.constantFrom('77412', '77407', '77387', '77385', 'G6002'),
  modifiers: fc.array(fc.constantFrom('26', 'TC', 'GC'), { maxLength: 2 }),
  charge: fc.integer({ min: -9_999_999, max: 9_999_999 }),
  cas: fc.array(adjustment, { maxLength: 4 }),
});
const balancedClaim = fc.record({
  pcn: token,
  status: fc.constantFrom('1', '2', '3', '4', '19', '20', '21', '22', '23', '25'),
  cas: fc.array(adjustment, { maxLength: 2 }),
  lines: fc.array(balancedLine, { minLength: 1, maxLength: 4 }),
});
const balancedPayment = fc.record({
  claims: fc.array(balancedClaim, { minLength: 1, maxLength: 5 }),
  plb: fc.array(fc.tuple(fc.constantFrom('L6', 'WO', '72', 'FB', 'CS'), cents), { maxLength: 4 }),
});

type Payment = typeof balancedPayment extends fc.Arbitrary<infer T> ? T : never;

function balanced835({ claims, plb }: Payment) {
  const segs: string[][] = [];
  const amounts: [number, number][] = [];
  const push = (seg: string[], ...amountAt: number[]) => {
    for (const n of amountAt) amounts.push([segs.length, n]);
    segs.push(seg);
  };
  const sum = (cas: [string, string, number][]) => cas.reduce((t, [, , a]) => t + a, 0);
  const body: string[][] = [];
  let claimsPaid = 0;
  for (const c of claims) {
    const lines = c.lines.map((l) => ({ ...l, paid: l.charge - sum(l.cas) }));
    const charge = lines.reduce((t, l) => t + l.charge, 0);
    const paid = charge - sum(c.cas) - lines.reduce((t, l) => t + sum(l.cas), 0);
    claimsPaid += paid;
    body.push(['CLP', c.pcn, c.status, money(charge), money(paid), '', '12', `PAY${c.pcn}`]);
    for (const [g, r, a] of c.cas) body.push(['CAS', g, r, money(a)]);
    for (const l of lines) {
      body.push(['SVC', ['HC', l.code, ...l.modifiers].join(':'), money(l.charge), money(l.paid), '', '1']);
      for (const [g, r, a] of l.cas) body.push(['CAS', g, r, money(a)]);
    }
  }
  const total = claimsPaid - plb.reduce((t, [, a]) => t + a, 0);
  push(['ST', '835', '0001']);
  push(['BPR', 'I', money(Math.abs(total)), total < 0 ? 'D' : 'C', 'ACH'], 2);
  push(['TRN', '1', 'EFT1', '1512345678']);
  push(['N1', 'PR', 'PAYER']);
  push(['N1', 'PE', 'CLINIC', 'XX', '1234567893']);
  push(['LX', '1']);
  for (const seg of body) {
    const at = { CLP: [3, 4], SVC: [2, 3], CAS: [3] }[seg[0] as 'CLP' | 'SVC' | 'CAS'];
    push(seg, ...at);
  }
  if (plb.length)
    push(
      ['PLB', '1234567893', '20261231', ...plb.flatMap(([r, a]) => [r, money(a)])],
      ...plb.map((_, i) => 4 + 2 * i),
    );
  push(['SE', String(segs.length + 1), '0001']);
  return { segs, amounts };
}

function text835(segs: string[][]): Uint8Array {
  const isa =
    'ISA*00*          *00*          *ZZ*S              *ZZ*R              *260301*1200*^*00501*000000001*0*P*:';
  const all = [
    isa,
    'GS*HP*S*R*20260301*1200*1*X*005010X221A1',
    ...segs.map((s) => s.join('*')),
    'GE*1*1',
    'IEA*1*000000001',
  ];
  return new TextEncoder().encode(`${all.join('~\n')}~\n`);
}

/** Cents of an X12 decimal amount the generator wrote (`-12.50` → -1250). */
const centsOf = (text: string) => Math.round(Number(text) * 100);

describe('835 balancing (TR3 1.10.2.1)', () => {
  it('a generated balanced 835 (reversals, claim and line CAS, PLB of any sign) reads with no warning', () => {
    fc.assert(
      fc.property(balancedPayment, (payment) => {
        const { remittances, problems, warnings } = readRemittancesFromBytes(
          text835(balanced835(payment).segs),
          'b.835',
        );
        expect(problems).toEqual([]);
        expect(warnings).toEqual([]);
        expect(paymentBalance(remittances[0]!).differenceCents).toBe(0);
        expect(remittances[0]!.claims.map((c) => c.lines.length)).toEqual(
          payment.claims.map((c) => c.lines.length),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('one amount changed in a balanced 835 is always a located balancing warning, never silent', () => {
    fc.assert(
      fc.property(
        balancedPayment,
        fc.nat(),
        fc.integer({ min: -100_000, max: 100_000 }).filter((d) => d !== 0),
        (payment, pick, delta) => {
          const { segs, amounts } = balanced835(payment);
          const [s, n] = amounts[pick % amounts.length]!;
          segs[s]![n] = money(centsOf(segs[s]![n]!) + delta);
          const { remittances, problems, warnings } = readRemittancesFromBytes(text835(segs), 'b.835');
          expect(problems).toEqual([]);
          expect(remittances).toHaveLength(1);
          expect(warnings.length).toBeGreaterThan(0);
          for (const w of warnings)
            expect(w.location).toMatch(
              /^b\.835:ISA\[1\]\/GS\[1\]\/ST\[1\]\/(BPR|2100\[\d+\]\/(CLP|2110\[\d+\]\/SVC))$/,
            );
        },
      ),
      { numRuns: 300 },
    );
  });
});
