/** Half-open intervals of epoch milliseconds [start, end). */
export interface Interval {
  start: number;
  end: number;
}

/** Sorted, merged union of intervals. */
export function union(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start);
  if (sorted.length > 1) sorted.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ start: i.start, end: i.end });
  }
  return out;
}

/** Whether the merged union `cover` covers all of `interval` (then one of its intervals does). */
export function covers(cover: readonly Interval[], interval: Interval): boolean {
  for (const c of cover) if (c.start <= interval.start && interval.end <= c.end) return true;
  return false;
}

/** Parts of `interval` not covered by `cover` (which must be a merged union). */
export function uncovered(interval: Interval, cover: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let cursor = interval.start;
  for (const c of cover) {
    if (c.end <= cursor) continue;
    if (c.start >= interval.end) break;
    if (c.start > cursor) out.push({ start: cursor, end: c.start });
    cursor = Math.max(cursor, c.end);
    if (cursor >= interval.end) break;
  }
  if (cursor < interval.end) out.push({ start: cursor, end: interval.end });
  return out;
}

/** `a` minus the merged union `b`. */
export function subtract(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  if (a.length === 1) return uncovered(a[0]!, b);
  const out: Interval[] = [];
  for (const i of a) for (const u of uncovered(i, b)) out.push(u);
  return out;
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}
