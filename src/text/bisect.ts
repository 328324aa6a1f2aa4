/**
 * The first index in `[0, length)` at which `before(i)` is false, for a predicate that is true on
 * a prefix and false after it (a sorted array searched for a position): the one binary search
 * behind looking up dates, sections, titles and figures by offset.
 */
export function firstNotBefore(length: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
