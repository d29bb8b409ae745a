/**
 * Writes an AlignRT real-time-delta log (domain.md §5.1) in the layout `read-rtd-log.ts` reads and the
 * samples in /work/shared/fixtures/alignrt show: a header block of `key:, value` lines (Start and End Time
 * `yymmdd_HHMMSS`, local clinic time), the column row of the current generation (lengths in cm), then one
 * comma-separated row per sample, CRLF line ends. Numbers are written as AlignRT writes them: seven
 * significant digits, small magnitudes in scientific notation (`-2.277061E-03`), 999 for an invalid delta,
 * `N/A` for a threshold that is not set. Used by the demo clinic generator (src/app/demo-data).
 */

/** The header block. Times are facility wall-clock readings `YYYY-MM-DDTHH:mm:ss` (seconds are kept). */
export interface RtdHeaderInput {
  patientId: string;
  start: string;
  end: string;
  /** `Field:` (empty in monitoring-only exports). */
  field?: string;
  /** `SSD:` in cm, or null for `-`. */
  ssd?: number | null;
  /** `RTN (base couch):`. */
  rtnBaseCouch?: number;
  coords?: string;
}

/**
 * The samples, columnar: every array holds `count` values. A delta of 999 (or NaN) is written 999 (an
 * invalid delta); a threshold of NaN or null is written `N/A`.
 */
export interface RtdSamplesInput {
  count: number;
  elapsedSec: ArrayLike<number>;
  translationCm: ArrayLike<number>;
  vrtCm: ArrayLike<number>;
  lngCm: ArrayLike<number>;
  latCm: ArrayLike<number>;
  rtnDeg: ArrayLike<number>;
  rollDeg: ArrayLike<number>;
  pitchDeg: ArrayLike<number>;
  ampCm: ArrayLike<number>;
  xrayState: ArrayLike<number>;
  couchRotDeg: ArrayLike<number>;
  transThresholdCm: ArrayLike<number>;
  rotThresholdDeg: ArrayLike<number>;
  beamholdTimerSec: ArrayLike<number>;
  beamholdState: ArrayLike<number>;
  roiIndex: ArrayLike<number>;
  rmsMm: ArrayLike<number>;
  gatingActive: ArrayLike<number>;
}

export const RTD_COLUMNS = [
  'Elapsed Time (sec)',
  'Translation (cm)',
  'D.VRT (cm)',
  'D.LNG (cm)',
  'D.LAT (cm)',
  'D.Rtn (deg)',
  'D.Roll (deg)',
  'D.Pitch (deg)',
  'D.Amp (cm)',
  'XRayState',
  'Couch Rot (deg)',
  'Trans Threshold (cm)',
  'Rot Threshold (deg)',
  'Beamhold Timer (sec)',
  'Beamhold State',
  'ROI Index',
  'RMS (mm)',
  'Gating Active',
] as const;

/** The invalid-delta marker (domain.md §5.1). */
export const RTD_INVALID = 999;
/** `First/Last XRayOn Time` when unknown: the OLE automation zero date. */
const NULL_STAMP = '30-December-99 00:00:00.000';

/** `YYYY-MM-DDTHH:mm:ss` → `yymmdd_HHMMSS`. */
export function compactStamp(local: string): string {
  const m = /^\d{2}(\d{2})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(local);
  if (!m) throw new Error('expected a local date-time YYYY-MM-DDTHH:mm:ss');
  return `${m[1]}${m[2]}${m[3]}_${m[4]}${m[5]}${m[6]}`;
}

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * A number as AlignRT writes it: seven significant digits; below 0.1 in magnitude `d.dddddd E-0n`
 * (trailing zeros kept), otherwise plain with trailing zeros dropped. Integer arithmetic on exact powers of
 * ten (no `Math.log10`, no locale): the same digits on every machine, several times faster than
 * `toExponential`/`toPrecision` on a log of a million numbers.
 */
export function rtdNumber(x: number): string {
  if (!Number.isFinite(x)) return String(RTD_INVALID);
  if (x === 0) return '0';
  const sign = x < 0 ? '-' : '';
  const a = Math.abs(x);
  if (a >= 1e15 || a < 1e-15) return x.toPrecision(7).replace('e', 'E');
  // Decimal exponent e with 10^e <= a < 10^(e+1).
  let e = 0;
  while (e < 15 && a >= POW10[e + 1]!) e++;
  while (e > -15 && a < (e >= 0 ? POW10[e]! : 1 / POW10[-e]!)) e--;
  const shift = 6 - e;
  let m = Math.round(shift >= 0 ? a * POW10[shift]! : a / POW10[-shift]!);
  if (m >= 10_000_000) {
    m = Math.round(m / 10);
    e++;
  }
  const digits = String(m);
  if (a < 0.1 && e < -1) return `${sign}${digits[0]}.${digits.slice(1)}E-${String(-e).padStart(2, '0')}`;
  if (e >= 6) return sign + digits + '0'.repeat(e - 6);
  // Drop trailing zeros of the fraction (and the point when nothing is left).
  let end = digits.length;
  while (end > Math.max(e + 1, 0) && digits.charCodeAt(end - 1) === 48) end--;
  if (e >= 0)
    return end > e + 1
      ? `${sign}${digits.slice(0, e + 1)}.${digits.slice(e + 1, end)}`
      : sign + digits.slice(0, e + 1);
  return `${sign}0.${'0'.repeat(-e - 1)}${digits.slice(0, end)}`;
}

const delta = (x: number) => (Number.isNaN(x) || x === RTD_INVALID ? String(RTD_INVALID) : rtdNumber(x));
const threshold = (x: number) => (Number.isFinite(x) && x > 0 ? rtdNumber(x) : 'N/A');
const integer = (x: number) => String(Math.round(x));

/** The log as text (CRLF line ends). */
export function writeRtdLog(header: RtdHeaderInput, samples: RtdSamplesInput): string {
  const lines: string[] = [
    `Patient ID:, ${header.patientId}`,
    `Start Time:, ${compactStamp(header.start)}`,
    `End Time:, ${compactStamp(header.end)}`,
    'XRayOn Time:, Not set',
    'XRayOff Time:, Not set',
    `First XRayOn Time:, ${NULL_STAMP}`,
    `Last XRayOn Time:, ${NULL_STAMP}`,
    `RTN (base couch):, ${header.rtnBaseCouch ?? 0}`,
    `Field:, ${header.field ?? ''}`,
    `SSD:, ${header.ssd === undefined || header.ssd === null ? '-' : rtdNumber(header.ssd)}`,
    `Coords:, ${header.coords ?? 'IEC 60601-2-1'}`,
    RTD_COLUMNS.join(', '),
  ];
  const s = samples;
  for (let i = 0; i < s.count; i++) {
    lines.push(
      [
        s.elapsedSec[i]!.toFixed(3),
        delta(s.translationCm[i]!),
        delta(s.vrtCm[i]!),
        delta(s.lngCm[i]!),
        delta(s.latCm[i]!),
        delta(s.rtnDeg[i]!),
        delta(s.rollDeg[i]!),
        delta(s.pitchDeg[i]!),
        delta(s.ampCm[i]!),
        integer(s.xrayState[i]!),
        rtdNumber(s.couchRotDeg[i]!),
        threshold(s.transThresholdCm[i]!),
        threshold(s.rotThresholdDeg[i]!),
        integer(s.beamholdTimerSec[i]!),
        integer(s.beamholdState[i]!),
        integer(s.roiIndex[i]!),
        rtdNumber(s.rmsMm[i]!),
        integer(s.gatingActive[i]!),
      ].join(', '),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
