import type { X12Delimiters } from './claim-types.js';

/**
 * Segment text for the X12 writers. An element is a string, or a list of components joined with the
 * component separator (`HC:77412:26`); trailing empty elements and components are dropped, as X12
 * requires. Values are not escaped (X12 has no escape): `write-checks.ts` rejects input values that
 * contain a delimiter before anything is written.
 */
export type Element = string | readonly string[] | undefined;

export class SegmentList {
  readonly segments: string[] = [];

  constructor(private readonly d: X12Delimiters) {}

  add(id: string, ...elements: Element[]): void {
    const out = elements.map((e) =>
      e === undefined ? '' : typeof e === 'string' ? e : trimEnd([...e]).join(this.d.component),
    );
    this.segments.push([id, ...trimEnd(out)].join(this.d.element));
  }

  /** Segments added so far (ST…SE counts them). */
  get length(): number {
    return this.segments.length;
  }
}

function trimEnd(values: string[]): string[] {
  let n = values.length;
  while (n > 0 && values[n - 1] === '') n--;
  return values.slice(0, n);
}

/** Integer cents as an X12 decimal amount without floating point: `12345` → `123.45`, `-5` → `-0.05`. */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** `2026-03-02` → `20260302` (X12 date, format qualifier D8). */
export const x12Date = (date: string): string => date.replaceAll('-', '');
