import { auditCourse, type CourseAudit } from '../../core/audit/audit-course.js';
import { dayLines } from '../../core/coding/day-lines.js';
import { IGRT_PROFESSIONAL_CODE } from '../../core/model/billing-line.js';
import { type Course, courseSchema } from '../../core/model/course.js';
import { clockFor } from '../../core/time/local-clock.js';
import { saveCourse, type Trx } from '../../storage/repositories/course-store.js';
import { practiceCovers } from '../../storage/repositories/cover-store.js';
import { appSignatures } from '../../storage/repositories/signature-store.js';
import { writtenNecessity } from '../../storage/repositories/written-document-store.js';
import type { AppContext } from '../app-context.js';
import { expectedRate, type PracticeRates } from '../reference/expected-rate.js';
import { loadPracticeRates } from '../reference/reference-store.js';
import { withAppDocuments } from './app-documents.js';

/**
 * Audit a linked course at the app's now and store it with its evidence, findings and charges, with the
 * practice's covering physicians (who may sign besides the course's physician, DOC-011). What physicians
 * did in the app is laid over the chart (app-documents.ts): a necessity statement written here, and
 * signatures made here on records, orders and the statement. Returns null when the linked course is not a valid course document
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
  const courseKey = parsed.data.courseId;
  const course = withAppDocuments(
    parsed.data,
    await writtenNecessity(trx, practiceId, courseKey),
    await appSignatures(trx, practiceId, courseKey),
  );
  const now = ctx.now();
  const covers = await practiceCovers(trx, practiceId);
  const engine = { ...ctx.auditContext(now), covers };
  const national = auditCourse(course, engine);
  const codes = national.fractions.flatMap((f) => f.lines.map((l) => l.code));
  const rates = await loadPracticeRates(trx, practiceId, engine.rates, codes);
  const audit = withPracticeRates(national, course, rates, engine.profiles.get(national.payerProfile));
  const clock = clockFor(course.facility.timeZone);
  const instant = (local: string): string | null => {
    const r = clock.toInstant(local);
    return r.ok ? new Date(r.epochMs).toISOString() : null;
  };
  // Earliest as instants: a beam-on with its record's offset may sort before an earlier one as text.
  const firstBeamOn = new Map(
    course.fractions.map((f) => [f.id, f.beams.flatMap((b) => instant(b.beamOn) ?? []).sort()[0] ?? null]),
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
    covers,
  });
  return audit;
}

/**
 * The audit's lines priced for the practice (contract > Medicare locality > national table,
 * reference/expected-rate.ts): the charges' expected_cents and the course view then show the amount
 * the practice expects, with its basis in `rateSource`. The rates are loaded once per save.
 */
function withPracticeRates(
  audit: CourseAudit,
  course: Course,
  rates: PracticeRates,
  profile: Parameters<typeof dayLines>[1] | undefined,
): CourseAudit {
  const fractions = audit.fractions.map((f) => ({
    ...f,
    lines: f.lines.map((l) => {
      const answer = expectedRate(rates, {
        payers: [course.payer.name, course.payer.profile],
        code: l.code,
        // 77387 is priced as its professional component even where a payer wants no -26 (CODE-007).
        modifiers:
          l.code === IGRT_PROFESSIONAL_CODE && !l.modifiers.includes('26')
            ? ['26', ...l.modifiers]
            : l.modifiers,
        placeOfService: course.facility.placeOfService,
        dateOfService: f.date,
      });
      return answer ? { ...l, expectedCents: answer.cents, rateSource: answer.label } : l;
    }),
  }));
  return {
    ...audit,
    fractions,
    claimLines: profile
      ? dayLines(
          fractions.filter((f) => f.status !== 'hold'),
          profile,
        )
      : audit.claimLines,
  };
}
