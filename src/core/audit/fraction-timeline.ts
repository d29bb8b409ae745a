import type { Fraction, MonitoringSession } from '../model/course.js';
import { type CourseTimes, readFractionTimes } from '../model/course-times.js';
import type { Finding } from '../model/finding.js';
import type { LocalClock } from '../time/local-clock.js';
import type { AuditOptions } from './audit-options.js';
import { type Interval, subtract, union } from './intervals.js';
import { DOC_010 } from './rules/doc-010-readable-times.js';
import { stableSort } from './stable-sort.js';

type Sample = NonNullable<MonitoringSession['samples']>[number];

export interface Excursion {
  interval: Interval;
  beamHeld: boolean;
  sessionId: string;
}

export interface ResolvedMonitoring {
  session: MonitoringSession;
  interval: Interval;
  /** Times with valid monitoring data (session span minus gaps, or derived from samples). */
  covered: Interval[];
}

/** A fraction's times as instants, with the problems found while reading them (DOC-010). */
export interface FractionTimeline {
  fraction: Fraction;
  beams: { name: string; interval: Interval }[];
  firstBeamOn: number | null;
  lastBeamOff: number | null;
  monitoring: ResolvedMonitoring[];
  /** Union of every monitoring session's valid coverage. */
  coverage: Interval[];
  excursions: Excursion[];
  problems: Finding[];
  /** The course's times as read (this fraction's signatures' instants among them, at `index`). */
  times: CourseTimes;
  /** The fraction's place in its course's fractions (and in `times`). */
  index: number;
}

/** A DOC-010 finding: the reading `value` of `field` cannot be read as an instant. */
function unreadable(fraction: Fraction, clock: LocalClock, field: string, value: string): Finding {
  const problem = clock.problem(value);
  const why =
    problem === 'ambiguous'
      ? `falls in the repeated hour when clocks go back in ${clock.timeZone}`
      : problem === 'nonexistent'
        ? `falls in the hour skipped when clocks go forward in ${clock.timeZone}`
        : 'is not a valid date-time';
  return {
    ruleId: DOC_010.id,
    severity: 'error',
    subject: fractionSubject(fraction),
    message: `${field} ${value} ${why}.`,
    evidence: { field, value, problem },
    fix: 'Correct the time in the source record (or give it with its UTC offset) and re-import.',
  };
}

const fractionSubject = (fraction: Fraction): string => `fraction ${fraction.number} (${fraction.id})`;

/**
 * The interval from `s` to `e` (read from the readings `start` and `end`) of what `${what}${id}${part}`
 * names (`beam LT MED`, `monitoring M1 gap`); null, with its problems, when it cannot be read or ends
 * before it starts. Labels and messages are built only then, never per reading.
 */
function span(
  s: number,
  e: number,
  start: string,
  end: string,
  what: string,
  id: string,
  part: string,
  fraction: Fraction,
  clock: LocalClock,
  problems: Finding[],
): Interval | null {
  if (!Number.isNaN(s) && !Number.isNaN(e)) {
    if (e >= s) return { start: s, end: e };
    const field = `${what}${id}${part}`;
    problems.push({
      ruleId: DOC_010.id,
      severity: 'error',
      subject: fractionSubject(fraction),
      message: `${field} ends (${end}) before it starts (${start}).`,
      evidence: { field, start, end },
      fix: 'Correct the times in the source record and re-import.',
    });
    return null;
  }
  if (Number.isNaN(s)) problems.push(unreadable(fraction, clock, `${what}${id}${part} start`, start));
  if (Number.isNaN(e)) problems.push(unreadable(fraction, clock, `${what}${id}${part} end`, end));
  return null;
}

/**
 * A fraction's timeline from its times (`times`, with the fraction at `index`: read when the course
 * document was loaded, else read now), with the problems found in them (DOC-010).
 */
export function resolveTimeline(
  fraction: Fraction,
  clock: LocalClock,
  options: AuditOptions,
  times: CourseTimes = readFractionTimes(fraction, clock),
  index = 0,
): FractionTimeline {
  const problems: Finding[] = [];
  const r = times.readings;
  let k = times.readingStart[index]!; // the next reading of `r`

  // Beams, sessions and excursions in time order (ties by name/id): checks that report "the first" or
  // "the longest" of several must not depend on the order the records were imported in. Arrays are made
  // at their size (a pushed-to empty array reserves room for 17).
  let beams: { name: string; interval: Interval }[] = new Array(fraction.beams.length);
  let beamCount = 0;
  let firstBeamOn: number | null = null;
  let lastBeamOff: number | null = null;
  for (const b of fraction.beams) {
    const interval = span(
      r[k]!,
      r[k + 1]!,
      b.beamOn,
      b.beamOff,
      'beam ',
      b.name,
      '',
      fraction,
      clock,
      problems,
    );
    k += 2;
    if (!interval) continue;
    beams[beamCount++] = { name: b.name, interval };
    if (firstBeamOn === null || interval.start < firstBeamOn) firstBeamOn = interval.start;
    if (lastBeamOff === null || interval.end > lastBeamOff) lastBeamOff = interval.end;
  }
  if (beamCount < beams.length) beams = beams.slice(0, beamCount);
  stableSort(beams, byBeamTime);
  if (fraction.beams.length === 0) {
    problems.push({
      ruleId: DOC_010.id,
      severity: 'error',
      subject: fractionSubject(fraction),
      message: 'No beam-on is recorded for this fraction.',
      fix: 'Import the treatment record for this fraction, or remove the fraction if it was not delivered.',
    });
  }

  let monitoring: ResolvedMonitoring[] = new Array(fraction.monitoring.length);
  let sessionCount = 0;
  const excursions: Excursion[] = [];
  for (const session of fraction.monitoring) {
    const m = 'monitoring ';
    const interval = span(
      r[k]!,
      r[k + 1]!,
      session.start,
      session.end,
      m,
      session.id,
      '',
      fraction,
      clock,
      problems,
    );
    k += 2;
    if (!interval) {
      k += (session.gaps.length + session.excursions.length) * 2;
      continue;
    }
    let gaps: Interval[] | null = null; // most sessions have none
    for (const g of session.gaps) {
      const gap = span(r[k]!, r[k + 1]!, g.start, g.end, m, session.id, ' gap', fraction, clock, problems);
      k += 2;
      if (gap) (gaps ??= []).push(gap);
    }
    // Without gaps the session covers its whole span (coverage is read, never changed).
    const covered = session.samples
      ? coverageFromSamples(session, interval.start, options)
      : gaps === null
        ? [interval]
        : subtract([interval], union(gaps));
    monitoring[sessionCount++] = { session, interval, covered };
    for (const x of session.excursions) {
      const xi = span(
        r[k]!,
        r[k + 1]!,
        x.start,
        x.end,
        m,
        session.id,
        ' excursion',
        fraction,
        clock,
        problems,
      );
      k += 2;
      if (xi) excursions.push({ interval: xi, beamHeld: x.beamHeld, sessionId: session.id });
    }
    if (session.samples) excursions.push(...excursionsFromSamples(session, interval.start, options));
  }

  if (sessionCount < monitoring.length) monitoring = monitoring.slice(0, sessionCount);
  stableSort(monitoring, bySessionTime);
  stableSort(excursions, byExcursionTime);
  return {
    fraction,
    beams,
    firstBeamOn,
    lastBeamOff,
    monitoring,
    coverage: monitoring.length === 1 ? monitoring[0]!.covered : union(monitoring.flatMap((m) => m.covered)),
    excursions,
    problems,
    times,
    index,
  };
}

function byInterval(a: Interval, b: Interval): number {
  return a.start - b.start || a.end - b.end;
}

const byBeamTime = (a: { name: string; interval: Interval }, b: { name: string; interval: Interval }) =>
  byInterval(a.interval, b.interval) || a.name.localeCompare(b.name);

const bySessionTime = (a: ResolvedMonitoring, b: ResolvedMonitoring) =>
  byInterval(a.interval, b.interval) || a.session.id.localeCompare(b.session.id);

const byExcursionTime = (a: Excursion, b: Excursion) =>
  byInterval(a.interval, b.interval) ||
  a.sessionId.localeCompare(b.sessionId) ||
  Number(a.beamHeld) - Number(b.beamHeld);

/** Samples in time order; samples with the same time in a fixed order whatever the input order. */
function sortedSamples(session: MonitoringSession): Sample[] {
  const rank = (s: Sample) =>
    Number(s.valid) * 4 + Number(s.outOfTolerance ?? false) * 2 + Number(s.xrayOn ?? false);
  return [...(session.samples ?? [])].sort((a, b) => a.t - b.t || rank(a) - rank(b));
}

/** Two consecutive valid samples no further apart than the occlusion tolerance cover the time between them. */
function coverageFromSamples(session: MonitoringSession, startMs: number, options: AuditOptions): Interval[] {
  const samples = sortedSamples(session);
  const out: Interval[] = [];
  for (let i = 1; i < samples.length; i++) {
    const a = samples[i - 1]!;
    const b = samples[i]!;
    if (a.valid && b.valid && b.t - a.t <= options.occlusionToleranceSec) {
      out.push({ start: startMs + a.t * 1000, end: startMs + b.t * 1000 });
    }
  }
  return union(out);
}

/**
 * Runs of out-of-tolerance samples; the beam counts as held when no sample later than the hold latency
 * into the run still shows the beam on (seed: "if the patient moves out of tolerance treatment must be
 * paused"). Needs the X-ray state on the samples.
 */
function excursionsFromSamples(
  session: MonitoringSession,
  startMs: number,
  options: AuditOptions,
): Excursion[] {
  const samples = sortedSamples(session);
  if (!samples.some((s) => s.xrayOn !== undefined)) return [];
  const out: Excursion[] = [];
  let i = 0;
  while (i < samples.length) {
    if (!(samples[i]!.valid && samples[i]!.outOfTolerance)) {
      i++;
      continue;
    }
    const first = samples[i]!;
    let j = i;
    let beamHeld = true;
    while (j < samples.length && samples[j]!.valid && samples[j]!.outOfTolerance) {
      if (samples[j]!.xrayOn && samples[j]!.t - first.t > options.holdLatencySec) beamHeld = false;
      j++;
    }
    const endT = samples[j]?.t ?? samples[j - 1]!.t;
    out.push({
      interval: { start: startMs + first.t * 1000, end: startMs + endT * 1000 },
      beamHeld,
      sessionId: session.id,
    });
    i = j;
  }
  return out;
}
