import { DELIVERY_CODES } from '../../core/model/billing-line.js';
import type { Course } from '../../core/model/course.js';
import type { Adjustment, RemitClaim, RemitServiceLine, Remittance } from '../../core/model/remittance.js';
import { DEFAULT_DELIMITERS } from '../../formats/x12/claim-types.js';
import { write835 } from '../../formats/x12/write-835.js';
import { Temporal } from 'temporal-polyfill';
import { addDays } from '../../core/time/calendar-date.js';
import type { AppContext } from '../app-context.js';
import { expectedPayment } from '../reference/expected-rate.js';
import { loadPracticeRates } from '../reference/reference-store.js';
import type { UploadedFile } from '../imports/import-files.js';
import { practicePlaceOfService } from './practice-place-of-service.js';

/** The payer of the demo remittance (synthetic). */
const PAYER = { name: 'SYNTHETIC HEALTH PLAN', id: 'SYNPAYER01' };

/** The payer problems the demo remittance shows, one line each; every other line is paid as expected. */
type Problem =
  'downcoded' | 'igrt-denied' | 'zero-paid' | 'authorization-2025' | 'underpaid' | 'other-denial';

interface ChargeRow {
  chargeId: string;
  /** The claim number it was sent under (CLM01). */
  claim: string;
  courseKey: string;
  document: Course;
  date: string;
  code: string;
  modifiers: string[];
  units: number;
}

const adj = (group: string, reason: string, amountCents: number): Adjustment => ({
  group,
  reason,
  amountCents,
  quantity: null,
});

/**
 * The payer's synthetic 835s answering the demo practice's claims (837 batches already stored) for dates
 * of service before `through`: one payment a week (each Friday, for the claims whose last date of
 * service is at least a week old; the rest on `through`), so the payer scorecards have a trend. Each 835
 * claim carries our claim number (CLP01) and each line our charge id (REF*6R), as payers return them.
 * One line for each 2026 payer problem of domain.md §4 and the rest paid as expected; amounts follow
 * the practice's expected amounts (billed at 150 %).
 */
export async function demoRemittances(
  ctx: AppContext,
  practiceId: string,
  through: string,
): Promise<UploadedFile[]> {
  const pos = await practicePlaceOfService(ctx.db, practiceId);
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
    .execute();
  const charges: ChargeRow[] = rows.map((r) => ({
    chargeId: r.id,
    claim: r.claim_pcn,
    courseKey: r.course_key,
    document: r.document as Course,
    date: r.date_of_service,
    code: r.code,
    modifiers: r.modifiers ? r.modifiers.split(',') : [],
    units: r.units,
  }));
  // What the app expects of each line (contract > Medicare locality > national), so the lines paid in
  // full read as paid as expected.
  const rates = await loadPracticeRates(ctx.db, practiceId, ctx.auditContext(ctx.now()).rates, [
    ...DELIVERY_CODES,
    ...charges.map((c) => c.code),
  ]);
  const expected = (c: ChargeRow, code: string, modifiers: string[]) =>
    expectedPayment(
      rates,
      {
        payers: [PAYER.name, PAYER.id, c.document.payer.name, c.document.payer.profile],
        code,
        modifiers,
        placeOfService: pos,
        dateOfService: c.date,
      },
      c.units,
    ).cents ?? 10000;
  const chosen = new Map<ChargeRow, Problem>();
  const pick = (problem: Problem, test: (c: ChargeRow) => boolean) => {
    const c = charges.find((x) => !chosen.has(x) && test(x));
    if (c) chosen.set(c, problem);
  };
  /** The first test that finds a charge decides (a preference, then a fallback). */
  const pickFirst = (problem: Problem, ...tests: ((c: ChargeRow) => boolean)[]) =>
    tests.some((test) => {
      const before = chosen.size;
      pick(problem, test);
      return chosen.size > before;
    });
  const grandfathered = (c: ChargeRow) => c.document.authorizations.some((a) => a.obtainedOn < '2026');
  pick('authorization-2025', (c) => grandfathered(c) && c.code === '77412');
  pick('authorization-2025', (c) => grandfathered(c) && ['77402', '77407', '77412'].includes(c.code));
  // 77412 earned by active motion management (one isocentre): the appeals then carry the patient's own
  // motion evidence; breast for the downcode (the eviCore criteria), prostate for the zero payment.
  const byMotion = (c: ChargeRow, region: string) =>
    c.code === '77412' &&
    !grandfathered(c) &&
    c.document.plan.motionManagement !== null &&
    c.document.plan.isocenters === 1 &&
    c.document.site.region === region;
  const any77412 = (c: ChargeRow) => c.code === '77412' && !grandfathered(c);
  pickFirst('downcoded', (c) => byMotion(c, 'breast'), any77412);
  pickFirst('zero-paid', (c) => byMotion(c, 'prostate'), any77412);
  pick('igrt-denied', (c) => c.code === '77387' && !grandfathered(c));
  pick('underpaid', (c) => c.code === '77407' && !grandfathered(c));
  pick('other-denial', (c) => c.code === '77407' && !grandfathered(c));

  const lastDate = new Map<string, string>();
  for (const c of charges) if (c.date > (lastDate.get(c.claim) ?? '')) lastDate.set(c.claim, c.date);
  const claims = new Map<string, RemitClaim>();
  const paidOn = new Map<RemitClaim, string>();
  for (const c of charges) {
    const problem = chosen.get(c);
    const full = expected(c, c.code, c.modifiers);
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
    if (problem === 'downcoded') {
      const lower = expected(c, '77407', []);
      Object.assign(line, {
        procedure: { code: '77407', modifiers: [] },
        submitted: line.procedure,
        paidCents: lower,
        adjustments: [adj('CO', '45', billed - lower)],
      });
    } else if (problem === 'igrt-denied')
      Object.assign(line, { paidCents: 0, adjustments: [adj('CO', '97', billed)] });
    else if (problem === 'zero-paid')
      Object.assign(line, { paidCents: 0, adjustments: [adj('CO', '45', billed)] });
    else if (problem === 'authorization-2025')
      Object.assign(line, { paidCents: 0, adjustments: [adj('CO', '197', billed)] });
    else if (problem === 'other-denial')
      Object.assign(line, { paidCents: 0, adjustments: [adj('CO', '16', billed)], remarks: ['N290'] });
    else if (problem === 'underpaid') {
      const low = Math.round(full * 0.6);
      Object.assign(line, { paidCents: low, adjustments: [adj('CO', '45', billed - low)] });
    }
    const paymentDate = paymentDateOf(lastDate.get(c.claim)!, through);
    const claim =
      claims.get(c.claim) ??
      ({
        patientControlNumber: c.claim,
        status: '1',
        chargeCents: 0,
        paidCents: 0,
        patientResponsibilityCents: 0,
        payerClaimControlNumber: `SYN${String(claims.size + 1).padStart(6, '0')}`,
        facilityType: null,
        memberId: null,
        priorAuthorization: null,
        statementFrom: null,
        statementTo: null,
        adjustments: [],
        remarks: [],
        lines: [],
        location: '',
      } satisfies RemitClaim);
    paidOn.set(claim, paymentDate);
    if (problem === 'authorization-2025')
      claim.priorAuthorization = c.document.authorizations.find((a) => a.obtainedOn < '2026')?.number ?? null;
    claim.lines.push(line);
    claim.chargeCents += line.chargeCents;
    claim.paidCents += line.paidCents;
    claims.set(c.claim, claim);
  }
  const dates = [...new Set(paidOn.values())].sort();
  return dates.map((paymentDate, i) => {
    const paid = [...claims.values()].filter((c) => paidOn.get(c) === paymentDate);
    const remittance: Remittance = {
      traceNumber: `SYN-EFT-${paymentDate.replaceAll('-', '')}`,
      payerTraceId: '1999999999',
      totalPaidCents: paid.reduce((n, c) => n + c.paidCents, 0),
      handling: 'I',
      paymentDate,
      payer: PAYER,
      payee: { name: 'DEMO RADIATION ONCOLOGY', npi: '1999999984', taxId: '999999999' },
      claims: paid,
      providerAdjustments: [],
      location: '',
    };
    const text = write835(
      {
        sender: { qualifier: 'ZZ', id: 'SYNPAYER01', name: 'SYNTHETIC HEALTH PLAN' },
        receiver: { qualifier: 'ZZ', id: 'DEMOPRACTICE', name: 'DEMO RADIATION ONCOLOGY' },
        created: `${paymentDate}T09:00`,
        interchangeControlNumber: i + 1,
        groupControlNumber: i + 1,
        transactionSetControlNumber: '0001',
        delimiters: DEFAULT_DELIMITERS,
      },
      remittance,
    );
    return { name: `remittances/${paymentDate}.835`, bytes: new TextEncoder().encode(text) };
  });
}

/** The Friday at least a week after the last date of service (a weekly EFT run), or `through` if later. */
function paymentDateOf(dateOfService: string, through: string): string {
  const due = Temporal.PlainDate.from(addDays(dateOfService, 7));
  const friday = due.add({ days: (5 - due.dayOfWeek + 7) % 7 }).toString();
  return friday < through ? friday : through;
}
