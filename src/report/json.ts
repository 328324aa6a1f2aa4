import type { CrossComparison } from '../cross/rule.js';
import type { Link, Unplaced } from '../cross/link.js';
import { summarize, type CheckedDocument } from './document.js';
import { OUTPUT_VERSION, type CheckOutput } from './schema.js';

/** JSON replacer: decimals as strings, so no figure is ever turned into a float. */
export function jsonReplacer(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && 'toFixed' in value && 'd' in value && 'e' in value) return String(value);
  return value;
}

/** The JSON output as data (see `CheckOutputSchema`). */
export function toJsonOutput(
  docs: readonly CheckedDocument[],
  options: {
    toolVersion: string;
    links?: readonly Link[];
    unplaced?: readonly Unplaced[];
    comparisons?: readonly CrossComparison[];
    /** Inputs that could not be read, each with the message said on stderr. */
    unreadable?: ReadonlyArray<{ path: string; message: string }>;
  },
): CheckOutput {
  const links = [...(options.links ?? [])];
  const documents = docs.map((d) => ({
    path: d.path,
    format: d.format ?? 'text',
    encoding: d.encoding ?? null,
    page: d.page ?? null,
    kind: d.kind?.profile ?? null,
    level: d.kind?.level ?? null,
    year: d.year ?? null,
    diagnostics: d.diagnostics,
    claims: d.claims,
    links: links.filter((l) => l.child === d.path || l.parent === d.path),
    baselined: d.baselined?.length ?? 0,
    ...(d.pageStarts ? { pageStarts: d.pageStarts } : {}),
  }));
  return {
    version: OUTPUT_VERSION,
    tool: { name: 'jiaohe', version: options.toolVersion },
    documents,
    links,
    unplaced: [...(options.unplaced ?? [])],
    comparisons: [...(options.comparisons ?? [])],
    unreadable: (options.unreadable ?? []).map(({ path, message }) => ({ path, message })),
    summary: summarize(docs),
  };
}

/** The JSON report as text: `{ version, tool, documents, links, unplaced, comparisons, unreadable, summary }`. */
export function formatJson(docs: readonly CheckedDocument[], options: Parameters<typeof toJsonOutput>[1]): string {
  return JSON.stringify(toJsonOutput(docs, options), jsonReplacer, 2);
}
