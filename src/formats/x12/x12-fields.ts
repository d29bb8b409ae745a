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

/**
 * Reads typed element values of a transaction set, recording each unreadable value as a problem at
 * `<loop location>/<SEGnn>` (never quoting the value). Empty optional elements read as null.
 */
export class X12Fields {
  readonly problems = new ProblemList();
  readonly warnings = new ProblemList();

  text(seg: X12Segment, n: number): string | null {
    const v = element(seg, n).trim();
    return v === '' ? null : v;
  }

  /**
   * A code or identifier that records are matched on (CAS group and reason, RARC, CLP01/02/07, PLB
   * reason): control characters in it are a problem, never a silently different code.
   */
  code(seg: X12Segment, n: number, at: string, required = false): string | null {
    const raw = element(seg, n);
    if (hasControlCharacter(raw, seg.delimiters.component)) {
      this.problems.add(
        `${at}/${elementName(seg, n)}`,
        `${elementName(seg, n)} contains a control character`,
      );
      return null;
    }
    return required ? this.required(seg, n, at) : this.text(seg, n);
  }

  /** A required text: a problem when empty. */
  required(seg: X12Segment, n: number, at: string): string {
    const v = this.text(seg, n);
    if (v === null) this.problems.add(`${at}/${elementName(seg, n)}`, `${elementName(seg, n)} is required`);
    return v ?? '';
  }

  cents(seg: X12Segment, n: number, at: string): number | null {
    const raw = element(seg, n);
    if (raw.trim() === '') return null;
    const cents = centsOrProblem(raw);
    if (typeof cents === 'number') return cents;
    this.unreadable(seg, n, at, cents, false);
    return null;
  }

  requiredCents(seg: X12Segment, n: number, at: string): number {
    const v = this.cents(seg, n, at);
    if (v === null && element(seg, n).trim() === '')
      this.problems.add(`${at}/${elementName(seg, n)}`, `${elementName(seg, n)} amount is required`);
    return v ?? 0;
  }

  quantity(seg: X12Segment, n: number, at: string): number | null {
    return this.read(seg, n, at, parseQuantity);
  }

  /** A date; `lenient`: an unreadable one is a warning and null (a date nothing depends on). */
  date(seg: X12Segment, n: number, at: string, lenient = false): string | null {
    return this.read(seg, n, at, parseDate, lenient);
  }

  private read<T>(
    seg: X12Segment,
    n: number,
    at: string,
    parse: (t: string) => Value<T>,
    lenient = false,
  ): T | null {
    const raw = element(seg, n);
    if (raw.trim() === '') return null;
    const r = parse(raw);
    if (r.ok) return r.value;
    this.unreadable(seg, n, at, r.message, lenient);
    return null;
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
