/**
 * What the AlignRT real-time-delta (RTD) log reader returns (domain.md §5.1). Raw values that matter are
 * kept (header map, every column, the samples in columnar form); `derived` holds what the audit needs and
 * `toMonitoringSession` maps it onto the course model's monitoring session.
 *
 * Times: `start`/`end` strings are facility wall-clock readings `YYYY-MM-DDTHH:mm:ss[.sss]` with no
 * offset (the course model's `localDateTime`); the log states no UTC offset. They are null when the copy
 * has no header block (no clock time): elapsed seconds are then the only time axis.
 */

/** Known columns, by the key the reader gives them; values are stored in the unit named by the suffix. */
export const RTD_COLUMN_KEYS = [
  'elapsedSec',
  'translationCm',
  'vrtCm',
  'lngCm',
  'latCm',
  'rtnDeg',
  'rollDeg',
  'pitchDeg',
  'ampCm',
  'xrayState',
  'couchRotDeg',
  'transThresholdCm',
  'rotThresholdDeg',
  'beamholdTimerSec',
  'beamholdState',
  'roiIndex',
  'rmsMm',
  'gatingActive',
] as const;
export type RtdColumnKey = (typeof RTD_COLUMN_KEYS)[number];

/** The six axis deltas plus the translation magnitude: a sample is valid when all present ones are. */
export const RTD_DELTA_KEYS = [
  'translationCm',
  'vrtCm',
  'lngCm',
  'latCm',
  'rtnDeg',
  'rollDeg',
  'pitchDeg',
] as const satisfies readonly RtdColumnKey[];
export type RtdDeltaKey = (typeof RTD_DELTA_KEYS)[number];

/** One column of the file, in file order. */
export interface RtdColumn {
  /** 0-based position in the row. */
  index: number;
  /** The column name as written in the file, trimmed (e.g. `D.VRT (mm)`). */
  name: string;
  /** Known column, or null for a column this reader does not know (kept in `samples.unknown`). */
  key: RtdColumnKey | null;
  /** Unit as written in the file's name (`cm`, `mm`, `deg`, `sec`), or null when the name has none. */
  fileUnit: string | null;
  /** Unit the stored values are in (`cm`, `deg`, `sec`, `mm` for RMS, null for unitless/unknown). */
  unit: string | null;
}

/** `cm` (current generation), `mm` (older generation, normalised to cm), `mixed` or `unknown` (no unit in the names). */
export type RtdLengthUnit = 'cm' | 'mm' | 'mixed' | 'unknown';

export interface RtdHeader {
  patientId: string | null;
  field: string | null;
  /** `Start Time` (yymmdd_HHMMSS, local clinic time): the zero of `Elapsed Time (sec)`. */
  start: string | null;
  /** `End Time`. */
  end: string | null;
  /** `XRayOn Time` / `XRayOff Time`: null when `Not set` or unreadable (raw value in `raw`). */
  xrayOn: string | null;
  xrayOff: string | null;
  /** `First XRayOn Time` / `Last XRayOn Time`: null for the null value `30-December-99 00:00:00.000`. */
  firstXrayOn: string | null;
  lastXrayOn: string | null;
  /** `RTN (base couch)` as a number (e.g. `100000` in real exports; meaning undocumented). */
  rtnBaseCouch: number | null;
  /** `SSD` as a number, null for `-`. */
  ssd: number | null;
  /** `Coords` (e.g. `IEC 60601-2-1`). */
  coords: string | null;
  /** Every header line as `key → value`, trimmed, first occurrence of a key wins. */
  raw: Record<string, string>;
}

/** The samples, one entry per data row, columnar (no object per sample). */
export interface RtdSamples {
  count: number;
  /** 1-based line of each sample in the file. */
  line: Uint32Array;
  elapsedSec: Float64Array;
  /** 1 when `XRayState` is 1 (beam on); an unreadable cell carries the previous state. */
  xrayOn: Uint8Array;
  /** 1 when every present delta is a number and none is the invalid marker 999. */
  valid: Uint8Array;
  /** 1 when valid and over a threshold of that sample (translation magnitude or any rotation). */
  outOfTolerance: Uint8Array;
  /** Known columns present in the file, normalised (lengths in cm, RMS in mm); NaN = missing, `N/A`, invalid. */
  values: Partial<Record<RtdColumnKey, Float64Array>>;
  /** Columns this reader does not know: the raw cell text and its number (NaN when not a number). */
  unknown: { name: string; index: number; values: Float64Array; text: string[] }[];
}

/** An interval of the session, in elapsed seconds and (when the start time is known) local time. */
export interface RtdInterval {
  startSec: number;
  endSec: number;
  start: string | null;
  end: string | null;
}

export interface RtdBeamOn extends RtdInterval {
  /** True when the beam was still on at the last sample (no XRayState 1→0 transition seen). */
  openEnded: boolean;
}

export interface RtdGap extends RtdInterval {
  /** `invalid-samples`: a run of invalid deltas; `sample-interval`: samples further apart than the tolerance. */
  reason: 'invalid-samples' | 'sample-interval';
}

export interface RtdExcursion extends RtdInterval {
  /** No sample later than the hold latency into the excursion shows the beam on. */
  beamHeld: boolean;
  /** Largest translation magnitude (cm) and rotation (deg) during the excursion, null when not measured. */
  peakTranslationCm: number | null;
  peakRotationDeg: number | null;
}

export interface RtdAxisMotion {
  column: RtdDeltaKey;
  unit: 'cm' | 'deg';
  /** Valid beam-on samples measured. */
  samples: number;
  /** Largest |delta| and its 95th percentile (nearest rank), null without valid beam-on samples. */
  maxAbs: number | null;
  p95Abs: number | null;
}

export interface RtdThresholds {
  translationCm: number | null;
  rotationDeg: number | null;
}

export interface RtdDerived {
  /** Header `Start Time`, or null without a header (then only elapsed seconds are known). */
  monitoringStart: string | null;
  /** Header `End Time`, or the start plus the last sample's elapsed time when later or absent. */
  monitoringEnd: string | null;
  firstSampleSec: number | null;
  lastSampleSec: number | null;
  validSamples: number;
  /** From `XRayState` transitions: first sample with 1 to first sample with 0 after it. */
  beamOn: RtdBeamOn[];
  beamOnSec: number;
  /** Beam off while out of tolerance with gating active, then on again (from the off sample to the on sample). */
  beamHolds: RtdInterval[];
  /** Thresholds in force (at the first beam-on sample, else the first sample that has any); null when all `N/A`. */
  thresholds: RtdThresholds | null;
  /** True when the thresholds differ between samples. */
  thresholdsChanged: boolean;
  /** Any sample with `Gating Active` 1; null when the column is absent. */
  gatingActive: boolean | null;
  /** Max and 95th percentile of |delta| per axis over valid beam-on samples. */
  beamOnMotion: RtdAxisMotion[];
  gaps: RtdGap[];
  /** Out-of-tolerance runs that began with the beam on or saw it on, and whether it was held. */
  excursions: RtdExcursion[];
}

export interface RtdLog {
  /** Null when the copy has no header block. */
  header: RtdHeader | null;
  separator: 'comma' | 'tab';
  lengthUnit: RtdLengthUnit;
  columns: RtdColumn[];
  samples: RtdSamples;
  derived: RtdDerived;
}

export interface RtdReadOptions {
  /** Consecutive valid samples further apart than this are a monitoring gap (default 7.5 s: above the slowest normal cadence, ~7 s, domain.md §5.1). */
  maxSampleIntervalSec?: number;
  /** A beam still on this long into an excursion is not a hold (default 2 s, as the audit's `holdLatencySec`). */
  holdLatencySec?: number;
}
