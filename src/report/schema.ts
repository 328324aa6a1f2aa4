/** The JSON output's schema: what `jiaohe check --format json` prints, for tools that read it. */
import { z } from 'zod';
import { ClaimSchema, VerdictSchema } from '../claims/schema.js';
import { DiagnosticSchema, EvidenceSchema } from '../engine/diagnostic.js';
import { PageMetadataSchema, SourceFormatSchema } from '../io/source.js';
import { LevelSchema } from '../model/metadata.js';
import { RangeSchema } from '../model/range.js';

/** The JSON output's format version; raised when a field changes meaning or goes away. */
export const OUTPUT_VERSION = 1;

/** A street or town report linked to its district or county report. */
export const LinkSchema = z.object({
  child: z.string(),
  parent: z.string(),
  /** Why: the shared place name, or that the caller gave it. */
  reason: z.string(),
  explicit: z.boolean(),
});

/** A report that could not be linked to a parent, and why. */
export const UnplacedSchema = z.object({ id: z.string(), reason: z.string() });

/** One cross-document comparison with its verdict. */
export const ComparisonSchema = z.object({
  ruleId: z.string(),
  document: z.string(),
  others: z.array(z.string()),
  what: z.string(),
  verdict: VerdictSchema,
  evidence: EvidenceSchema,
  range: RangeSchema,
});

/** An input that could not be read (missing, damaged, too large …): the run did not check it. */
export const UnreadableSchema = z.object({ path: z.string(), message: z.string() });

/** Counts over the whole run. */
export const SummarySchema = z.object({
  files: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  warnings: z.number().int().nonnegative(),
  infos: z.number().int().nonnegative(),
  baselined: z.number().int().nonnegative(),
  holds: z.number().int().nonnegative(),
  fails: z.number().int().nonnegative(),
  unverifiable: z.number().int().nonnegative(),
  /** Documents of no recognised kind (no profile matched): their structure was not checked. */
  structureUnchecked: z.array(z.string()),
});

/** One checked file in the JSON output. Positions are in the file (see the README for .docx). */
export const DocumentOutputSchema = z.object({
  path: z.string(),
  format: SourceFormatSchema,
  encoding: z.string().nullable(),
  page: PageMetadataSchema.nullable(),
  /** The document profile it was checked against, or null. */
  kind: z.string().nullable(),
  level: LevelSchema.nullable(),
  year: z.number().int().nullable(),
  diagnostics: z.array(DiagnosticSchema),
  claims: z.array(ClaimSchema),
  links: z.array(LinkSchema),
  /** How many findings a baseline accepted (not listed). */
  baselined: z.number().int().nonnegative(),
  /**
   * For a PDF: the offset where each page starts, ascending (page 1 at 0). A finding is on the page
   * of the last start at or before its `range.start` (`pageOf`). An addition within version 1.
   */
  pageStarts: z.array(z.number().int().nonnegative()).optional(),
});

/** Everything `jiaohe check --format json` prints. */
export const CheckOutputSchema = z.object({
  version: z.literal(OUTPUT_VERSION),
  tool: z.object({ name: z.literal('jiaohe'), version: z.string() }),
  documents: z.array(DocumentOutputSchema),
  links: z.array(LinkSchema),
  unplaced: z.array(UnplacedSchema),
  comparisons: z.array(ComparisonSchema),
  /** Inputs that could not be read, with the message said on stderr. An addition within version 1: absent (older output) reads as none. */
  unreadable: z.array(UnreadableSchema).default([]),
  summary: SummarySchema,
});
/** Everything `jiaohe check --format json` prints. */
export type CheckOutput = z.infer<typeof CheckOutputSchema>;
