import type { CourseAudit, FractionAudit } from '../../core/audit/audit-course.js';
import {
  necessityFractionMismatch,
  necessityProblem,
  scoreElements,
} from '../../core/audit/documentation-elements.js';
import { DOC_001 } from '../../core/audit/rules/doc-001-motion-management-order.js';
import { DOC_002, NECESSITY_MESSAGES } from '../../core/audit/rules/doc-002-medical-necessity.js';
import {
  DOC_003,
  documentationElementsFinding,
} from '../../core/audit/rules/doc-003-documentation-elements.js';
import { signerCapacity } from '../../core/audit/signer-capacity.js';
import type { Course } from '../../core/model/course.js';
import type { Finding } from '../../core/model/finding.js';
import { clockFor } from '../../core/time/local-clock.js';
import { practiceCovers } from '../../storage/repositories/cover-store.js';
import { recordAccess } from '../access-log.js';
import type { Actor, AppContext } from '../app-context.js';
import { notFound } from '../app-errors.js';
import type { CourseDocumentSignatureView, CourseDocumentsView, NecessityCheckView } from '../views.js';

/** The rules these documents answer: the order (DOC-001), the statement (DOC-002) and its elements (DOC-003). */
const DOCUMENT_RULES: ReadonlySet<string> = new Set([DOC_001.id, DOC_002.id, DOC_003.id]);

/**
 * DOC-002 and DOC-003 on a draft statement, with the same functions the audit runs
 * (documentation-elements.ts, doc-002, doc-003), so the page and the audit cannot disagree.
 */
export function necessityCheck(
  course: Course,
  payerProfile: string,
  ctx: AppContext,
  text: string,
): NecessityCheckView {
  const problem = necessityProblem(text);
  const draft = { documentId: 'draft', text, signature: null };
  const elements = scoreElements({ ...course, necessity: draft });
  // DOC-003 reads the statement with the orders; the statement alone says which ticks are its own.
  const own = scoreElements({ ...course, orders: [], necessity: draft });
  const profile = ctx.auditContext(ctx.now()).profiles.get(payerProfile);
  return {
    problem,
    warning:
      problem === null
        ? necessityFractionMismatch(text, course.plan.fractionsPlanned)
        : NECESSITY_MESSAGES[problem],
    elements: elements.map((e, i) => ({
      ...e,
      from: own[i]!.present ? 'statement' : e.present ? 'order' : null,
    })),
    documentation: profile
      ? documentationElementsFinding(elements, profile, `course ${course.courseId}`).message
      : `Documentation addresses ${elements.filter((e) => e.present).length} of 5 elements.`,
  };
}

/** A course as stored (the audited document), for the physician's document actions. */
export async function storedCourse(
  ctx: AppContext,
  actor: Actor,
  courseId: string,
): Promise<{ id: string; patientId: string; course: Course; audit: CourseAudit }> {
  const row = await ctx.db
    .selectFrom('courses')
    .select(['id', 'patient_id', 'document', 'audit'])
    .where('id', '=', courseId)
    .where('practice_id', '=', actor.practiceId)
    .executeTakeFirst();
  if (!row || !row.document || !row.audit) throw notFound('course');
  return {
    id: row.id,
    patientId: row.patient_id,
    course: row.document as Course,
    audit: row.audit as CourseAudit,
  };
}

/** `GET /api/courses/:id/documents`: the course's AMM order(s) and necessity statement, and what the audit says. */
export async function courseDocuments(
  ctx: AppContext,
  actor: Actor,
  courseId: string,
): Promise<CourseDocumentsView> {
  const view = await courseDocumentsView(ctx, actor, courseId);
  await recordAccess(ctx, actor, {
    action: 'read',
    patientIds: [view.patientId],
    route: 'GET /api/courses/:id/documents',
  });
  return view.documents;
}

/** The view without an access-log row (the commands that answer with it record their own). */
export async function courseDocumentsView(
  ctx: AppContext,
  actor: Actor,
  courseId: string,
): Promise<{ patientId: string; documents: CourseDocumentsView }> {
  const { id, patientId, course, audit } = await storedCourse(ctx, actor, courseId);
  const [signatures, written, fractions, covers] = await Promise.all([
    ctx.db
      .selectFrom('documents as d')
      .innerJoin('signatures as s', 's.document_id', 'd.id')
      .select(['d.kind', 'd.document_key', 's.signer_id', 's.signed_at', 's.source', 's.signer_capacity'])
      .where('d.course_id', '=', id)
      .where('d.kind', 'in', ['motion-management-order', 'necessity'])
      .execute(),
    ctx.db
      .selectFrom('written_documents')
      .select('id')
      .where('practice_id', '=', actor.practiceId)
      .where('course_key', '=', course.courseId)
      .execute(),
    ctx.db
      .selectFrom('fractions')
      .select(['status', 'audit'])
      .where('course_id', '=', id)
      .where('practice_id', '=', actor.practiceId)
      .execute(),
    practiceCovers(ctx.db, actor.practiceId),
  ]);
  const signatureOf = (kind: string, key: string): CourseDocumentSignatureView | null => {
    const s = signatures.find((r) => r.kind === kind && r.document_key === key);
    return s
      ? {
          signerId: s.signer_id,
          signedAt: new Date(s.signed_at).toISOString(),
          source: s.source === 'app' ? 'app' : 'import',
          capacity: (s.signer_capacity ?? null) as CourseDocumentSignatureView['capacity'],
        }
      : null;
  };
  const held = fractions.filter((f) => f.status === 'hold');
  const fractionFindings = fractions.flatMap((f) => (f.audit as FractionAudit).findings);
  const findings = distinct(
    [...audit.findings, ...fractionFindings].filter(
      (f) => DOCUMENT_RULES.has(f.ruleId) && f.severity !== 'info',
    ),
  );
  const today = clockFor(course.facility.timeZone).facilityReading(ctx.now()).slice(0, 10);
  return {
    patientId,
    documents: {
      courseId: id,
      courseKey: course.courseId,
      physicianId: course.physicianId,
      capacity:
        actor.role === 'physician' && actor.physicianId
          ? signerCapacity(course, actor.physicianId, today, covers)
          : null,
      orders: course.orders
        .filter((o) => o.kind === 'motion-management')
        .map((o) => ({
          id: o.id,
          text: o.text ?? null,
          system: o.system ?? null,
          signature: signatureOf('motion-management-order', o.id),
        })),
      necessity: course.necessity
        ? {
            documentId: course.necessity.documentId,
            text: course.necessity.text,
            writtenInApp: written.some((w) => w.id === course.necessity!.documentId),
            signature: signatureOf('necessity', course.necessity.documentId),
            check: necessityCheck(course, audit.payerProfile, ctx, course.necessity.text),
          }
        : null,
      holds: {
        fractions: held.length,
        byDocuments: held.filter((f) =>
          (f.audit as FractionAudit).findings.some((x) => x.ruleId === DOC_001.id || x.ruleId === DOC_002.id),
        ).length,
      },
      findings,
    },
  };
}

/** One finding per rule and message (every fraction repeats the course's order and statement findings). */
function distinct(findings: readonly Finding[]): Finding[] {
  return [...new Map(findings.map((f) => [`${f.ruleId}|${f.message}`, f])).values()];
}

/** `POST /api/courses/:id/necessity/check`: the live check of a draft statement (scores only, no record data). */
export async function checkNecessity(
  ctx: AppContext,
  actor: Actor,
  courseId: string,
  text: string,
): Promise<NecessityCheckView> {
  const { course, audit } = await storedCourse(ctx, actor, courseId);
  return necessityCheck(course, audit.payerProfile, ctx, text);
}
