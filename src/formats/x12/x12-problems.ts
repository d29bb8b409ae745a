import type { InputProblem } from '../../core/model/input-problem.js';

/** Problems or warnings listed per transaction set at most; the rest are counted in a last entry. */
export const MAX_LISTED = 200;

/**
 * Problems or warnings kept up to a cap and counted beyond it, so that a set of a million bad segments
 * costs neither memory nor a million-entry report.
 */
export class X12Problems {
  readonly items: InputProblem[] = [];
  private count = 0;

  get total(): number {
    return this.count;
  }

  add(location: string, message: string): void {
    this.count++;
    if (this.items.length < MAX_LISTED) this.items.push({ location, message });
  }

  addAll(problems: readonly InputProblem[]): void {
    for (const p of problems) this.add(p.location, p.message);
  }

  /** The listed entries, then `N more not listed` at `location` when some were left out. */
  list(location: string): InputProblem[] {
    const more = this.count - this.items.length;
    return more > 0 ? [...this.items, { location, message: `${more} more not listed` }] : [...this.items];
  }
}

/** A segment id safe to name in a message (ids are `[A-Z][A-Z0-9]{1,2}`; anything else may be data). */
export const segmentName = (id: string): string => (/^[A-Z][A-Z0-9]{1,2}$/.test(id) ? id : 'a segment');
