import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Adjustment, RemitClaim, RemitServiceLine, Remittance } from '../model/remittance.js';
import { paymentBalance } from './balance-835.js';
import { claimLevelLine } from './claim-level-line.js';
import { classifyLine } from './classify-line.js';
import { coordinationKey, linkCoordination } from './link-coordination.js';
import { pairReversals } from './pair-reversals.js';
import { REMIT_CATEGORIES, REMIT_QUEUES } from './remit-category.js';
import type { RemitLineInput } from './remit-line.js';
import { DEFAULT_REMIT_OPTIONS } from './remit-options.js';
import { summarizeLines } from './summarize-lines.js';

/*
 * Balanced remittances (X12 835 005010X221A1 TR3 1.10.2.1: SVC02 − SVC03 = Σ line CAS, CLP03 − CLP04 =
 * Σ CAS, BPR02 = Σ CLP04 − Σ PLB) with the statuses, groups, reasons and remarks payers send.
 */
const CODES = ['77402', '77407', '77412', '77387', '77300', '77336'];
const REASONS = [
  '1',
  '2',
  '3',
  '45',
  '23',
  '16',
  '50',
  '97',
  '151',
  '197',
  '15',
  '150',
  '4',
  '18',
  '29',
  'A1',
  '253',
  '119',
  '22',
  '96',
];
const STATUSES = ['1', '2', '3', '4', '19', '20', '21', '22'];
const REMARKS = ['N290', 'MA130', 'N640', 'M76', 'N115', 'ZZ1'];

const adjustmentsFor = (totalCents: number) =>
  fc
    .array(
      fc.record({ group: fc.constantFrom('CO', 'PR', 'OA', 'PI'), reason: fc.constantFrom(...REASONS) }),
      {
        minLength: 1,
        maxLength: 3,
      },
    )
    .chain((shapes) =>
      fc
        .array(fc.nat(totalCents), { minLength: shapes.length - 1, maxLength: shapes.length - 1 })
        .map((cuts) => {
          // Split the total into as many parts as shapes: sorted cut points.
          const points = [0, ...cuts.sort((a, b) => a - b), totalCents];
          return shapes.map((s, i): Adjustment => ({
            ...s,
            amountCents: points[i + 1]! - points[i]!,
            quantity: null,
          }));
        }),
    );

const lineArb = (sign: 1 | -1, at: string) =>
  fc
    .record({
      code: fc.constantFrom(...CODES),
      modifiers: fc.constantFrom<string[]>([], ['26'], ['76']),
      charge: fc.integer({ min: 1, max: 200_000 }),
      share: fc.integer({ min: 0, max: 100 }),
      units: fc.integer({ min: 1, max: 2 }),
      allowed: fc.boolean(),
      remarks: fc.subarray(REMARKS, { maxLength: 2 }),
      dos: fc.constantFrom('2025-12-30', '2026-03-10', '2026-03-11'),
    })
    .chain((l) => {
      const paid = Math.floor((l.charge * l.share) / 100);
      return adjustmentsFor(l.charge - paid).map((adjustments): RemitServiceLine => ({
        procedure: { code: l.code, modifiers: l.modifiers },
        submitted: null,
        chargeCents: sign * l.charge,
        paidCents: sign * paid,
        units: sign * l.units,
        submittedUnits: null,
        dateOfService: l.dos,
        adjustments: adjustments.map((a) => ({ ...a, amountCents: sign * a.amountCents })),
        remarks: l.remarks,
        allowedCents: l.allowed ? sign * paid : null,
        lineControlNumber: null,
        location: at,
      }));
    });

const claimArb = (i: number) =>
  fc
    .record({
      status: fc.constantFrom(...STATUSES),
      pcn: fc.constantFrom('C-1', 'C-2', 'C-3'),
      icn: fc.option(fc.constantFrom('ICN1', 'ICN2'), { nil: null }),
      withLines: fc.integer({ min: 0, max: 3 }),
      claimRemarks: fc.subarray(REMARKS, { maxLength: 2 }),
    })
    .chain((c) => {
      const sign = c.status === '22' ? -1 : 1;
      const at = `p.835:ST[1]/2100[${i + 1}]`;
      const lines = fc.array(lineArb(sign, `${at}/2110`), { minLength: c.withLines, maxLength: c.withLines });
      // A claim adjudicated at claim level balances on its own CAS.
      const claimLevel = c.withLines ? fc.constant([] as Adjustment[]) : adjustmentsFor(1000);
      return fc.tuple(lines, claimLevel).map(([ls, claimCas]): RemitClaim => {
        const charge = ls.length ? ls.reduce((n, l) => n + l.chargeCents, 0) : sign * 1500;
        const paid = ls.length ? ls.reduce((n, l) => n + l.paidCents, 0) : sign * 500;
        return {
          patientControlNumber: c.pcn,
          status: c.status,
          chargeCents: charge,
          paidCents: paid,
          patientResponsibilityCents: null,
          payerClaimControlNumber: c.icn,
          facilityType: '11',
          memberId: null,
          priorAuthorization: null,
          crossoverPayer: null,
          statementFrom: '2026-03-10',
          statementTo: '2026-03-10',
          adjustments: claimCas.map((a) => ({ ...a, amountCents: sign * a.amountCents })),
          remarks: c.claimRemarks,
          lines: ls,
          location: at,
        };
      });
    });

const remittanceArb = fc
  .integer({ min: 1, max: 5 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => claimArb(i))))
  .chain((claims) =>
    fc
      .array(
        fc.record({
          reason: fc.constantFrom('L6', 'WO', '72', 'FB', 'CS'),
          amountCents: fc.integer({ min: -5000, max: 5000 }),
        }),
        { maxLength: 3 },
      )
      .map((plb): Remittance => {
        const total =
          claims.reduce((n, c) => n + c.paidCents, 0) - plb.reduce((n, p) => n + p.amountCents, 0);
        return {
          traceNumber: 'T1',
          payerTraceId: null,
          totalPaidCents: Math.abs(total),
          creditDebit: total < 0 ? 'D' : 'C',
          handling: 'I',
          paymentDate: '2026-04-10',
          payer: { name: 'EXAMPLE', id: 'EHP01' },
          payee: { name: null, npi: null, taxId: null },
          claims,
          providerAdjustments: plb.map((p) => ({ ...p, reference: null })),
          location: 'p.835:ST[1]',
        };
      }),
  );

function inputs(r: Remittance, otherCoverage: boolean): RemitLineInput[] {
  return r.claims.flatMap((claim) =>
    (claim.lines.length ? claim.lines : [claimLevelLine(claim)]).map((line) => ({
      claim,
      line,
      charge: null,
      expected: { cents: 39146, basis: 'medicare' as const, medicareCents: 39146, lowerLevelCents: 31764 },
      options: DEFAULT_REMIT_OPTIONS,
      otherCoverage,
    })),
  );
}

describe('every line of a balanced 835', () => {
  it('lands in exactly one category, with a queue and a next action iff there is something to do', () => {
    fc.assert(
      fc.property(remittanceArb, fc.boolean(), (r, otherCoverage) => {
        expect(paymentBalance(r).differenceCents).toBe(0);
        for (const input of inputs(r, otherCoverage)) {
          const c = classifyLine(input);
          expect(REMIT_CATEGORIES).toContain(c.category);
          expect(c.ruleId === null).toBe(c.category === 'paid-as-expected');
          // Nothing to do: paid as expected, or a coordination of benefits that left nothing to collect.
          const settled =
            c.category === 'paid-as-expected' ||
            (c.category === 'coordination-of-benefits' && c.patientResponsibilityCents <= 0);
          expect(c.queue === null).toBe(settled);
          if (c.queue) expect(REMIT_QUEUES).toContain(c.queue);
          expect(c.nextAction === null).toBe(c.queue === null);
          // Group first: PR is never a denial nor a hidden zero.
          if (c.category === 'zero-paid-no-denial-code') expect(c.patientResponsibilityCents).toBe(0);
          if (input.claim.status === '22') expect(c.category).toBe('reversal');
        }
      }),
    );
  });

  it('adds up: category paid − taken back − Σ PLB = BPR02, and no category shows negative pay', () => {
    fc.assert(
      fc.property(remittanceArb, (r) => {
        const s = summarizeLines(inputs(r, false).map(classifyLine), [r]);
        const plb = r.providerAdjustments.reduce((n, p) => n + p.amountCents, 0);
        expect(s.categories.every((c) => c.paidCents >= 0)).toBe(true);
        expect(s.categories.reduce((n, c) => n + c.paidCents, 0)).toBe(s.paidCents);
        expect(s.paidCents - s.takenBackCents - plb).toBe(paymentBalance(r).paidCents);
        expect(s.payments[0]!.differenceCents).toBe(0);
      }),
    );
  });

  it('keeps adding up when take-backs are paired with their originals and corrections', () => {
    fc.assert(
      fc.property(remittanceArb, remittanceArb, (first, second) => {
        const files = [first, { ...second, paymentDate: '2026-05-10', location: 'q.835:ST[1]' }];
        const entries = files.flatMap((r, f) =>
          r.claims.map((claim, i) => ({
            id: `${f}/${i}`,
            payerKey: 'EHP01',
            paymentDate: r.paymentDate,
            source: claim.location,
            claim,
          })),
        );
        const links = pairReversals(entries);
        // A take-back and the payment it reverses point at each other; one role per claim.
        for (const [id, link] of links) {
          if (link.role === 'take-back' && link.partner)
            expect(links.get(link.partner.id)).toMatchObject({ role: 'reversed', partner: { id } });
        }
        const classified = files.flatMap((r, f) =>
          r.claims.flatMap((claim, i) => {
            const link = links.get(`${f}/${i}`) ?? null;
            return inputs({ ...r, claims: [claim] }, false).map((input) => ({
              link,
              c: classifyLine({ ...input, reversal: link }),
            }));
          }),
        );
        for (const { link, c } of classified) {
          if (link?.role === 'reversed' || (link?.role === 'take-back' && link.partner))
            expect([c.category, c.queue]).toEqual(['reversal', null]);
          if (link?.role === 'take-back' && !link.partner) expect(c.queue).toBe('reversal-review');
          if (link?.role === 'correction')
            expect(c.message).toMatch(/Corrected claim: replaces the payment of/);
        }
        const rows = classified.map(({ c }) => c);
        const s = summarizeLines(rows, files);
        const lines = rows.reduce((n, c) => n + c.paidCents, 0);
        expect(s.paidCents - s.takenBackCents).toBe(lines);
        expect(s.categories.every((c) => c.paidCents >= 0)).toBe(true);
      }),
    );
  });

  it('keeps one category per line and adding up when a second payer answers the same claims', () => {
    fc.assert(
      fc.property(remittanceArb, remittanceArb, fc.boolean(), (first, second, otherCoverage) => {
        const files = [
          first,
          {
            ...second,
            payer: { name: 'SECOND', id: 'SEC01' },
            paymentDate: '2026-05-10',
            location: 'q.835:ST[1]',
          },
        ];
        const entries = files.flatMap((r, f) =>
          r.claims.map((claim, i) => ({
            id: `${f}/${i}`,
            payerKey: r.payer.id!,
            paymentDate: r.paymentDate,
            source: claim.location,
            claim,
          })),
        );
        const reversals = pairReversals(entries);
        const links = linkCoordination(entries, reversals);
        const rows = files.flatMap((r, f) =>
          r.claims.flatMap((claim, i) =>
            inputs({ ...r, claims: [claim] }, otherCoverage).map((input, k) => {
              const coordination =
                links.get(coordinationKey(`${f}/${i}`, claim.lines.length ? k + 1 : 0)) ?? null;
              const c = classifyLine({
                ...input,
                reversal: reversals.get(`${f}/${i}`) ?? null,
                coordination,
              });
              expect(REMIT_CATEGORIES).toContain(c.category);
              expect(c.nextAction === null).toBe(c.queue === null);
              // A later payer's answer settles the line: nothing left open on it.
              if (coordination?.laterPaidCents != null && c.category !== 'reversal') {
                if (['patient-responsibility', 'coordination-of-benefits'].includes(c.category))
                  expect(c.queue).toBeNull();
              }
              if (c.expectedCents !== null) expect(c.expectedCents).toBeGreaterThanOrEqual(0);
              return c;
            }),
          ),
        );
        const s = summarizeLines(rows, files);
        expect(s.categories.every((c) => c.paidCents >= 0)).toBe(true);
        expect(s.categories.reduce((n, c) => n + c.lines, 0)).toBe(rows.length);
        expect(s.paidCents - s.takenBackCents).toBe(rows.reduce((n, c) => n + c.paidCents, 0));
      }),
    );
  });
});
