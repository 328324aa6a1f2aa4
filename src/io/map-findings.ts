/**
 * Moves findings from positions in the checked text to positions in the files the user gave
 * (an HTML page's own offsets, a .docx's paragraph and character). Browser-safe.
 */
import type { Claim } from '../claims/schema.js';
import type { Diagnostic } from '../engine/diagnostic.js';
import { locateRange, type LoadedSource } from './source.js';

/** A finding with every position (its own and its related locations') in the files' terms. */
export function mapDiagnostic(d: Diagnostic, own: LoadedSource, sources: ReadonlyMap<string, LoadedSource>): Diagnostic {
  const at = locateRange(own, d.range);
  const related = d.related.map((r) => {
    const source = r.document === undefined ? own : sources.get(r.document);
    if (!source) return r;
    const loc = locateRange(source, r.range);
    return { ...r, range: loc.range, line: loc.line, column: loc.column };
  });
  const figures = d.evidence.figures.map((f) => ({ ...f, range: locateRange(own, f.range).range }));
  return { ...d, ...at, related, evidence: { ...d.evidence, figures } };
}

function isRange(value: object): value is { start: number; end: number } {
  const keys = Object.keys(value);
  return keys.length === 2 && typeof (value as { start?: unknown }).start === 'number' && typeof (value as { end?: unknown }).end === 'number';
}

/**
 * A deep copy of a claim with every `{ start, end }` range mapped into the file. Claims nest
 * ranges at several depths (the claim, its figures, list items), so this walks the value.
 */
export function mapClaim(claim: Claim, source: LoadedSource): Claim {
  if (source.format === 'text') return claim;
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (value === null || typeof value !== 'object') return value;
    if (isRange(value)) return locateRange(source, value).range;
    // Decimals and other class instances are leaves.
    if (Object.getPrototypeOf(value) !== Object.prototype) return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = walk(v);
    return out;
  };
  return walk(claim) as Claim;
}
