import { Temporal } from 'temporal-polyfill';
import { DELIVERY_CODES } from '../../core/model/billing-line.js';
import type { Course } from '../../core/model/course.js';
import type { Adjustment, ProviderAdjustment, RemitServiceLine } from '../../core/model/remittance.js';
import { addDays } from '../../core/time/calendar-date.js';
import { DEFAULT_DELIMITERS } from '../../formats/x12/claim-types.js';
import { type Claim835, write835 } from '../../formats/x12/write-835.js';
import type { AppContext } from '../app-context.js';
import { loadBillingSettings } from '../claims/billing-settings.js';
import type { UploadedFile } from '../import-pipeline/import-files.js';
import { expectedPayment } from '../reference/expected-rate.js';
import { loadPracticeRates } from '../reference/reference-store.js';
import { type DemoCharge, type LineCase, pickDemoCases } from './demo-remit-cases.js';
import { demoPayerStyle } from './demo-remit-payers.js';
import { practicePlaceOfService } from './practice-place-of-service.js';

const adj = (group: string, reason: string, amountCents: number): Adjustment => ({
  group,
  reason,
  amountCents,
  quantity: null,
});

/** A claim payment on its way into a payer's 835 of a payment date. */
interface Paid {
  profile: string;
  paymentDate: string;
  claim: Claim835;
  /** The payment a take-back (CLP02 22) reverses. */
  reverses?: Claim835;
}

/**
 * The payers' synthetic 835s answering the demo practice's claims (837 batches already stored) for
 * dates of service before `through`: one 835 per payer and payment date (each Friday, for the claims
 * whose last date of service is at least a week old; the rest on `through`), so the payer scorecards
 * have a trend. Each 835 claim carries our claim number (CLP01) and each line our charge id (REF*6R),
 * as payers return them. Amounts follow the practice's expected amounts (billed at 150 %), balanced as
 * the TR3 requires (1.10.2.1). Besides lines paid as expected, each case a billing team meets at least
 * once where the clinic allows it (`demo-remit-cases.ts`): the 2026 payer problems of domain.md §4,
 * patient responsibility, a claim forwarded to the patient's supplemental plan and its secondary
 * payment, a reversal and correction, frequency, missing-information and authorization denials (with
 * and without a 2026 authorization on file, from a commercial payer and from traditional Medicare), a
 * Medicare Advantage plan's medical-necessity denial, a denied claim hiding a zero payment, and
 * provider-level interest and recoupment (PLB).
 */
export async function demoRemittances(
  ctx: AppContext,
  practiceId: string,
  through: string,
): Promise<UploadedFile[]> {
  const pos = await practicePlaceOfService(ctx.db, practiceId);
  const billing = await loadBillingSettings(ctx, practiceId);
  const rows = await ctx.db
    .selectFrom('charges as ch')
    .innerJoin('fractions as f', 'f.id', 'ch.fraction_id')
    .innerJoin('courses as c', 'c.id', 'f.course_id')
    .innerJoin('claim_lines as cl', 'cl.charge_id', 'ch.id')
    .select([
      'ch.id',
      'cl.claim_pcn',
      'c.course_key',
      'c.document',
      'f.date_of_service',
      'f.number',
      'ch.code',
      'ch.modifiers',
      'ch.units',
    ])
    .where('ch.practice_id', '=', practiceId)
    .where('cl.practice_id', '=', practiceId)
    .where('f.date_of_service', '<', through)
    .orderBy('c.course_key')
    .orderBy('f.date_of_service')
    .orderBy('ch.code')
    .orderBy('f.number')
    .execute();
  const charges: DemoCharge[] = rows.map((r) => ({
    chargeId: r.id,
    claim: r.claim_pcn,
    courseKey: r.course_key,
    document: r.document as Course,
    date: r.date_of_service,
    fraction: r.number,
    code: r.code,
    modifiers: r.modifiers ? r.modifiers.split(',') : [],
    units: r.units,
  }));
  const profileOf = (c: DemoCharge) => c.document.payer.profile ?? 'default';
  const payerOf = (profile: string) =>
    billing.payers[profile] ?? {
      name: profile.toUpperCase(),
      id: profile.toUpperCase(),
      filingIndicator: 'CI',
    };
  // What the app expects of each line (contract > Medicare locality > national), so the lines paid in
  // full read as paid as expected.
  const rates = await loadPracticeRates(ctx.db, practiceId, ctx.auditContext(ctx.now()).rates, [
    ...DELIVERY_CODES,
    ...charges.map((c) => c.code),
  ]);
  const expected = (c: DemoCharge, code: string, modifiers: string[]) => {
    const p = payerOf(profileOf(c));
    return (
      expectedPayment(
        rates,
        {
          payers: [p.name, p.id, c.document.payer.name, c.document.payer.profile],
          code,
          modifiers,
          placeOfService: pos,
          dateOfService: c.date,
        },
        c.units,
      ).cents ?? 10000
    );
  };

  const lastDate = new Map<string, string>();
  for (const c of charges) if (c.date > (lastDate.get(c.claim) ?? '')) lastDate.set(c.claim, c.date);
  const paymentOf = (claim: string) => paymentDateOf(lastDate.get(claim)!, through);
  const dates = [...new Set([...lastDate.keys()].map(paymentOf))].sort();
  const later = (date: string) => dates.find((d) => d > date) ?? date;
  const cases = pickDemoCases(charges, (claim) => paymentOf(claim) < dates.at(-1)!);

  const byClaim = new Map<string, DemoCharge[]>();
  for (const c of charges) byClaim.set(c.claim, [...(byClaim.get(c.claim) ?? []), c]);
  const paid: Paid[] = [];
  for (const [number, list] of byClaim) {
    const first = list[0]!;
    const profile = profileOf(first);
    const claimCase = cases.claims.get(number);
    const lines = list.map((c) => {
      const full = expected(c, c.code, c.modifiers);
      const line = lineOutcome(
        c,
        full,
        claimCase === 'forwarded' ? 'forwarded' : (cases.lines.get(c) ?? null),
        () => expected(c, '77407', []),
      );
      if (claimCase === 'denied')
        Object.assign(line, { paidCents: 0, adjustments: [adj('CO', '45', line.chargeCents)] });
      return line;
    });
    const paymentDate = paymentOf(number);
    const claim = claimOf(number, first, lines, demoPayerStyle(profile).filingIndicator, pos);
    if (claimCase === 'denied') claim.status = '4';
    const g1 = list.find((c) => cases.lines.get(c) === 'authorization-2025');
    if (g1)
      claim.priorAuthorization =
        g1.document.authorizations.find((a) => a.obtainedOn < '2026')?.number ?? null;
    // Medicare's appeal-rights remark on a claim it denied a line of for want of an authorization.
    if (profile === 'medicare' && list.some((c) => cases.lines.get(c) === 'authorization-denial'))
      claim.remarks = ['MA01'];
    if (claimCase === 'forwarded') {
      const other = first.document.patient.otherCoverage![0]!;
      const secondary = other.payerProfile ?? 'default';
      Object.assign(claim, {
        status: '19',
        crossoverPayer: payerOf(secondary).name,
        crossoverPayerId: payerOf(secondary).id,
        remarks: ['MA18'],
      });
      paid.push({ profile, paymentDate, claim });
      // The supplemental plan pays the coinsurance the primary left, under OA-23 (prior payer's adjudication).
      const secondaryLines = lines.map((l) => {
        const owed = l.adjustments.filter((a) => a.group === 'PR').reduce((n, a) => n + a.amountCents, 0);
        return {
          ...l,
          paidCents: owed,
          adjustments: [adj('OA', '23', l.chargeCents - owed)],
          allowedCents: null,
        };
      });
      const answer = claimOf(number, first, secondaryLines, demoPayerStyle(secondary).filingIndicator, pos);
      Object.assign(answer, { status: '2', memberId: other.memberId });
      paid.push({ profile: secondary, paymentDate: later(paymentDate), claim: answer });
      continue;
    }
    if (cases.claims.get(number) === 'reversed') {
      // Paid first at last year's rate (90 %), taken back (CLP02 22, every amount negated, same CLP07)
      // and paid again at the right rate in the payer's next payment (TR3 1.10.2.8).
      const low = lines.map((l) => {
        const cut = Math.round(l.paidCents * 0.9);
        return { ...l, paidCents: cut, adjustments: [adj('CO', '45', l.chargeCents - cut)] };
      });
      const original = claimOf(number, first, low, claim.filingIndicator!, pos);
      paid.push({ profile, paymentDate, claim: original });
      const next = later(paymentDate);
      paid.push({
        profile,
        paymentDate: next,
        claim: { ...negated(original), status: '22' },
        reverses: original,
      });
      paid.push({ profile, paymentDate: next, claim });
      continue;
    }
    paid.push({ profile, paymentDate, claim });
  }
  numberClaims(paid);
  const adjustments = providerAdjustments(paid, later(dates[0]!));
  const files = new Map<string, Paid[]>();
  for (const p of paid) {
    const key = `${p.paymentDate}|${p.profile}`;
    files.set(key, [...(files.get(key) ?? []), p]);
  }
  return [...files.keys()].sort().map((key, i) => {
    const [paymentDate, profile] = key.split('|') as [string, string];
    const claims = files.get(key)!.map((p) => p.claim);
    const style = demoPayerStyle(profile);
    const payer = payerOf(profile);
    const plb = adjustments.get(key) ?? [];
    const total = claims.reduce((n, c) => n + c.paidCents, 0) - plb.reduce((n, a) => n + a.amountCents, 0);
    const text = write835(
      {
        sender: { qualifier: 'ZZ', id: payer.id.slice(0, 15), name: payer.name },
        receiver: { qualifier: 'ZZ', id: billing.submitter.id, name: billing.submitter.name },
        created: `${paymentDate}T09:00`,
        interchangeControlNumber: i + 1,
        groupControlNumber: i + 1,
        transactionSetControlNumber: '0001',
        usage: 'T',
        delimiters: DEFAULT_DELIMITERS,
      },
      {
        traceNumber: `${paymentDate.replaceAll('-', '')}${String(i + 1).padStart(4, '0')}`,
        payerTraceId: style.originator,
        totalPaidCents: total,
        handling: 'I',
        creditDebit: 'C',
        paymentDate,
        payer: { name: payer.name, id: payer.id },
        payee: { name: billing.provider.name, npi: billing.provider.npi, taxId: billing.provider.taxId },
        payerParty: style.party,
        claims,
        providerAdjustments: plb,
        location: '',
      },
    );
    return { name: `remittances/${paymentDate}-${profile}.835`, bytes: new TextEncoder().encode(text) };
  });
}

/**
 * Payer claim control numbers (CLP07) per payer and payment date, in claim order; a take-back carries
 * the number of the payment it reverses.
 */
function numberClaims(paid: readonly Paid[]): void {
  const counters = new Map<string, number>();
  for (const p of [...paid].sort((a, b) => a.paymentDate.localeCompare(b.paymentDate))) {
    if (p.reverses) continue;
    const key = `${p.paymentDate}|${p.profile}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    p.claim.payerClaimControlNumber = demoPayerStyle(p.profile).claimControlNumber(p.paymentDate, n);
  }
  for (const p of paid) if (p.reverses) p.claim.payerClaimControlNumber = p.reverses.payerClaimControlNumber;
}

/** A line paid as expected (CO-45 the rest of the charge), or as its case says. */
function lineOutcome(
  c: DemoCharge,
  full: number,
  kind: LineCase | 'forwarded' | null,
  lower: () => number,
): RemitServiceLine {
  const billed = Math.round(full * 1.5);
  const line: RemitServiceLine = {
    procedure: { code: c.code, modifiers: c.modifiers },
    submitted: null,
    chargeCents: billed,
    paidCents: full,
    units: c.units,
    submittedUnits: null,
    dateOfService: c.date,
    adjustments: [adj('CO', '45', billed - full)],
    remarks: [],
    allowedCents: null,
    lineControlNumber: c.chargeId,
    location: '',
  };
  const deny = (reason: string, remarks: string[] = []) =>
    Object.assign(line, { paidCents: 0, adjustments: [adj('CO', reason, billed)], remarks });
  /** Allowed `full`, of which the patient owes `owed` under PR `reason` (AMT*B6 states the allowed). */
  const patientOwes = (reason: string, owed: number) =>
    Object.assign(line, {
      paidCents: full - owed,
      adjustments: [adj('CO', '45', billed - full), adj('PR', reason, owed)],
      allowedCents: full,
    });
  switch (kind) {
    case 'downcoded': {
      const paid = lower();
      return Object.assign(line, {
        procedure: { code: '77407', modifiers: [] },
        submitted: line.procedure,
        paidCents: paid,
        adjustments: [adj('CO', '45', billed - paid)],
      });
    }
    case 'underpaid': {
      const low = Math.round(full * 0.6);
      return Object.assign(line, { paidCents: low, adjustments: [adj('CO', '45', billed - low)] });
    }
    case 'zero-paid':
      return deny('45');
    case 'igrt-denied':
      return deny('97');
    case 'authorization-2025':
    case 'authorization-denial':
      return deny('197');
    case 'missing-information':
      return deny('16', ['N290']);
    case 'frequency':
      return deny('151');
    case 'medical-necessity':
      return deny('50');
    case 'deductible':
      return patientOwes('1', full);
    case 'coinsurance':
      return patientOwes('2', full - Math.round(full * 0.8));
    case 'copay':
      return patientOwes('3', Math.min(3000, full));
    case 'forwarded': {
      // Medicare pays 80 % of the allowed; the 20 % coinsurance goes to the supplemental plan.
      const owed = full - Math.round(full * 0.8);
      return Object.assign(line, {
        paidCents: full - owed,
        adjustments: [adj('CO', '45', billed - full), adj('PR', '2', owed)],
      });
    }
    case null:
      return line;
  }
}

/** A claim payment from its lines: CLP03/04 their sums, CLP05 the patient's share (PR), when any. */
function claimOf(
  number: string,
  first: DemoCharge,
  lines: RemitServiceLine[],
  filingIndicator: string,
  placeOfService: string,
): Claim835 {
  const owed = lines.flatMap((l) => l.adjustments).filter((a) => a.group === 'PR');
  const [last = '', given = ''] = (first.document.patient.name ?? '')
    .split(',')
    .map((s) => s.trim().toUpperCase());
  const dates = lines.map((l) => l.dateOfService!).sort();
  return {
    patientControlNumber: number,
    status: '1',
    chargeCents: lines.reduce((n, l) => n + l.chargeCents, 0),
    paidCents: lines.reduce((n, l) => n + l.paidCents, 0),
    patientResponsibilityCents: owed.length ? owed.reduce((n, a) => n + a.amountCents, 0) : null,
    payerClaimControlNumber: null,
    facilityType: placeOfService,
    memberId: first.document.patient.memberId ?? null,
    priorAuthorization: null,
    crossoverPayer: null,
    statementFrom: dates[0] ?? null,
    statementTo: dates.at(-1) ?? null,
    adjustments: [],
    remarks: [],
    lines,
    location: '',
    filingIndicator,
    ...(last ? { patientName: { last, first: given } } : {}),
  };
}

/** A take-back: every amount of the claim and its lines negated (TR3 1.10.2.8, reversal method). */
function negated(c: Claim835): Claim835 {
  const neg = (a: Adjustment) => ({ ...a, amountCents: -a.amountCents });
  return {
    ...c,
    chargeCents: -c.chargeCents,
    paidCents: -c.paidCents,
    patientResponsibilityCents: c.patientResponsibilityCents === null ? null : -c.patientResponsibilityCents,
    adjustments: c.adjustments.map(neg),
    lines: c.lines.map((l) => ({
      ...l,
      chargeCents: -l.chargeCents,
      paidCents: -l.paidCents,
      adjustments: l.adjustments.map(neg),
      allowedCents: l.allowedCents === null ? null : -l.allowedCents,
    })),
  };
}

/**
 * Provider-level adjustments (PLB) per payment (`date|profile`): Medicare's interest on a claim of its
 * second payment (L6, negative: added to the payment), and a commercial payer's recoupment of an
 * overpayment on a claim of its first payment (WO, positive: withheld) with interest on a claim of its
 * last one, two pairs in one PLB.
 */
function providerAdjustments(paid: readonly Paid[], second: string): Map<string, ProviderAdjustment[]> {
  const out = new Map<string, ProviderAdjustment[]>();
  const interest = (p: Paid): ProviderAdjustment => ({
    reason: 'L6',
    reference: p.claim.payerClaimControlNumber,
    amountCents: -Math.max(1, Math.round(p.claim.paidCents * 0.004)),
  });
  const paying = paid.filter((p) => p.claim.status === '1' && p.claim.paidCents > 0);
  const medicare =
    paying.find((p) => p.profile === 'medicare' && p.paymentDate === second) ??
    paying.find((p) => p.profile === 'medicare');
  if (medicare) out.set(`${medicare.paymentDate}|medicare`, [interest(medicare)]);
  for (const profile of ['uhc', 'evicore', 'default']) {
    const own = paying
      .filter((p) => p.profile === profile)
      .sort((a, b) => a.paymentDate.localeCompare(b.paymentDate));
    const [overpaid, recent] = [own[0], own.at(-1)];
    if (!overpaid || !recent || overpaid.paymentDate === recent.paymentDate) continue;
    const key = `${recent.paymentDate}|${profile}`;
    const total = paid
      .filter((p) => `${p.paymentDate}|${p.profile}` === key)
      .reduce((n, p) => n + p.claim.paidCents, 0);
    if (total <= 2500) continue;
    out.set(key, [
      { reason: 'WO', reference: overpaid.claim.payerClaimControlNumber, amountCents: 2500 },
      interest(recent),
    ]);
    break;
  }
  return out;
}

/** The Friday at least a week after the last date of service (a weekly EFT run), or `through` if later. */
function paymentDateOf(dateOfService: string, through: string): string {
  const due = Temporal.PlainDate.from(addDays(dateOfService, 7));
  const friday = due.add({ days: (5 - due.dayOfWeek + 7) % 7 }).toString();
  return friday < through ? friday : through;
}
