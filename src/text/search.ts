/** Looking up which line, paragraph or page holds an offset, given where each starts. Browser-safe. */
import { firstNotBefore } from './bisect.js';

/**
 * The index of the last entry of `sorted` (ascending) that is at most `value`, or 0 when none is:
 * the line, paragraph or page that holds an offset, given where each starts.
 */
export function lastAtOrBefore(sorted: ArrayLike<number>, value: number): number {
  return Math.max(0, firstNotBefore(sorted.length, (i) => sorted[i]! <= value) - 1);
}
