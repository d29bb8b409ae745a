import type { FractionAudit } from '../audit/audit-course.js';
import type { AuditOptions } from '../audit/audit-options.js';
import { resolveTimeline } from '../audit/fraction-timeline.js';
import { uncovered } from '../audit/intervals.js';
import { DOC_008 } from '../audit/rules/doc-008-sgrt-record-signed.js';
import { type Course, UNKNOWN } from '../model/course.js';
import { thresholdLabel } from '../audit/monitoring-labels.js';
import { clockFor } from '../time/local-clock.js';

/**
 * The patient's own motion evidence for a letter (domain.md §8: "which system monitored which
 * fractions, the thresholds, how many beam holds occurred and the largest excursions, and the signed
 * records"), read from the course document the audit read, with the audit's signature verdicts
 * (DOC-008). Identifiers and dates of service only: no names, no times of day.
 */
export interface MotionEvidence {
  systems: string[];
  /** Distinct threshold settings, e.g. "0.3 cm / 3°"; "none recorded" sessions are counted apart. */
  thresholds: string[];
  sessionsWithoutThresholds: number;
  fractionsPlanned: number;
  fractionsDelivered: number;
  /** Delivered fractions with at least one monitoring session. */
  fractionsMonitored: number;
  excursions: number;
  beamHolds: number;
  /** The longest excursions (at most three), longest first. */
  largestExcursions: { fraction: number; date: string; seconds: number; beamHeld: boolean }[];
  /** Beam-on time with valid monitoring, in tenths of a percent (1000 = all); null without beam-on. */
  coveragePermille: number | null;
  /** SGRT records signed before the next beam-on (DOC-008), signed late, or not signed. */
  signatures: { onTime: number; late: number; unsigned: number };
  firstDate: string | null;
  lastDate: string | null;
  /** Per delivered fraction, in delivery order (an appeal quotes the fraction of its date of service). */
  fractions: FractionEvidence[];
}

export interface FractionEvidence {
  number: number;
  date: string;
  systems: string[];
  coveragePermille: number | null;
  /** Threshold settings its records state ("none recorded" sessions are left out). */
  thresholds: string[];
  /** Some session of the fraction could hold the beam (gating active). */
  beamHoldActive: boolean;
  /** Some session's record states whether gating was active (a PDF report does not: DOC-006). */
  beamHoldStated: boolean;
  excursions: number;
  beamHolds: number;
  /** The SGRT record's signature; null when the fraction has no monitoring record. */
  signature: 'on-time' | 'late' | 'unsigned' | null;
}

const LARGEST = 3;

export function motionEvidence(
  course: Course,
  audits: readonly FractionAudit[],
  options: AuditOptions,
): MotionEvidence {
  const clock = clockFor(course.facility.timeZone);
  const byId = new Map(audits.map((a) => [a.fractionId, a]));
  const fractions = [...course.fractions].sort((a, b) => a.date.localeCompare(b.date) || a.number - b.number);
  const sessions = fractions.flatMap((f) => f.monitoring);
  const thresholds = new Set(statedThresholdLabels(sessions));
  // A record that does not state thresholds (a PDF report) is not one without: the plan's apply.
  const sessionsWithoutThresholds = sessions.filter(
    (s) => s.thresholds !== UNKNOWN && thresholdLabel(s.thresholds) === null,
  ).length;
  let beamOnMs = 0;
  let coveredMs = 0;
  const excursions: MotionEvidence['largestExcursions'] = [];
  const signatures = { onTime: 0, late: 0, unsigned: 0 };
  const perFraction: FractionEvidence[] = [];
  for (const f of fractions) {
    const timeline = resolveTimeline(f, clock, options);
    let fractionOnMs = 0;
    let fractionCoveredMs = 0;
    for (const beam of timeline.beams) {
      const ms = beam.interval.end - beam.interval.start;
      fractionOnMs += ms;
      fractionCoveredMs +=
        ms - uncovered(beam.interval, timeline.coverage).reduce((n, g) => n + g.end - g.start, 0);
    }
    beamOnMs += fractionOnMs;
    coveredMs += fractionCoveredMs;
    const fractionExcursions = timeline.excursions.length;
    const fractionHolds = timeline.excursions.filter((x) => x.beamHeld).length;
    for (const x of timeline.excursions)
      excursions.push({
        fraction: f.number,
        date: f.date,
        seconds: Math.round((x.interval.end - x.interval.start) / 100) / 10,
        beamHeld: x.beamHeld,
      });
    const late = byId.get(f.id)?.findings.some((x) => x.ruleId === DOC_008.id) ?? false;
    const signature =
      f.monitoring.length === 0 ? null : !f.sgrtRecord?.signature ? 'unsigned' : late ? 'late' : 'on-time';
    if (signature === 'unsigned') signatures.unsigned++;
    if (signature === 'late') signatures.late++;
    if (signature === 'on-time') signatures.onTime++;
    perFraction.push({
      number: f.number,
      date: f.date,
      systems: [...new Set(f.monitoring.map((m) => m.system))].sort(),
      coveragePermille: permille(fractionCoveredMs, fractionOnMs),
      thresholds: [...new Set(statedThresholdLabels(f.monitoring))].sort(),
      beamHoldActive: f.monitoring.some((m) => m.gatingActive === true),
      beamHoldStated: f.monitoring.some((m) => m.gatingActive !== UNKNOWN),
      excursions: fractionExcursions,
      beamHolds: fractionHolds,
      signature,
    });
  }
  const monitored = fractions.filter((f) => f.monitoring.length > 0);
  return {
    systems: [...new Set(sessions.map((s) => s.system))].sort(),
    thresholds: [...thresholds].sort(),
    sessionsWithoutThresholds,
    fractionsPlanned: course.plan.fractionsPlanned,
    fractionsDelivered: fractions.length,
    fractionsMonitored: monitored.length,
    excursions: excursions.length,
    beamHolds: excursions.filter((x) => x.beamHeld).length,
    largestExcursions: [...excursions]
      .sort((a, b) => b.seconds - a.seconds || a.date.localeCompare(b.date) || a.fraction - b.fraction)
      .slice(0, LARGEST),
    coveragePermille: permille(coveredMs, beamOnMs),
    signatures,
    firstDate: fractions[0]?.date ?? null,
    lastDate: fractions.at(-1)?.date ?? null,
    fractions: perFraction,
  };
}

/** The threshold labels the sessions state (those stating none or not stating them are left out). */
function statedThresholdLabels(
  sessions: readonly Course['fractions'][number]['monitoring'][number][],
): string[] {
  return sessions.flatMap((s) => {
    const t = s.thresholds === UNKNOWN ? null : thresholdLabel(s.thresholds);
    return t === null ? [] : [t];
  });
}

const permille = (part: number, whole: number) => (whole > 0 ? Math.floor((1000 * part) / whole) : null);

/** 992 → "99.2%". */
export function permilleLabel(permille: number): string {
  return `${Math.floor(permille / 10)}.${permille % 10}%`;
}
