import { z } from 'zod';
import { RangeSchema } from '../model/range.js';

/** How serious a finding is. */
export const SeveritySchema = z.enum(['error', 'warning', 'info']);
/** How serious a finding is. */
export type Severity = z.infer<typeof SeveritySchema>;

/** A figure a finding or claim relied on. */
export const FigureRefSchema = z.object({
  /** What the figure was in the computation: `total`, `part`, `numerator`, `base` … */
  role: z.string(),
  /** The figure as written. */
  text: z.string(),
  /** Exact value in base units, as a decimal string. */
  value: z.string(),
  /** The values it stands for at its shown precision and qualifier. */
  interval: z.object({ lo: z.string(), hi: z.string() }),
  range: RangeSchema,
  /** Path or id of the document the figure is in, when it is not the finding's own (cross-document evidence). */
  document: z.string().optional(),
});
/** A figure a finding or claim relied on. */
export type FigureRef = z.infer<typeof FigureRefSchema>;

/** What a finding rests on: the figures, the computation and what was expected. */
export const EvidenceSchema = z.object({
  figures: z.array(FigureRefSchema),
  /** The computation as a reader would write it: `71+1116+352+310+55+0 = 1904`. */
  expression: z.string().optional(),
  /** The value computed from the figures, as text (`91.49%`, `[15000, 25000]`). */
  computed: z.string().optional(),
  /** What the stated figure should have been, or what it was compared with. */
  expected: z.string().optional(),
  /** The base a rate was matched against, e.g. `35批 / 42批`. */
  base: z.string().optional(),
  /** Any further remark, e.g. which candidates were tried. */
  note: z.string().optional(),
});
/** What a finding rests on. */
export type Evidence = z.infer<typeof EvidenceSchema>;

/** Another place that matters to a finding, with a short message. */
export const RelatedSchema = z.object({
  range: RangeSchema,
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  message: z.string(),
  /** Path or id of another document, for cross-document findings. */
  document: z.string().optional(),
});
/** Another place that matters to a finding. */
export type Related = z.infer<typeof RelatedSchema>;

/** One finding. */
export const DiagnosticSchema = z.object({
  ruleId: z.string(),
  messageId: z.string(),
  severity: SeveritySchema,
  message: z.string(),
  range: RangeSchema,
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  endLine: z.number().int().positive(),
  endColumn: z.number().int().positive(),
  /** Headings the finding sits under, outermost first (marker and text). */
  sectionPath: z.array(z.string()),
  evidence: EvidenceSchema,
  related: z.array(RelatedSchema),
  /** A fix a writer could accept, e.g. the correctly rounded rate. */
  suggestion: z.object({ message: z.string(), replacement: z.string().optional() }).optional(),
  /** Stable across unrelated edits: rule, message, section path and the sentence's text. */
  fingerprint: z.string(),
});
/** One finding. */
export type Diagnostic = z.infer<typeof DiagnosticSchema>;
