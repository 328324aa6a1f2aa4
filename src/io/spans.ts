/** Reading a merged cell's span as the file writes it. Browser-safe, free of zod. */

/**
 * A `colspan`/`rowspan` (HTML) or `w:gridSpan`/`w:gridBefore` (Word) value: a whole number from 1,
 * else 1, as browsers and Word read junk; at most 1000, so a hostile span cannot blow up the grid.
 */
export function spanCount(value: string | undefined): number {
  const n = value === undefined ? 1 : Number.parseInt(value, 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000) : 1;
}
