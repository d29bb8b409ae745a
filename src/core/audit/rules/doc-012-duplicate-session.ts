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
 * For each timeline (in delivery order), the index of the earlier timeline it repeats, or -1: the same
 * fraction id, or a beam delivered at the same time (overlapping beam-on intervals) on the same date.
 */
export function repeatedSessions(timelines: readonly FractionTimeline[]): number[] {
  const repeats: number[] = [];
  for (let i = 0; i < timelines.length; i++) {
    const t = timelines[i]!;
    let repeated = -1;
    for (let j = 0; j < i && repeated === -1; j++) {
      const o = timelines[j]!;
      if (o.fraction.id === t.fraction.id || (o.fraction.date === t.fraction.date && beamsOverlap(o, t)))
        repeated = j;
    }
    repeats.push(repeated);
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
