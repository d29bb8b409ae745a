import type { RuleMeta } from '../../model/rule.js';
import type { FractionContext } from '../fraction-context.js';
import { NO_OUTCOME, outcome, type Outcome } from '../outcome.js';

export const DOC_004: RuleMeta = {
  id: 'DOC-004',
  title: 'Every fraction billed 77412 for motion management has a monitoring record',
  severity: 'error',
  source: 'Seed, "Key Takeaways": an SGRT document must be saved for each treatment [seed]',
};

export function checkMonitoringRecord(ctx: FractionContext): Outcome {
  if (ctx.timeline.fraction.monitoring.length > 0) return NO_OUTCOME;
  return outcome(
    {
      ruleId: DOC_004.id,
      severity: 'error',
      subject: ctx.subject,
      message: 'No surface-guidance/monitoring record for this fraction.',
      fix: 'Import the monitoring log or report for this fraction; if none was saved, bill 77407.',
    },
    'hold',
  );
}
