import type { Actor } from '../../src/app/app-context.js';
import { hashPassword } from '../../src/app/auth/password-hash.js';
import { ROLES, type Role } from '../../src/app/views.js';
import type { Db } from '../../src/storage/database.js';
import { buildCourse, PHYSICIAN_ID, runAudit } from './course-builder.js';

/**
 * Rows of one practice inserted with Kysely directly (no import pipeline): a user per role, a patient,
 * a course audited by the engine, its first fraction with one charge, and a finished import job. All
 * data are synthetic. Ids carry the practice key so tests can aim one practice's session at another's.
 */
export const SEED_PASSWORD = 'seed-password-2026';

export interface SeededPractice {
  practiceId: string;
  users: Record<Role, { id: string; email: string }>;
  patientId: string;
  patientName: string;
  mrn: string;
  courseId: string;
  fractionId: string;
  chargeId: string;
  importId: string;
  letterId: string;
  claimBatchId: string;
  contractRateId: string;
  /** The chart course id of the course (`courseId` is its row id). */
  courseKey: string;
  /** A covering physician designated for the course's physician (the route that removes one aims at it). */
  coverId: string;
  /** A viewer login beside the one per role (the route that disables a login aims at it). */
  spareUserId: string;
  /** A record of the patient that matched no course (`unlinked_records` row id). */
  unlinkedId: string;
}

let passwordHash: Promise<string> | null = null;

/** What a use case sees of the practice's login of `role` (its display name: the role). */
export const seededActor = (s: SeededPractice, role: Role): Actor => ({
  userId: s.users[role].id,
  practiceId: s.practiceId,
  role,
  displayName: role,
  physicianId: role === 'physician' ? PHYSICIAN_ID : null,
});

export async function seedPractice(db: Db, key: string): Promise<SeededPractice> {
  passwordHash ??= hashPassword(SEED_PASSWORD);
  const hash = await passwordHash;
  const k = key.toLowerCase();
  const s: SeededPractice = {
    practiceId: `practice-${k}`,
    users: Object.fromEntries(
      ROLES.map((role) => [role, { id: `user-${k}-${role}`, email: `${role}@${k}.test` }]),
    ) as SeededPractice['users'],
    patientId: `patient-${k}`,
    patientName: `Synthetic Patient ${key.toUpperCase()}`,
    mrn: `MRN-${key.toUpperCase()}-0001`,
    courseId: `course-${k}`,
    fractionId: `fraction-${k}`,
    chargeId: `charge-${k}`,
    importId: `job-${k}`,
    letterId: `letter-${k}`,
    claimBatchId: `claim-batch-${k}`,
    contractRateId: `contract-rate-${k}`,
    courseKey: `C-${key.toUpperCase()}-1`,
    coverId: `cover-${k}`,
    spareUserId: `user-${k}-spare`,
    unlinkedId: '',
  };
  const at = new Date('2026-03-13T16:00:00Z');
  await db
    .insertInto('practices')
    .values({
      id: s.practiceId,
      name: `Practice ${key.toUpperCase()}`,
      clinic: JSON.stringify({
        schemaVersion: 1,
        name: `Practice ${key.toUpperCase()}`,
        facility: { timeZone: 'America/New_York', placeOfService: '11' },
        alignrtReportDateOrder: 'MDY',
      }),
    })
    .execute();
  await db
    .insertInto('users')
    .values(
      ROLES.map((role) => ({
        id: s.users[role].id,
        practice_id: s.practiceId,
        email: s.users[role].email,
        display_name: `${role} ${key.toUpperCase()}`,
        role,
        password_hash: hash,
        physician_id: role === 'physician' ? PHYSICIAN_ID : null,
      })),
    )
    .execute();
  await db
    .insertInto('users')
    .values({
      id: s.spareUserId,
      practice_id: s.practiceId,
      email: `spare@${k}.test`,
      display_name: `spare ${key.toUpperCase()}`,
      role: 'viewer',
      password_hash: hash,
    })
    .execute();
  await db
    .insertInto('patients')
    .values({
      id: s.patientId,
      practice_id: s.practiceId,
      mrn: s.mrn,
      name: s.patientName,
      birth_date: '1961-04-02',
    })
    .execute();

  const course = buildCourse({ fractions: 3, edit: (c) => void (c.courseId = s.courseKey) });
  const audit = runAudit(course);
  const { fractions: _f, orders: _o, necessity: _n, ...header } = course;
  await db
    .insertInto('courses')
    .values({
      id: s.courseId,
      practice_id: s.practiceId,
      patient_id: s.patientId,
      course_key: course.courseId,
      physician_id: course.physicianId,
      payer_profile: audit.payerProfile,
      payer_name: null,
      site: course.site.region,
      header: JSON.stringify(header),
      document: JSON.stringify(course),
      audit: JSON.stringify({
        findings: audit.findings,
        elements: audit.elements,
        claimLines: audit.claimLines,
      }),
      next_beam_on: null,
      audited_at: at,
    })
    .execute();
  const first = audit.fractions[0]!;
  await db
    .insertInto('fractions')
    .values({
      id: s.fractionId,
      practice_id: s.practiceId,
      course_id: s.courseId,
      fraction_key: first.fractionId,
      number: first.number,
      date_of_service: first.date,
      status: first.status,
      first_beam_on: null,
      signature_deadline: first.signatureDeadline,
      audit: JSON.stringify(first),
      payer: audit.payerProfile,
      physician_id: course.physicianId,
      rule_ids: [...new Set(first.findings.filter((f) => f.severity !== 'info').map((f) => f.ruleId))].sort(),
    })
    .execute();
  await db
    .insertInto('charges')
    .values({
      id: s.chargeId,
      practice_id: s.practiceId,
      fraction_id: s.fractionId,
      code: '77412',
      modifiers: '',
      units: 1,
      expected_cents: 60_000,
      status: 'hold',
      reason: null,
      updated_at: at,
    })
    .execute();
  await db
    .insertInto('charge_status_history')
    .values({ charge_id: s.chargeId, status: 'hold', reason: null, actor: 'audit', at })
    .execute();
  await db
    .insertInto('jobs')
    .values({
      id: s.importId,
      practice_id: s.practiceId,
      kind: 'import',
      status: 'done',
      payload: JSON.stringify({ files: [] }),
      created_by: s.users.admin.id,
      created_at: at,
      updated_at: at,
    })
    .execute();
  // An 837P batch that sent the charge (its file names the patient: a leak of B's shows B's name).
  await db
    .insertInto('claim_batches')
    .values({
      id: s.claimBatchId,
      practice_id: s.practiceId,
      format: '837P',
      created_at: at,
      created_by: s.users.biller.id,
      interchange_control_number: 1,
      interchange_count: 1,
      first_claim_number: 1,
      claim_count: 1,
      line_count: 1,
      total_cents: 60000,
      period: 'month',
      file_text: `ISA*00*...~NM1*IL*1*${s.patientName}~REF*6R*${s.chargeId}~IEA*1*000000001~`,
    })
    .execute();
  await db
    .insertInto('claim_lines')
    .values({
      practice_id: s.practiceId,
      batch_id: s.claimBatchId,
      format: '837P',
      claim_pcn: `${s.courseId}-1`,
      charge_id: s.chargeId,
    })
    .execute();
  // The claim's version (its draft: ids and amounts, no patient data) for its history and corrections.
  await db
    .insertInto('claim_versions')
    .values({
      id: `claim-version-${k}`,
      practice_id: s.practiceId,
      claim_pcn: `${s.courseId}-1`,
      batch_id: s.claimBatchId,
      format: '837P',
      kind: 'original',
      frequency_code: '1',
      payer_profile: 'default',
      payer_name: `Payer ${key.toUpperCase()}`,
      payer_claim_number: null,
      patient_id: s.patientId,
      draft: JSON.stringify({
        key: `draft-${k}`,
        format: '837P',
        component: 'global',
        patientKey: s.patientId,
        payerProfileId: 'default',
        placeOfService: '11',
        facilityTypeCode: null,
        period: { from: '2026-03-01', to: '2026-03-31' },
        statementFrom: '2026-03-02',
        statementTo: '2026-03-02',
        authorizationNumber: null,
        lines: [
          {
            chargeId: s.chargeId,
            courseId: s.courseId,
            dateOfService: '2026-03-02',
            code: '77412',
            modifiers: [],
            units: 1,
            chargeCents: 60000,
            expectedCents: null,
            revenueCode: null,
          },
        ],
      }),
      total_cents: 60000,
      created_at: at,
      created_by: s.users.biller.id,
    })
    .execute();
  // One remittance line paying the charge (the claim number carries the practice key).
  await db
    .insertInto('remit_lines')
    .values({
      practice_id: s.practiceId,
      source: `remit-${k}.835`,
      payer: `Payer ${key.toUpperCase()}`,
      payer_id: null,
      trace_number: `TRN-${k}`,
      payment_date: '2026-03-20',
      claim_pcn: `${s.courseId}-202603`,
      line_no: 1,
      date_of_service: '2026-03-02',
      code: '77407',
      modifiers: '',
      submitted_code: '77412',
      billed_cents: 60000,
      paid_cents: 31764,
      allowed_cents: 31764,
      expected_cents: 39146,
      category: 'downcoded',
      rule_id: 'REMIT-003',
      carcs: 'CO-45',
      remarks: '',
      flags: '',
      message: 'Submitted 77412, adjudicated as 77407.',
      next_action: null,
      appeal_by: '2026-09-16',
      charge_id: s.chargeId,
      course_id: s.courseId,
      patient_id: s.patientId,
    })
    .execute();
  // A drafted appeal whose body names the patient (a leak of B's letter shows B's patient name).
  await db
    .insertInto('letters')
    .values({
      id: s.letterId,
      practice_id: s.practiceId,
      course_id: s.courseId,
      remit_line_id: null,
      type: 'appeal-downcode',
      template_id: 'appeal-downcode',
      template_version: 0,
      status: 'draft',
      ready: true,
      title: `Appeal of a downcode, course ${course.courseId}`,
      body: `Re: ${s.patientName}\n\nWe appeal the downcode of 77412 to 77407.`,
      cover: JSON.stringify({ rows: [{ label: 'Fractions monitored', value: '3/3' }] }),
      references: JSON.stringify([]),
      warnings: JSON.stringify([]),
      missing: JSON.stringify([]),
      created_by: s.users.biller.id,
      created_at: at,
      updated_at: at,
    })
    .execute();
  // A contract rate (the reference routes: another practice's id answers 404).
  await db
    .insertInto('contract_rates')
    .values({
      id: s.contractRateId,
      practice_id: s.practiceId,
      payer: `Payer ${key.toUpperCase()}`,
      code: '77412',
      modifier: '',
      cents: 45000,
      effective_from: '2026-01-01',
      effective_to: null,
    })
    .execute();
  await db
    .insertInto('cover_designations')
    .values({
      id: s.coverId,
      practice_id: s.practiceId,
      covering_physician_id: 'DR-SEED-COVER',
      scope: 'dates',
      for_physician_id: PHYSICIAN_ID,
      from_date: '2026-01-01',
      to_date: '2026-01-31',
      created_by: s.users.admin.id,
    })
    .execute();
  const unlinked = await db
    .insertInto('unlinked_records')
    .values({
      practice_id: s.practiceId,
      patient_key: s.mrn,
      source: 'day.csv:line 4',
      kind: 'treatment-record',
      what: 'beam delivery',
      reason: 'no course for this patient in courses.json',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  s.unlinkedId = unlinked.id;
  return s;
}
