import type { Course } from '../model/course.js';
import type { PayerProfile } from '../payers/payer-profile.js';
import { isoInstant } from '../time/iso-instant.js';
import type { LocalClock } from '../time/local-clock.js';
import type { AuditOptions } from './audit-options.js';
import type { ElementScore, NecessityProblem } from './documentation-elements.js';
import type { FractionTimeline } from './fraction-timeline.js';
import type { CourseMotion } from './motion-settings.js';
import type { MotionOrderSigning } from './rules/doc-001-motion-management-order.js';
import type { CoverDesignation } from './signer-capacity.js';

/** When a fraction's records must be signed: the next beam-on (issue #2; seed "Key takeaways"). */
export interface SignatureDeadline {
  at: number;
  /**
   * `unreadable next fraction`: the next fraction's beam-on time cannot be read (DOC-010), so `at` is the
   * start of its day: a signature before it is surely in time, one after it cannot be judged yet.
   */
  basis: 'next fraction' | 'next scheduled fraction' | 'end of course' | 'unreadable next fraction';
}

/**
 * Everything an evidence check may read about one fraction: one per course, its fraction fields
 * (`timeline`, `subject`, `deadline`) set for each fraction in turn.
 */
export interface FractionContext {
  course: Course;
  /** The facility's clock, to show instants as local times in messages. */
  clock: LocalClock;
  timeline: FractionTimeline;
  subject: string;
  profile: PayerProfile;
  options: AuditOptions;
  /** The practice's covering physicians (who may sign besides the course's physician). */
  covers: readonly CoverDesignation[];
  now: number;
  deadline: SignatureDeadline | null;
  necessity: NecessityProblem;
  elements: ElementScore[];
  /** The course's motion-management order (DOC-001), the same for every fraction. */
  motionOrder: MotionOrderSigning;
  /** The course's motion management (plan, or order), the same for every fraction. */
  motion: CourseMotion;
}

/** An instant as ISO 8601 in UTC (`toISOString`'s form). */
export const iso = isoInstant;
