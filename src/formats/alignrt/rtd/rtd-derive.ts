import type { InputProblem } from '../../../core/model/input-problem.js';
import { formatLocal, localAfter } from './rtd-local-time.js';
import type { RawSamples } from './rtd-samples.js';
import {
  RTD_DELTA_KEYS,
  type RtdAxisMotion,
  type RtdBeamOn,
  type RtdDerived,
  type RtdExcursion,
  type RtdGap,
  type RtdInterval,
  type RtdSamples,
  type RtdThresholds,
} from './rtd-types.js';

export const DEFAULT_MAX_SAMPLE_INTERVAL_SEC = 7.5;
export const DEFAULT_HOLD_LATENCY_SEC = 2;

export interface DeriveInput {
  raw: RawSamples;
  startMs: number | null;
  endMs: number | null;
  maxSampleIntervalSec: number;
  holdLatencySec: number;
  source: string;
}

const xrayName = 'column "XRayState"';

/**
 * The per-sample flags (beam on, valid, out of tolerance) and the facts the audit needs, from the
 * columns alone: beam-on intervals from `XRayState` transitions, beam holds, thresholds, gating,
 * motion statistics during beam-on, gaps and excursions (domain.md §5.1: "derive beam-on intervals and
 * holds from XRayState transitions together with thresholds and Gating Active, and keep the raw columns").
 */
export function deriveRtd(
  input: DeriveInput,
  warnings: InputProblem[],
): { samples: RtdSamples; derived: RtdDerived } {
  const { raw, startMs, source } = input;
  const n = raw.count;
  const v = raw.values;
  const t = v.elapsedSec!;
  const at = (i: number, column: string) => `${source}:line ${raw.line[i]}, ${column}`;

  // XRayState: 1 = beam on (domain.md §5.1); an unreadable cell carries the previous state.
  const xrayOn = new Uint8Array(n);
  const xray = v.xrayState!;
  let state = 0;
  let otherAt = -1;
  for (let i = 0; i < n; i++) {
    const x = xray[i]!;
    if (x === x) {
      state = x === 1 ? 1 : 0;
      if (x !== 0 && x !== 1 && otherAt < 0) otherAt = i;
    }
    xrayOn[i] = state;
  }
  if (otherAt >= 0) {
    warnings.push({
      location: at(otherAt, xrayName),
      message: 'values other than 0 and 1 (first here); only 1 counts as beam on',
    });
  }

  // Valid: every present delta is a number (999 and unreadable cells are NaN by now). Column by column:
  // tight loops over one typed array each.
  const deltas = RTD_DELTA_KEYS.flatMap((k) => (v[k] ? [v[k]] : []));
  const valid = new Uint8Array(n).fill(1);
  for (const d of deltas) for (let i = 0; i < n; i++) if (d[i] !== d[i]) valid[i] = 0;
  let validSamples = 0;
  for (let i = 0; i < n; i++) validSamples += valid[i]!;

  // Out of tolerance: translation magnitude over `Trans Threshold`, or any rotation over `Rot Threshold`.
  // The `Translation (cm)` column is the magnitude; without it, the magnitude of the axes present.
  const trans = v.translationCm;
  const axes = [v.vrtCm, v.lngCm, v.latCm].filter((a): a is Float64Array => a !== undefined);
  const rots = [v.rtnDeg, v.rollDeg, v.pitchDeg].filter((a): a is Float64Array => a !== undefined);
  const tThr = v.transThresholdCm;
  const rThr = v.rotThresholdDeg;
  const translation = new Float64Array(n);
  if (trans) for (let i = 0; i < n; i++) translation[i] = Math.abs(trans[i]!);
  else if (axes.length > 0) {
    for (const a of axes) for (let i = 0; i < n; i++) translation[i] = translation[i]! + a[i]! * a[i]!;
    for (let i = 0; i < n; i++) translation[i] = Math.sqrt(translation[i]!);
  } else translation.fill(NaN);
  const rotation = new Float64Array(n);
  if (rots.length === 0) rotation.fill(NaN);
  for (const a of rots) {
    for (let i = 0; i < n; i++) {
      const r = Math.abs(a[i]!);
      if (r > rotation[i]! || r !== r) rotation[i] = r;
    }
  }
  const outOfTolerance = new Uint8Array(n);
  if (tThr || rThr) {
    for (let i = 0; i < n; i++) {
      if (!valid[i]) continue;
      const tt = tThr ? tThr[i]! : NaN;
      const rt = rThr ? rThr[i]! : NaN;
      if ((tt > 0 && translation[i]! > tt) || (rt > 0 && rotation[i]! > rt)) outOfTolerance[i] = 1;
    }
  }

  const samples: RtdSamples = {
    count: n,
    line: raw.line,
    elapsedSec: t,
    xrayOn,
    valid,
    outOfTolerance,
    values: v,
    unknown: raw.unknown,
  };
  const local = (sec: number) => localAfter(startMs, sec);
  const interval = (a: number, b: number): RtdInterval => ({
    startSec: a,
    endSec: b,
    start: local(a),
    end: local(b),
  });

  // Beam-on intervals: from the first sample with XRayState 1 to the first sample with 0 after it.
  const beamOn: RtdBeamOn[] = [];
  const onOff: [number, number][] = []; // sample indices of each interval's ends
  let onFrom = -1;
  for (let i = 0; i < n; i++) {
    if (xrayOn[i] && onFrom < 0) onFrom = i;
    else if (!xrayOn[i] && onFrom >= 0) {
      beamOn.push({ ...interval(t[onFrom]!, t[i]!), openEnded: false });
      onOff.push([onFrom, i]);
      onFrom = -1;
    }
  }
  if (onFrom >= 0) {
    beamOn.push({ ...interval(t[onFrom]!, t[n - 1]!), openEnded: true });
    onOff.push([onFrom, n - 1]);
    warnings.push({
      location: at(n - 1, xrayName),
      message: 'the beam is still on at the last sample; the beam-on interval ends there',
    });
  }
  const beamOnSec = beamOn.reduce((s, b) => s + (b.endSec - b.startSec), 0);

  // Beam holds: the beam goes off while the patient is out of tolerance (at the first beam-off sample or
  // the one before it) with gating active, then comes on again.
  const gating = v.gatingActive;
  const beamHolds: RtdInterval[] = [];
  if (gating) {
    for (let k = 0; k + 1 < beamOn.length; k++) {
      if (beamOn[k]!.openEnded) continue;
      const off = onOff[k]![1];
      const trigger = [off, off - 1].some((i) => outOfTolerance[i] === 1 && gating[i] === 1);
      if (trigger) beamHolds.push(interval(beamOn[k]!.endSec, beamOn[k + 1]!.startSec));
    }
  }

  const thresholdSummary = summariseThresholds(n, xrayOn, tThr, rThr);
  if (thresholdSummary.changedAt >= 0) {
    warnings.push({
      location: at(thresholdSummary.changedAt, `column "${thresholdSummary.changedColumn}"`),
      message:
        'thresholds change during the session (first here); those in force at the first beam-on are reported',
    });
  }

  let gatingActive: boolean | null = null;
  if (gating) {
    gatingActive = false;
    for (let i = 0; i < n; i++) if (gating[i] === 1) gatingActive = true;
  }

  const picked = new Float64Array(n); // reused for each axis
  const beamOnMotion: RtdAxisMotion[] = RTD_DELTA_KEYS.flatMap((key) => {
    const a = v[key];
    if (!a) return [];
    let m = 0;
    let max = 0;
    for (let i = 0; i < n; i++) {
      if (xrayOn[i] && valid[i]) {
        const x = Math.abs(a[i]!);
        picked[m++] = x;
        if (x > max) max = x;
      }
    }
    return [
      {
        column: key,
        unit: key.endsWith('Deg') ? ('deg' as const) : ('cm' as const),
        samples: m,
        maxAbs: m ? max : null,
        // 95th percentile, nearest rank: the smallest value with at least 95% of samples at or below it.
        p95Abs: m ? kthSmallest(picked, m, Math.ceil(0.95 * m) - 1) : null,
      },
    ];
  });

  const endSec = input.endMs !== null && startMs !== null ? (input.endMs - startMs) / 1000 : null;
  const gaps = findGaps(t, valid, input.maxSampleIntervalSec, endSec).map(([a, b, reason]): RtdGap => ({
    ...interval(a, b),
    reason,
  }));

  const excursions: RtdExcursion[] = [];
  for (let i = 0; i < n;) {
    if (!(valid[i] && outOfTolerance[i])) {
      i++;
      continue;
    }
    const first = i;
    let sawOn = first > 0 && xrayOn[first - 1] === 1;
    let held = true;
    let peakT = NaN;
    let peakR = NaN;
    let j = i;
    for (; j < n && valid[j] && outOfTolerance[j]; j++) {
      if (xrayOn[j]) {
        sawOn = true;
        if (t[j]! - t[first]! > input.holdLatencySec) held = false;
      }
      const tm = translation[j]!;
      const rm = rotation[j]!;
      if (!(tm <= peakT)) peakT = tm;
      if (!(rm <= peakR)) peakR = rm;
    }
    // The excursion ends at the first sample back in tolerance (or invalid), as the audit reads samples.
    if (sawOn) {
      excursions.push({
        ...interval(t[first]!, j < n ? t[j]! : t[j - 1]!),
        beamHeld: held,
        peakTranslationCm: Number.isNaN(peakT) ? null : peakT,
        peakRotationDeg: Number.isNaN(peakR) ? null : peakR,
      });
    }
    i = j;
  }

  const firstSampleSec = n ? t[0]! : null;
  const lastSampleSec = n ? t[n - 1]! : null;
  let monitoringEnd: string | null = null;
  if (startMs !== null) {
    const lastMs = lastSampleSec === null ? startMs : startMs + Math.round(lastSampleSec * 1000);
    const endMs = input.endMs ?? lastMs;
    if (endMs < lastMs - 1000) {
      warnings.push({
        location: `${source}:header, field "End Time"`,
        message: 'earlier than the last sample; the monitoring end is the last sample',
      });
    }
    monitoringEnd = localAfter(startMs, (Math.max(endMs, lastMs, startMs) - startMs) / 1000);
  }

  return {
    samples,
    derived: {
      monitoringStart: startMs === null ? null : formatLocal(startMs),
      monitoringEnd,
      firstSampleSec,
      lastSampleSec,
      validSamples,
      beamOn,
      beamOnSec: Math.round(beamOnSec * 1000) / 1000,
      beamHolds,
      thresholds: thresholdSummary.thresholds,
      thresholdsChanged: thresholdSummary.changedAt >= 0,
      gatingActive,
      beamOnMotion,
      gaps,
      excursions,
    },
  };
}

/**
 * Gaps: runs of invalid samples (from the last valid sample before to the first valid one after) and
 * valid samples further apart than the tolerance; also the stretches from the session start to the first
 * sample and from the last sample to `End Time` when longer than the tolerance (or next to an invalid run).
 */
export function findGaps(
  t: Float64Array,
  valid: Uint8Array,
  maxIntervalSec: number,
  endSec: number | null,
): [number, number, RtdGap['reason']][] {
  const out: [number, number, RtdGap['reason']][] = [];
  const n = t.length;
  if (n === 0) return endSec !== null && endSec > 0 ? [[0, endSec, 'sample-interval']] : out;
  let prev = -1;
  let invalidSince = -1;
  for (let i = 0; i < n; i++) {
    if (!valid[i]) {
      if (invalidSince < 0) invalidSince = i;
      continue;
    }
    if (invalidSince >= 0) {
      // A run of invalid samples; a leading one counts from the session start (elapsed 0).
      out.push([prev < 0 ? Math.min(0, t[invalidSince]!) : t[prev]!, t[i]!, 'invalid-samples']);
    } else if (prev < 0 ? t[i]! > maxIntervalSec : t[i]! - t[prev]! > maxIntervalSec) {
      out.push([prev < 0 ? 0 : t[prev]!, t[i]!, 'sample-interval']);
    }
    prev = i;
    invalidSince = -1;
  }
  const lastT = t[n - 1]!;
  const tailEnd = endSec !== null && endSec > lastT ? endSec : lastT;
  if (invalidSince >= 0) {
    // A trailing run of invalid samples lasts to End Time (or the last sample).
    out.push([prev < 0 ? Math.min(0, t[invalidSince]!) : t[prev]!, tailEnd, 'invalid-samples']);
  } else if (tailEnd - lastT > maxIntervalSec) {
    // The log stopped before End Time.
    out.push([lastT, tailEnd, 'sample-interval']);
  }
  return out;
}

/** Thresholds at the first beam-on sample that has any (else the first sample that has any). */
function summariseThresholds(
  n: number,
  xrayOn: Uint8Array,
  tThr: Float64Array | undefined,
  rThr: Float64Array | undefined,
): { thresholds: RtdThresholds | null; changedAt: number; changedColumn: string } {
  const has = (i: number) => (tThr !== undefined && tThr[i]! > 0) || (rThr !== undefined && rThr[i]! > 0);
  let ref = -1;
  for (let i = 0; i < n && ref < 0; i++) if (xrayOn[i] && has(i)) ref = i;
  for (let i = 0; i < n && ref < 0; i++) if (has(i)) ref = i;
  // N/A (NaN) counts as a value of its own: thresholds switched on or off mid-session are a change.
  const same = (a: number, b: number) => a === b || (a !== a && b !== b);
  let changedAt = -1;
  let changedColumn = '';
  for (let i = 1; i < n && changedAt < 0; i++) {
    if (tThr && !same(tThr[i]!, tThr[0]!)) [changedAt, changedColumn] = [i, 'Trans Threshold (cm)'];
    else if (rThr && !same(rThr[i]!, rThr[0]!)) [changedAt, changedColumn] = [i, 'Rot Threshold (deg)'];
  }
  if (ref < 0) return { thresholds: null, changedAt, changedColumn };
  const pick = (a: Float64Array | undefined) => (a && a[ref]! > 0 ? a[ref]! : null);
  return { thresholds: { translationCm: pick(tThr), rotationDeg: pick(rThr) }, changedAt, changedColumn };
}

/**
 * The k-th smallest (0-based) of `a[0, m)`, reordering it: quickselect with a median-of-three pivot,
 * falling back to a sort if it degenerates (O(m) expected instead of sorting every axis).
 */
export function kthSmallest(a: Float64Array, m: number, k: number): number {
  let lo = 0;
  let hi = m - 1;
  let rounds = 0;
  const limit = 2 * Math.ceil(Math.log2(m + 1)) + 8;
  while (hi > lo) {
    if (++rounds > limit) {
      const part = a.subarray(lo, hi + 1).sort();
      return part[k - lo]!;
    }
    const mid = (lo + hi) >> 1;
    // Median of three as the pivot.
    const x = a[lo]!;
    const y = a[mid]!;
    const z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}
