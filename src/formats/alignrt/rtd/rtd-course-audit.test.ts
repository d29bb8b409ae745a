import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCourse, findingKeys, fraction, fx, runAudit } from '../../../../test/support/course-builder.js';
import { readRtdLog } from './read-rtd-log.js';
import { toMonitoringSession } from './rtd-monitoring-session.js';

/**
 * End to end with the audit: a fraction on 2026-03-02 whose beams are the log's beam-on intervals and whose
 * monitoring is the log as a monitoring session. The shapes fit the course model and the audit reads them
 * as domain.md §3 expects: the gated log demonstrates monitoring, thresholds and holds; the monitoring-only
 * log shows no beam-hold capability (DOC-006); the older log's missed hold fails DOC-007.
 */
function audit(name: string, includeSamples: boolean) {
  const r = readRtdLog(new Uint8Array(readFileSync(`test/fixtures/alignrt/rtd/${name}`)), name);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  const session = toMonitoringSession(r.value, { id: 'RTD-1', source: name, includeSamples });
  if (!session.ok) throw new Error(JSON.stringify(session.problems));
  const course = buildCourse({
    fractions: 1,
    edit: (c) => {
      const f = fx(c, 1);
      f.beams = r.value.derived.beamOn.map((b, i) => ({
        name: `B${i + 1}`,
        beamOn: b.start!,
        beamOff: b.end!,
      }));
      f.monitoring = [session.value];
    },
  });
  return findingKeys(fraction(runAudit(course), 1)).filter((k) => /DOC-00[5-7]/.test(k));
}

describe('RTD logs through the audit', () => {
  it.each([false, true])(
    'gated DIBH (samples: %s): covered, thresholds and gating, excursion held',
    (samples) => {
      expect(audit('rtd-breast-dibh-gated.txt', samples)).toEqual([]);
    },
  );

  it.each([false, true])('monitoring only (samples: %s): no beam-hold capability', (samples) => {
    expect(audit('rtd-monitoring-no-thresholds.txt', samples)).toEqual(['DOC-006:error']);
  });

  it.each([false, true])(
    'older log with a missed hold (samples: %s): not paused out of tolerance',
    (samples) => {
      expect(audit('rtd-older-mm-tab-lf.txt', samples)).toEqual(['DOC-007:error']);
    },
  );
});
