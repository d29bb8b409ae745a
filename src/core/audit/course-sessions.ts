import { numberingFinding } from '../coding/rules/code-011-course-limits.js';
import { deliveredModality } from '../coding/rules/code-013-delivered-beams.js';
import type { Course } from '../model/course.js';
import type { Finding } from '../model/finding.js';
import type { SessionFacts } from '../model/session-facts.js';
import type { PayerProfile } from '../payers/payer-profile.js';
import type { FractionTimeline } from './fraction-timeline.js';
import type { CourseMotion } from './motion-settings.js';

const NO_FINDINGS: readonly Finding[] = Object.freeze([]);

// 77387-26 stays on the coded lines whatever the review's state; DOC-009 then holds it (pending) or drops
// it (late or overdue: seed, "signed prior to next beam on to meet criteria for billing the professional
// service"). Dropping an overdue review here instead left the fraction 'ready' with no DOC-009 finding, so
// a late signature ranked worse than none.
const IMAGED = Object.freeze({ performed: true, physicianReviewed: true });
const NOT_IMAGED = Object.freeze({ performed: false, physicianReviewed: true });

/**
 * The session facts of a course's distinct sessions as the chart states them, in delivery order. The
 * fraction number is the session's place in delivery order: a course-limited code counts sessions
 * delivered (CPT 77373 "entire course not to exceed 5 fractions"), so a renumbered or misnumbered record
 * neither resets nor advances the count; a stereotactic record whose number differs is reported
 * (CODE-011). A second session the same day is judged on its break after the day's last earlier session
 * with a beam-off (CMS PM A-03-020). The sessions of a date are found once per course (they are
 * consecutive in delivery order), and one facts object is filled anew for each session.
 */
export class CourseSessions {
  /** The facts of the session last asked for (`findingsOf`); overwritten by the next call. */
  readonly facts: SessionFacts;
  /** Per session: the number of sessions on its date. */
  private readonly sameDay: number[];
  /** Per session: the last earlier session of its date with a beam-off, or -1. */
  private readonly previous: number[];
  private readonly stereotactic: boolean;

  constructor(
    private readonly course: Course,
    motion: CourseMotion,
    private readonly sessions: readonly FractionTimeline[],
    profile: PayerProfile,
  ) {
    const n = sessions.length;
    this.sameDay = new Array<number>(n).fill(0);
    this.previous = new Array<number>(n).fill(-1);
    let dayStart = 0;
    let previous = -1;
    for (let i = 0; i <= n; i++) {
      if (i === n || (i > 0 && sessions[i]!.fraction.date !== sessions[dayStart]!.fraction.date)) {
        this.sameDay.fill(i - dayStart, dayStart, i);
        dayStart = i;
        previous = -1;
      }
      if (i === n) break;
      this.previous[i] = previous;
      if (sessions[i]!.lastBeamOff !== null) previous = i;
    }
    const plan = course.plan;
    this.stereotactic = plan.technique === 'SRS' || plan.technique === 'SBRT';
    this.facts = {
      dateOfService: '',
      placeOfService: course.facility.placeOfService,
      payer: profile.id,
      modality: plan.modality,
      technique: plan.technique,
      isocenters: plan.isocenters,
      // The plan's, with an order's thresholds when the plan states none (CODE-012 then agrees with
      // DOC-006); an order's when the plan states no motion management.
      motionManagement: motion.mm,
      imageGuidance: null,
      sessionsToday: 1,
      hoursSincePreviousSession: null,
      fractionNumber: 1,
      fractionsPlanned: plan.fractionsPlanned,
      sessionsInCourse: n,
      site: course.site,
      deliverySystem: plan.deliverySystem,
      postedCodes: undefined,
    };
  }

  /** Fill `facts` with session `i`'s facts; the findings about them (CODE-013, CODE-011), usually none. */
  findingsOf(i: number, subject: string): readonly Finding[] {
    const t = this.sessions[i]!;
    const fraction = t.fraction;
    const ordinal = i + 1;
    const p = this.previous[i]!;
    const hours =
      p !== -1 && t.firstBeamOn !== null
        ? Math.max(0, (t.firstBeamOn - this.sessions[p]!.lastBeamOff!) / 3_600_000)
        : null;
    const delivered = deliveredModality(this.course.plan.modality, fraction.beams, subject);
    const facts = this.facts;
    facts.dateOfService = fraction.date;
    facts.modality = delivered.modality;
    facts.imageGuidance = fraction.imageGuidance
      ? fraction.imageGuidance.performed
        ? IMAGED
        : NOT_IMAGED
      : null;
    facts.sessionsToday = this.sameDay[i]!;
    facts.hoursSincePreviousSession = hours === null ? null : Math.min(24, hours);
    facts.fractionNumber = ordinal;
    facts.postedCodes = fraction.postedCodes;
    const numbering = this.stereotactic ? numberingFinding(fraction.number, ordinal, subject) : null;
    if (delivered.finding) return numbering ? [delivered.finding, numbering] : [delivered.finding];
    return numbering ? [numbering] : NO_FINDINGS;
  }
}
