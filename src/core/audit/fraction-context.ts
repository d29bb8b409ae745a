import type { Course } from '../model/course.js';
import type { PayerProfile } from '../payers/payer-profile.js';
import type { AuditOptions } from './audit-options.js';
import type { ElementScore, NecessityProblem } from './documentation-elements.js';
import type { FractionTimeline } from './fraction-timeline.js';

/** When a fraction's records must be signed: the next beam-on (issue #2; seed "Key takeaways"). */
export interface SignatureDeadline {
  at: number;
  basis: 'next fraction' | 'next scheduled fraction' | 'end of course';
}

/** Everything an evidence check may read about one fraction; computed once per course. */
export interface FractionContext {
  course: Course;
  timeline: FractionTimeline;
  subject: string;
  profile: PayerProfile;
  options: AuditOptions;
  now: number;
  deadline: SignatureDeadline | null;
  necessity: NecessityProblem;
  elements: ElementScore[];
}

export const iso = (ms: number): string => new Date(ms).toISOString();
