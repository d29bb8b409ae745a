import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Claim, ClaimFile, X12Delimiters } from './claim-types.js';
import { readClaims837FromBytes } from './read-837.js';
import { write837i } from './write-837i.js';
import { write837p } from './write-837p.js';
import { exampleClaimFile } from '../../../test/support/x12/claim-file-example.js';
import { splitX12 } from '../../../test/support/x12/split-x12.js';

const SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -.,/#&()';
const word = (min: number, max: number) =>
  fc
    .string({ unit: fc.constantFrom(...SAFE), minLength: min, maxLength: max })
    .map((s) => s.trim())
    .filter((s) => s.length >= min);
const digits = (n: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
const date = fc
  .record({
    y: fc.integer({ min: 1900, max: 2099 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const address = fc.record({
  line1: word(1, 30),
  city: word(2, 20),
  state: fc.constantFrom('IL', 'NY', 'TX'),
  postalCode: digits(5),
});

const line = fc.record({
  procedureCode: fc.constantFrom('77412', '77407', '77402', '77387', 'G6015'),
  modifiers: fc.subarray(['26', '76', 'TC', 'GA'], { maxLength: 4 }),
  units: fc.integer({ min: 1, max: 9 }),
  chargeCents: fc.integer({ min: 0, max: 10_000_000_00 }),
  dateOfService: date,
  revenueCode: fc.constantFrom('0333', '0330'),
  lineControlNumber: word(1, 30),
});

const claim: fc.Arbitrary<Claim> = fc.record(
  {
    patientControlNumber: word(1, 20),
    subscriber: fc.record({
      memberId: word(2, 20),
      lastName: word(1, 30),
      firstName: word(1, 20),
      birthDate: date,
      sex: fc.constantFrom('F' as const, 'M' as const, 'U' as const),
      address,
    }),
    diagnosisCodes: fc.array(fc.constantFrom('C50911', 'C61', 'Z170', 'C3490'), {
      minLength: 1,
      maxLength: 12,
    }),
    placeOfService: fc.constantFrom('11', '19', '22'),
    facilityTypeCode: fc.constantFrom('13', '14'),
    priorAuthorization: fc.option(word(1, 30)),
    // Valid NPIs (Luhn over 80840 + nine digits) with the radiation oncologist taxonomy.
    provider: fc.record({
      npi: fc.constantFrom('1987654328', '1999000015', '1999000023'),
      lastName: word(1, 30),
      firstName: word(1, 20),
      taxonomy: fc.constant('2085R0001X'),
    }),
    // A dependent patient (2000C) or none; a replacement/void with the payer's claim control number.
    patient: fc.option(
      fc.record({
        relationship: fc.constantFrom('01' as const, '19' as const, 'G8' as const),
        lastName: word(1, 30),
        firstName: word(1, 20),
        birthDate: date,
        sex: fc.constantFrom('F' as const, 'M' as const),
        address,
      }),
      { nil: undefined },
    ),
    frequencyCode: fc.constantFrom('1', '7', '8'),
    payerClaimControlNumber: word(1, 30),
    filingIndicator: fc.constantFrom('CI', 'MB', 'BL', '16'),
    lines: fc.array(line, { minLength: 1, maxLength: 50 }),
  },
  {
    requiredKeys: [
      'patientControlNumber',
      'subscriber',
      'diagnosisCodes',
      'provider',
      'frequencyCode',
      'payerClaimControlNumber',
      'lines',
      'placeOfService',
      'facilityTypeCode',
      'priorAuthorization',
      'filingIndicator',
    ],
  },
);

const delimiters: fc.Arbitrary<X12Delimiters> = fc
  .shuffledSubarray([..."*:^~|>!'`+"], { minLength: 4, maxLength: 4 })
  .map(([element = '*', component = ':', repetition = '^', segment = '~']) => ({
    element,
    component,
    repetition,
    segment,
  }))
  .chain((d) => fc.constantFrom('', '\n', '\r\n').map((segmentSuffix) => ({ ...d, segmentSuffix })));

const file = fc.record({
  claims: fc.array(claim, { minLength: 1, maxLength: 6 }),
  delimiters,
  flavour: fc.constantFrom('837P' as const, '837I' as const),
});

const build = (claims: Claim[], d: X12Delimiters, flavour: '837P' | '837I'): ClaimFile => {
  const f = exampleClaimFile(flavour, claims);
  f.envelope.delimiters = d;
  return f;
};
const write = (f: ClaimFile, flavour: '837P' | '837I') => (flavour === '837P' ? write837p(f) : write837i(f));
const cents = (amount: string) => {
  const [whole = '', frac = ''] = amount.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
};

describe('837 writers on random claims', () => {
  it('write structurally valid envelopes', () => {
    fc.assert(
      fc.property(file, ({ claims, delimiters: d, flavour }) => {
        const r = write(build(claims, d, flavour), flavour);
        if (!r.ok) throw new Error(JSON.stringify(r.problems));
        const text = r.value;
        // Every segment ends with the terminator and the suffix; ISA is 106 characters.
        expect(text.endsWith(`${d.segment}${d.segmentSuffix}`)).toBe(true);
        expect(text.indexOf(d.segment)).toBe(105);
        const segs = splitX12(text);
        const count = text.split(d.segment).length - 1;
        expect(segs).toHaveLength(count);
        for (const s of segs) {
          for (const e of s) {
            for (const c of [d.element, d.segment, '\r', '\n']) expect(e.includes(c)).toBe(false);
          }
        }
        const ids = segs.map((s) => s[0]);
        expect(ids.slice(0, 3)).toEqual(['ISA', 'GS', 'ST']);
        expect(ids.slice(-3)).toEqual(['SE', 'GE', 'IEA']);
        expect(segs.at(-3)?.[1]).toBe(String(segs.length - 4));
        expect(segs.at(-3)?.[2]).toBe(segs[2]?.[2]);
        expect(segs.at(-2)?.[2]).toBe(segs[1]?.[6]);
        expect(segs.at(-1)?.[2]).toBe(segs[0]?.[13]);
        // One subscriber HL per claim and a patient HL per dependent, one CLM per claim, each CLM02 the
        // sum of its lines, LX numbered from 1.
        expect(ids.filter((id) => id === 'HL')).toHaveLength(
          1 + claims.length + claims.filter((c) => c.patient).length,
        );
        const clm = segs.map((s, i) => [s, i] as const).filter(([s]) => s[0] === 'CLM');
        expect(clm).toHaveLength(claims.length);
        clm.forEach(([s, at], k) => {
          const c = claims[k]!;
          expect(s[1]).toBe(c.patientControlNumber);
          expect(cents(s[2]!)).toBe(c.lines.reduce((sum, l) => sum + l.chargeCents, 0));
          const end = clm[k + 1]?.[1] ?? segs.length - 3;
          const body = segs.slice(at, end);
          expect(body.filter((x) => x[0] === 'LX').map((x) => x[1])).toEqual(
            c.lines.map((_, j) => String(j + 1)),
          );
          const sv = body.filter((x) => x[0] === (flavour === '837P' ? 'SV1' : 'SV2'));
          expect(sv.map((x) => cents(x[flavour === '837P' ? 2 : 3]!))).toEqual(
            c.lines.map((l) => l.chargeCents),
          );
          expect(sv.map((x) => x[flavour === '837P' ? 1 : 2])).toEqual(
            c.lines.map((l) => ['HC', l.procedureCode, ...l.modifiers].join(d.component)),
          );
        });
      }),
      { numRuns: 100 },
    );
  });

  it('refuse any value holding a delimiter, located at that value', () => {
    const paths = (c: Claim) =>
      [
        ['patientControlNumber', (x: string) => (c.patientControlNumber = x)],
        ['subscriber.lastName', (x: string) => (c.subscriber.lastName = x)],
        ['subscriber.address.city', (x: string) => (c.subscriber.address!.city = x)],
        ['lines[0].lineControlNumber', (x: string) => (c.lines[0]!.lineControlNumber = x)],
      ] as const;
    fc.assert(
      fc.property(
        file,
        fc.nat(3),
        fc.nat(3),
        word(0, 5),
        ({ claims, delimiters: d, flavour }, which, delim, tail) => {
          const c = structuredClone(claims[0]!);
          const [path, set] = paths(c)[which]!;
          const ch = [d.element, d.component, d.repetition, d.segment][delim]!;
          set(`A${ch}${tail}`.trim());
          const r = write(build([c, ...claims.slice(1)], d, flavour), flavour);
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.problems.map((p) => p.location)).toContain(`claims[0].${path}`);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('read back with our 837 reader as the same claims (write → read round trip)', () => {
    fc.assert(
      fc.property(file, ({ claims, delimiters: d, flavour }) => {
        const f = build(claims, d, flavour);
        const r = write(f, flavour);
        if (!r.ok) throw new Error(JSON.stringify(r.problems));
        const back = readClaims837FromBytes(new TextEncoder().encode(r.value), 'out.837');
        expect(back.problems).toEqual([]);
        expect(back.warnings).toEqual([]);
        expect(back.sets).toHaveLength(1);
        const set = back.sets[0]!;
        expect(set.kind).toBe(flavour === '837P' ? 'professional' : 'institutional');
        expect(set.version).toBe(flavour === '837P' ? '005010X222A1' : '005010X223A2');
        expect(
          set.claims.map((c) => ({
            ...c,
            location: undefined,
            lines: c.lines.map((l) => ({ ...l, location: undefined })),
          })),
        ).toEqual(
          claims.map((c) => ({
            patientControlNumber: c.patientControlNumber,
            totalChargeCents: c.lines.reduce((sum, l) => sum + l.chargeCents, 0),
            facilityCode: flavour === '837P' ? c.placeOfService : c.facilityTypeCode,
            facilityQualifier: flavour === '837P' ? 'B' : 'A',
            frequency: c.frequencyCode,
            priorAuthorization: c.priorAuthorization ?? null,
            diagnosisCodes: c.diagnosisCodes,
            memberId: c.subscriber.memberId,
            billingProviderNpi: f.billingProvider.npi,
            responsibility: 'P',
            filingIndicator: c.filingIndicator,
            patientRelationship: c.patient?.relationship ?? null,
            providerNpi: c.provider?.npi,
            payerClaimControlNumber: c.payerClaimControlNumber,
            priorPayerPaidCents: null,
            location: undefined,
            lines: c.lines.map((l) => ({
              revenueCode: flavour === '837I' ? l.revenueCode : null,
              procedure: { code: l.procedureCode, modifiers: l.modifiers },
              chargeCents: l.chargeCents,
              units: l.units,
              dateOfService: l.dateOfService,
              lineControlNumber: l.lineControlNumber,
              priorPaidCents: null,
              location: undefined,
            })),
          })),
        );
      }),
      { numRuns: 100 },
    );
  });
});
