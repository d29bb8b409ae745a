import { type MonitoringSession, UNKNOWN } from '../../../core/model/course.js';
import type { Parsed } from '../../../core/model/input-problem.js';
import type { RtdLog } from './rtd-types.js';

export interface MonitoringSessionOptions {
  /** The session's id in the course document (e.g. the file name or the R&V record id). */
  id: string;
  /** Where the log came from, for the problem when it has no clock time. */
  source: string;
  /**
   * Add the raw samples ({t, valid, outOfTolerance, xrayOn}); the audit then derives coverage and
   * excursions from them, so `excursions` is left empty to avoid counting each excursion twice
   * (src/core/audit/fraction-timeline.ts reads both).
   */
  includeSamples?: boolean;
}

/**
 * An RTD log as the course model's monitoring session (`monitoringSessionSchema`): system AlignRT, the
 * header's start and end, thresholds (null when `N/A`) and gating as the log states them ("unknown" when
 * it has no such column), its source (a real-time log), gaps and excursions as local intervals.
 * A copy without a header has no clock time and cannot be placed on the day: that is a problem.
 */
export function toMonitoringSession(
  log: RtdLog,
  options: MonitoringSessionOptions,
): Parsed<MonitoringSession> {
  const d = log.derived;
  if (d.monitoringStart === null || d.monitoringEnd === null) {
    return {
      ok: false,
      problems: [
        {
          location: `${options.source}:header, field "Start Time"`,
          message:
            'no clock time (no header block or no readable Start Time): the session cannot be placed on the treatment day',
        },
      ],
    };
  }
  // Intervals with clock times; one that runs backwards (elapsed times out of order, already a warning of
  // the reader) is left out rather than handed to the audit as a time error.
  const local = <T extends { startSec: number; endSec: number; start: string | null; end: string | null }>(
    items: T[],
  ) =>
    items.flatMap((x) =>
      x.start !== null && x.end !== null && x.startSec <= x.endSec
        ? [{ ...x, start: x.start, end: x.end }]
        : [],
    );
  // What the log states: thresholds (null when every cell is "N/A") and Gating Active; a log whose
  // columns do not include them states nothing, so they are unknown (domain.md §5.1).
  const has = (key: string) => log.columns.some((c) => c.key === key);
  const thresholds = !(has('transThresholdCm') || has('rotThresholdDeg'))
    ? UNKNOWN
    : d.thresholds && (d.thresholds.translationCm !== null || d.thresholds.rotationDeg !== null)
      ? { translationCm: d.thresholds.translationCm, rotationDeg: d.thresholds.rotationDeg }
      : null;
  const session: MonitoringSession = {
    id: options.id,
    system: 'AlignRT',
    start: d.monitoringStart,
    end: d.monitoringEnd,
    thresholds,
    gatingActive: d.gatingActive ?? UNKNOWN,
    source: { kind: 'realtime-log', location: options.source },
    gaps: local(d.gaps).map(({ start, end }) => ({ start, end })),
    excursions: options.includeSamples
      ? []
      : local(d.excursions).map(({ start, end, beamHeld }) => ({ start, end, beamHeld })),
  };
  if (options.includeSamples) {
    const s = log.samples;
    const samples: NonNullable<MonitoringSession['samples']> = [];
    for (let i = 0; i < s.count; i++) {
      const t = s.elapsedSec[i]!;
      if (!(t >= 0)) continue; // the model's elapsed time starts at the session start
      samples.push({
        t,
        valid: s.valid[i] === 1,
        outOfTolerance: s.outOfTolerance[i] === 1,
        xrayOn: s.xrayOn[i] === 1,
      });
    }
    session.samples = samples;
  }
  return { ok: true, value: session };
}
