import type { InputProblem } from '../../core/model/input-problem.js';

/** Problems or warnings listed per file at most; the rest are counted in a last entry. */
export const MAX_LISTED = 200;

/**
 * Problems or warnings of one file: duplicates dropped (a reference seen from two places is reported once
 * per location), kept up to a cap and counted beyond it.
 */
export class Reports {
  private readonly items: InputProblem[] = [];
  private readonly seen = new Set<string>();
  private more = 0;

  get size(): number {
    return this.items.length + this.more;
  }

  add(location: string, message: string): void {
    const key = `${location}\n${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    if (this.items.length < MAX_LISTED) this.items.push({ location, message });
    else this.more++;
  }

  list(source: string): InputProblem[] {
    return this.more > 0
      ? [...this.items, { location: source, message: `${this.more} more not listed` }]
      : this.items;
  }
}
