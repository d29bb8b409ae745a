/**
 * The English noun for a count: the singular for exactly one
 * (or minus one), the plural for every other count, zero included: "1 claim", "0 claims", "2 entries".
 * `many` is the plural when adding "s" does not make it ("entry" → "entries").
 */
export function plural(n: number, one: string, many = `${one}s`): string {
  return Math.abs(n) === 1 ? one : many;
}

/** A count and its noun: "1 course", "3 courses"; `shown` is the count as written (e.g. "1,204"). */
export function counted(n: number, one: string, many?: string, shown = String(n)): string {
  return `${shown} ${plural(n, one, many)}`;
}
