/**
 * A problem with input that stops it being used: where (file and position or JSON path) and what to do.
 * Never carries PHI: locations and field names, not values from the record.
 */
export interface InputProblem {
  /** `file.json:fractions[3].beams[0].beamOn`, `file.json:line 4, column 17`. */
  location: string;
  message: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: InputProblem[] };

/**
 * What a reader of a clinic export returns: the records, with warnings for what it tolerated (unknown
 * columns, a missing optional header), or the problems that stop the file being used. Readers never
 * throw on input: any bytes give one of the two.
 */
export type ReadResult<T> =
  { ok: true; value: T; warnings: InputProblem[] } | { ok: false; problems: InputProblem[] };

/** Problems listed per file: enough to fix a file by, small enough to store and show. */
export const MAX_PROBLEMS_PER_FILE = 200;

/**
 * The first `max` problems, then one line that counts the rest (a file with a million bad entries
 * must not become a million-line result).
 */
export function capProblems(
  problems: InputProblem[],
  location: string,
  max = MAX_PROBLEMS_PER_FILE,
): InputProblem[] {
  // max + 1 problems are listed whole (as long as the capped list): a list capped already stays as it is.
  if (problems.length <= max + 1) return problems;
  return [...problems.slice(0, max), notListed(location, problems.length - max)];
}

/** The line that counts the problems past the first `MAX_PROBLEMS_PER_FILE`. */
export function notListed(location: string, more: number): InputProblem {
  return { location, message: `… and ${more} more problem${more === 1 ? '' : 's'} not listed` };
}
