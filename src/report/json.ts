import { summarize, type CheckedDocument } from './document.js';

/** The JSON report: `{ documents: [{ path, kind, level, year, diagnostics, claims, links }], links, summary }`. */
export function formatJson(
  docs: readonly CheckedDocument[],
  links: ReadonlyArray<{ child: string; parent: string; reason: string }> = [],
  cross: { unplaced?: readonly unknown[]; comparisons?: readonly unknown[] } = {},
): string {
  const documents = docs.map((d) => ({
    path: d.path,
    kind: d.kind?.profile ?? null,
    level: d.kind?.level ?? null,
    year: d.year ?? null,
    diagnostics: d.diagnostics,
    claims: d.claims,
    links: links.filter((l) => l.child === d.path || l.parent === d.path),
  }));
  return JSON.stringify({ documents, links, unplaced: cross.unplaced ?? [], comparisons: cross.comparisons ?? [], summary: summarize(docs) }, null, 2);
}
