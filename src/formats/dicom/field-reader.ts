import type { DataSet, Element } from 'dicom-parser';
import type { InputProblem } from '../../core/model/input-problem.js';
import { type DicomValue, parseDicomDate, parseDicomTime } from './dicom-datetime.js';
import type { TagDef } from './rt-record-tags.js';

/** A data set and the tag path that reached it: `''` at the top, `(3008,0020)[1]>` inside an item. */
export interface Scope {
  dataSet: DataSet;
  path: string;
}

/**
 * The items of a sequence. An item's scope (and its tag path) is made when the item is read: of a VMAT
 * beam's hundreds of control points, the reader reads the first and the last.
 */
export class SequenceItems {
  constructor(
    private readonly items: readonly Element[],
    private readonly path: string,
  ) {}

  get length(): number {
    return this.items.length;
  }

  /** The item at `index` (0 ≤ index < length). dicom-parser and the walker give every item a data set. */
  item(index: number): Scope {
    return { dataSet: this.items[index]!.dataSet!, path: `${this.path}[${index}]>` };
  }
}

/**
 * How an absent or empty attribute is treated: `required` (PS3.3 Type 1, or needed to use the record) is a
 * problem; `warn` is returned as null with a warning saying what is lost; `optional` is null silently.
 */
export type Need = 'required' | 'warn' | 'optional';

type Raw = { kind: 'absent' } | { kind: 'bad' } | { kind: 'value'; text: string };

const ABSENT: Raw = { kind: 'absent' };
const BAD: Raw = { kind: 'bad' };

// PS3.5 6.2 DS: a fixed or floating point decimal, leading/trailing spaces allowed.
const DS = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
// PS3.5 6.2 IS: an optionally signed integer in -2^31..2^31-1.
const IS = /^[+-]?\d{1,10}$/;

const utf8 = new TextDecoder('utf-8');

/**
 * Reads attribute values out of dicom-parser data sets, each problem or warning located by its tag path
 * (`file.dcm:(3008,0020)[1]>(3008,0040)[0]>(3008,0025)`). Messages name the attribute and the form that
 * was expected, never the value found (it may be PHI).
 */
export class FieldReader {
  readonly problems: InputProblem[] = [];
  readonly warnings: InputProblem[] = [];

  /** `decodeUtf8`: (0008,0005) Specific Character Set is ISO_IR 192; otherwise bytes are read as Latin-1. */
  constructor(
    private readonly source: string,
    private readonly decodeUtf8 = false,
  ) {}

  location(scope: Scope, tag: TagDef): string {
    return `${this.source}:${scope.path}${tag.label}`;
  }

  problem(scope: Scope, tag: TagDef, message: string): void {
    this.problems.push({ location: this.location(scope, tag), message: `${tag.name} ${message}` });
  }

  warning(scope: Scope, tag: TagDef, message: string): void {
    this.warnings.push({ location: this.location(scope, tag), message: `${tag.name} ${message}` });
  }

  /** All values of a multi-valued text attribute (e.g. Specific Character Set); [] when absent or empty. */
  values(scope: Scope, tag: TagDef): string[] {
    const raw = this.raw(scope, tag, true);
    return raw.kind === 'value' ? raw.text.split('\\').map((v) => v.trim()) : [];
  }

  /** A text value (padding trimmed); null when absent or empty. */
  string(scope: Scope, tag: TagDef, need: Need, whatIsLost = ''): string | null {
    const raw = this.raw(scope, tag);
    if (raw.kind === 'value') return raw.text;
    if (raw.kind === 'absent') this.absent(scope, tag, need, whatIsLost);
    return null;
  }

  /** An IS value; null when absent or empty. `min` guards numbers that count (beam number, fraction). */
  integer(scope: Scope, tag: TagDef, need: Need, min: number, whatIsLost = ''): number | null {
    const raw = this.raw(scope, tag);
    if (raw.kind === 'absent') this.absent(scope, tag, need, whatIsLost);
    if (raw.kind !== 'value') return null;
    const n = IS.test(raw.text) ? Number(raw.text) : NaN;
    if (!Number.isSafeInteger(n) || n < min || n > 2 ** 31 - 1) {
      this.problem(scope, tag, `is not a valid integer string (IS): expected an integer ≥ ${min}`);
      return null;
    }
    return n;
  }

  /** A DS value ≥ 0; null when absent or empty. */
  decimal(scope: Scope, tag: TagDef, need: Need, whatIsLost = ''): number | null {
    const raw = this.raw(scope, tag);
    if (raw.kind === 'absent') this.absent(scope, tag, need, whatIsLost);
    if (raw.kind !== 'value') return null;
    const n = DS.test(raw.text) ? Number(raw.text) : NaN;
    if (!Number.isFinite(n) || n < 0) {
      this.problem(scope, tag, 'is not a valid decimal string (DS): expected a number ≥ 0');
      return null;
    }
    return n;
  }

  /** A code string that must be one of `values`; null when absent or empty. */
  code<T extends string>(scope: Scope, tag: TagDef, need: Need, values: readonly T[]): T | null {
    const raw = this.raw(scope, tag);
    if (raw.kind === 'absent') this.absent(scope, tag, need, '');
    if (raw.kind !== 'value') return null;
    if ((values as readonly string[]).includes(raw.text)) return raw.text as T;
    this.problem(scope, tag, `has a value that is not defined: expected ${values.join(', ')}`);
    return null;
  }

  /** A DA value as `YYYY-MM-DD`; null when absent, empty or invalid (a problem). */
  date(scope: Scope, tag: TagDef, need: Need, whatIsLost = ''): string | null {
    return this.dated(scope, tag, need, whatIsLost, parseDicomDate, 'YYYY.MM.DD');
  }

  /** A TM value as `HH:mm:ss[.sss]`; null when absent, empty or invalid (a problem). */
  time(scope: Scope, tag: TagDef, need: Need, whatIsLost = ''): string | null {
    return this.dated(scope, tag, need, whatIsLost, parseDicomTime, 'HH:MM:SS');
  }

  /** The items of a sequence; null when absent (the caller decides), none when empty. */
  sequence(scope: Scope, tag: TagDef): SequenceItems | null {
    const element = scope.dataSet.elements[tag.key];
    if (!element) return null;
    if (!element.items) {
      // An empty sequence of defined length has no items to show it is one.
      if (element.length === 0) return new SequenceItems([], '');
      this.problem(scope, tag, 'is not a sequence (SQ): expected items of attributes');
      return null;
    }
    return new SequenceItems(element.items, `${scope.path}${tag.label}`);
  }

  private dated(
    scope: Scope,
    tag: TagDef,
    need: Need,
    whatIsLost: string,
    parse: (raw: string) => DicomValue<string>,
    legacyForm: string,
  ): string | null {
    const raw = this.raw(scope, tag);
    if (raw.kind === 'absent') this.absent(scope, tag, need, whatIsLost);
    if (raw.kind !== 'value') return null;
    const parsed = parse(raw.text);
    if (!parsed.ok) {
      this.problem(scope, tag, `is not valid: expected ${parsed.expected}`);
      return null;
    }
    if (parsed.legacy)
      this.warning(scope, tag, `uses the ACR-NEMA form ${legacyForm} (PS3.5 6.2); read anyway`);
    return parsed.value;
  }

  private absent(scope: Scope, tag: TagDef, need: Need, whatIsLost: string): void {
    if (need === 'required') this.problem(scope, tag, 'is missing or empty: it is required');
    else if (need === 'warn') this.warning(scope, tag, `is missing or empty${whatIsLost}`);
  }

  /** The element's bytes as text, padding removed; `bad` (with a problem) when they cannot be a value. */
  private raw(scope: Scope, tag: TagDef, manyValues = false): Raw {
    const element = scope.dataSet.elements[tag.key];
    if (!element) return ABSENT;
    if (element.items) {
      this.problem(scope, tag, `is a sequence: expected a single ${tag.vr} value`);
      return BAD;
    }
    // Explicit VR: the encoding states the VR. UN (unknown) is read as the dictionary VR.
    if (element.vr !== undefined && element.vr !== tag.vr && element.vr !== 'UN') {
      this.problem(scope, tag, `has VR ${element.vr.replace(/[^A-Z]/g, '?')}: expected ${tag.vr}`);
      return BAD;
    }
    const bytes = scope.dataSet.byteArray;
    const start = element.dataOffset;
    const end = start + element.length;
    if (element.length === 0xffffffff || end > bytes.length || start < 0) {
      this.problem(scope, tag, 'runs past the end of the file: the file is truncated');
      return BAD;
    }
    // PS3.5 6.2: values are padded to an even length with a trailing space (UI: NUL); leading spaces of
    // the VRs read here (AE CS DS IS LO SH UI) carry no meaning either.
    let from = start;
    let to = end;
    while (from < to && bytes[from] === 0x20) from++;
    while (to > from && (bytes[to - 1] === 0x20 || bytes[to - 1] === 0)) to--;
    let text = '';
    if (this.decodeUtf8) text = utf8.decode(bytes.subarray(from, to));
    else for (let i = from; i < to; i++) text += String.fromCharCode(bytes[i]!);
    if (text === '') return ABSENT;
    if (!manyValues && text.includes('\\')) {
      this.problem(scope, tag, 'has several values (backslash-separated): expected one');
      return BAD;
    }
    return { kind: 'value', text };
  }
}
