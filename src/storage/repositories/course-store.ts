import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { CourseAudit, FractionAudit } from '../../core/audit/audit-course.js';
import type { Course, Fraction, Signature } from '../../core/model/course.js';
import type { Finding } from '../../core/model/finding.js';
import type { Database } from '../schema.js';
import { applyChargeChanges } from './charge-changes.js';
import { diffCharges, type WantedCharge } from './charge-diff.js';

export type Trx = Transaction<Database>;

/** A linked, audited course ready to store, with the instants the app resolved in the facility zone. */
export interface CourseToSave {
  course: Course;
  audit: CourseAudit;
  /** Fraction id → first beam-on instant (ISO), when readable. */
  firstBeamOn: ReadonlyMap<string, string | null>;
  nextBeamOn: string | null;
  auditedAt: string;
}

const json = (value: unknown) => JSON.stringify(value);

/**
 * Store one course and its audit, replacing what the previous audit said (findings, beams, monitoring,
 * imported signatures) and moving each charge to its new status with a history row. Runs inside the
 * caller's transaction: an import is all or nothing. Returns the course's row id.
 */
export async function saveCourse(trx: Trx, practiceId: string, save: CourseToSave): Promise<string> {
  const { course, audit } = save;
  const patientId = await upsertPatient(trx, practiceId, course.patient);
  const courseRow = await trx
    .insertInto('courses')
    .values({
      id: randomUUID(),
      practice_id: practiceId,
      patient_id: patientId,
      course_key: course.courseId,
      physician_id: course.physicianId,
      payer_profile: audit.payerProfile,
      payer_name: course.payer.name ?? null,
      site: siteLabel(course),
      header: json({ ...course, fractions: undefined, orders: undefined, necessity: undefined }),
      document: json(course),
      audit: json({ findings: audit.findings, elements: audit.elements, claimLines: audit.claimLines }),
      next_beam_on: save.nextBeamOn,
      audited_at: save.auditedAt,
    })
    .onConflict((oc) =>
      oc.columns(['practice_id', 'course_key']).doUpdateSet((eb) => ({
        patient_id: eb.ref('excluded.patient_id'),
        physician_id: eb.ref('excluded.physician_id'),
        payer_profile: eb.ref('excluded.payer_profile'),
        payer_name: eb.ref('excluded.payer_name'),
        site: eb.ref('excluded.site'),
        header: eb.ref('excluded.header'),
        document: eb.ref('excluded.document'),
        audit: eb.ref('excluded.audit'),
        next_beam_on: eb.ref('excluded.next_beam_on'),
        audited_at: eb.ref('excluded.audited_at'),
      })),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  const courseId = courseRow.id;

  const byId = new Map(course.fractions.map((f) => [f.id, f]));
  const fractionIds = new Map<string, string>();
  for (const fa of audit.fractions) {
    const row = await trx
      .insertInto('fractions')
      .values({
        id: randomUUID(),
        practice_id: practiceId,
        course_id: courseId,
        fraction_key: fa.fractionId,
        number: fa.number,
        date_of_service: fa.date,
        status: fa.status,
        first_beam_on: save.firstBeamOn.get(fa.fractionId) ?? null,
        signature_deadline: fa.signatureDeadline,
        audit: json(fa),
      })
      .onConflict((oc) =>
        oc.columns(['course_id', 'fraction_key']).doUpdateSet((eb) => ({
          number: eb.ref('excluded.number'),
          date_of_service: eb.ref('excluded.date_of_service'),
          status: eb.ref('excluded.status'),
          first_beam_on: eb.ref('excluded.first_beam_on'),
          signature_deadline: eb.ref('excluded.signature_deadline'),
          audit: eb.ref('excluded.audit'),
        })),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    fractionIds.set(fa.fractionId, row.id);
  }
  const kept = [...fractionIds.values()];
  // Fractions no longer in the linked course (a record withdrawn from the chart) go with their rows.
  await trx
    .deleteFrom('fractions')
    .where('course_id', '=', courseId)
    .$if(kept.length > 0, (q) => q.where('id', 'not in', kept))
    .execute();

  if (kept.length) {
    await trx.deleteFrom('beams').where('fraction_id', 'in', kept).execute();
    await trx.deleteFrom('monitoring_sessions').where('fraction_id', 'in', kept).execute();
  }
  await trx.deleteFrom('findings').where('course_id', '=', courseId).execute();
  await insertFindings(trx, practiceId, courseId, null, audit.findings);
  for (const fa of audit.fractions) {
    const fractionId = fractionIds.get(fa.fractionId)!;
    const fraction = byId.get(fa.fractionId);
    if (fraction) await saveEvidence(trx, fractionId, fraction);
    await insertFindings(trx, practiceId, courseId, fractionId, fa.findings);
  }
  await saveDocuments(trx, practiceId, courseId, course, fractionIds);
  await saveCharges(trx, practiceId, audit.fractions, fractionIds, save.auditedAt);
  return courseId;
}

async function upsertPatient(trx: Trx, practiceId: string, patient: Course['patient']): Promise<string> {
  const row = await trx
    .insertInto('patients')
    .values({
      id: randomUUID(),
      practice_id: practiceId,
      mrn: patient.id,
      name: patient.name ?? null,
      birth_date: patient.birthDate ?? null,
    })
    .onConflict((oc) =>
      oc.columns(['practice_id', 'mrn']).doUpdateSet((eb) => ({
        name: eb.fn.coalesce(eb.ref('excluded.name'), eb.ref('patients.name')),
        birth_date: eb.fn.coalesce(eb.ref('excluded.birth_date'), eb.ref('patients.birth_date')),
      })),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

function siteLabel(course: Course): string {
  const { region, laterality } = course.site;
  return laterality && laterality !== 'none' ? `${region} (${laterality})` : region;
}

async function insertFindings(
  trx: Trx,
  practiceId: string,
  courseId: string,
  fractionId: string | null,
  findings: readonly Finding[],
): Promise<void> {
  if (!findings.length) return;
  await trx
    .insertInto('findings')
    .values(
      findings.map((f) => ({
        practice_id: practiceId,
        course_id: courseId,
        fraction_id: fractionId,
        rule_id: f.ruleId,
        severity: f.severity,
        subject: f.subject,
        message: f.message,
        evidence: f.evidence ? json(f.evidence) : null,
        fix: f.fix ?? null,
      })),
    )
    .execute();
}

async function saveEvidence(trx: Trx, fractionId: string, fraction: Fraction): Promise<void> {
  if (fraction.beams.length) {
    await trx
      .insertInto('beams')
      .values(
        fraction.beams.map((b) => ({
          fraction_id: fractionId,
          name: b.name,
          beam_on: b.beamOn,
          beam_off: b.beamOff,
          radiation_type: b.radiationType ?? null,
        })),
      )
      .execute();
  }
  if (fraction.monitoring.length) {
    await trx
      .insertInto('monitoring_sessions')
      .values(
        fraction.monitoring.map((m) => ({
          fraction_id: fractionId,
          session_key: m.id,
          system: m.system,
          start_local: m.start,
          end_local: m.end,
          gating_active: m.gatingActive,
          thresholds: m.thresholds ? json(m.thresholds) : null,
          gaps: json(m.gaps),
          excursions: json(m.excursions),
        })),
      )
      .execute();
  }
}

interface DocumentToSave {
  kind: string;
  key: string;
  fractionId: string | null;
  signature: Signature | null;
}

/** Orders, the necessity note, and per fraction the SGRT record and the IGRT review, with their signatures. */
async function saveDocuments(
  trx: Trx,
  practiceId: string,
  courseId: string,
  course: Course,
  fractionIds: ReadonlyMap<string, string>,
): Promise<void> {
  const docs: DocumentToSave[] = [
    ...course.orders.map((o) => ({
      kind: o.kind === 'motion-management' ? 'motion-management-order' : 'image-guidance-order',
      key: o.id,
      fractionId: null,
      signature: o.signature,
    })),
    ...(course.necessity
      ? [
          {
            kind: 'necessity',
            key: course.necessity.documentId,
            fractionId: null,
            signature: course.necessity.signature,
          },
        ]
      : []),
    ...course.fractions.flatMap((f) => {
      const fractionId = fractionIds.get(f.id) ?? null;
      return [
        ...(f.sgrtRecord
          ? [
              {
                kind: 'sgrt-record',
                key: f.sgrtRecord.documentId,
                fractionId,
                signature: f.sgrtRecord.signature,
              },
            ]
          : []),
        ...(f.imageGuidance?.performed
          ? [{ kind: 'igrt-review', key: `igrt:${f.id}`, fractionId, signature: f.imageGuidance.review }]
          : []),
      ];
    }),
  ];
  for (const doc of docs) {
    const row = await trx
      .insertInto('documents')
      .values({
        id: randomUUID(),
        practice_id: practiceId,
        course_id: courseId,
        fraction_id: doc.fractionId,
        kind: doc.kind,
        document_key: doc.key,
        // Signatures made in the app are already laid over the course (audit-and-save.ts).
        signed: doc.signature !== null,
      })
      .onConflict((oc) =>
        oc.columns(['course_id', 'kind', 'document_key']).doUpdateSet((eb) => ({
          fraction_id: eb.ref('excluded.fraction_id'),
          signed: eb.ref('excluded.signed'),
        })),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    // Imported signatures are replaced by what the chart says now; signatures made in the app stay.
    await trx
      .deleteFrom('signatures')
      .where('document_id', '=', row.id)
      .where('source', '=', 'import')
      .execute();
    const appSigned = await trx
      .selectFrom('signatures')
      .select('id')
      .where('document_id', '=', row.id)
      .where('source', '=', 'app')
      .executeTakeFirst();
    if (doc.signature && !appSigned) {
      await trx
        .insertInto('signatures')
        .values({
          practice_id: practiceId,
          document_id: row.id,
          signer_id: doc.signature.signerId,
          signer_role: doc.signature.role,
          signed_at: doc.signature.signedAt,
          source: 'import',
          user_id: null,
        })
        .execute();
    }
  }
}

async function saveCharges(
  trx: Trx,
  practiceId: string,
  fractions: readonly FractionAudit[],
  fractionIds: ReadonlyMap<string, string>,
  at: string,
): Promise<void> {
  const ids = [...fractionIds.values()];
  const existing = ids.length
    ? await trx
        .selectFrom('charges')
        .select(['id', 'fraction_id', 'code', 'modifiers', 'units', 'expected_cents', 'status', 'reason'])
        .where('fraction_id', 'in', ids)
        .execute()
    : [];
  const wanted: WantedCharge[] = fractions.flatMap((fa) => {
    const fractionId = fractionIds.get(fa.fractionId)!;
    return fa.lines.map((l) => ({
      fractionId,
      code: l.code,
      modifiers: l.modifiers.join(','),
      units: l.units,
      expectedCents: l.expectedCents,
      status: fa.status === 'hold' ? ('hold' as const) : ('ready' as const),
      reason:
        fa.status === 'ready'
          ? null
          : `${fa.status === 'hold' ? 'held' : 'downgraded'}: ${fa.reasons.join(', ')}`,
    }));
  });
  const changes = diffCharges(
    existing.map((c) => ({
      ...c,
      expectedCents: c.expected_cents === null ? null : Number(c.expected_cents),
    })),
    wanted,
  );
  await applyChargeChanges(trx, practiceId, changes, at, 'audit');
}
