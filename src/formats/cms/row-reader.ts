import type { InputProblem } from '../../core/model/input-problem.js';
import { cellLine, type CsvRecord } from '../csv/parse-csv-records.js';
import { type ColumnSpec, displayName, headerKey, matchesAlias } from './cms-columns.js';
import { parseCmsDate, parseScaled } from './cms-values.js';
import type { HeaderMatch } from './find-header-row.js';

/**
 * The cells of one data row by field, with readers that check them and report problems located at
 * `file:line 12, column "WORK RVU"`. Messages name columns and what was expected, never cell values
 * (a wrong file handed in could hold anything).
 */
export class RowReader<F extends string> {
  readonly problems: InputProblem[] = [];

  constructor(
    private readonly source: string,
    private readonly record: CsvRecord,
    private readonly header: HeaderMatch<F>,
  ) {}

  get line(): number {
    return this.record.line;
  }

  get failed(): boolean {
    return this.problems.length > 0;
  }

  /** `file:line 12`: where the row is, for the row's `location`. */
  get location(): string {
    return `${this.source}:line ${this.record.line}`;
  }

  /** The trimmed cell, or `''` when the column is absent or the row is short. */
  text(field: F): string {
    const c = this.header.columns[field];
    return c ? (this.record.cells[c.index] ?? '').trim() : '';
  }

  /** The trimmed cell, or null when it is absent or empty. */
  optional(field: F): string | null {
    return this.text(field) || null;
  }

  required(field: F): string | null {
    const t = this.text(field);
    if (t === '') this.problem(field, 'empty: a value is required');
    return t || null;
  }

  /** A HCPCS/CPT code: five letters or digits, upper-cased. */
  code(field: F): string | null {
    const t = this.required(field)?.toUpperCase() ?? null;
    if (t !== null && !/^[A-Z0-9]{5}$/.test(t)) {
      this.problem(field, 'not a HCPCS code (five letters or digits)');
      return null;
    }
    return t;
  }

  /** A two-character modifier, or `''` when empty. */
  modifier(field: F): string {
    const t = this.text(field).toUpperCase();
    if (t !== '' && !/^[A-Z0-9]{2}$/.test(t)) this.problem(field, 'not a modifier (two letters or digits)');
    return t;
  }

  /**
   * A decimal as an integer of 10^-scale units. Empty (or one of `blanks`, e.g. `NA`) is null when
   * `optional`, else a problem.
   */
  scaled(
    field: F,
    scale: number,
    opts: { optional?: boolean; blanks?: readonly string[] } = {},
  ): number | null {
    const t = this.text(field);
    if (t === '' || opts.blanks?.includes(t.toUpperCase())) {
      if (!opts.optional) this.problem(field, 'empty: a number is required');
      return null;
    }
    const r = parseScaled(t, scale);
    if (r.ok) return r.value;
    this.problem(field, `${r.reason} (expected a decimal with at most ${scale} decimal places)`);
    return null;
  }

  /** A date as `YYYY-MM-DD`; one of `nulls` (e.g. `*`) or empty is null when `optional`. */
  date(field: F, opts: { optional?: boolean; nulls?: readonly string[] } = {}): string | null {
    const t = this.text(field);
    if (t === '' || opts.nulls?.includes(t)) {
      if (!opts.optional) this.problem(field, 'empty: a date is required');
      return null;
    }
    const r = parseCmsDate(t);
    if (r.ok) return r.value;
    this.problem(field, r.reason);
    return null;
  }

  problem(field: F | null, message: string): void {
    const c = field === null ? undefined : this.header.columns[field];
    const location = c
      ? `${this.source}:line ${cellLine(this.record, c.index)}, column "${displayName(c.name)}"`
      : this.location;
    this.problems.push({ location, message });
  }

  /** The header repeated (page headers in text exports): the key cell is one of its names. */
  isHeaderRepeat(specs: readonly ColumnSpec<F>[]): boolean {
    const key = headerKey(this.text(specs[0]!.field));
    return specs[0]!.aliases.some((a) => matchesAlias(key, a));
  }
}
