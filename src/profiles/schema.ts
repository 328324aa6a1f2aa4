import { z } from 'zod';
import { LevelSchema } from '../model/metadata.js';
import { issuePath } from '../engine/config.js';
import { LexiconExtensionSchema } from '../claims/lexicon.js';

const Localized = z.object({ zh: z.string().min(1), en: z.string().min(1) });

/** A date in the year after the reporting year: 3月1日. */
export const DeadlineSchema = z.object({
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31),
  /** Whether the deadline day itself is still in time (“by 1 March” vs “before 1 April”). */
  inclusive: z.boolean(),
  text: Localized,
});
/** A deadline in the year after the reporting year. */
export type Deadline = z.infer<typeof DeadlineSchema>;

/** A content item the report must (or may) contain, with the phrases that satisfy it. */
export const ProfileItemSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'ids are lower-case words joined by -'),
  name: Localized,
  required: z.boolean(),
  /** The clause of the regulation that asks for it. */
  clause: z.string().optional(),
  /** Phrases that make a heading satisfy the item. */
  headings: z.array(z.string().min(1)),
  /** Phrases that make a paragraph's first sentence satisfy it (a clearly marked paragraph). */
  paragraphs: z.array(z.string().min(1)).default([]),
  /** Words the item's section must contain besides (存在的不足和原因 needs 原因). */
  causes: z.array(z.string().min(1)).optional(),
  /** The report's own title or opening sentence can satisfy it (第一责任人职责…情况报告). */
  satisfiedByTitle: z.boolean().default(false),
  /** Which year the item's section speaks of: the reporting year, or the next. */
  year: z.enum(['reporting', 'next']).optional(),
});
/** A content item of a profile. */
export type ProfileItem = z.infer<typeof ProfileItemSchema>;

/**
 * One edition of a kind's mandated format (the 2019 trial format, the 2021 format): words only its
 * tables print, and the reporting years it is for. A report whose words name an edition outside
 * its years used an outdated (or not yet valid) format.
 */
export const ProfileFormatSchema = z.object({
  id: z.string().min(1),
  name: Localized,
  /** Words only this edition prints (本年新制作数量 in the 2019 table 二). */
  cues: z.array(z.string().min(1)).min(1),
  /** Cues needed to say a report uses this edition. */
  minCues: z.number().int().positive().default(1),
  /** First reporting year the edition is for. */
  fromYear: z.number().int().optional(),
  /** Last reporting year the edition is for. */
  untilYear: z.number().int().optional(),
  /** The document that set the edition (国办公开办函〔2021〕30号). */
  source: z.string().optional(),
});
/** One edition of a kind's mandated format. */
export type ProfileFormat = z.infer<typeof ProfileFormatSchema>;

/**
 * An identity a kind's table must satisfy in every value column: the rows named on the left add
 * up to the rows named on the right (一 + 二 = (七)总计 + 四). A row is named by words its own
 * label holds (punctuation and white space ignored).
 */
export const TableIdentitySchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'ids are lower-case words joined by -'),
  name: Localized,
  left: z.array(z.string().min(1)).min(1),
  right: z.array(z.string().min(1)).min(1),
  /** `strict`: the format requires it (an error when broken); `typical`: usually holds (a warning). */
  status: z.enum(['strict', 'typical']).default('strict'),
  /** Where the format states the identity, quoted in findings. */
  printed: z.string().optional(),
});
/** An identity a kind's table must satisfy. */
export type TableIdentity = z.infer<typeof TableIdentitySchema>;

/**
 * One side's term of an identity across two years' reports of one body: the cells of a row (or of
 * a column) in this year's table or last year's, added or taken away.
 */
export const YearTermSchema = z.object({
  year: z.enum(['this', 'last']),
  /** Words of the row's own label, for an identity judged column by column. */
  row: z.string().min(1).optional(),
  /** Words of the column's header, for an identity judged row by row. */
  column: z.string().min(1).optional(),
  sign: z.union([z.literal(1), z.literal(-1)]).default(1),
}).refine((t) => (t.row === undefined) !== (t.column === undefined), { message: 'a term names a row or a column, one of them' });
/** A term of a cross-year identity. */
export type YearTerm = z.infer<typeof YearTermSchema>;

/**
 * An identity between this year's table and last year's of the same body, when both reports are
 * checked together: this year's 二、上年结转 is last year's 四、结转下年度 (column by column); this
 * year's 现行有效 is last year's plus this year's 制发 less 废止 (row by row). Typical, not strict
 * (reorganisations, clean-ups): a warning.
 */
export const CrossYearIdentitySchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'ids are lower-case words joined by -'),
  name: Localized,
  /** `column`: terms name rows, judged in every column; `row`: terms name columns, in every row. */
  per: z.enum(['column', 'row']),
  left: z.array(YearTermSchema).min(1),
  right: z.array(YearTermSchema).min(1),
});
/** An identity between two years' tables. */
export type CrossYearIdentity = z.infer<typeof CrossYearIdentitySchema>;

/** A table a kind mandates: how to recognise it among a report's tables, and its identities. */
export const ProfileTableSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'ids are lower-case words joined by -'),
  name: Localized,
  /** Words of row labels that mark the table (本年新收, 上年结转 …). */
  rows: z.array(z.string().min(1)).min(1),
  /** How many of `rows` a table's labels must hold to be this table. */
  minRows: z.number().int().positive().default(2),
  identities: z.array(TableIdentitySchema).default([]),
  /**
   * How the text restates the table in words the row labels do not hold: a figure whose label
   * ends with one of `words` is the sum of the rows of one of `readings` (受理依申请公开N件: 本年新收,
   * or 本年新收 + 上年结转), in the table's total column.
   */
  stated: z
    .array(z.object({ words: z.array(z.string().min(1)).min(1), readings: z.array(z.array(z.string().min(1)).min(1)).min(1) }))
    .default([]),
  /** Identities with last year's table of the same body (`cross-year-carryover`). */
  crossYear: z.array(CrossYearIdentitySchema).default([]),
});
/** A table a kind mandates. */
export type ProfileTable = z.infer<typeof ProfileTableSchema>;

/** A document kind: how to recognise it, what it must contain, its deadlines. */
export const ProfileSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'ids are lower-case words joined by -'),
  name: Localized,
  regulation: z.string().optional(),
  recognize: z.object({
    title: z.array(z.string().min(1)),
    body: z.array(z.string().min(1)),
    /** Cues needed to recognise the kind (a title cue counts 2, a body cue 1). */
    minScore: z.number().int().positive().default(2),
  }),
  items: z.array(ProfileItemSchema).min(1),
  deadlines: z
    .object({ report: DeadlineSchema.optional(), publish: DeadlineSchema.optional() })
    .default({}),
  variants: z
    .array(
      z.object({
        id: z.string().min(1),
        levels: z.array(LevelSchema).min(1),
        /** Words one issuer's name must contain (a street report is issued by a 街道办事处). */
        issuer: z.array(z.string().min(1)).default([]),
        deadlines: z.object({ report: DeadlineSchema.optional(), publish: DeadlineSchema.optional() }).optional(),
      }),
    )
    .default([]),
  /** Words of the sentence that states the period the statistics cover (统计期限), whose year must be the reporting year. */
  statisticsPeriod: z.array(z.string().min(1)).default([]),
  /**
   * Words only this kind uses (its metrics: 予以公开, 不予公开 … in a 政府信息公开 report), added to
   * the preset's lexicon when a report is checked as this kind and never otherwise, so one kind's
   * vocabulary cannot change how another kind's reports are read.
   */
  lexicon: LexiconExtensionSchema.optional(),
  /** Editions of the kind's mandated format, when it has one. */
  formats: z.array(ProfileFormatSchema).default([]),
  /** Tables the kind mandates, with the identities their cells must satisfy. */
  tables: z.array(ProfileTableSchema).default([]),
});
/** A document profile. */
export type Profile = z.infer<typeof ProfileSchema>;

/** A profile file that cannot be used, with the field that is wrong. */
export class ProfileError extends Error {
  constructor(
    message: string,
    /** Dotted path of the bad field, e.g. `items[2].headings`. */
    readonly field: string,
  ) {
    super(message);
    this.name = 'ProfileError';
  }
}

/** Validates a profile (parsed JSON); throws `ProfileError` naming the first bad field. */
export function parseProfile(data: unknown, source = 'profile'): Profile {
  const result = ProfileSchema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issuePath(issue.path) || '(root)';
  throw new ProfileError(`${source}: invalid profile at ${field}: ${issue.message}`, field);
}
