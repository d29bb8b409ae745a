import { type CoverDesignation, signatureCapacity } from '../../core/audit/signer-capacity.js';
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { CourseAudit, FractionAudit } from '../../core/audit/audit-course.js';
import type { Course, Fraction, Signature } from '../../core/model/course.js';
import type { Finding } from '../../core/model/finding.js';
import type { Database } from '../schema.js';
import { applyChargeChanges } from './charge-changes.js';
import { chunks } from './insert-chunks.js';
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
  /** The practice's covering physicians: each imported signature is stored with its signer's capacity. */
  covers: readonly CoverDesignation[];
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
  // One statement per table and course (not per fraction): the import's cost is its round trips.
  const fractionRows = audit.fractions.length
    ? await trx
        .insertInto('fractions')
        .values(
          audit.fractions.map((fa) => ({
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
            // The worklist's filters, on the row (migrations/0020-worklist-columns.ts).
            payer: course.payer.name ?? audit.payerProfile,
            physician_id: course.physicianId,
            rule_ids: ruleIdsOf(fa.findings),
          })),
        )
        .onConflict((oc) =>
          oc.columns(['course_id', 'fraction_key']).doUpdateSet((eb) => ({
            number: eb.ref('excluded.number'),
            date_of_service: eb.ref('excluded.date_of_service'),
            status: eb.ref('excluded.status'),
            first_beam_on: eb.ref('excluded.first_beam_on'),
            signature_deadline: eb.ref('excluded.signature_deadline'),
            audit: eb.ref('excluded.audit'),
            payer: eb.ref('excluded.payer'),
            physician_id: eb.ref('excluded.physician_id'),
            rule_ids: eb.ref('excluded.rule_ids'),
          })),
        )
        .returning(['id', 'fraction_key'])
        .execute()
    : [];
  const fractionIds = new Map(fractionRows.map((r) => [r.fraction_key, r.id]));
  const kept = [...fractionIds.values()];
  // Fractions no longer in the linked course (a record withdrawn from the chart) go with their rows,
  // except those with a released charge: it may be on a claim already sent (claim_lines), and a claim's
  // history is never erased; the charge stays on the worklists for the coder to void or correct.
  await trx
    .deleteFrom('fractions')
    .where('course_id', '=', courseId)
    .$if(kept.length > 0, (q) => q.where('id', 'not in', kept))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('charges as ch')
            .select('ch.id')
            .whereRef('ch.fraction_id', '=', 'fractions.id')
            .where('ch.status', '=', 'released'),
        ),
      ),
    )
    .execute();

  if (kept.length) {
    await trx.deleteFrom('beams').where('fraction_id', 'in', kept).execute();
    await trx.deleteFrom('monitoring_sessions').where('fraction_id', 'in', kept).execute();
  }
  await trx.deleteFrom('findings').where('course_id', '=', courseId).execute();
  await insertFindings(trx, [
    ...findingRows(practiceId, courseId, null, audit.findings),
    ...audit.fractions.flatMap((fa) =>
      findingRows(practiceId, courseId, fractionIds.get(fa.fractionId)!, fa.findings),
    ),
  ]);
  await saveEvidence(
    trx,
    audit.fractions.flatMap((fa) => {
      const fraction = byId.get(fa.fractionId);
      return fraction ? [{ fractionId: fractionIds.get(fa.fractionId)!, fraction }] : [];
    }),
  );
  await saveDocuments(trx, practiceId, courseId, course, fractionIds, save.covers);
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
      demographics: demographicsOf(patient),
    })
    .onConflict((oc) =>
      oc.columns(['practice_id', 'mrn']).doUpdateSet((eb) => ({
        name: eb.fn.coalesce(eb.ref('excluded.name'), eb.ref('patients.name')),
        birth_date: eb.fn.coalesce(eb.ref('excluded.birth_date'), eb.ref('patients.birth_date')),
        demographics: eb.fn.coalesce(eb.ref('excluded.demographics'), eb.ref('patients.demographics')),
      })),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** What a claim needs beyond name and birth date (837 2010BA), as given by courses.json; null if none. */
function demographicsOf(patient: Course['patient']): string | null {
  const { sex, memberId, groupNumber, address } = patient;
  if (sex === undefined && memberId === undefined && groupNumber === undefined && address === undefined)
    return null;
  return json({ sex, memberId, groupNumber, address });
}

function siteLabel(course: Course): string {
  const { region, laterality } = course.site;
  return laterality && laterality !== 'none' ? `${region} (${laterality})` : region;
}

/** The rule ids a fraction is found by on the worklist: its non-informational findings', sorted, once each. */
function ruleIdsOf(findings: readonly Finding[]): string[] {
  return [...new Set(findings.filter((f) => f.severity !== 'info').map((f) => f.ruleId))].sort();
}

function findingRows(
  practiceId: string,
  courseId: string,
  fractionId: string | null,
  findings: readonly Finding[],
) {
  return findings.map((f) => ({
    practice_id: practiceId,
    course_id: courseId,
    fraction_id: fractionId,
    rule_id: f.ruleId,
    severity: f.severity,
    subject: f.subject,
    message: f.message,
    evidence: f.evidence ? json(f.evidence) : null,
    fix: f.fix ?? null,
  }));
}

async function insertFindings(trx: Trx, rows: ReturnType<typeof findingRows>): Promise<void> {
  for (const chunk of chunks(rows)) await trx.insertInto('findings').values(chunk).execute();
}

async function saveEvidence(
  trx: Trx,
  fractions: readonly { fractionId: string; fraction: Fraction }[],
): Promise<void> {
  const beams = fractions.flatMap(({ fractionId, fraction }) =>
    fraction.beams.map((b) => ({
      fraction_id: fractionId,
      name: b.name,
      beam_on: b.beamOn,
      beam_off: b.beamOff,
      radiation_type: b.radiationType ?? null,
    })),
  );
  for (const chunk of chunks(beams)) await trx.insertInto('beams').values(chunk).execute();
  const sessions = fractions.flatMap(({ fractionId, fraction }) =>
    fraction.monitoring.map((m) => ({
      fraction_id: fractionId,
      session_key: m.id,
      system: m.system,
      start_local: m.start,
      end_local: m.end,
      // The table keeps what the record states; "unknown" is kept in the course document.
      gating_active: m.gatingActive === true,
      thresholds: m.thresholds && m.thresholds !== 'unknown' ? json(m.thresholds) : null,
      gaps: json(m.gaps),
      excursions: json(m.excursions),
    })),
  );
  for (const chunk of chunks(sessions)) await trx.insertInto('monitoring_sessions').values(chunk).execute();
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
  covers: readonly CoverDesignation[],
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
  // One row per document: a record shared by two fractions keeps the later fraction, as before.
  const unique = [...new Map(docs.map((d) => [`${d.kind}|${d.key}`, d])).values()];
  if (!unique.length) return;
  const rows: { id: string; kind: string; document_key: string }[] = [];
  for (const chunk of chunks(unique)) {
    rows.push(
      ...(await trx
        .insertInto('documents')
        .values(
          chunk.map((doc) => ({
            id: randomUUID(),
            practice_id: practiceId,
            course_id: courseId,
            fraction_id: doc.fractionId,
            kind: doc.kind,
            document_key: doc.key,
            // Signatures made in the app are already laid over the course (audit-and-save.ts).
            signed: doc.signature !== null,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['course_id', 'kind', 'document_key']).doUpdateSet((eb) => ({
            fraction_id: eb.ref('excluded.fraction_id'),
            signed: eb.ref('excluded.signed'),
          })),
        )
        .returning(['id', 'kind', 'document_key'])
        .execute()),
    );
  }
  const idOf = new Map(rows.map((r) => [`${r.kind}|${r.document_key}`, r.id]));
  const ids = rows.map((r) => r.id);
  // Imported signatures are replaced by what the chart says now; signatures made in the app stay.
  await trx.deleteFrom('signatures').where('document_id', 'in', ids).where('source', '=', 'import').execute();
  const appSigned = new Set(
    (
      await trx
        .selectFrom('signatures')
        .select('document_id')
        .where('document_id', 'in', ids)
        .where('source', '=', 'app')
        .execute()
    ).map((r) => r.document_id),
  );
  const signatures = unique.flatMap((doc) => {
    const documentId = idOf.get(`${doc.kind}|${doc.key}`)!;
    return doc.signature && !appSigned.has(documentId)
      ? [
          {
            practice_id: practiceId,
            document_id: documentId,
            signer_id: doc.signature.signerId,
            signer_role: doc.signature.role,
            signed_at: doc.signature.signedAt,
            source: 'import',
            user_id: null,
            signer_capacity: signatureCapacity(course, doc.signature, covers),
          },
        ]
      : [];
  });
  for (const chunk of chunks(signatures)) await trx.insertInto('signatures').values(chunk).execute();
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
