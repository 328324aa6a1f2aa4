import { z } from 'zod';
import { CalendarDateSchema } from './date.js';
import { RangeSchema, SpannedTextSchema } from './range.js';

/** Administrative level of the reporting body. */
export const LevelSchema = z.enum([
  'district',
  'county',
  'street',
  'town',
  'city',
  'department',
  'unknown',
]);
/** Administrative level of the reporting body. */
export type Level = z.infer<typeof LevelSchema>;

/** Kinds of place names. */
export const PlaceKindSchema = z.enum(['province', 'city', 'district', 'county', 'street', 'town']);

/** A place named in the title or an issuer, e.g. 白云区 (district). */
export const PlaceSchema = z.object({
  kind: PlaceKindSchema,
  name: z.string(),
  range: RangeSchema,
});
/** A place named in the title or an issuer. */
export type Place = z.infer<typeof PlaceSchema>;

/** Where a metadata value was read. */
export const MetaSourceSchema = z.enum(['title', 'signature', 'chrome', 'body', 'option']);

/** The reporting year with where it was read. */
export const ReportingYearSchema = z.object({
  year: z.number().int(),
  range: RangeSchema.nullable(),
  source: MetaSourceSchema,
});

/** What the report says about itself. */
export const MetadataSchema = z.object({
  title: SpannedTextSchema.extend({ source: MetaSourceSchema }).nullable(),
  /** Issuing bodies, from the signature, the page metadata or the title, in that order. */
  issuers: z.array(SpannedTextSchema.extend({ source: MetaSourceSchema })),
  level: LevelSchema,
  /** Why the level was chosen, e.g. `issuer 石门街道办事处`. */
  levelReason: z.string(),
  places: z.array(PlaceSchema),
  reportingYear: ReportingYearSchema.nullable(),
  /** 成文日期: from the signature, else the page metadata. */
  dateWritten: CalendarDateSchema.extend({ source: MetaSourceSchema }).nullable(),
  /** Every date of the signature block (two bodies sign with two dates). */
  signatureDates: z.array(CalendarDateSchema),
  /** 发布日期 from the page metadata. */
  datePublished: CalendarDateSchema.extend({ source: MetaSourceSchema }).nullable(),
  /** 索引号 from the page metadata. */
  indexNumber: SpannedTextSchema.nullable(),
  /** 文号 when the page gives one. */
  documentNumber: SpannedTextSchema.nullable(),
});
/** What the report says about itself. */
export type Metadata = z.infer<typeof MetadataSchema>;
