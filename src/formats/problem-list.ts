import type { InputProblem } from '../core/model/input-problem.js';

/** Problems or warnings listed per file (or X12 transaction set) at most; the rest are counted in a last entry. */
export const MAX_LISTED = 200;

/**
 * Problems or warnings, kept up to a cap and counted beyond it, so that a file of a million bad
 * segments costs neither memory nor a million-entry report.
 */
export class ProblemList {
  readonly items: InputProblem[] = [];
  private count = 0;

  get total(): number {
    return this.count;
  }

  add(location: string, message: string): void {
    this.count++;
    if (this.items.length < MAX_LISTED) this.items.push({ location, message });
  }

  /** Another list (its uncounted rest included) or plain problems. */
  addAll(other: ProblemList | readonly InputProblem[]): void {
    if (other instanceof ProblemList) {
      for (const p of other.items) this.add(p.location, p.message);
      this.count += other.total - other.items.length;
    } else for (const p of other) this.add(p.location, p.message);
  }

  /**
   * Removes and returns what was added since the list counted `mark` entries (with the count of those
   * not listed, at `source`): the problems of one part, moved to that part's own report.
   */
  takeSince(mark: number, source: string): InputProblem[] {
    const taken = this.items.splice(Math.min(mark, MAX_LISTED));
    const more = this.count - mark - taken.length;
    this.count = mark;
    if (more > 0) taken.push({ location: source, message: `${more} more not listed` });
    return taken;
  }

  /** The listed entries, then `N more not listed` at `source` when some were left out. */
  list(source: string): InputProblem[] {
    const more = this.count - this.items.length;
    return more > 0
      ? [...this.items, { location: source, message: `${more} more not listed` }]
      : [...this.items];
  }
}
