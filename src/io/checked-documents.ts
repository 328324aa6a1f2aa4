/**
 * From a checking run to the documents outputs show: every finding and claim moved into the terms
 * of the file it came from. Shared by the CLI and the web page, so both show the same. Browser-safe.
 */
import type { CheckReportsResult } from '../cross/check.js';
import type { CheckedDocument } from '../report/document.js';
import { mapClaim, mapComparison, mapDiagnostic } from './map-findings.js';
import type { LoadedSource } from './source.js';

/** Each checked report as a `CheckedDocument`, its positions in its file, and the comparisons likewise. */
export function checkedDocuments(all: CheckReportsResult, byPath: ReadonlyMap<string, LoadedSource>): { documents: CheckedDocument[]; comparisons: CheckReportsResult['comparisons'] } {
  const documents = all.documents.map(({ id, result }): CheckedDocument => {
    const source = byPath.get(id)!;
    return {
      path: id,
      text: source.sourceText,
      diagnostics: result.diagnostics.map((d) => mapDiagnostic(d, source, byPath)),
      claims: result.claims.map((c) => mapClaim(c, source)),
      kind: result.kind,
      year: result.report.metadata.reportingYear?.year ?? null,
      format: source.format,
      encoding: source.encoding,
      page: source.page,
      ...(source.pageStarts ? { pageStarts: source.pageStarts } : {}),
    };
  });
  return { documents, comparisons: all.comparisons.map((c) => mapComparison(c, byPath)) };
}
