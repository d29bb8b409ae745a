import type { MonitoringSession } from '../../core/model/course.js';
import type { RtdSamplesInput } from '../../formats/alignrt/rtd/write-rtd-log.js';
import type { SimBeam, SimMonitoring } from './clinic-model.js';
import { formatLocal } from './clinic-time.js';
import { Rng } from './prng.js';

/** AlignRT thresholds of the motion-managed courses (and of the prostate set-up sessions). */
export const GATED_THRESHOLDS = { translationCm: 0.3, rotationDeg: 3 } as const;
export const SETUP_THRESHOLDS = { translationCm: 0.5, rotationDeg: 3 } as const;
/** The audit's and the reader's hold latency (audit-options.ts, rtd-derive.ts). */
const HOLD_LATENCY_MS = 2000;

type Columns = { [K in Exclude<keyof RtdSamplesInput, 'count'>]: Float64Array };

export interface SessionSamples extends Columns {
  count: number;
  /** Milliseconds since `Start Time` (what `elapsedSec` holds, as integers). */
  tMs: Int32Array;
  valid: Uint8Array;
  outOfTolerance: Uint8Array;
}

/**
 * The samples of one AlignRT session, regenerated identically from the session's seed: one every
 * 0.3–0.7 s from `Start Time` to `End Time`; XRayState 1 during the beams' beam-on except beam holds;
 * small deltas in breath hold, free breathing (out of tolerance, beam off) between breath holds, set-up
 * corrections in a set-up session; invalid deltas (999) inside occlusions; out of tolerance inside
 * excursions. No value lies near a threshold: in tolerance ≤ 0.11 cm, out of tolerance ≥ 0.35 cm.
 */
export function simulateSession(m: SimMonitoring, beams: readonly SimBeam[]): SessionSamples {
  const rng = new Rng(m.seed);
  const dibh = m.mode !== 'setup-only';
  const span = m.end - m.start;
  const times: number[] = [];
  for (let t = rng.int(300, 600); t <= span - 200; t += rng.int(300, 700)) times.push(t);
  const n = times.length;
  const windows = beams.map((b) => ({ from: b.on - rng.int(8000, 12000), to: b.off + rng.int(2000, 4000) }));
  const phase = rng.uniform(0, 2 * Math.PI);
  const breathMs = rng.uniform(3600, 4800);
  const setupAmp = rng.uniform(0.6, 1.2);
  const setupTau = rng.uniform(20_000, 40_000);
  const dir = [rng.uniform(-1, 1), rng.uniform(-1, 1), rng.uniform(-1, 1)] as const;
  const dirNorm = Math.hypot(...dir) || 1;
  const thresholds =
    m.mode === 'gated' ? GATED_THRESHOLDS : m.mode === 'setup-only' ? SETUP_THRESHOLDS : null;

  const col = () => new Float64Array(n);
  const s: SessionSamples = {
    count: n,
    tMs: Int32Array.from(times),
    elapsedSec: col(),
    translationCm: col(),
    vrtCm: col(),
    lngCm: col(),
    latCm: col(),
    rtnDeg: col(),
    rollDeg: col(),
    pitchDeg: col(),
    ampCm: col(),
    xrayState: col(),
    couchRotDeg: col(),
    transThresholdCm: col().fill(thresholds ? thresholds.translationCm : NaN),
    rotThresholdDeg: col().fill(thresholds ? thresholds.rotationDeg : NaN),
    beamholdTimerSec: col(),
    beamholdState: col().fill(1),
    roiIndex: col().fill(1),
    rmsMm: col(),
    gatingActive: col().fill(m.mode === 'gated' ? 1 : 0),
    valid: new Uint8Array(n),
    outOfTolerance: new Uint8Array(n),
  };
  const small = (sd: number, limit: number) => Math.max(-limit, Math.min(limit, rng.normal(sd)));
  for (let i = 0; i < n; i++) {
    const t = times[i]!;
    const at = m.start + t;
    s.elapsedSec[i] = t / 1000;
    s.xrayState[i] = beams.some(
      (b) => at >= b.on && at < b.off && !b.holds.some((h) => at >= h.from && at < h.to),
    )
      ? 1
      : 0;
    s.beamholdTimerSec[i] = 5000 + Math.floor(t / 2500);
    s.rmsMm[i] = rng.uniform(0.15, 0.6);
    let vrt = small(0.02, 0.06);
    let lng = small(0.02, 0.06);
    let lat = small(0.02, 0.06);
    let rot = [small(0.2, 0.7), small(0.2, 0.7), small(0.2, 0.7)];
    const excursion = m.events.some((e) => e.kind === 'excursion' && at >= e.from && at < e.to);
    if (excursion) {
      const mag = rng.uniform(0.45, 0.9);
      vrt = mag * 0.9;
      lng = mag * 0.3 * (rng.chance(0.5) ? 1 : -1);
      lat = mag * 0.3 * (rng.chance(0.5) ? 1 : -1);
      rot = rot.map((r) => r * 1.5);
    } else if (dibh && !windows.some((w) => at >= w.from && at < w.to)) {
      // Free breathing between breath holds: the chest falls well below the breath-hold reference.
      vrt = -(0.6 + 0.25 * Math.sin((2 * Math.PI * at) / breathMs + phase));
      rot = rot.map((r) => r * 2);
    } else if (!dibh) {
      const k = setupAmp * Math.exp(-t / setupTau);
      vrt += (k * dir[0]) / dirNorm;
      lng += (k * dir[1]) / dirNorm;
      lat += (k * dir[2]) / dirNorm;
    }
    const invalid = m.events.some((e) => e.kind === 'occlusion' && at > e.from && at < e.to);
    const translation = Math.hypot(vrt, lng, lat);
    if (invalid) {
      for (const c of [s.translationCm, s.vrtCm, s.lngCm, s.latCm, s.rtnDeg, s.rollDeg, s.pitchDeg, s.ampCm])
        c[i] = 999;
      continue;
    }
    s.valid[i] = 1;
    s.vrtCm[i] = vrt;
    s.lngCm[i] = lng;
    s.latCm[i] = lat;
    s.translationCm[i] = translation;
    s.rtnDeg[i] = rot[0]!;
    s.rollDeg[i] = rot[1]!;
    s.pitchDeg[i] = rot[2]!;
    s.ampCm[i] = vrt * 0.8;
    s.outOfTolerance[i] =
      thresholds !== null &&
      (translation > thresholds.translationCm || rot.some((r) => Math.abs(r) > thresholds.rotationDeg))
        ? 1
        : 0;
  }
  return s;
}

/**
 * The session as the course document holds it, derived from the samples as the RTD reader derives it
 * (rtd-derive.ts, toMonitoringSession): gaps are runs of invalid samples from the last valid sample
 * before to the first valid one after; excursions are out-of-tolerance runs that saw the beam on, held
 * when no sample more than the hold latency into the run shows the beam on.
 */
export function summariseSession(m: SimMonitoring, s: SessionSamples): MonitoringSession {
  const local = (t: number) => formatLocal(m.start + t);
  const gaps: MonitoringSession['gaps'] = [];
  let prevValid = -1;
  let invalidRun = false;
  for (let i = 0; i < s.count; i++) {
    if (!s.valid[i]) {
      invalidRun = true;
      continue;
    }
    if (invalidRun) gaps.push({ start: local(prevValid < 0 ? 0 : s.tMs[prevValid]!), end: local(s.tMs[i]!) });
    invalidRun = false;
    prevValid = i;
  }
  if (invalidRun) gaps.push({ start: local(s.tMs[prevValid]!), end: formatLocal(m.end) });

  const excursions: MonitoringSession['excursions'] = [];
  for (let i = 0; i < s.count;) {
    if (!(s.valid[i] && s.outOfTolerance[i])) {
      i++;
      continue;
    }
    const first = i;
    let sawOn = first > 0 && s.xrayState[first - 1] === 1;
    let held = true;
    let j = i;
    for (; j < s.count && s.valid[j] && s.outOfTolerance[j]; j++) {
      if (s.xrayState[j] === 1) {
        sawOn = true;
        if (s.tMs[j]! - s.tMs[first]! > HOLD_LATENCY_MS) held = false;
      }
    }
    if (sawOn) {
      const end = j < s.count ? s.tMs[j]! : s.tMs[j - 1]!;
      excursions.push({ start: local(s.tMs[first]!), end: local(end), beamHeld: held });
    }
    i = j;
  }
  const thresholds =
    m.mode === 'gated' ? { ...GATED_THRESHOLDS } : m.mode === 'setup-only' ? { ...SETUP_THRESHOLDS } : null;
  return {
    id: m.id,
    system: 'AlignRT',
    start: formatLocal(m.start),
    end: formatLocal(m.end),
    thresholds,
    gatingActive: m.mode === 'gated',
    source: { kind: 'realtime-log', location: `alignrt/rtd/${m.id}` },
    gaps,
    excursions,
  };
}
