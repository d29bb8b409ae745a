import type { InputProblem } from '../../../core/model/input-problem.js';
import { formatLocal, parseCompactStamp, parseNamedStamp } from './rtd-local-time.js';
import type { RtdHeader } from './rtd-types.js';

/** One line of the header block, with its 1-based line number. */
export interface HeaderLine {
  line: number;
  text: string;
}

export interface ParsedHeader {
  header: RtdHeader;
  /** `Start Time` on the zone-less timeline (see rtd-local-time.ts), null when absent or unreadable. */
  startMs: number | null;
  endMs: number | null;
}

type TimeField = 'start' | 'end' | 'xrayOn' | 'xrayOff' | 'firstXrayOn' | 'lastXrayOn';

/** Header keys of domain.md §5.1, matched case-insensitively with spaces collapsed. */
const KEYS: Record<string, keyof Omit<RtdHeader, 'raw'>> = {
  'patient id': 'patientId',
  'start time': 'start',
  'end time': 'end',
  'xrayon time': 'xrayOn',
  'xrayoff time': 'xrayOff',
  'first xrayon time': 'firstXrayOn',
  'last xrayon time': 'lastXrayOn',
  'rtn (base couch)': 'rtnBaseCouch',
  field: 'field',
  ssd: 'ssd',
  coords: 'coords',
};

const DISPLAY: Record<keyof Omit<RtdHeader, 'raw'>, string> = {
  patientId: 'Patient ID',
  start: 'Start Time',
  end: 'End Time',
  xrayOn: 'XRayOn Time',
  xrayOff: 'XRayOff Time',
  firstXrayOn: 'First XRayOn Time',
  lastXrayOn: 'Last XRayOn Time',
  rtnBaseCouch: 'RTN (base couch)',
  field: 'Field',
  ssd: 'SSD',
  coords: 'Coords',
};

const normaliseKey = (key: string) => key.trim().replace(/\s+/g, ' ').toLowerCase();

/** A plain decimal or scientific number, else null (`-`, empty, text). */
function headerNumber(value: string): number | null {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value)) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/**
 * The header block: `key:, value` lines (comma or tab after the colon; a bare `key: value` is accepted).
 * Lines not of that form and unreadable times are warnings; values never appear in messages (PHI).
 */
export function parseRtdHeader(lines: HeaderLine[], source: string, warnings: InputProblem[]): ParsedHeader {
  const raw: Record<string, string> = {};
  const header: RtdHeader = {
    patientId: null,
    field: null,
    start: null,
    end: null,
    xrayOn: null,
    xrayOff: null,
    firstXrayOn: null,
    lastXrayOn: null,
    rtnBaseCouch: null,
    ssd: null,
    coords: null,
    raw,
  };
  const ms: Partial<Record<TimeField, number>> = {};
  const seen = new Set<string>();
  for (const { line, text } of lines) {
    const colon = text.indexOf(':');
    if (colon <= 0) {
      warnings.push({
        location: `${source}:line ${line}`,
        message: 'header line not of the form `key:, value`; ignored',
      });
      continue;
    }
    const key = text.slice(0, colon).trim();
    let rest = text.slice(colon + 1);
    const after = rest.charCodeAt(0);
    if (after === 44 /* , */ || after === 9 /* tab */) rest = rest.slice(1);
    const value = rest.trim();
    const norm = normaliseKey(key);
    const field = KEYS[norm];
    // Only known keys are named in messages: an unknown "key" may be any text, even a name.
    const where = field ? `${source}:line ${line}, field "${DISPLAY[field]}"` : `${source}:line ${line}`;
    if (seen.has(norm)) {
      warnings.push({ location: where, message: 'header key repeated; the first value is kept' });
      continue;
    }
    seen.add(norm);
    raw[key] = value;
    if (!field) continue;
    switch (field) {
      case 'patientId':
      case 'field':
      case 'coords':
        header[field] = value === '' ? null : value;
        break;
      case 'rtnBaseCouch':
      case 'ssd':
        header[field] = headerNumber(value);
        if (header[field] === null && value !== '' && value !== '-') {
          warnings.push({ location: where, message: 'expected a number; kept in the raw header only' });
        }
        break;
      case 'start':
      case 'end': {
        // Start Time / End Time: yymmdd_HHMMSS, local clinic time (domain.md §5.1).
        const t = parseCompactStamp(value);
        if (t === null) {
          warnings.push({
            location: where,
            message:
              field === 'start'
                ? 'expected a time as yymmdd_HHMMSS; sample clock times are unknown (elapsed seconds only)'
                : 'expected a time as yymmdd_HHMMSS; the end is taken from the last sample',
          });
        } else {
          ms[field] = t;
          header[field] = formatLocal(t);
        }
        break;
      }
      default: {
        // XRayOn/XRayOff Time: `Not set` when unknown; First/Last XRayOn Time: the null value
        // `30-December-99 00:00:00.000` (domain.md §5.1). Either time form is accepted.
        if (value === '' || /^not set$/i.test(value)) break;
        const compact = parseCompactStamp(value);
        const named = compact === null ? parseNamedStamp(value) : ({ kind: 'time', ms: compact } as const);
        if (named.kind === 'time') header[field] = formatLocal(named.ms);
        else if (named.kind === 'unreadable') {
          warnings.push({
            location: where,
            message:
              'not a recognised time (yymmdd_HHMMSS or dd-Month-yy HH:MM:SS.sss); kept in the raw header only',
          });
        }
      }
    }
  }
  const startMs = ms.start ?? null;
  const endMs = ms.end ?? null;
  if (!seen.has('start time')) {
    warnings.push({
      location: `${source}:header, field "Start Time"`,
      message: 'missing; sample clock times are unknown (elapsed seconds only)',
    });
  }
  if (startMs !== null && endMs !== null && endMs < startMs) {
    warnings.push({
      location: `${source}:header, field "End Time"`,
      message: 'earlier than Start Time; the end is taken from the last sample',
    });
    header.end = null;
    return { header, startMs, endMs: null };
  }
  return { header, startMs, endMs };
}
