import { z } from 'zod';

/** A half-open span `[start, end)` in UTF-16 code units of the caller's text. */
export const RangeSchema = z
  .object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
  .refine((r) => r.end >= r.start, 'range end before start');
/** A half-open span `[start, end)` in UTF-16 code units of the caller's text. */
export type Range = z.infer<typeof RangeSchema>;

/** A range with the text it covers, for values read from the document. */
export const SpannedTextSchema = z.object({ text: z.string(), range: RangeSchema });
/** A range with the text it covers. */
export type SpannedText = z.infer<typeof SpannedTextSchema>;

/** Builds a range. */
export function range(start: number, end: number): Range {
  return { start, end };
}
