import { buildClaims } from '../../core/claims/build-claims.js';
import type { BillingPeriod, ClaimDraft, ReleasedCharge } from '../../core/claims/claim-input.js';
import { coveringAuthorization } from '../../core/authorizations/covering-authorization.js';
import type { Course } from '../../core/model/course.js';
import type { Finding } from '../../core/model/finding.js';
import type { Db } from '../../storage/database.js';
import type { Trx } from '../../storage/repositories/course-store.js';
import type { AppContext } from '../app-context.js';
import type { ClaimFormat, UnbilledCharge } from '../views.js';
import type { BillingSettings } from './billing-settings.js';
import type { ClaimSubject } from './claim-files.js';
import { practicePlaceOfService } from '../setup/practice-place-of-service.js';

export interface PendingClaimsRequest {
  format: ClaimFormat;
  period: BillingPeriod;
  /** Dates of service up to this date (`YYYY-MM-DD`) only. */
  through?: string | undefined;
  /** What a line bills: the charge per unit of its code, else a percentage of the expected amount. */
  charges: Pick<BillingSettings, 'chargePercent' | 'chargeCents'>;
}

export interface PendingClaims {
  drafts: ClaimDraft[];
  findings: Finding[];
  unbilled: UnbilledCharge[];
  /** Patient row id → what their claims say about them and their courses. */
  subjects: Map<string, ClaimSubject>;
  patientIds: string[];
}

/** The columns `addSubject` reads (patients and courses rows). */
export interface SubjectRow {
  patient_id: string;
  name: string | null;
  birth_date: string | null;
  demographics: unknown;
  course_id: string;
  course_key: string;
  document: unknown;
}

/** Adds a charge row's patient and course to what the claims say about them (the course document's coverage). */
export function addSubject(subjects: Map<string, ClaimSubject>, r: SubjectRow): void {
  const course = r.document as Course;
  const { subscriber, claimFilingIndicator, otherCoverage } = course.patient;
  const subject = subjects.get(r.patient_id) ?? {
    patientId: r.patient_id,
    name: r.name,
    birthDate: r.birth_date,
    demographics: r.demographics,
    coverage: {},
    courses: new Map(),
  };
  subject.coverage = {
    ...(subscriber ? { subscriber } : {}),
    ...(claimFilingIndicator ? { claimFilingIndicator } : {}),
    ...(otherCoverage ? { otherCoverage } : {}),
  };
  subject.courses.set(r.course_id, {
    courseKey: r.course_key,
    diagnosis: course.diagnosis,
    physicianId: course.physicianId,
    site: course.site,
  });
  subjects.set(r.patient_id, subject);
}

/**
 * The claims the practice's released charges make that were not sent in this format yet: each charge
 * as a `ReleasedCharge` (place of service from the practice's clinic settings, REF*G1 from the course's
 * authorization covering the date, the billed amount from the charge master or the expected amount), grouped by
 * `buildClaims` (CLAIM-001…006): one claim per patient, payer and billing period (issue #5), whose
 * lines may belong to several courses. A charge with neither amount cannot be billed and is listed as unbilled.
 */
export async function pendingClaims(
  ctx: AppContext,
  db: Db | Trx,
  practiceId: string,
  request: PendingClaimsRequest,
): Promise<PendingClaims> {
  const placeOfService = await practicePlaceOfService(db, practiceId);
  const rows = await db
    .selectFrom('charges as ch')
    .innerJoin('fractions as f', 'f.id', 'ch.fraction_id')
    .innerJoin('courses as c', 'c.id', 'f.course_id')
    .innerJoin('patients as p', 'p.id', 'c.patient_id')
    .select([
      'ch.id',
      'ch.code',
      'ch.modifiers',
      'ch.units',
      'ch.expected_cents',
      'f.date_of_service',
      'f.number',
      'c.id as course_id',
      'c.course_key',
      'c.payer_profile',
      'c.document',
      'p.id as patient_id',
      'p.name',
      'p.birth_date',
      'p.demographics',
    ])
    .where('ch.practice_id', '=', practiceId)
    .where('ch.status', '=', 'released')
    .$if(request.through !== undefined, (q) => q.where('f.date_of_service', '<=', request.through!))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('claim_lines as cl')
            .select('cl.id')
            .whereRef('cl.charge_id', '=', 'ch.id')
            .where('cl.practice_id', '=', practiceId)
            .where('cl.format', '=', request.format),
        ),
      ),
    )
    .orderBy('c.course_key')
    .orderBy('f.date_of_service')
    .orderBy('f.number')
    .orderBy('ch.code')
    .execute();

  const subjects = new Map<string, ClaimSubject>();
  const unbilled: UnbilledCharge[] = [];
  const charges: ReleasedCharge[] = [];
  for (const r of rows) {
    const course = r.document as Course;
    addSubject(subjects, r);
    const expected = r.expected_cents === null ? null : Number(r.expected_cents);
    const perUnit = request.charges.chargeCents[r.code];
    const chargeCents =
      perUnit !== undefined
        ? perUnit * r.units
        : expected === null
          ? null
          : Math.round((expected * request.charges.chargePercent) / 100);
    if (chargeCents === null) {
      unbilled.push({
        chargeId: r.id,
        ruleId: '',
        reason: `no amount for ${r.code}: add its charge to the billing settings (chargeCents)`,
      });
      continue;
    }
    charges.push({
      chargeId: r.id,
      patientKey: r.patient_id,
      courseId: r.course_id,
      dateOfService: r.date_of_service,
      code: r.code,
      modifiers: r.modifiers ? r.modifiers.split(',') : [],
      units: r.units,
      chargeCents,
      expectedCents: expected,
      placeOfService,
      payerProfileId: r.payer_profile,
      authorizationNumber: coveringAuthorization(course.authorizations, r.date_of_service)?.number ?? null,
    });
  }
  const profiles = [...ctx.auditContext(ctx.now()).profiles.values()];
  const built = buildClaims(charges, { period: request.period, profiles });
  unbilled.push(...built.unbilled);
  const drafts = built.claims.filter((c) => c.format === request.format);
  const used = new Set(drafts.map((d) => d.patientKey));
  return {
    drafts,
    findings: built.findings,
    unbilled,
    subjects,
    patientIds: [...used],
  };
}
