import { z } from 'zod';
import { RangeSchema } from './range.js';

/** The shape of a date or period mention. */
export const DateKindSchema = z.enum([
  'year', // 2020年, 2020年度, 二〇二〇年
  'yearMonth', // 2020年12月
  'date', // 2020年12月2日, 2021-01-12
  'month', // 10月
  'monthDay', // 12月2日
  'monthRange', // 1-10月
  'quarter', // 三季度, 第三季度, 前三季度
  'yearPart', // 2020年底, 年底, 12月底, 上半年
  'yearRange', // 2019-2021年, 2021至2025年
  'period', // 近三年, 近5年: the last N years, counted back from now
]);
/** The shape of a date or period mention. */
export type DateKind = z.infer<typeof DateKindSchema>;

/** A date or period mentioned in the text. Fields are as written; validity is a rule's job. */
export const DateMentionSchema = z.object({
  kind: DateKindSchema,
  range: RangeSchema,
  year: z.number().int().nullable(),
  month: z.number().int().nullable(),
  day: z.number().int().nullable(),
  /** For a month range, the last month. */
  toMonth: z.number().int().nullable(),
  /** For a year range, the last year. */
  toYear: z.number().int().nullable(),
  /** For a quarter, its number. */
  quarter: z.number().int().nullable(),
  /** `年度` rather than `年` after the year. */
  fiscal: z.boolean(),
  /** The numerals used: `arabic`, `chinese`, or `iso` (2021-01-12). */
  form: z.enum(['arabic', 'chinese', 'iso']),
});
/** A date or period mentioned in the text. */
export type DateMention = z.infer<typeof DateMentionSchema>;

/** A calendar date read from the document (signature, page metadata). */
export const CalendarDateSchema = z.object({
  year: z.number().int(),
  month: z.number().int(),
  day: z.number().int(),
  range: RangeSchema,
  text: z.string(),
});
/** A calendar date read from the document. */
export type CalendarDate = z.infer<typeof CalendarDateSchema>;
