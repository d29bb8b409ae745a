import type { ImagingModality } from '../../core/model/course.js';
import {
  AMM_KINDS,
  type CourseKind,
  type MonitoringEvent,
  type MonitoringMode,
  type SimBeam,
  type SimFraction,
  type SimMonitoring,
} from './clinic-model.js';
import { wallClock } from './clinic-time.js';
import type { KindPlan } from './course-plans.js';
import { hashSeed, rngFor } from './prng.js';

/** What is known of a course before its fractions are laid out. */
export interface CourseFrame {
  seed: number;
  index: number;
  kind: CourseKind;
  courseId: string;
  kp: KindPlan;
  /** Minutes after midnight of the daily slot (and of the afternoon slot for twice-daily courses). */
  slot: number;
  afternoonSlot: number | null;
  /** AlignRT sessions of a motion-managed course: gated, or without thresholds and gating (a defect). */
  ammMode: Exclude<MonitoringMode, 'setup-only'>;
}

/** Events that change a fraction's timeline (decided before it is laid out). */
export interface FractionFlags {
  twoSessions: boolean;
  heldExcursion: boolean;
  interrupted: boolean;
  /** Twice-daily second session only 3 h after the first (the payer expects 6). */
  shortBreak: boolean;
}

export const NO_FLAGS: FractionFlags = {
  twoSessions: false,
  heldExcursion: false,
  interrupted: false,
  shortBreak: false,
};

const S = 1000;
const round1 = (x: number) => Math.round(x * 10) / 10;
const ceilSecond = (ms: number) => Math.ceil(ms / S) * S;

/**
 * One fraction's session: beams in order with their beam-on/off (whole seconds), beam holds and an
 * interrupted beam's two parts, the AlignRT sessions around them, and the codes the OIS posts. Its own
 * random stream, so the fraction is the same whatever else the clinic holds. Signatures are set later
 * (they depend on the next fraction's beam-on).
 */
export function buildFraction(
  frame: CourseFrame,
  number: number,
  date: string,
  session: 0 | 1,
  flags: FractionFlags,
  previous: SimFraction | null,
): SimFraction {
  const rng = rngFor(frame.seed, 'fraction', frame.index, number);
  const { kp } = frame;
  const amm = AMM_KINDS.has(frame.kind);
  const id = `${frame.courseId}-F${String(number).padStart(2, '0')}`;
  const setupSec = rng.int(kp.setupSec[0], kp.setupSec[1]);
  let start: number;
  if (flags.shortBreak && previous) {
    // The afternoon session brought forward: about 3 h after the morning one (machine booked later).
    const firstOn = ceilSecond(lastOff(previous) + 3 * 3600 * S + rng.int(-300, 300) * S);
    start = firstOn - setupSec * S;
  } else {
    const slot = session === 1 ? frame.afternoonSlot! : frame.slot;
    start = wallClock(date, 0) + slot * 60 * S + rng.int(0, 150) * S;
  }

  const events: MonitoringEvent[] = [];
  const beams: SimBeam[] = [];
  const holdBeam = flags.heldExcursion ? rng.int(0, kp.beams.length - 1) : -1;
  const cutBeam = flags.interrupted ? rng.int(0, kp.beams.length - 1) : -1;
  let secondRecordFrom: number | null = null;
  let t = start + setupSec * S;
  kp.beams.forEach((tpl, b) => {
    if (b > 0) {
      const gap =
        flags.twoSessions && b === 1 ? rng.int(75, 120) : rng.int(kp.betweenSec[0], kp.betweenSec[1]);
      t += gap * S;
    }
    const onSec = rng.int(tpl.seconds[0], tpl.seconds[1]);
    const mu = round1(rng.uniform(tpl.mu[0], tpl.mu[1]));
    const base = { name: tpl.name, radiationType: tpl.radiationType, energy: tpl.energy, mu };
    const on = t;
    if (b === cutBeam) {
      // Stopped by the operator after `a` s, continued `pause` s later in a second record.
      const a = rng.int(5, onSec - 5);
      const pause = rng.int(45, 120);
      const firstMu = round1((mu * a) / onSec);
      beams.push({ ...base, on, off: on + a * S, deliveredMu: firstMu, holds: [], part: 1 });
      secondRecordFrom = beams.length;
      const resume = on + (a + pause) * S;
      beams.push({
        ...base,
        on: resume,
        off: resume + (onSec - a) * S,
        deliveredMu: round1(mu - firstMu),
        holds: [],
        part: 2,
      });
      t = resume + (onSec - a) * S;
      return;
    }
    if (b === holdBeam) {
      // The breath hold slips: out of tolerance for 2.5–6 s, the beam held at once, resumed 1–2 s after.
      const from = on + rng.int(4, onSec - 6) * S + rng.int(0, 999);
      const to = from + rng.int(2500, 6000);
      const holdTo = ceilSecond(to + rng.int(800, 2000));
      events.push({ kind: 'excursion', from, to, held: true });
      const off = on + onSec * S + (holdTo - from);
      beams.push({ ...base, on, off: ceilSecond(off), deliveredMu: mu, holds: [{ from, to: holdTo }] });
      t = ceilSecond(off);
      return;
    }
    beams.push({ ...base, on, off: on + onSec * S, deliveredMu: mu, holds: [] });
    t = on + onSec * S;
  });

  const firstOn = beams[0]!.on;
  const last = beams[beams.length - 1]!.off;
  const monitoring: SimMonitoring[] = [];
  const monitoringId = (k: number) => `${frame.courseId}-${id}-${k}.txt`;
  const session1Start = start + rng.int(0, 20) * S;
  const addSession = (k: number, from: number, to: number, mode: MonitoringMode, ev: MonitoringEvent[]) =>
    monitoring.push({
      k,
      id: monitoringId(k),
      start: from,
      end: to,
      mode,
      events: ev,
      seed: hashSeed(frame.seed, 'rtd', frame.courseId, number, k),
    });
  if (amm) {
    // A brief occlusion while the patient is set up (beam off): common, harmless.
    const setupEvents: MonitoringEvent[] = [];
    if (rng.chance(0.3)) {
      const from = session1Start + rng.int(15_000, Math.max(16_000, setupSec * S - 45_000));
      setupEvents.push({ kind: 'occlusion', from, to: from + rng.int(800, 3000) });
    }
    if (flags.twoSessions) {
      const firstEnd = beams[0]!.off + rng.int(5, 15) * S;
      addSession(1, session1Start, firstEnd, frame.ammMode, setupEvents);
      addSession(2, beams[1]!.on - rng.int(25, 45) * S, last + rng.int(20, 60) * S, frame.ammMode, []);
    } else {
      addSession(1, session1Start, last + rng.int(20, 60) * S, frame.ammMode, [...setupEvents, ...events]);
    }
  } else if (kp.plan.motionManagement?.phase === 'setup-only') {
    addSession(1, session1Start, firstOn - rng.int(20, 60) * S, 'setup-only', []);
  }

  const charges = kp.charges.map((c, i) => ({
    code: c.code,
    modifiers: session === 1 && i === 0 ? [...c.modifiers, '76'] : [...c.modifiers],
    units: 1,
  }));
  return {
    id,
    number,
    date,
    session,
    beams,
    monitoring,
    sessionStart: start,
    sgrtRecord: amm ? { documentId: `SGRT-${id}`, signedAt: null } : null,
    igrtReview: kp.plan.imageGuidance?.performed
      ? { documentId: `IGRT-${id}`, signedAt: null, modality: reviewModality(number) }
      : null,
    charges,
    postedAt: 0,
    report: false,
    secondRecordFrom,
    delivered: false,
    injected: [],
  };
}

export const firstOn = (f: SimFraction): number => f.beams[0]!.on;
export const lastOff = (f: SimFraction): number => Math.max(...f.beams.map((b) => b.off));
/** When the session ended: the last beam-off or the end of the last AlignRT session. */
export const sessionEnd = (f: SimFraction): number => Math.max(lastOff(f), ...f.monitoring.map((m) => m.end));

/** The demo's imaging schedule, without a random draw: a cone-beam CT on the first fraction and every fifth, kV images otherwise. */
function reviewModality(fractionNumber: number): ImagingModality {
  return fractionNumber % 5 === 1 ? 'CBCT' : 'kV';
}
