/** Binary search over sorted offsets (line, paragraph and page starts). Browser-safe. */

/**
 * The index of the last entry of `sorted` (ascending) that is at most `value`, or 0 when none is:
 * the line, paragraph or page that holds an offset, given where each starts.
 */
export function lastAtOrBefore(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (sorted[mid]! <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
