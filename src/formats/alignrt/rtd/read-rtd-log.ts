import type { InputProblem, ReadResult } from '../../../core/model/input-problem.js';
import { textOf, toUtf8Bytes } from './decode-text.js';
import { planColumns } from './rtd-columns.js';
import { DEFAULT_HOLD_LATENCY_SEC, DEFAULT_MAX_SAMPLE_INTERVAL_SEC, deriveRtd } from './rtd-derive.js';
import { type HeaderLine, parseRtdHeader } from './rtd-header.js';
import { readSamples } from './rtd-samples.js';
import type { RtdLog, RtdReadOptions } from './rtd-types.js';
import { isRtf, rtfText } from './rtf-text.js';

export { looksRtdLog } from './looks-rtd-log.js';
export { toMonitoringSession } from './rtd-monitoring-session.js';
export type { RtdLog, RtdReadOptions } from './rtd-types.js';

/** The column header row must appear within this many non-blank lines (the header block has ~11). */
const MAX_HEADER_LINES = 200;
/** More columns than this is not an RTD log (the known layout has 18). */
const MAX_COLUMNS = 256;

const positive = (v: number | undefined, fallback: number) =>
  v !== undefined && Number.isFinite(v) && v >= 0 ? v : fallback;

/**
 * Reads an AlignRT real-time-delta log (domain.md §5.1): the `key:, value` header block, the column header
 * row and the samples. Never throws: any input gives the log with warnings for what was tolerated, or
 * problems located by line and column. Messages never quote values (the file holds PHI).
 */
export function readRtdLog(
  input: Uint8Array | string,
  source: string,
  options: RtdReadOptions = {},
): ReadResult<RtdLog> {
  try {
    return read(input, source, options);
  } catch {
    // A bug, not an input problem: reported without any detail that could quote the file.
    return {
      ok: false,
      problems: [{ location: source, message: 'internal error in the RTD reader; please report this file' }],
    };
  }
}

function read(input: Uint8Array | string, source: string, options: RtdReadOptions): ReadResult<RtdLog> {
  let bytes = toUtf8Bytes(input);
  const warnings: InputProblem[] = [];
  const problems: InputProblem[] = [];

  // A log saved through a word processor is RTF: its plain text is read (line numbers are the text's).
  if (isRtf(bytes)) {
    const rtf = rtfText(bytes);
    if (!rtf.ok) {
      return {
        ok: false,
        problems: [
          {
            location: `${source}:line 1`,
            message: `an RTF document (a text export saved through a word processor) that cannot be read: ${rtf.why}; export the log again as plain text`,
          },
        ],
      };
    }
    bytes = new TextEncoder().encode(rtf.text);
    warnings.push({
      location: `${source}:line 1`,
      message:
        'an RTF document (a text export saved through a word processor): its plain text is read; line numbers count the lines of that text',
    });
  }

  // Header block: every non-blank line before the column header row. Lines end at LF, CRLF or a lone CR.
  const headerLines: HeaderLine[] = [];
  let pos = 0;
  let line = 0;
  let columnRow: string | null = null;
  let firstContent: string | null = null;
  const len = bytes.length;
  while (pos < len && headerLines.length < MAX_HEADER_LINES) {
    line++;
    let end = pos;
    while (end < len && bytes[end] !== 10 && bytes[end] !== 13) end++;
    const row = textOf(bytes, pos, end);
    pos = end < len && bytes[end] === 13 && bytes[end + 1] === 10 ? end + 2 : end + 1;
    if (row.trim() === '') continue;
    firstContent ??= row;
    if (isColumnRow(row)) {
      columnRow = row;
      break;
    }
    headerLines.push({ line, text: row });
  }
  if (columnRow === null) {
    const startsWithNumbers = firstContent !== null && /^\s*[+-]?\.?\d/.test(firstContent);
    return {
      ok: false,
      problems: [
        {
          location: `${source}:line 1`,
          message: startsWithNumbers
            ? 'no column header row: the copy starts with numbers, so the columns cannot be identified (export the log again with its column names)'
            : `no column header row (a row naming "Elapsed Time (sec)", "XRayState" and the deltas) in the first ${MAX_HEADER_LINES} lines: not an AlignRT real-time-delta log`,
        },
      ],
    };
  }
  const columnLine = line;
  // Comma- or tab-separated (domain.md §5.1: both seen in real exports).
  const separator = columnRow.includes('\t') ? '\t' : ',';
  const names = columnRow.split(separator);
  while (names.length > 0 && names[names.length - 1]!.trim() === '') names.pop();
  const rowLocation = `${source}:line ${columnLine}`;
  if (names.length > MAX_COLUMNS) {
    return {
      ok: false,
      problems: [
        {
          location: rowLocation,
          message: `more than ${MAX_COLUMNS} columns: not an AlignRT real-time-delta log`,
        },
      ],
    };
  }
  const plan = planColumns(names, rowLocation, warnings, problems);
  if (problems.length > 0) return { ok: false, problems };

  let header = null;
  let startMs: number | null = null;
  let endMs: number | null = null;
  if (headerLines.length === 0) {
    // A copy without the header block: no clock time; report it, never guess one (domain.md §5.1).
    warnings.push({
      location: `${source}:line 1`,
      message:
        'no header block (Patient ID, Start Time, …): sample clock times are unknown; elapsed seconds only',
    });
  } else {
    const parsed = parseRtdHeader(headerLines, source, warnings);
    ({ header, startMs, endMs } = parsed);
  }

  const raw = readSamples(
    bytes,
    { start: Math.min(pos, len), line: columnLine + 1, separator: separator.charCodeAt(0) },
    plan,
    source,
    warnings,
  );
  if (raw.count === 0) {
    return {
      ok: false,
      problems: [{ location: rowLocation, message: 'no samples after the column header row' }],
    };
  }
  const { samples, derived } = deriveRtd(
    {
      raw,
      startMs,
      endMs,
      maxSampleIntervalSec: positive(options.maxSampleIntervalSec, DEFAULT_MAX_SAMPLE_INTERVAL_SEC),
      holdLatencySec: positive(options.holdLatencySec, DEFAULT_HOLD_LATENCY_SEC),
      source,
    },
    warnings,
  );
  return {
    ok: true,
    value: {
      header,
      separator: separator === '\t' ? 'tab' : 'comma',
      lengthUnit: plan.lengthUnit,
      columns: plan.columns,
      samples,
      derived,
    },
    warnings,
  };
}

/**
 * The column header row names `Elapsed Time` (or, when that column is lost, `XRayState` or a delta) and
 * is separated, unlike the `key:, value` header lines.
 */
function isColumnRow(row: string): boolean {
  if (!/elapsed|xraystate|d\.(vrt|lng|lat)/i.test(row)) return false;
  const sep = row.search(/[,\t]/);
  if (sep < 0) return false;
  const colon = row.indexOf(':');
  return colon < 0 || colon > sep;
}
