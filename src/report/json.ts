import { summarize, type CheckedDocument } from './stylish.js';

/** The JSON report: `{ documents: [{ path, kind, level, year, diagnostics, claims }], summary }`. */
export function formatJson(docs: readonly CheckedDocument[]): string {
  const documents = docs.map((d) => ({
    path: d.path,
    kind: d.kind?.profile ?? null,
    level: d.kind?.level ?? null,
    year: d.year ?? null,
    diagnostics: d.diagnostics,
    claims: d.claims,
  }));
  return JSON.stringify({ documents, summary: summarize(docs) }, null, 2);
}
