import { type CoverDesignation, signatureCapacity } from '../../core/audit/signer-capacity.js';
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { CourseAudit, FractionAudit } from '../../core/audit/audit-course.js';
import type { Course, Fraction, Signature } from '../../core/model/course.js';
import type { Finding } from '../../core/model/finding.js';
import type { Database } from '../schema.js';
import { applyChargeChanges } from './charge-changes.js';
import { chunks } from './insert-chunks.js';
import { copyRows } from '../copy-rows.js';
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
 * Store one course and its audit (`saveCourses` of one). Returns the course's row id.
 */
export async function saveCourse(trx: Trx, practiceId: string, save: CourseToSave): Promise<string> {
  const [id] = await saveCourses(trx, practiceId, [save]);
  return id!;
}

/**
 * Store courses and their audits, replacing what the previous audit said (findings, beams, monitoring,
 * imported signatures) and moving each charge to its new status with a history row. Runs inside the
 * caller's transaction: an import is all or nothing. The courses are written together, a few statements
 * per table for all of them (not per course: an import's cost is its round trips), the rows that need
 * no id back with COPY (copy-rows.ts); the course keys must differ (each course is one row). Returns
 * the courses' row ids, in order.
 */
export async function saveCourses(
  trx: Trx,
  practiceId: string,
  saves: readonly CourseToSave[],
): Promise<string[]> {
  if (!saves.length) return [];
  if (new Set(saves.map((s) => s.course.courseId)).size !== saves.length)
    throw new Error('saveCourses: a course key appears twice in one batch');
  const patientIds = await upsertPatients(
    trx,
    practiceId,
    saves.map((s) => s.course.patient),
  );
  const courseIds = await upsertCourses(trx, practiceId, saves, patientIds);
  const fractionIds = await upsertFractions(trx, practiceId, saves, courseIds);
  await deleteWithdrawnFractions(trx, courseIds, fractionIds);
  const kept = fractionIds.flatMap((ids) => [...ids.values()]);
  for (const ids of chunks(kept)) {
    await trx.deleteFrom('beams').where('fraction_id', 'in', ids).execute();
    await trx.deleteFrom('monitoring_sessions').where('fraction_id', 'in', ids).execute();
  }
  for (const ids of chunks(courseIds))
    await trx.deleteFrom('findings').where('course_id', 'in', ids).execute();
  await copyRows(
    trx,
    'findings',
    saves.flatMap(({ audit }, i) => [
      ...findingRows(practiceId, courseIds[i]!, null, audit.findings),
      ...audit.fractions.flatMap((fa) =>
        findingRows(practiceId, courseIds[i]!, fractionIds[i]!.get(fa.fractionId)!, fa.findings),
      ),
    ]),
  );
  await saveEvidence(
    trx,
    saves.flatMap(({ course, audit }, i) => {
      const byId = new Map(course.fractions.map((f) => [f.id, f]));
      return audit.fractions.flatMap((fa) => {
        const fraction = byId.get(fa.fractionId);
        return fraction ? [{ fractionId: fractionIds[i]!.get(fa.fractionId)!, fraction }] : [];
      });
    }),
  );
  await saveDocuments(trx, practiceId, saves, courseIds, fractionIds);
  // Charge moves are stamped with their course's audit instant (one for all the courses of an import).
  for (const at of new Set(saves.map((s) => s.auditedAt))) {
    const fractions = saves.flatMap((s, i) =>
      s.auditedAt === at
        ? s.audit.fractions.map((fa) => ({ fa, fractionId: fractionIds[i]!.get(fa.fractionId)! }))
        : [],
    );
    await saveCharges(trx, practiceId, fractions, at);
  }
  return courseIds;
}

/**
 * The patients' rows, inserted or updated (a name, birth date or demographics the export leaves out
 * keeps what is stored); a patient named by several courses is one row, the later course's values over
 * the earlier's, as when the courses were stored one after the other. Returns the row ids by MRN.
 */
async function upsertPatients(
  trx: Trx,
  practiceId: string,
  patients: readonly Course['patient'][],
): Promise<Map<string, string>> {
  const byMrn = new Map<
    string,
    { name: string | null; birth_date: string | null; demographics: string | null }
  >();
  for (const patient of patients) {
    const before = byMrn.get(patient.id);
    byMrn.set(patient.id, {
      name: patient.name ?? before?.name ?? null,
      birth_date: patient.birthDate ?? before?.birth_date ?? null,
      demographics: demographicsOf(patient) ?? before?.demographics ?? null,
    });
  }
  const ids = new Map<string, string>();
  for (const chunk of chunks([...byMrn])) {
    const rows = await trx
      .insertInto('patients')
      .values(chunk.map(([mrn, p]) => ({ id: randomUUID(), practice_id: practiceId, mrn, ...p })))
      .onConflict((oc) =>
        oc.columns(['practice_id', 'mrn']).doUpdateSet((eb) => ({
          name: eb.fn.coalesce(eb.ref('excluded.name'), eb.ref('patients.name')),
          birth_date: eb.fn.coalesce(eb.ref('excluded.birth_date'), eb.ref('patients.birth_date')),
          demographics: eb.fn.coalesce(eb.ref('excluded.demographics'), eb.ref('patients.demographics')),
        })),
      )
      .returning(['id', 'mrn'])
      .execute();
    for (const r of rows) ids.set(r.mrn, r.id);
  }
  return ids;
}

/** The courses' rows, inserted or replaced; returns their ids in the order of `saves`. */
async function upsertCourses(
  trx: Trx,
  practiceId: string,
  saves: readonly CourseToSave[],
  patientIds: ReadonlyMap<string, string>,
): Promise<string[]> {
  const rows = saves.map(({ course, audit, nextBeamOn, auditedAt }) => ({
    id: randomUUID(),
    practice_id: practiceId,
    patient_id: patientIds.get(course.patient.id)!,
    course_key: course.courseId,
    physician_id: course.physicianId,
    payer_profile: audit.payerProfile,
    payer_name: course.payer.name ?? null,
    site: siteLabel(course),
    header: json({ ...course, fractions: undefined, orders: undefined, necessity: undefined }),
    document: json(course),
    audit: json({ findings: audit.findings, elements: audit.elements, claimLines: audit.claimLines }),
    next_beam_on: nextBeamOn,
    audited_at: auditedAt,
  }));
  const ids = new Map<string, string>();
  for (const chunk of chunks(rows, (r) => r.header.length + r.document.length + r.audit.length)) {
    const stored = await trx
      .insertInto('courses')
      .values(chunk)
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
      .returning(['id', 'course_key'])
      .execute();
    for (const r of stored) ids.set(r.course_key, r.id);
  }
  return saves.map((s) => ids.get(s.course.courseId)!);
}

/** The fractions' rows, inserted or updated; per course (in the order of `saves`), fraction key → row id. */
async function upsertFractions(
  trx: Trx,
  practiceId: string,
  saves: readonly CourseToSave[],
  courseIds: readonly string[],
): Promise<Map<string, string>[]> {
  const rows = saves.flatMap(({ course, audit, firstBeamOn }, i) =>
    audit.fractions.map((fa) => ({
      id: randomUUID(),
      practice_id: practiceId,
      course_id: courseIds[i]!,
      fraction_key: fa.fractionId,
      number: fa.number,
      date_of_service: fa.date,
      status: fa.status,
      first_beam_on: firstBeamOn.get(fa.fractionId) ?? null,
      signature_deadline: fa.signatureDeadline,
      audit: json(fa),
      // The worklist's filters, on the row (migrations/0020-worklist-columns.ts).
      payer: course.payer.name ?? audit.payerProfile,
      physician_id: course.physicianId,
      rule_ids: ruleIdsOf(fa.findings),
    })),
  );
  const ids = new Map<string, string>();
  for (const chunk of chunks(rows, (r) => r.audit.length)) {
    const stored = await trx
      .insertInto('fractions')
      .values(chunk)
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
      .returning(['id', 'course_id', 'fraction_key'])
      .execute();
    for (const r of stored) ids.set(`${r.course_id}|${r.fraction_key}`, r.id);
  }
  return saves.map(
    ({ audit }, i) =>
      new Map(audit.fractions.map((fa) => [fa.fractionId, ids.get(`${courseIds[i]}|${fa.fractionId}`)!])),
  );
}

/** Bind parameters per DELETE of withdrawn fractions (course ids and kept fraction ids), under the limit. */
const PARAMETERS_PER_DELETE = 30_000;

/**
 * Fractions no longer in their linked course (a record withdrawn from the chart) go with their rows,
 * except those with a released charge: it may be on a claim already sent (claim_lines), and a claim's
 * history is never erased; the charge stays on the worklists for the coder to void or correct.
 */
async function deleteWithdrawnFractions(
  trx: Trx,
  courseIds: readonly string[],
  fractionIds: readonly ReadonlyMap<string, string>[],
): Promise<void> {
  // Courses grouped so that one statement's course ids and kept ids stay under PARAMETERS_PER_DELETE.
  const groups: { courses: string[]; kept: string[] }[] = [];
  courseIds.forEach((courseId, i) => {
    const kept = [...fractionIds[i]!.values()];
    const last = groups.at(-1);
    if (last && last.courses.length + last.kept.length + 1 + kept.length <= PARAMETERS_PER_DELETE) {
      last.courses.push(courseId);
      last.kept.push(...kept);
    } else groups.push({ courses: [courseId], kept });
  });
  for (const { courses, kept } of groups) {
    await trx
      .deleteFrom('fractions')
      .where('course_id', 'in', courses)
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
  }
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
  await copyRows(trx, 'beams', beams);
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
  await copyRows(trx, 'monitoring_sessions', sessions);
}

interface DocumentToSave {
  kind: string;
  key: string;
  fractionId: string | null;
  signature: Signature | null;
}

/** Orders, the necessity note, and per fraction the SGRT record and the IGRT review, with their signatures. */
function documentsOf(course: Course, fractionIds: ReadonlyMap<string, string>): DocumentToSave[] {
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
  return [...new Map(docs.map((d) => [`${d.kind}|${d.key}`, d])).values()];
}

/** The courses' documents (`documentsOf`) and their imported signatures, with the signer's capacity. */
async function saveDocuments(
  trx: Trx,
  practiceId: string,
  saves: readonly CourseToSave[],
  courseIds: readonly string[],
  fractionIds: readonly ReadonlyMap<string, string>[],
): Promise<void> {
  const docs = saves.flatMap(({ course, covers }, i) =>
    documentsOf(course, fractionIds[i]!).map((doc) => ({ ...doc, course, covers, courseId: courseIds[i]! })),
  );
  if (!docs.length) return;
  const docKey = (courseId: string, kind: string, key: string) => `${courseId}|${kind}|${key}`;
  const idOf = new Map<string, string>();
  for (const chunk of chunks(docs)) {
    const rows = await trx
      .insertInto('documents')
      .values(
        chunk.map((doc) => ({
          id: randomUUID(),
          practice_id: practiceId,
          course_id: doc.courseId,
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
      .returning(['id', 'course_id', 'kind', 'document_key'])
      .execute();
    for (const r of rows) idOf.set(docKey(r.course_id, r.kind, r.document_key), r.id);
  }
  const appSigned = new Set<string>();
  for (const ids of chunks([...idOf.values()])) {
    // Imported signatures are replaced by what the chart says now; signatures made in the app stay.
    await trx
      .deleteFrom('signatures')
      .where('document_id', 'in', ids)
      .where('source', '=', 'import')
      .execute();
    const rows = await trx
      .selectFrom('signatures')
      .select('document_id')
      .where('document_id', 'in', ids)
      .where('source', '=', 'app')
      .execute();
    for (const r of rows) appSigned.add(r.document_id);
  }
  const signatures = docs.flatMap((doc) => {
    const documentId = idOf.get(docKey(doc.courseId, doc.kind, doc.key))!;
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
            signer_capacity: signatureCapacity(doc.course, doc.signature, doc.covers),
          },
        ]
      : [];
  });
  await copyRows(trx, 'signatures', signatures);
}

/** Each fraction's charges moved to what its audit says (charge-diff.ts), with their history rows. */
async function saveCharges(
  trx: Trx,
  practiceId: string,
  fractions: readonly { fa: FractionAudit; fractionId: string }[],
  at: string,
): Promise<void> {
  const existing = [];
  for (const ids of chunks(fractions.map((f) => f.fractionId))) {
    existing.push(
      ...(await trx
        .selectFrom('charges')
        .select(['id', 'fraction_id', 'code', 'modifiers', 'units', 'expected_cents', 'status', 'reason'])
        .where('fraction_id', 'in', ids)
        .execute()),
    );
  }
  const wanted: WantedCharge[] = fractions.flatMap(({ fa, fractionId }) =>
    fa.lines.map((l) => ({
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
    })),
  );
  const changes = diffCharges(
    existing.map((c) => ({
      ...c,
      expectedCents: c.expected_cents === null ? null : Number(c.expected_cents),
    })),
    wanted,
  );
  await applyChargeChanges(trx, practiceId, changes, at, 'audit');
}
