import type { Finding } from '../../model/finding.js';
import type { RuleMeta } from '../../model/rule.js';
import type { FractionTimeline } from '../fraction-timeline.js';
import { overlaps } from '../intervals.js';

export const DOC_012: RuleMeta = {
  id: 'DOC-012',
  title: 'A session recorded twice is one session: the repeat is not billed nor counted',
  severity: 'error',
  source:
    'CPT 77402–77412/77373: treatment delivery is reported per session delivered ("per fraction"; 77373 "entire course not to exceed 5 fractions" counts sessions); a second session the same day is billable only as a distinct treatment after a break (CMS PM A-03-020): one patient cannot receive two deliveries at the same time, so a record whose beams overlap another\'s (same id, or a re-export with a new id) repeats it [C]',
};

/**
 * For each timeline (in delivery order: sorted by date), the index of the earliest timeline before it
 * that it repeats, or -1: the same fraction id, or a beam delivered at the same time (overlapping beam-on
 * intervals) on the same date. Ids are indexed once and beams are compared only within a date, so a long
 * course costs no more per fraction than a short one.
 */
export function repeatedSessions(timelines: readonly FractionTimeline[]): number[] {
  const repeats: number[] = new Array(timelines.length);
  const firstWithId = new Map<string, number>();
  let dayStart = 0; // the first timeline of the current date
  for (let i = 0; i < timelines.length; i++) {
    const t = timelines[i]!;
    if (t.fraction.date !== timelines[dayStart]!.fraction.date) dayStart = i;
    let repeated = firstWithId.get(t.fraction.id) ?? -1;
    if (repeated === -1) firstWithId.set(t.fraction.id, i);
    const before = repeated === -1 ? i : repeated;
    for (let j = dayStart; j < before; j++)
      if (beamsOverlap(timelines[j]!, t)) {
        repeated = j;
        break;
      }
    repeats[i] = repeated;
  }
  return repeats;
}

function beamsOverlap(a: FractionTimeline, b: FractionTimeline): boolean {
  for (const x of a.beams) for (const y of b.beams) if (overlaps(x.interval, y.interval)) return true;
  return false;
}

export function repeatedSessionFinding(
  repeat: FractionTimeline,
  original: FractionTimeline,
  subject: string,
): Finding {
  const sameId = repeat.fraction.id === original.fraction.id;
  return {
    ruleId: DOC_012.id,
    severity: 'error',
    subject,
    message: `This record repeats fraction ${original.fraction.number} (${original.fraction.id}) of ${original.fraction.date}: ${sameId ? 'the same fraction id' : 'its beams were delivered at the same times'}. It is not billed and does not count toward the course's sessions.`,
    evidence: { repeats: original.fraction.id, sameId },
    fix: 'Remove the duplicate record from the export (or correct its times if it is a distinct session) and re-import.',
  };
}
