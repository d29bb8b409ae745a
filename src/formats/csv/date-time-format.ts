/**
 * Date and time formats of CSV cells, as a site's mapping writes them (`MM/DD/YYYY`, `DD.MM.YYYY`,
 * `h:mm:ss A`, `YYYY-MM-DD HH:mm:ss`), compiled once to an anchored regular expression. Parsing is
 * arithmetic on the digits: no `Date` constructor, no process time zone (architecture.md, "Time").
 *
 * Tokens: YYYY (4-digit year), YY (2-digit year, read as 20YY), MM/M (month, 2 or 1–2 digits), DD/D (day),
 * HH/H (hour 0–23), hh/h (hour 1–12, needs A), mm (minutes), ss (seconds), S…S (fraction of a second,
 * 1–9 digits, kept to 6), A (AM/PM, also am, a.m.), Z (UTC offset: Z, ±HH:mm, ±HHmm, ±HH). A space matches
 * any run of spaces; `[text]` is literal text; T and punctuation are literal. Other letters are refused, so
 * a .NET/Java pattern such as `yyyy-MM-dd` is caught when the mapping is loaded, not on every row.
 * `ISO` is ISO 8601 (RFC 3339 profile): `YYYY-MM-DD[T ]HH:mm[:ss[.S…]][Z|±HH:mm]`.
 */
export interface DateTimeParts {
  /** `YYYY-MM-DD`, when the format has a date. */
  date?: string;
  /** `HH:mm:ss[.ffffff]`, when the format has a time. */
  time?: string;
  /** `±HH:mm` (`Z` → `+00:00`), when the format has an offset and the cell states one. */
  utcOffset?: string;
}

export interface CompiledFormat {
  readonly pattern: string;
  readonly hasDate: boolean;
  readonly hasTime: boolean;
  readonly hasOffset: boolean;
  parse(text: string): DateTimeParts | null;
}

type Part = 'year4' | 'year2' | 'month' | 'day' | 'hour24' | 'hour12' | 'minute' | 'second' | 'fraction';
type Token = { regex: string; part?: Part | 'ampm' | 'offset' };

const TOKENS: [RegExp, (m: string) => Token][] = [
  [/^\[([^\]]*)\]/, (m) => ({ regex: escapeRegex(m.slice(1, -1)) })],
  [/^YYYY/, () => ({ regex: '(\\d{4})', part: 'year4' })],
  [/^YY/, () => ({ regex: '(\\d{2})', part: 'year2' })],
  [/^MM/, () => ({ regex: '(\\d{2})', part: 'month' })],
  [/^M/, () => ({ regex: '(\\d{1,2})', part: 'month' })],
  [/^DD/, () => ({ regex: '(\\d{2})', part: 'day' })],
  [/^D/, () => ({ regex: '(\\d{1,2})', part: 'day' })],
  [/^HH/, () => ({ regex: '(\\d{2})', part: 'hour24' })],
  [/^H/, () => ({ regex: '(\\d{1,2})', part: 'hour24' })],
  [/^hh/, () => ({ regex: '(\\d{2})', part: 'hour12' })],
  [/^h/, () => ({ regex: '(\\d{1,2})', part: 'hour12' })],
  [/^mm/, () => ({ regex: '(\\d{2})', part: 'minute' })],
  [/^ss/, () => ({ regex: '(\\d{2})', part: 'second' })],
  [/^S+/, () => ({ regex: '(\\d{1,9})', part: 'fraction' })],
  [/^A/, () => ({ regex: '([AaPp]\\.?[Mm]\\.?)', part: 'ampm' })],
  [/^Z/, () => ({ regex: '(Z|z|[+-]\\d{2}(?::?\\d{2})?)', part: 'offset' })],
  [/^\s+/, () => ({ regex: '\\s+' })],
  [/^T/, () => ({ regex: 'T' })],
  [/^[^A-Za-z]/, (m) => ({ regex: escapeRegex(m) })],
];

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/** A format string → a parser, or what is wrong with the format (shown when a mapping is loaded). */
export function compileFormat(format: string): CompiledFormat | { error: string } {
  if (format === 'ISO') return isoFormat;
  const parts: (Part | 'ampm' | 'offset')[] = [];
  let regex = '';
  let rest = format;
  while (rest.length > 0) {
    const hit = TOKENS.find(([re]) => re.test(rest));
    if (!hit) {
      const letters = /^[A-Za-z]+/.exec(rest)![0];
      return {
        error: `unknown letters "${letters}" in format "${format}": use YYYY, MM, DD, HH, hh, mm, ss, SSS, A, Z (or [text] for literal text)`,
      };
    }
    const m = hit[0].exec(rest)![0];
    const token = hit[1](m);
    regex += token.regex;
    if (token.part) {
      if (parts.includes(token.part)) return { error: `format "${format}" has two ${token.part} fields` };
      parts.push(token.part);
    }
    rest = rest.slice(m.length);
  }
  const has = (p: Part | 'ampm' | 'offset') => parts.includes(p);
  const hasYear = has('year4') || has('year2');
  const hasDate = hasYear || has('month') || has('day');
  if (hasDate && !(hasYear && has('month') && has('day'))) {
    return { error: `format "${format}" needs a year, a month and a day (YYYY, MM, DD)` };
  }
  if (has('hour24') && has('hour12')) return { error: `format "${format}" has both HH and hh` };
  const hasTime = has('hour24') || has('hour12') || has('minute') || has('second');
  if (hasTime && !((has('hour24') || has('hour12')) && has('minute'))) {
    return { error: `format "${format}" needs hours and minutes (HH:mm or h:mm A)` };
  }
  if (has('hour12') !== has('ampm')) {
    return { error: `format "${format}": 12-hour clock (h, hh) goes with A (AM/PM), 24-hour (HH) without` };
  }
  if (has('fraction') && !has('second')) return { error: `format "${format}": fractions need seconds (ss)` };
  if (!hasDate && !hasTime) return { error: `format "${format}" has neither a date nor a time` };
  const re = new RegExp(`^${regex}$`);
  // Capture group of each part (0 = absent), resolved once rather than per cell.
  const group = (p: Part | 'ampm' | 'offset') => parts.indexOf(p) + 1;
  const g = {
    year4: group('year4'),
    year2: group('year2'),
    month: group('month'),
    day: group('day'),
    hour24: group('hour24'),
    hour12: group('hour12'),
    ampm: group('ampm'),
    minute: group('minute'),
    second: group('second'),
    fraction: group('fraction'),
    offset: group('offset'),
  };
  const num = (m: RegExpExecArray, i: number) => (i ? +m[i]! : 0);
  return {
    pattern: format,
    hasDate,
    hasTime,
    hasOffset: g.offset > 0,
    parse(text: string): DateTimeParts | null {
      const m = re.exec(text.trim());
      if (!m) return null;
      return assemble({
        year: g.year4 ? +m[g.year4]! : g.year2 ? 2000 + +m[g.year2]! : 0,
        month: num(m, g.month),
        day: num(m, g.day),
        hour: g.hour24 ? +m[g.hour24]! : g.hour12 ? hour12(+m[g.hour12]!, m[g.ampm]!) : 0,
        minute: num(m, g.minute),
        second: num(m, g.second),
        fraction: g.fraction ? m[g.fraction] : undefined,
        offset: g.offset ? m[g.offset] : undefined,
        hasDate,
        hasTime,
      });
    },
  };
}

/** 12:xx AM is 00:xx, 12:xx PM is 12:xx; -1 (refused) outside 1–12. */
function hour12(h: number, ampm: string): number {
  if (h < 1 || h > 12) return -1;
  return (h % 12) + (ampm[0] === 'P' || ampm[0] === 'p' ? 12 : 0);
}

const isoFormat: CompiledFormat = {
  pattern: 'ISO',
  hasDate: true,
  hasTime: true,
  hasOffset: true,
  parse(text: string): DateTimeParts | null {
    const m = ISO.exec(text.trim());
    if (!m) return null;
    return assemble({
      year: +m[1]!,
      month: +m[2]!,
      day: +m[3]!,
      hour: +m[4]!,
      minute: +m[5]!,
      second: +(m[6] ?? 0),
      fraction: m[7],
      offset: m[8],
      hasDate: true,
      hasTime: true,
    });
  },
};

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  fraction: string | undefined;
  offset: string | undefined;
  hasDate: boolean;
  hasTime: boolean;
}

function assemble(f: Fields): DateTimeParts | null {
  const out: DateTimeParts = {};
  if (f.hasDate) {
    if (f.month < 1 || f.month > 12 || f.day < 1 || f.day > daysInMonth(f.year, f.month)) return null;
    out.date = `${pad(f.year, 4)}-${pad(f.month, 2)}-${pad(f.day, 2)}`;
  }
  if (f.hasTime) {
    // No 24:00 and no leap second 60: the course model's local date-time has neither.
    if (f.hour < 0 || f.hour > 23 || f.minute > 59 || f.second > 59) return null;
    const fraction = f.fraction ? `.${f.fraction.slice(0, 6)}` : '';
    out.time = `${pad(f.hour, 2)}:${pad(f.minute, 2)}:${pad(f.second, 2)}${fraction}`;
  }
  if (f.offset !== undefined) {
    const offset = normalizeOffset(f.offset);
    if (offset === null) return null;
    out.utcOffset = offset;
  }
  return out;
}

/** `Z`, `+0530`, `-05`, `-05:00` → `±HH:mm`; null outside ±14:00 (RFC 3339 §5.6; real zones span −12…+14). */
function normalizeOffset(text: string): string | null {
  if (text === 'Z' || text === 'z') return '+00:00';
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(text)!;
  const hours = +m[2]!;
  const minutes = +(m[3] ?? 0);
  if (hours > 14 || minutes > 59 || (hours === 14 && minutes > 0)) return null;
  return `${m[1]}${pad(hours, 2)}:${pad(minutes, 2)}`;
}

/** Proleptic Gregorian calendar: leap years every 4, except centuries not divisible by 400. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
