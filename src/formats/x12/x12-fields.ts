import { ProblemList } from '../problem-list.js';
import { element, type X12Segment } from './x12-types.js';
import { centsOrProblem, parseDate, parseQuantity, type Value } from './x12-values.js';

/** `SVC` + 2 → `SVC02`, the element's name in the implementation guides. */
export const elementName = (seg: X12Segment, n: number): string => `${seg.id}${String(n).padStart(2, '0')}`;

/**
 * A byte below 0x20 or 0x7F: no code of the X12 code lists holds one (X12.6 character sets). The
 * interchange's component separator (ISA16) may itself be a control character (0x1F): it is allowed,
 * so a composite can be checked whole.
 */
export function hasControlCharacter(text: string, component = ''): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 || c === 0x7f) && text[i] !== component) return true;
  }
  return false;
}

/** Empty or only whitespace (no new string for the usual element without spaces). */
export const isBlank = (text: string): boolean => text.length === 0 || text.trim() === '';

/** An element's text trimmed, null when blank. */
const textOf = (raw: string): string | null => {
  const v = raw.trim();
  return v === '' ? null : v;
};

/**
 * Reads typed element values of a transaction set, recording each unreadable value as a problem at
 * `<loop location>/<SEGnn>` (never quoting the value). Empty optional elements read as null. Each
 * element is cut from the segment once per read.
 */
export class X12Fields {
  readonly problems = new ProblemList();
  readonly warnings = new ProblemList();

  text(seg: X12Segment, n: number): string | null {
    return textOf(element(seg, n));
  }

  /**
   * A code or identifier that records are matched on (CAS group and reason, RARC, CLP01/02/07, PLB
   * reason): control characters in it are a problem, never a silently different code.
   */
  code(seg: X12Segment, n: number, at: string, required = false): string | null {
    return this.codeOf(element(seg, n), seg, n, at, required);
  }

  /** `code` of the element's text `raw`, already cut from the segment. */
  codeOf(raw: string, seg: X12Segment, n: number, at: string, required = false): string | null {
    if (hasControlCharacter(raw, seg.delimiters.component)) {
      this.problems.add(
        `${at}/${elementName(seg, n)}`,
        `${elementName(seg, n)} contains a control character`,
      );
      return null;
    }
    const v = textOf(raw);
    if (!required) return v;
    if (v === null) this.missing(seg, n, at, 'is required');
    return v ?? '';
  }

  /** A required text: a problem when empty. */
  required(seg: X12Segment, n: number, at: string): string {
    const v = this.text(seg, n);
    if (v === null) this.missing(seg, n, at, 'is required');
    return v ?? '';
  }

  cents(seg: X12Segment, n: number, at: string): number | null {
    return this.centsOf(element(seg, n), seg, n, at);
  }

  requiredCents(seg: X12Segment, n: number, at: string): number {
    return this.requiredCentsOf(element(seg, n), seg, n, at);
  }

  /** `requiredCents` of the element's text `raw`, already cut from the segment. */
  requiredCentsOf(raw: string, seg: X12Segment, n: number, at: string): number {
    if (isBlank(raw)) {
      this.missing(seg, n, at, 'amount is required');
      return 0;
    }
    return this.centsOf(raw, seg, n, at) ?? 0;
  }

  quantity(seg: X12Segment, n: number, at: string): number | null {
    return this.read(seg, n, at, parseQuantity);
  }

  /** A date; `lenient`: an unreadable one is a warning and null (a date nothing depends on). */
  date(seg: X12Segment, n: number, at: string, lenient = false): string | null {
    return this.read(seg, n, at, parseDate, lenient);
  }

  private centsOf(raw: string, seg: X12Segment, n: number, at: string): number | null {
    if (isBlank(raw)) return null;
    const cents = centsOrProblem(raw);
    if (typeof cents === 'number') return cents;
    this.unreadable(seg, n, at, cents, false);
    return null;
  }

  private read<T>(
    seg: X12Segment,
    n: number,
    at: string,
    parse: (t: string) => Value<T>,
    lenient = false,
  ): T | null {
    const raw = element(seg, n);
    if (isBlank(raw)) return null;
    const r = parse(raw);
    if (r.ok) return r.value;
    this.unreadable(seg, n, at, r.message, lenient);
    return null;
  }

  /** A required element that is empty. */
  private missing(seg: X12Segment, n: number, at: string, what: string): void {
    this.problems.add(`${at}/${elementName(seg, n)}`, `${elementName(seg, n)} ${what}`);
  }

  /** An element whose value cannot be read: a problem, or a warning when `lenient`. */
  private unreadable(seg: X12Segment, n: number, at: string, why: string, lenient: boolean): void {
    const name = elementName(seg, n);
    (lenient ? this.warnings : this.problems).add(
      `${at}/${name}`,
      `${name} ${why}${lenient ? ': ignored' : ''}`,
    );
  }
}
