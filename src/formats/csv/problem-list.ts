import type { InputProblem } from '../../core/model/input-problem.js';

/**
 * Problems (or warnings) up to a cap, then a count of the rest: a file with 100,000 bad rows gives a
 * readable answer, and the count still says how bad it is.
 */
export class ProblemList {
  private readonly items: InputProblem[] = [];
  private dropped = 0;

  constructor(
    private readonly source: string,
    private readonly max: number,
    private readonly noun: 'problem' | 'warning',
  ) {}

  add(problem: InputProblem): void {
    if (this.items.length < this.max) this.items.push(problem);
    else this.dropped++;
  }

  get size(): number {
    return this.items.length + this.dropped;
  }

  /** The listed problems, and one more saying how many were left out. */
  list(): InputProblem[] {
    if (this.dropped === 0) return [...this.items];
    return [
      ...this.items,
      {
        location: this.source,
        message: `and ${this.dropped} more ${this.noun}${this.dropped === 1 ? '' : 's'} not listed (${this.size} in all)`,
      },
    ];
  }
}
