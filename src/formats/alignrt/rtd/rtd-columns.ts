import type { InputProblem } from '../../../core/model/input-problem.js';
import { RTD_DELTA_KEYS, type RtdColumn, type RtdColumnKey, type RtdLengthUnit } from './rtd-types.js';

/** How a column's unit is converted to the stored unit. */
export const Conversion = { None: 0, MmToCm: 1, CmToMm: 2, MsToSec: 3 } as const;
export type Conversion = (typeof Conversion)[keyof typeof Conversion];

type Dimension = 'length' | 'angle' | 'time' | 'rms' | 'none';

interface KnownColumn {
  key: RtdColumnKey;
  /** Column names (domain.md §5.1) reduced to lower-case letters and digits, without the unit. */
  names: string[];
  dimension: Dimension;
  /** As written in the current generation, for messages. */
  display: string;
}

/** The sample columns of domain.md §5.1, in file order. */
const KNOWN: KnownColumn[] = [
  { key: 'elapsedSec', names: ['elapsedtime', 'elapsed'], dimension: 'time', display: 'Elapsed Time (sec)' },
  { key: 'translationCm', names: ['translation'], dimension: 'length', display: 'Translation (cm)' },
  { key: 'vrtCm', names: ['dvrt'], dimension: 'length', display: 'D.VRT (cm)' },
  { key: 'lngCm', names: ['dlng'], dimension: 'length', display: 'D.LNG (cm)' },
  { key: 'latCm', names: ['dlat'], dimension: 'length', display: 'D.LAT (cm)' },
  { key: 'rtnDeg', names: ['drtn'], dimension: 'angle', display: 'D.Rtn (deg)' },
  { key: 'rollDeg', names: ['droll'], dimension: 'angle', display: 'D.Roll (deg)' },
  { key: 'pitchDeg', names: ['dpitch'], dimension: 'angle', display: 'D.Pitch (deg)' },
  { key: 'ampCm', names: ['damp'], dimension: 'length', display: 'D.Amp (cm)' },
  { key: 'xrayState', names: ['xraystate'], dimension: 'none', display: 'XRayState' },
  { key: 'couchRotDeg', names: ['couchrot'], dimension: 'angle', display: 'Couch Rot (deg)' },
  {
    key: 'transThresholdCm',
    names: ['transthreshold'],
    dimension: 'length',
    display: 'Trans Threshold (cm)',
  },
  { key: 'rotThresholdDeg', names: ['rotthreshold'], dimension: 'angle', display: 'Rot Threshold (deg)' },
  { key: 'beamholdTimerSec', names: ['beamholdtimer'], dimension: 'time', display: 'Beamhold Timer (sec)' },
  { key: 'beamholdState', names: ['beamholdstate'], dimension: 'none', display: 'Beamhold State' },
  { key: 'roiIndex', names: ['roiindex'], dimension: 'none', display: 'ROI Index' },
  { key: 'rmsMm', names: ['rms'], dimension: 'rms', display: 'RMS (mm)' },
  { key: 'gatingActive', names: ['gatingactive'], dimension: 'none', display: 'Gating Active' },
];
const BY_NAME = new Map(KNOWN.flatMap((c) => c.names.map((n) => [n, c] as const)));
export const COLUMN_DISPLAY = Object.fromEntries(KNOWN.map((c) => [c.key, c.display])) as Record<
  RtdColumnKey,
  string
>;

/** Lengths stored in cm whose file unit decides the generation (older generations write mm). */
const LENGTH_KEYS = new Set<RtdColumnKey>([
  'translationCm',
  'vrtCm',
  'lngCm',
  'latCm',
  'ampCm',
  'transThresholdCm',
]);

/** Unit → conversion to the stored unit, per dimension; a unit not listed makes the column unknown. */
const UNITS: Record<Dimension, Record<string, [Conversion, string | null]>> = {
  length: { cm: [Conversion.None, 'cm'], mm: [Conversion.MmToCm, 'cm'] },
  angle: { deg: [Conversion.None, 'deg'], degrees: [Conversion.None, 'deg'] },
  time: { sec: [Conversion.None, 'sec'], s: [Conversion.None, 'sec'], ms: [Conversion.MsToSec, 'sec'] },
  rms: { mm: [Conversion.None, 'mm'], cm: [Conversion.CmToMm, 'mm'] },
  none: {},
};
const DEFAULT_UNIT: Record<Dimension, string | null> = {
  length: 'cm',
  angle: 'deg',
  time: 'sec',
  rms: 'mm',
  none: null,
};

/** What the sample loop does with each cell position. */
export interface ColumnPlan {
  columns: RtdColumn[];
  /** Per cell position: the known key, or null for an unknown column, or undefined for a nameless one. */
  keyAt: (RtdColumnKey | null | undefined)[];
  conversionAt: Conversion[];
  lengthUnit: RtdLengthUnit;
}

/** `D.VRT (mm)` → { base: 'dvrt', unit: 'mm' }. */
export function splitColumnName(name: string): { base: string; unit: string | null } {
  const m = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(name);
  const base = (m ? m[1]! : name).toLowerCase().replace(/[^a-z0-9]/g, '');
  const unit = m ? m[2]!.trim().toLowerCase() : null;
  return { base, unit: unit === '' ? null : unit };
}

/**
 * The column header row → which column is which. Unknown columns are kept (warning); a known name with a
 * unit this reader cannot convert is kept as unknown (warning); a missing required column is a problem.
 * Column names are not patient data, so they may appear in messages.
 */
export function planColumns(
  names: string[],
  location: string,
  warnings: InputProblem[],
  problems: InputProblem[],
): ColumnPlan {
  const columns: RtdColumn[] = [];
  const keyAt: (RtdColumnKey | null | undefined)[] = [];
  const conversionAt: Conversion[] = [];
  const found = new Set<RtdColumnKey>();
  const lengthUnits = new Set<string>();
  let noUnit = false;
  names.forEach((raw, index) => {
    const name = raw.trim();
    conversionAt.push(Conversion.None);
    if (name === '') {
      keyAt.push(undefined);
      return;
    }
    const { base, unit } = splitColumnName(name);
    const known = BY_NAME.get(base);
    const unknown = (why: string | null) => {
      // A known name (repeated, or in a unit not understood) is safe to quote; anything else is not.
      const label = known ? `column "${name}"` : columnLabel({ index, name, key: null });
      if (why) warnings.push({ location: `${location}, ${label}`, message: why });
      keyAt.push(null);
      columns.push({ index, name, key: null, fileUnit: unit, unit: null });
    };
    if (!known) return unknown('column not known to this reader; kept as read');
    if (found.has(known.key)) return unknown('column repeated; this copy is kept as an unknown column');
    let conversion: Conversion = Conversion.None;
    let stored = DEFAULT_UNIT[known.dimension];
    if (unit !== null && known.dimension !== 'none') {
      const u = UNITS[known.dimension][unit];
      if (!u)
        return unknown(
          `unit not understood (expected ${Object.keys(UNITS[known.dimension]).join(' or ')}); kept as an unknown column`,
        );
      [conversion, stored] = u;
    }
    if (unit === null && known.dimension !== 'none') noUnit = true;
    if (LENGTH_KEYS.has(known.key)) lengthUnits.add(unit ?? 'none');
    found.add(known.key);
    keyAt.push(known.key);
    conversionAt[index] = conversion;
    columns.push({ index, name, key: known.key, fileUnit: unit, unit: stored });
  });

  // Required: a time axis, the beam state and at least one delta (domain.md §5.1: "a missing required one
  // is a clear error").
  for (const key of ['elapsedSec', 'xrayState'] as const) {
    if (!found.has(key)) {
      problems.push({ location, message: `missing required column "${COLUMN_DISPLAY[key]}"` });
    }
  }
  if (!RTD_DELTA_KEYS.some((k) => found.has(k))) {
    problems.push({
      location,
      message: `missing required column: at least one of ${RTD_DELTA_KEYS.map((k) => `"${COLUMN_DISPLAY[k]}"`).join(', ')}`,
    });
  }
  if (noUnit) {
    warnings.push({ location, message: 'some columns have no unit in their name; read as cm, deg and sec' });
  }
  const units = [...lengthUnits].filter((u) => u !== 'none');
  const lengthUnit: RtdLengthUnit =
    units.length === 0 ? 'unknown' : units.length > 1 ? 'mixed' : (units[0] as 'cm' | 'mm');
  if (lengthUnit === 'mixed') {
    warnings.push({
      location,
      message: 'length columns mix cm and mm; each is converted to cm by its own unit',
    });
  }
  return { columns, keyAt, conversionAt, lengthUnit };
}

/**
 * How a location names a column: a known column by its name, an unknown one by its position only (a
 * header line damaged or written by hand can hold anything, patient data included, and a location never
 * quotes it).
 */
export function columnLabel(c: Pick<RtdColumn, 'index' | 'name' | 'key'>): string {
  return c.key !== null ? `column "${c.name}"` : `column #${c.index + 1}`;
}
