import { isDeepStrictEqual } from 'node:util';
import { auditCourse, type CourseAudit } from '../../core/audit/audit-course.js';
import { dayLines } from '../../core/coding/day-lines.js';
import { IGRT_PROFESSIONAL_CODE } from '../../core/model/billing-line.js';
import { type Course, courseSchema } from '../../core/model/course.js';
import { courseTimes, firstBeamOnMs, loadCourse, nextScheduledMs } from '../../core/model/course-times.js';
import { isoInstant } from '../../core/time/iso-instant.js';
import type { CoverDesignation } from '../../core/audit/signer-capacity.js';
import { type CourseToSave, saveCourses, type Trx } from '../../storage/repositories/course-store.js';
import { practiceCovers } from '../../storage/repositories/cover-store.js';
import { appSignatures } from '../../storage/repositories/signature-store.js';
import { writtenNecessity } from '../../storage/repositories/written-document-store.js';
import type { Engine } from '../../storage/database.js';
import type { AppContext } from '../app-context.js';
import { expectedRate, type PracticeRates } from '../reference/expected-rate.js';
import { loadPracticeRates } from '../reference/reference-store.js';
import { withAppDocuments } from './app-documents.js';

/**
 * Audit a linked course at the app's now and store it with its evidence, findings and charges
 * (`auditAndSaveAll` of one). Returns null when the linked course is not a valid course document.
 */
export async function auditAndSave(
  ctx: AppContext,
  trx: Trx,
  practiceId: string,
  linked: unknown,
  options: { skipUnchanged?: boolean } = {},
): Promise<CourseAudit | null> {
  const [audit] = await auditAndSaveAll(ctx, trx, practiceId, [linked], options);
  return audit ?? null;
}

/**
 * Fractions per `saveCourses`: courses are written in batches. On PGlite each statement runs in the
 * app's thread; one batch of a 40-patient import's 455 fractions held the event loop up to 280 ms of
 * CPU in one statement (its charges' COPY; bench/README.md, "import-loop-gaps"), so a batch holds at most
 * 24 fractions (or one course), and the loop gets turns between statements (event-loop-turn.ts).
 * PostgreSQL runs the statements in its own process: large batches keep COPY's throughput (copy-rows.ts).
 */
export const FRACTIONS_PER_SAVE: Readonly<Record<Engine, number>> = { pglite: 24, postgres: 20_000 };

/**
 * Audit linked courses at the app's now (one instant for all) and store them with their evidence,
 * findings and charges, with the practice's covering physicians (who may sign besides the course's
 * physician, DOC-011). What physicians did in the app is laid over the chart (app-documents.ts): a
 * necessity statement written here, and signatures made here on records, orders and the statement. The
 * courses are stored together (`saveCourses`: a few statements per table, not per course); a course
 * key met again first stores the courses before it, so a later entry replaces an earlier one as when
 * they were saved one by one. With `skipUnchanged`, a course stored exactly as this audit would store it
 * is not written again. Returns each course's audit, or null when the linked course is not a valid course
 * document (the problems are logged by identifier).
 */
export async function auditAndSaveAll(
  ctx: AppContext,
  trx: Trx,
  practiceId: string,
  linked: readonly unknown[],
  options: { skipUnchanged?: boolean; onCourse?: (index: number) => void | Promise<void> } = {},
): Promise<(CourseAudit | null)[]> {
  const now = ctx.now();
  const covers = await practiceCovers(trx, practiceId);
  const audits: (CourseAudit | null)[] = [];
  let pending: CourseToSave[] = [];
  let pendingFractions = 0;
  const flush = async () => {
    await saveCourses(trx, practiceId, pending);
    pending = [];
    pendingFractions = 0;
  };
  for (const [i, document] of linked.entries()) {
    await options.onCourse?.(i);
    const parsed = courseSchema.safeParse(document);
    if (!parsed.success) {
      ctx.log.warn(
        { practiceId, issues: parsed.error.issues.map((issue) => issue.path.join('.')) },
        'linked course is not a valid course document; not stored',
      );
      audits.push(null);
      continue;
    }
    if (pending.some((p) => p.course.courseId === parsed.data.courseId)) await flush();
    const save = await auditedCourse(ctx, trx, practiceId, parsed.data, now, covers);
    audits.push(save.audit);
    if (options.skipUnchanged && (await storedAsIs(trx, practiceId, save))) continue;
    const fractions = save.audit.fractions.length;
    if (pending.length && pendingFractions + fractions > FRACTIONS_PER_SAVE[ctx.engine]) await flush();
    pending.push(save);
    pendingFractions += fractions;
  }
  await flush();
  return audits;
}

/** A course audited at `now` and priced for the practice, with the instants its rows store. */
async function auditedCourse(
  ctx: AppContext,
  trx: Trx,
  practiceId: string,
  document: Course,
  now: number,
  covers: readonly CoverDesignation[],
): Promise<CourseToSave> {
  const courseKey = document.courseId;
  // Loaded: every time of the document is read once, for the audit and for the beam-ons stored here.
  const course = loadCourse(
    withAppDocuments(
      document,
      await writtenNecessity(trx, practiceId, courseKey),
      await appSignatures(trx, practiceId, courseKey),
    ),
  );
  const engine = { ...ctx.auditContext(now), covers };
  const national = auditCourse(course, engine);
  const codes = national.fractions.flatMap((f) => f.lines.map((l) => l.code));
  const rates = await loadPracticeRates(trx, practiceId, engine.rates, codes);
  const audit = withPracticeRates(national, course, rates, engine.profiles.get(national.payerProfile));
  const times = courseTimes(course);
  const instant = (ms: number | null): string | null => (ms === null ? null : isoInstant(ms));
  const firstBeamOn = new Map(course.fractions.map((f, i) => [f.id, instant(firstBeamOnMs(f, times, i))]));
  return {
    course,
    audit,
    firstBeamOn,
    nextBeamOn: instant(nextScheduledMs(times, now)),
    auditedAt: new Date(now).toISOString(),
    covers,
  };
}

/**
 * Whether the course is stored exactly as this audit would store it: the same document, course audit
 * and next beam-on, and the same fractions with the same audits (status, deadline, lines, findings) and
 * first beam-ons. Every row `saveCourses` writes derives from these (the covering physicians are the same
 * within an import), so re-saving would only rewrite identical rows.
 */
async function storedAsIs(trx: Trx, practiceId: string, save: CourseToSave): Promise<boolean> {
  const stored = await trx
    .selectFrom('courses')
    .select(['id', 'document', 'audit', 'next_beam_on'])
    .where('practice_id', '=', practiceId)
    .where('course_key', '=', save.course.courseId)
    .executeTakeFirst();
  const { findings, elements, claimLines } = save.audit;
  if (
    !stored ||
    !sameJson(stored.document, save.course) ||
    !sameJson(stored.audit, { findings, elements, claimLines }) ||
    !sameInstant(stored.next_beam_on, save.nextBeamOn)
  )
    return false;
  const fractions = await trx
    .selectFrom('fractions')
    .select(['fraction_key', 'audit', 'first_beam_on'])
    .where('course_id', '=', stored.id)
    .execute();
  const byKey = new Map(fractions.map((f) => [f.fraction_key, f]));
  return (
    fractions.length === save.audit.fractions.length &&
    save.audit.fractions.every((fa) => {
      const row = byKey.get(fa.fractionId);
      return (
        row !== undefined &&
        sameJson(row.audit, fa) &&
        sameInstant(row.first_beam_on, save.firstBeamOn.get(fa.fractionId) ?? null)
      );
    })
  );
}

/** A jsonb value as read back against a value about to be stored (key order and undefined do not count). */
const sameJson = (stored: unknown, value: unknown): boolean =>
  isDeepStrictEqual(
    typeof stored === 'string' ? JSON.parse(stored) : stored,
    JSON.parse(JSON.stringify(value)),
  );

const sameInstant = (stored: string | Date | null, value: string | null): boolean =>
  stored === null || value === null ? stored === value : new Date(stored).getTime() === Date.parse(value);

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
