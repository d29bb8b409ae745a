import { ProblemList } from '../problem-list.js';
import { element, type X12Segment } from './x12-types.js';
import { parseCents, parseDate, parseQuantity, type Value } from './x12-values.js';

/** `SVC` + 2 → `SVC02`, the element's name in the implementation guides. */
export const elementName = (seg: X12Segment, n: number): string => `${seg.id}${String(n).padStart(2, '0')}`;

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

  /** A required text: a problem when empty. */
  required(seg: X12Segment, n: number, at: string): string {
    const v = this.text(seg, n);
    if (v === null) this.problems.add(`${at}/${elementName(seg, n)}`, `${elementName(seg, n)} is required`);
    return v ?? '';
  }

  cents(seg: X12Segment, n: number, at: string): number | null {
    return this.read(seg, n, at, parseCents);
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
    const name = elementName(seg, n);
    (lenient ? this.warnings : this.problems).add(
      `${at}/${name}`,
      `${name} ${r.message}${lenient ? ': ignored' : ''}`,
    );
    return null;
  }
}
