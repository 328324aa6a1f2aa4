import { z } from 'zod';
import { DecimalSchema } from './decimal.js';
import { RangeSchema } from './range.js';

/** What a qualifier word says about the true value relative to the figure shown. */
export const QualifierKindSchema = z.enum([
  'exact', // 达, 达到: reached, exact
  'approximate', // 约, 左右
  'nearly', // 近, 将近, 接近: just under
  'under', // 不足, 不到: below
  'over', // 超, 超过, 逾, 多于: above
  'orMore', // 余, 多 after the number: the figure and some more, below the next step
  'atLeast', // 以上, 不低于, 不少于
  'atMost', // 以下, 以内, 不超过
]);
/** What a qualifier word says about the true value. */
export type QualifierKind = z.infer<typeof QualifierKindSchema>;

/** A qualifier word attached to a figure. */
export const QualifierSchema = z.object({
  word: z.string(),
  kind: QualifierKindSchema,
  range: RangeSchema,
});
/** A qualifier word attached to a figure. */
export type Qualifier = z.infer<typeof QualifierSchema>;

/** The family of a unit, which decides what figures can be compared or added. */
export const UnitFamilySchema = z.enum([
  'count',
  'currency',
  'area',
  'length',
  'weight',
  'volume',
  'duration',
  'percent',
  'points',
  'multiple',
  'none',
]);
/** The family of a unit. */
export type UnitFamily = z.infer<typeof UnitFamilySchema>;

/** Closed interval of values a figure stands for; `hi` may be `Infinity`. */
export const IntervalSchema = z.object({ lo: DecimalSchema, hi: DecimalSchema });
/** Closed interval of values a figure stands for. */
export type Interval = z.infer<typeof IntervalSchema>;

/** How the numeral was written. */
export const NumeralFormSchema = z.enum(['arabic', 'chinese']);
/** How the numeral was written. */
export type NumeralForm = z.infer<typeof NumeralFormSchema>;

/** The upper end of a range figure such as `15%～30%`. */
export const QuantityUpperSchema = z.object({
  value: DecimalSchema,
  numberRange: RangeSchema,
  step: DecimalSchema,
  interval: IntervalSchema,
});

/** A figure in the report body. */
export const QuantitySchema = z.object({
  /** Index in `report.quantities`. */
  index: z.number().int().nonnegative(),
  /** The whole figure as written, qualifiers and unit included. */
  range: RangeSchema,
  /** The numeral alone. */
  numberRange: RangeSchema,
  /** Exact value in base units (magnitude applied). */
  value: DecimalSchema,
  numeral: NumeralFormSchema,
  magnitude: z.string().nullable(),
  unit: z.string().nullable(),
  unitFamily: UnitFamilySchema,
  qualifiers: z.array(QualifierSchema),
  /** The effective qualifier kind (达 is neutral). */
  qualifierKind: QualifierKindSchema,
  /** Place value of the last digit shown, in base units. */
  step: DecimalSchema,
  interval: IntervalSchema,
  /** Upper end when the figure is a range (`3至5人`). */
  to: QuantityUpperSchema.nullable(),
  /** Index of the paragraph that holds the figure. */
  paragraph: z.number().int().nonnegative(),
  /** Index of the sentence that holds the figure. */
  sentence: z.number().int().nonnegative(),
});
/** A figure in the report body. */
export type Quantity = z.infer<typeof QuantitySchema>;

/** Why a figure-like token is not a quantity. */
export const IdentifierKindSchema = z.enum([
  'code', // 12345热线, 8号线, 5G
  'version', // 3.0版
  'formula', // 10+2, 1+N
  'quoted', // a figure inside a short quoted name
  'title', // a figure inside 《…》
  'ordinal', // 第7名, 第一, 第二期, 第28周: one place in an order (a placing, an issue, a week)
  // 前五名, 前三, 前10位: the top N of a ranking. The range covers 前, the numeral and a closing
  // 名/位/强 (前5家企业 → 前5); the numeral, N, is the number of ranked items the text names.
  'rank',
  'session', // 十九届
  'setPhrase', // 八项规定
]);
/** Why a figure-like token is not a quantity. */
export type IdentifierKind = z.infer<typeof IdentifierKindSchema>;

/** A figure-like token that names something rather than counting it. */
export const IdentifierSchema = z.object({
  kind: IdentifierKindSchema,
  range: RangeSchema,
  text: z.string(),
});
/** A figure-like token that names something. */
export type Identifier = z.infer<typeof IdentifierSchema>;
