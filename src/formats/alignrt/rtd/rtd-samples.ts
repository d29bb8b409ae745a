import type { InputProblem } from '../../../core/model/input-problem.js';
import { textOf } from './decode-text.js';
import { type ColumnPlan, columnLabel, Conversion } from './rtd-columns.js';
import { scanNumber } from './rtd-number.js';
import type { RtdColumnKey } from './rtd-types.js';

/** The data rows, columnar, before any derivation. */
export interface RawSamples {
  count: number;
  line: Uint32Array;
  values: Partial<Record<RtdColumnKey, Float64Array>>;
  unknown: { name: string; index: number; values: Float64Array; text: string[] }[];
}

/** Where the data rows start and how cells are separated. Lines end at LF, CRLF or a lone CR. */
export interface SampleLayout {
  /** Byte offset of the first data row. */
  start: number;
  /** 1-based line number of the first data row. */
  line: number;
  /** Cell separator byte: `,` (44) or tab (9). */
  separator: number;
}

/** 999 marks an invalid delta (domain.md §5.1); in the raw unit of the file, so checked before conversion. */
const INVALID_MARKER = 999;
const MARKED: ReadonlySet<RtdColumnKey> = new Set([
  'translationCm',
  'vrtCm',
  'lngCm',
  'latCm',
  'rtnDeg',
  'rollDeg',
  'pitchDeg',
  'ampCm',
]);
/** Flag columns where a word (`True`, `On`) may stand for 1/0. */
const FLAGS: ReadonlySet<RtdColumnKey> = new Set(['xrayState', 'gatingActive', 'beamholdState']);
const MISSING = new Set(['n/a', 'na', 'nan', '-', '--']);
const TRUE_WORDS = new Set(['true', 'on', 'yes']);
const FALSE_WORDS = new Set(['false', 'off', 'no']);
const DECIMAL_COMMA = /^[+-]?\d*,\d+([eE][+-]?\d+)?$/;
const LF = 10;
const CR = 13;

/** End of the cell that starts at `from`: the next separator, line end or `len`. */
function cellEnd(b: Uint8Array, from: number, len: number, sep: number): number {
  let i = from;
  for (; i < len; i++) {
    const c = b[i];
    if (c === sep || c === LF || c === CR) break;
  }
  return i;
}

/** Past the line end at `at` (LF, CRLF or a lone CR). */
function skipLineEnd(b: Uint8Array, at: number, len: number): number {
  if (at >= len) return len;
  if (b[at] === CR) return at + 1 < len && b[at + 1] === LF ? at + 2 : at + 1;
  return b[at] === LF ? at + 1 : at;
}

/**
 * One pass over the data rows, on the bytes: cells end at the separator or the line end, numbers are read
 * in place (rtd-number.ts) and written into typed arrays (no string and no object per sample). Rows whose
 * elapsed time is not a number cannot be placed in time and are skipped; short rows get NaN for the
 * missing cells; every oddity is counted per column and reported once with its first line.
 */
export function readSamples(
  b: Uint8Array,
  layout: SampleLayout,
  plan: ColumnPlan,
  source: string,
  warnings: InputProblem[],
): RawSamples {
  const sep = layout.separator;
  const len = b.length;
  const ncols = plan.keyAt.length;
  const names = new Map(plan.columns.map((c) => [c.index, c.name]));
  const labels = new Map(plan.columns.map((c) => [c.index, columnLabel(c)]));
  let capacity = initialCapacity(b, layout.start, ncols);
  let lineNo = new Uint32Array(capacity);
  const arrays: (Float64Array | null)[] = plan.keyAt.map((k) =>
    k === undefined ? null : new Float64Array(capacity),
  );
  const texts: (string[] | null)[] = plan.keyAt.map((k) => (k === null ? [] : null));
  // Plain numbers in the loop (no lookups on the imported `Conversion` object per cell).
  const conversion = Int8Array.from(plan.conversionAt);
  const MM_TO_CM: number = Conversion.MmToCm;
  const CM_TO_MM: number = Conversion.CmToMm;
  const marked = Uint8Array.from(plan.keyAt, (k) => (k !== undefined && k !== null && MARKED.has(k) ? 1 : 0));
  const flag = plan.keyAt.map((k) => k !== undefined && k !== null && FLAGS.has(k));
  const elapsedAt = plan.keyAt.indexOf('elapsedSec');
  // A row is short only when it lacks a named column (a trailing nameless column may be absent).
  let named = 0;
  plan.keyAt.forEach((k, j) => {
    if (k !== undefined) named = j + 1;
  });
  const badCount = new Array<number>(ncols).fill(0);
  const badLine = new Array<number>(ncols).fill(0);
  const tally = {
    short: 0,
    shortLine: 0,
    long: 0,
    longLine: 0,
    skipped: 0,
    skippedLine: 0,
    back: 0,
    backLine: 0,
  };
  let decimalCommaLine = 0;

  const grow = () => {
    capacity = Math.max(Math.ceil(capacity * 1.5), capacity + 1024);
    const next = new Uint32Array(capacity);
    next.set(lineNo);
    lineNo = next;
    for (let j = 0; j < ncols; j++) {
      const a = arrays[j];
      if (!a) continue;
      const bigger = new Float64Array(capacity);
      bigger.set(a);
      arrays[j] = bigger;
    }
  };

  /** A cell that is not a plain decimal: missing, a word for a flag, a decimal comma, or bad. */
  const slowCell = (j: number, from: number, to: number, line: number): number => {
    const cell = textOf(b, from, to).trim();
    const lower = cell.toLowerCase();
    if (cell === '' || MISSING.has(lower)) return NaN;
    if (flag[j]) {
      if (TRUE_WORDS.has(lower)) return 1;
      if (FALSE_WORDS.has(lower)) return 0;
    }
    if (sep === 9 && DECIMAL_COMMA.test(cell)) {
      const v = Number(cell.replace(',', '.'));
      if (Number.isFinite(v)) {
        if (decimalCommaLine === 0) decimalCommaLine = line;
        return v;
      }
    }
    if (plan.keyAt[j] === null) return NaN; // unknown columns may hold text: it is kept in `text`
    const bad = (badCount[j] ?? 0) + 1;
    badCount[j] = bad;
    if (bad === 1) badLine[j] = line;
    return NaN;
  };

  let n = 0;
  let pos = layout.start;
  let line = layout.line - 1;
  let lastElapsed = -Infinity;
  while (pos < len) {
    line++;
    // Blank lines (only spaces, tabs or separators) are skipped silently.
    let k = pos;
    for (; k < len; k++) {
      const c = b[k];
      if (c !== 32 && c !== 9 && c !== 44) break;
    }
    if (k >= len) break;
    if (b[k] === LF || b[k] === CR) {
      pos = skipLineEnd(b, k, len);
      continue;
    }

    if (n === capacity) grow();
    let cell = pos;
    let stop = pos;
    let j = 0;
    let rowEnded = false;
    for (; j < ncols; j++) {
      const target = arrays[j];
      if (target) {
        const r = scanNumber(b, cell, len, sep, target, n);
        if (r >= 0) {
          stop = r;
          const v = target[n]!;
          if (marked[j] === 1 && (v >= INVALID_MARKER || v <= -INVALID_MARKER)) target[n] = NaN;
          else {
            const conv = conversion[j]!;
            if (conv !== 0) target[n] = conv === MM_TO_CM ? v / 10 : conv === CM_TO_MM ? v * 10 : v / 1000;
          }
        } else {
          stop = cellEnd(b, -1 - r, len, sep);
          const v = slowCell(j, cell, stop, line);
          const conv = conversion[j]!;
          target[n] = conv === 0 ? v : conv === MM_TO_CM ? v / 10 : conv === CM_TO_MM ? v * 10 : v / 1000;
        }
        const t = texts[j];
        if (t) t[n] = textOf(b, cell, stop).trim();
      } else stop = cellEnd(b, cell, len, sep);
      if (stop >= len || b[stop] !== sep) {
        j++;
        rowEnded = true;
        break;
      }
      cell = stop + 1;
    }
    if (rowEnded && j < ncols) {
      for (let m = j; m < ncols; m++) {
        const target = arrays[m];
        if (target) target[n] = NaN;
        const t = texts[m];
        if (t) t[n] = '';
      }
      if (j < named && tally.short++ === 0) tally.shortLine = line;
    } else if (!rowEnded) {
      // More cells than columns: anything but blanks and separators up to the line end is reported.
      let extra = false;
      for (stop = cell; stop < len; stop++) {
        const c = b[stop];
        if (c === LF || c === CR) break;
        if (c !== 32 && c !== 9 && c !== 44) extra = true;
      }
      if (extra && tally.long++ === 0) tally.longLine = line;
    }
    pos = skipLineEnd(b, stop, len);
    const elapsed = arrays[elapsedAt]![n]!;
    if (elapsed !== elapsed) {
      if (tally.skipped++ === 0) tally.skippedLine = line;
      continue;
    }
    if (elapsed < lastElapsed && tally.back++ === 0) tally.backLine = line;
    lastElapsed = elapsed;
    lineNo[n] = line;
    n++;
  }

  const at = (l: number) => `${source}:line ${l}`;
  for (let j = 0; j < ncols; j++) {
    if (badCount[j]! > 0) {
      warnings.push({
        location: `${at(badLine[j]!)}, ${labels.get(j)}`,
        message: `${badCount[j]} cell(s) not a number (first here); kept as missing`,
      });
    }
  }
  if (tally.short > 0) {
    warnings.push({
      location: at(tally.shortLine),
      message: `${tally.short} row(s) with fewer cells than columns (first here); missing cells kept as missing`,
    });
  }
  if (tally.long > 0) {
    warnings.push({
      location: at(tally.longLine),
      message: `${tally.long} row(s) with more cells than columns (first here); extra cells ignored`,
    });
  }
  if (tally.skipped > 0) {
    warnings.push({
      location: `${at(tally.skippedLine)}, column "Elapsed Time (sec)"`,
      message: `${tally.skipped} row(s) without a readable elapsed time (first here); skipped`,
    });
  }
  if (tally.back > 0) {
    warnings.push({
      location: `${at(tally.backLine)}, column "Elapsed Time (sec)"`,
      message: `elapsed time goes backwards in ${tally.back} row(s) (first here); samples kept in file order`,
    });
  }
  if (decimalCommaLine > 0) {
    warnings.push({ location: at(decimalCommaLine), message: 'decimal commas read as decimal points' });
  }

  // Views when the estimate was close (no copy), copies when it left much unused.
  const fit = <T extends Float64Array | Uint32Array>(a: T): T =>
    a.length === n ? a : ((n >= a.length * 0.75 ? a.subarray(0, n) : a.slice(0, n)) as T);
  const values: Partial<Record<RtdColumnKey, Float64Array>> = {};
  const unknown: RawSamples['unknown'] = [];
  plan.keyAt.forEach((key, j) => {
    const a = arrays[j];
    if (!a || key === undefined) return;
    if (key === null) {
      const t = texts[j]!;
      t.length = n;
      unknown.push({ name: names.get(j)!, index: j, values: fit(a), text: t });
    } else values[key] = fit(a);
  });
  return { count: n, line: fit(lineNo), values, unknown };
}

/**
 * Rows to allocate for, from the mean length of the first rows (rows of one file are of similar length;
 * the arrays grow if the guess is short), but no more than rows of two bytes per column could fill, so a
 * file of junk does not reserve memory out of proportion to its size.
 */
function initialCapacity(b: Uint8Array, start: number, ncols: number): number {
  const left = b.length - start;
  const bound = Math.ceil(left / (2 * Math.max(1, ncols))) + 1;
  let rows = 0;
  let at = start;
  while (rows < 64) {
    const lf = b.indexOf(LF, at);
    if (lf < 0) break;
    at = lf + 1;
    rows++;
  }
  const rowLength = Math.max(2 * ncols, rows > 0 ? (at - start) / rows : left);
  return Math.max(16, Math.min(bound, Math.ceil((left / rowLength) * 1.05) + 16));
}
