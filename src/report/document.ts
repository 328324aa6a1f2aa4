import type { Claim } from '../claims/schema.js';
import type { CheckedKind } from '../engine/check.js';
import type { Diagnostic } from '../engine/diagnostic.js';
import type { PageMetadata, SourceFormat } from '../io/source.js';

/**
 * One checked file, as the formatters see it. Every position in `diagnostics` (and in the
 * ranges inside `claims`) is already a position in the file the user gave, so `text` is the
 * file's own text (for a .docx, the extracted text with one line per paragraph).
 */
export interface CheckedDocument {
  path: string;
  /** The text positions refer to; code frames are cut from it. */
  text: string;
  diagnostics: Diagnostic[];
  claims: Claim[];
  /** The profile and level the document was checked as. */
  kind?: CheckedKind;
  year?: number | null;
  format?: SourceFormat;
  encoding?: string | null;
  page?: PageMetadata | null;
  /** For a paged file (PDF): the offset in `text` where each page starts (see `LoadedSource.pageStarts`). */
  pageStarts?: number[];
  /** Findings accepted by a baseline: not reported, but counted (and kept as suppressed in SARIF). */
  baselined?: Diagnostic[];
}

/** Counts over documents for summary lines. */
export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Findings a baseline accepted. */
  baselined: number;
  /** Claims verified, failed and unverifiable. */
  holds: number;
  fails: number;
  unverifiable: number;
  /** Paths of the documents no profile recognised: their structure was not checked. */
  structureUnchecked: string[];
}

/** Counts findings by severity and claims by verdict, and names the documents whose structure was not checked. */
export function summarize(docs: readonly CheckedDocument[]): Summary {
  const s: Summary = { files: docs.length, errors: 0, warnings: 0, infos: 0, baselined: 0, holds: 0, fails: 0, unverifiable: 0, structureUnchecked: [] };
  for (const doc of docs) {
    // Said whatever the findings are: the document-kind note may be off, quiet or baselined.
    if (doc.kind && doc.kind.profile === null) s.structureUnchecked.push(doc.path);
    for (const d of doc.diagnostics) {
      if (d.severity === 'error') s.errors++;
      else if (d.severity === 'warning') s.warnings++;
      else s.infos++;
    }
    s.baselined += doc.baselined?.length ?? 0;
    for (const c of doc.claims) {
      if (c.verdict === 'holds') s.holds++;
      else if (c.verdict === 'fails') s.fails++;
      else s.unverifiable++;
    }
  }
  return s;
}
