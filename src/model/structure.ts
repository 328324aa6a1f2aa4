import { z } from 'zod';
import { RangeSchema } from './range.js';

/** Heading marker forms of GB/T 9704-2012, plus the common variants met in practice. */
export const MarkerKindSchema = z.enum([
  'chinese-dun', // 一、  level 1
  'chinese-paren', // （一） level 2
  'arabic-dot', // 1.   level 3
  'arabic-dun', // 1、  level 3 (common in practice)
  'arabic-paren', // （1） level 4
  'circled', // ①    level 5
]);
/** Heading marker forms. */
export type MarkerKind = z.infer<typeof MarkerKindSchema>;

/** A heading or enumeration marker as written. */
export const MarkerSchema = z.object({
  kind: MarkerKindSchema,
  number: z.number().int().nonnegative(),
  /** The marker's text, e.g. `（一）` or `1、`. */
  text: z.string(),
  range: RangeSchema,
  /**
   * Punctuation written after a marker that should stand alone, e.g. the `、` of `（一）、`;
   * empty when the marker is well-formed.
   */
  trailing: z.string(),
  /** Brackets as written: `full` （一）, `half` (一), `mixed` (一）, or `none`. */
  brackets: z.enum(['full', 'half', 'mixed', 'none']),
});
/** A heading or enumeration marker as written. */
export type Marker = z.infer<typeof MarkerSchema>;

/** A sentence: text up to and including `。`, `！`, `？` (or the paragraph end). */
export const SentenceSchema = z.object({
  index: z.number().int().nonnegative(),
  range: RangeSchema,
  paragraph: z.number().int().nonnegative(),
});
/** A sentence. */
export type Sentence = z.infer<typeof SentenceSchema>;

/** What a paragraph is. */
export const ParagraphRoleSchema = z.enum([
  'chrome', // page furniture of a scraped web page
  'metadata', // the page's metadata table (索引号, 发布机构 …)
  'title',
  'heading', // a heading with no body on its line
  'body', // running text (possibly after an inline heading)
  'signature', // issuing bodies and date at the end
  'table', // a row of a table the file gave as a table (read in report.tables, not as prose)
]);
/** What a paragraph is. */
export type ParagraphRole = z.infer<typeof ParagraphRoleSchema>;

/** A non-empty line of the input, trimmed of surrounding spaces. */
export const ParagraphSchema = z.object({
  index: z.number().int().nonnegative(),
  role: ParagraphRoleSchema,
  range: RangeSchema,
  /** Where the body text starts: after an inline heading, or the paragraph start. */
  bodyStart: z.number().int().nonnegative(),
  /** Id of the innermost section holding the paragraph, or null before the first heading. */
  section: z.number().int().nullable(),
  /** Indexes of the paragraph's sentences in `report.sentences`. */
  sentences: z.array(z.number().int().nonnegative()),
});
/** A non-empty line of the input. */
export type Paragraph = z.infer<typeof ParagraphSchema>;

/** A section of the report, opened by a heading. */
export interface Section {
  /** Index in the flat `report.sectionList`. */
  id: number;
  /** GB/T 9704 level of the marker kind (1 = 一、 … 5 = ①). */
  level: number;
  /** Nesting depth in this report's tree (1 = top). */
  depth: number;
  marker: z.infer<typeof MarkerSchema>;
  /** Heading text without marker and closing punctuation. */
  heading: string;
  /** Range of the heading text. */
  headingRange: z.infer<typeof RangeSchema>;
  /** Whether body text follows the heading on the same line. */
  inlineBody: boolean;
  /** From the marker to the end of the section's last paragraph. */
  range: z.infer<typeof RangeSchema>;
  /** Index of the heading's paragraph. */
  paragraph: number;
  /** Id of the parent section, or null at the top. */
  parent: number | null;
  children: Section[];
}

/** A section of the report, opened by a heading. */
export const SectionSchema: z.ZodType<Section> = z.lazy(() =>
  z.object({
    id: z.number().int().nonnegative(),
    level: z.number().int().min(1).max(5),
    depth: z.number().int().min(1),
    marker: MarkerSchema,
    heading: z.string(),
    headingRange: RangeSchema,
    inlineBody: z.boolean(),
    range: RangeSchema,
    paragraph: z.number().int().nonnegative(),
    parent: z.number().int().nullable(),
    children: z.array(SectionSchema),
  }),
);

/** Running-text enumeration styles. */
export const EnumerationStyleSchema = z.enum([
  'shi', // 一是…二是…
  'di', // 第一，…第二，…
  'paren', // （1）…（2）… inside a paragraph
]);
/** Running-text enumeration styles. */
export type EnumerationStyle = z.infer<typeof EnumerationStyleSchema>;

/** One run of enumeration markers inside a paragraph. */
export const EnumerationSchema = z.object({
  style: EnumerationStyleSchema,
  paragraph: z.number().int().nonnegative(),
  items: z.array(
    z.object({ number: z.number().int().nonnegative(), text: z.string(), range: RangeSchema }),
  ),
});
/** One run of enumeration markers inside a paragraph. */
export type Enumeration = z.infer<typeof EnumerationSchema>;
