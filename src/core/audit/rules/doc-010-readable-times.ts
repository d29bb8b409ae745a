import type { Finding } from '../../model/finding.js';
import type { RuleMeta } from '../../model/rule.js';

export const DOC_010: RuleMeta = {
  id: 'DOC-010',
  title: 'Treatment and monitoring times are real, unambiguous facility times with beam-off after beam-on',
  severity: 'error',
  source:
    'architecture.md "Time": an ambiguous local time (DST fall-back) is a finding, not a guess; DICOM (3008,0024)/(3008,0025) control point times are local unless (0008,0201) Timezone Offset From UTC is present (PS3.3 C.12.1.1.8): a time given with its offset is one instant, never ambiguous',
};

/** A scheduled beam-on that cannot be read is left out of the signature deadlines, and said so. */
export function unreadableScheduleFinding(value: string, problem: string, subject: string): Finding {
  return {
    ruleId: DOC_010.id,
    severity: 'warning',
    subject,
    message: `Scheduled beam-on ${value} is ${problem === 'malformed' ? 'not a valid date-time' : `${problem} in the facility's time zone`}: it is not used as a signature deadline.`,
    evidence: { field: 'schedule.beamOn', value, problem },
    fix: 'Correct the schedule entry (or give the time with its UTC offset).',
  };
}
