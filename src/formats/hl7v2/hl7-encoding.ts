/**
 * HL7 v2 delimiters and escape sequences (HL7 v2.5.1 ch. 2, §2.5.4 "Message delimiters" and §2.7
 * "Use of escape sequences in text fields"). Each message declares its own delimiters in MSH-1/MSH-2.
 */
export interface Delimiters {
  /** MSH-1, usually `|`. */
  field: string;
  /** MSH-2 character 1, usually `^`. */
  component: string;
  /** MSH-2 character 2, usually `~`. */
  repetition: string;
  /** MSH-2 character 3, usually `\`. */
  escape: string;
  /** MSH-2 character 4, usually `&`. */
  subcomponent: string;
}

export type DelimitersResult = { ok: true; delimiters: Delimiters } | { ok: false; message: string };

/** A delimiter must be a printable, non-alphanumeric character (§2.5.4: "any printable character"). */
const USABLE = /^[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]$/;

/** MSH-1 and MSH-2 from the MSH segment's text (`MSH|^~\&|…`). */
export function readDelimiters(msh: string): DelimitersResult {
  const field = msh.charAt(3);
  if (!USABLE.test(field)) {
    return {
      ok: false,
      message:
        'MSH-1 field separator must be the printable, non-alphanumeric character right after "MSH" (usually "|")',
    };
  }
  const end = msh.indexOf(field, 4);
  const chars = msh.slice(4, end === -1 ? msh.length : end);
  // MSH-2: component, repetition, escape, subcomponent; v2.7+ adds a fifth, the truncation character.
  const ok =
    (chars.length === 4 || chars.length === 5) &&
    [...chars].every((c) => USABLE.test(c) && c !== field) &&
    new Set(chars).size === chars.length;
  if (!ok) {
    return {
      ok: false,
      message:
        'MSH-2 encoding characters must be 4 distinct printable, non-alphanumeric characters other than the field separator (component, repetition, escape, subcomponent; usually "^~\\&")',
    };
  }
  return {
    ok: true,
    delimiters: {
      field,
      component: chars[0]!,
      repetition: chars[1]!,
      escape: chars[2]!,
      subcomponent: chars[3]!,
    },
  };
}

export interface Decoded {
  text: string;
  /** Escape sequences that were malformed or unknown (kept as written). */
  undecoded: number;
}

const HEX = /^X((?:[0-9A-Fa-f]{2})+)$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');

/**
 * Decodes the escape sequences of one leaf value (a component or subcomponent, after splitting: an
 * escaped delimiter is data, not structure). §2.7.1–2.7.6:
 * \F\ \S\ \T\ \R\ \E\ → the delimiters; \Xhh…\ → bytes (UTF-8, else ISO-8859-1); \.br\ → line break;
 * \H\ \N\ (highlighting), \.sp\ \.in\ \.ti\ \.sk\ \.ce\ \.fi\ \.nf\ (formatting), \Cxxyy\ \Mxxyyzz\
 * (character-set switches) and \Z…\ (locally defined) are dropped.
 */
export function decodeEscapes(value: string, d: Delimiters): Decoded {
  if (!value.includes(d.escape)) return { text: value, undecoded: 0 };
  let out = '';
  let undecoded = 0;
  let i = 0;
  while (i < value.length) {
    const start = value.indexOf(d.escape, i);
    if (start === -1) {
      out += value.slice(i);
      break;
    }
    out += value.slice(i, start);
    const end = value.indexOf(d.escape, start + 1);
    if (end === -1) {
      // An escape character with no closing one: kept as written.
      undecoded++;
      out += value.slice(start);
      break;
    }
    const body = value.slice(start + 1, end);
    const decoded = decodeOne(body, d);
    if (decoded === null) {
      undecoded++;
      out += value.slice(start, end + 1);
    } else out += decoded;
    i = end + 1;
  }
  return { text: out, undecoded };
}

function decodeOne(body: string, d: Delimiters): string | null {
  switch (body) {
    case 'F':
      return d.field;
    case 'S':
      return d.component;
    case 'T':
      return d.subcomponent;
    case 'R':
      return d.repetition;
    case 'E':
      return d.escape;
    case 'H':
    case 'N':
      return '';
    case '.br':
      return '\n';
  }
  const hex = HEX.exec(body);
  if (hex) {
    const bytes = Uint8Array.from(hex[1]!.match(/../g)!, (h) => parseInt(h, 16));
    try {
      return utf8.decode(bytes);
    } catch {
      return latin1.decode(bytes);
    }
  }
  if (/^\.(sp|in|ti|sk|ce|fi|nf)[+-]?\d*$/.test(body)) return '';
  if (/^(C[0-9A-Fa-f]{4}|M[0-9A-Fa-f]{4}(?:[0-9A-Fa-f]{2})?)$/.test(body)) return '';
  if (/^Z/.test(body)) return '';
  return null;
}
