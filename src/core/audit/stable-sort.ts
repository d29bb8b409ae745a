/** Up to this many elements an insertion sort is used (and it reserves nothing). */
const SMALL = 64;

/**
 * Sort `items` in place, stably, as `Array.prototype.sort` does (same order for the same comparator):
 * short lists, the usual ones here (a fraction's beams, findings, a course's fractions, mostly in order
 * already), by insertion, which costs one comparison per element on sorted input and allocates nothing,
 * where the built-in sort sets up its merge state and work arrays on every call.
 */
export function stableSort<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  if (items.length > SMALL) return items.sort(compare);
  for (let i = 1; i < items.length; i++) {
    const item = items[i]!;
    let j = i - 1;
    while (j >= 0 && compare(items[j]!, item) > 0) {
      items[j + 1] = items[j]!;
      j--;
    }
    items[j + 1] = item;
  }
  return items;
}
