/**
 * What every input format is, as outputs need to know it: its name, its MIME type and the unit its
 * positions count in. Kept apart from the format modules (which name their readers) so that the
 * core's outputs can read it without bundling any reader. Browser-safe.
 */
import { z } from 'zod';

/** The input formats jiaohe reads. */
export const SourceFormatSchema = z.enum(['text', 'html', 'docx', 'pdf', 'doc']);
/** The input formats jiaohe reads. */
export type SourceFormat = z.infer<typeof SourceFormatSchema>;

/** What an output needs to know of a format. */
export interface FormatFacts {
  /** The MIME type (SARIF artifacts, a browser's file picker, downloads). */
  mime: string;
  /**
   * What a finding's line counts: lines of the file's own text, paragraphs of a Word file (its
   * lines are its paragraphs), or lines of a paged file's extracted text (placed on its pages).
   */
  unit: 'line' | 'paragraph' | 'page';
}

/** The facts of each input format. */
export const FORMAT_FACTS: Readonly<Record<SourceFormat, FormatFacts>> = {
  text: { mime: 'text/plain', unit: 'line' },
  html: { mime: 'text/html', unit: 'line' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', unit: 'paragraph' },
  pdf: { mime: 'application/pdf', unit: 'page' },
  doc: { mime: 'application/msword', unit: 'paragraph' },
};

/** Whether a format's findings are placed by paragraph (第3段) rather than by line. */
export function countsParagraphs(format: SourceFormat | undefined): boolean {
  return format !== undefined && FORMAT_FACTS[format]?.unit === 'paragraph';
}
