import { authorizationKey, sameAuthorization } from '../../core/authorizations/authorization-number.js';
import type { Course } from '../../core/model/course.js';
import { DELIVERY_CODES } from '../../core/model/billing-line.js';
import type { RemitClaim, Remittance } from '../../core/model/remittance.js';
import { modifier26RuleOn } from '../../core/payers/payer-profile.js';
import { authorizationsByNumber } from '../../storage/repositories/authorization-store.js';
import type { Trx } from '../../storage/repositories/course-store.js';
import type { AppContext } from '../app-context.js';
import { expectedPayment } from '../reference/expected-rate.js';
import { loadPracticeRates } from '../reference/reference-store.js';
import type { ChargeResolver } from './classify-remittance.js';
import { courseKeysOf } from './remittance-store.js';

export interface CourseRow {
  id: string;
  course_key: string;
  patient_id: string;
  payer_profile: string;
  payer_name: string | null;
  document: unknown;
}

interface ChargeRow {
  id: string;
  course_id: string;
  code: string;
  modifiers: string;
  units: number;
  date_of_service: string;
}

/** How the practice's remittance lines find what they pay: the charge of a line, the course of a claim. */
export interface ChargeMatcher {
  chargeFor: ChargeResolver;
  /**
   * The (first) course a claim's number names, when all it names are one patient's: the patient's
   * coverage, and the course of a claim answered without service lines (no charge to match).
   */
  courseOf: (claim: RemitClaim) => CourseRow | null;
  courses: readonly CourseRow[];
}

/**
 * A claim is matched to a course by its patient control number: a claim we sent (claim_lines: a
 * patient's claim may carry several courses), else CLP01 = the course id, or the course id and a suffix
 * after `-`, as our claims are numbered (`claimNumber`). A line is matched to a charge by its REF*6R line
 * item control number (our charge id, echoed back: 005010X221A1 loop 2110), else by date of service and
 * code as submitted (SVC06, else SVC01) with modifier 26 kept apart. What it should pay is the payer's
 * contract rate, else Medicare's in the practice's locality, else the national amount.
 */
export async function chargeMatcher(
  ctx: AppContext,
  trx: Trx,
  practiceId: string,
  remittances: readonly Remittance[],
  placeOfService: string,
): Promise<ChargeMatcher> {
  const pcns = remittances.flatMap((r) => r.claims.map((c) => c.patientControlNumber));
  // Claims we sent are found by their stored number first (a long course id is cut short in CLM01).
  const sentRows = pcns.length
    ? await trx
        .selectFrom('claim_lines as cl')
        .innerJoin('charges as ch', 'ch.id', 'cl.charge_id')
        .innerJoin('fractions as f', 'f.id', 'ch.fraction_id')
        .innerJoin('courses as c', 'c.id', 'f.course_id')
        .select(['cl.claim_pcn', 'c.course_key'])
        .distinct()
        .where('cl.practice_id', '=', practiceId)
        .where('cl.claim_pcn', 'in', [...new Set(pcns)])
        .orderBy('c.course_key')
        .execute()
    : [];
  const sent = new Map<string, string[]>();
  for (const r of sentRows) sent.set(r.claim_pcn, [...(sent.get(r.claim_pcn) ?? []), r.course_key]);
  const courseKeys = (pcn: string) => [...(sent.get(pcn) ?? []), ...courseKeysOf(pcn)];
  const keys = [...new Set(pcns.flatMap(courseKeys))];
  const courses: CourseRow[] = keys.length
    ? await trx
        .selectFrom('courses')
        .select(['id', 'course_key', 'patient_id', 'payer_profile', 'payer_name', 'document'])
        .where('practice_id', '=', practiceId)
        .where('course_key', 'in', keys)
        .execute()
    : [];
  const byKey = new Map(courses.map((c) => [c.course_key, c]));
  const charges: ChargeRow[] = courses.length
    ? await trx
        .selectFrom('charges as ch')
        .innerJoin('fractions as f', 'f.id', 'ch.fraction_id')
        .select(['ch.id', 'f.course_id', 'ch.code', 'ch.modifiers', 'ch.units', 'f.date_of_service'])
        .where('ch.practice_id', '=', practiceId)
        .where(
          'f.course_id',
          'in',
          courses.map((c) => c.id),
        )
        .where('ch.status', '!=', 'void')
        .execute()
    : [];
  const chargesOf = new Map<string, ChargeRow[]>();
  for (const c of charges) chargesOf.set(c.course_id, [...(chargesOf.get(c.course_id) ?? []), c]);
  const audit = ctx.auditContext(ctx.now());
  const codes = remittances.flatMap((r) =>
    r.claims.flatMap((c) => c.lines.map((l) => (l.submitted ?? l.procedure).code)),
  );
  const rates = await loadPracticeRates(trx, practiceId, audit.rates, [...codes, ...DELIVERY_CODES]);
  // The payer of each claim (its remittance's): contract rates are the payer's.
  const payerOf = new Map(remittances.flatMap((r) => r.claims.map((c) => [c, r.payer] as const)));
  // What a claim's REF*G1 names when no linked course lists it: the practice's authorizations on file.
  const onFile = await authorizationsByNumber(
    trx,
    practiceId,
    remittances.flatMap((r) => r.claims.flatMap((c) => (c.priorAuthorization ? [c.priorAuthorization] : []))),
  );
  const candidatesOf = (claim: RemitClaim) =>
    [...new Set(courseKeys(claim.patientControlNumber))].flatMap((k) => byKey.get(k) ?? []);
  const chargeFor: ChargeResolver = (claim, line) => {
    const candidates = candidatesOf(claim);
    const submitted = line.submitted ?? line.procedure;
    const dateOfService = line.dateOfService ?? claim.statementFrom ?? '';
    const professional = submitted.modifiers.includes('26');
    const ofCandidates = candidates.flatMap((k) => chargesOf.get(k.id) ?? []);
    const charge =
      ofCandidates.find((c) => c.id === line.lineControlNumber) ??
      ofCandidates.find(
        (c) =>
          c.date_of_service === dateOfService &&
          c.code === submitted.code &&
          c.modifiers.split(',').includes('26') === professional,
      );
    const course = candidates.find((k) => k.id === charge?.course_id) ?? candidates[0];
    const profile = audit.profiles.get(course?.payer_profile ?? 'default') ?? audit.profiles.get('default')!;
    const authorizations = (course?.document as Course | null)?.authorizations ?? [];
    const auth =
      authorizations.find((a) => sameAuthorization(a.number, claim.priorAuthorization)) ??
      authorizations.find((a) => a.validFrom <= dateOfService && dateOfService <= a.validTo) ??
      (claim.priorAuthorization ? onFile.get(authorizationKey(claim.priorAuthorization)) : undefined) ??
      null;
    return {
      charge: {
        code: submitted.code,
        modifiers: charge ? charge.modifiers.split(',').filter(Boolean) : submitted.modifiers,
        units: charge?.units ?? line.submittedUnits ?? line.units,
        dateOfService,
        placeOfService,
        igrtModifierRule: modifier26RuleOn(profile, dateOfService || '9999-12-31'),
        authorization: auth
          ? { number: auth.number, obtainedOn: auth.obtainedOn, validFrom: auth.validFrom }
          : null,
      },
      placeOfService,
      match:
        charge && course ? { chargeId: charge.id, courseId: course.id, patientId: course.patient_id } : null,
      expected: expectedPayment(
        rates,
        {
          payers: [
            payerOf.get(claim)?.name,
            payerOf.get(claim)?.id,
            course?.payer_name,
            course?.payer_profile,
          ],
          code: submitted.code,
          modifiers: submitted.modifiers,
          placeOfService,
          dateOfService,
        },
        line.submittedUnits ?? line.units,
      ),
    };
  };
  const courseOf = (claim: RemitClaim) => {
    const candidates = candidatesOf(claim);
    return new Set(candidates.map((c) => c.patient_id)).size === 1 ? candidates[0]! : null;
  };
  return { chargeFor, courseOf, courses };
}
