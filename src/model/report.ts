import { z } from 'zod';
import { DateMentionSchema } from './date.js';
import { MetadataSchema } from './metadata.js';
import { IdentifierSchema, QuantitySchema } from './quantity.js';
import { RangeSchema } from './range.js';
import { TableSchema } from './table.js';
import {
  EnumerationSchema,
  ParagraphSchema,
  SectionSchema,
  SentenceSchema,
} from './structure.js';

/** Something odd about the input that the parser noted instead of throwing. */
export const ParseNoteSchema = z.object({
  code: z.enum([
    'empty-input',
    'no-body',
    'unbalanced-bracket',
    'heading-without-text',
    'input-truncated',
    'internal-error',
  ]),
  message: z.string(),
  range: RangeSchema,
});
/** Something odd about the input that the parser noted. */
export type ParseNote = z.infer<typeof ParseNoteSchema>;

/** The parsed report. Ranges are UTF-16 offsets into `text`, the string the caller passed. */
export const ReportSchema = z.object({
  /** The caller's text, unchanged. */
  text: z.string(),
  /** Same-length normalised view of `text` (see docs/model.md). */
  normalized: z.string(),
  /** Optional name of the source (a file path). */
  source: z.string().nullable(),
  metadata: MetadataSchema,
  paragraphs: z.array(ParagraphSchema),
  sentences: z.array(SentenceSchema),
  /** Top-level sections, each with its children. */
  sections: z.array(SectionSchema),
  quantities: z.array(QuantitySchema),
  identifiers: z.array(IdentifierSchema),
  dates: z.array(DateMentionSchema),
  enumerations: z.array(EnumerationSchema),
  /** Tables pasted into the text, in order (see src/parse/tables). Absent in reports made before tables were read. */
  tables: z.array(TableSchema).default([]),
  notes: z.array(ParseNoteSchema),
});
/** The parsed report. */
export type Report = z.infer<typeof ReportSchema>;
