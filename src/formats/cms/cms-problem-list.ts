import type { InputProblem } from '../../core/model/input-problem.js';

/** Problems or warnings listed per file at most; the rest are counted in a last entry. */
export const MAX_LISTED = 200;

/** Problems (or warnings) up to `MAX_LISTED`, then a count of the rest. */
export class ProblemList {
  private readonly items: InputProblem[] = [];
  private dropped = 0;

  constructor(
    private readonly source: string,
    private readonly noun: 'problem' | 'warning',
  ) {}

  add(location: string, message: string): void {
    if (this.items.length < MAX_LISTED) this.items.push({ location, message });
    else this.dropped++;
  }

  get size(): number {
    return this.items.length + this.dropped;
  }

  list(): InputProblem[] {
    if (this.dropped === 0) return [...this.items];
    const s = this.dropped === 1 ? '' : 's';
    return [
      ...this.items,
      { location: this.source, message: `and ${this.dropped} more ${this.noun}${s} not listed` },
    ];
  }
}
