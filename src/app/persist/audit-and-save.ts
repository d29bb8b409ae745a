import { auditCourse, type CourseAudit } from '../../core/audit/audit-course.js';
import { type Course, courseSchema, type Signature } from '../../core/model/course.js';
import { clockFor } from '../../core/time/local-clock.js';
import { saveCourse, type Trx } from '../../storage/repositories/course-store.js';
import { appSignatures } from '../../storage/repositories/signature-store.js';
import type { AppContext } from '../app-context.js';

/**
 * Audit a linked course at the app's now and store it with its evidence, findings and charges. Signatures
 * physicians made in the app are laid over the chart's (a record the chart shows unsigned but that was
 * signed here counts as signed). Returns null when the linked course is not a valid course document
 * (the problems are logged by identifier).
 */
export async function auditAndSave(
  ctx: AppContext,
  trx: Trx,
  practiceId: string,
  linked: unknown,
): Promise<CourseAudit | null> {
  const parsed = courseSchema.safeParse(linked);
  if (!parsed.success) {
    ctx.log.warn(
      { practiceId, issues: parsed.error.issues.map((i) => i.path.join('.')) },
      'linked course is not a valid course document; not stored',
    );
    return null;
  }
  const course = withAppSignatures(parsed.data, await appSignatures(trx, practiceId, parsed.data.courseId));
  const now = ctx.now();
  const audit = auditCourse(course, ctx.auditContext(now));
  const clock = clockFor(course.facility.timeZone);
  const instant = (local: string | undefined): string | null => {
    const r = local === undefined ? null : clock.toInstant(local);
    return r?.ok ? new Date(r.epochMs).toISOString() : null;
  };
  const firstBeamOn = new Map(
    course.fractions.map((f) => [f.id, instant([...f.beams].map((b) => b.beamOn).sort()[0])]),
  );
  const upcoming = course.schedule
    .map((s) => instant(s.beamOn))
    .filter((at): at is string => at !== null && Date.parse(at) > now)
    .sort();
  await saveCourse(trx, practiceId, {
    course,
    audit,
    firstBeamOn,
    nextBeamOn: upcoming[0] ?? null,
    auditedAt: new Date(now).toISOString(),
  });
  return audit;
}

/** Key of a signable document: `sgrt-record|<document id>` or `igrt-review|igrt:<fraction id>`. */
export type AppSignatures = ReadonlyMap<string, Signature>;

function withAppSignatures(course: Course, signed: AppSignatures): Course {
  if (!signed.size) return course;
  return {
    ...course,
    fractions: course.fractions.map((f) => {
      const sgrt = f.sgrtRecord && signed.get(`sgrt-record|${f.sgrtRecord.documentId}`);
      const igrt = f.imageGuidance?.performed ? signed.get(`igrt-review|igrt:${f.id}`) : undefined;
      return {
        ...f,
        sgrtRecord:
          f.sgrtRecord && sgrt && !f.sgrtRecord.signature
            ? { ...f.sgrtRecord, signature: sgrt }
            : f.sgrtRecord,
        imageGuidance:
          f.imageGuidance && igrt && !f.imageGuidance.review
            ? { ...f.imageGuidance, review: igrt }
            : f.imageGuidance,
      };
    }),
  };
}
