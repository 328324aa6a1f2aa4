import { summarize, type CheckedDocument } from './stylish.js';

/** The JSON report: `{ documents: [{ path, diagnostics, claims }], summary }`. */
export function formatJson(docs: readonly CheckedDocument[]): string {
  const documents = docs.map((d) => ({ path: d.path, diagnostics: d.diagnostics, claims: d.claims }));
  return JSON.stringify({ documents, summary: summarize(docs) }, null, 2);
}
