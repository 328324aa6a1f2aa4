/**
 * Moves findings from positions in the checked text to positions in the files the user gave
 * (an HTML page's own offsets, a .docx's paragraph and character). Browser-safe.
 */
import type { Claim } from '../claims/schema.js';
import type { CrossComparison } from '../cross/rule.js';
import type { Diagnostic, Evidence } from '../engine/diagnostic.js';
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
  return { ...d, ...at, related, evidence: mapEvidence(d.evidence, own, sources) };
}

/** Evidence with each figure's range in the file it was read from. */
export function mapEvidence(evidence: Evidence, own: LoadedSource, sources: ReadonlyMap<string, LoadedSource>): Evidence {
  const figures = evidence.figures.map((f) => {
    const source = f.document === undefined ? own : sources.get(f.document);
    return source ? { ...f, range: locateRange(source, f.range).range } : f;
  });
  return { ...evidence, figures };
}

/** A cross-document comparison with its range and figures in the files' terms. */
export function mapComparison(c: CrossComparison, sources: ReadonlyMap<string, LoadedSource>): CrossComparison {
  const own = sources.get(c.document);
  if (!own) return c;
  return { ...c, range: locateRange(own, c.range).range, evidence: mapEvidence(c.evidence, own, sources) };
}

function isRange(value: object): value is { start: number; end: number } {
  const keys = Object.keys(value);
  return keys.length === 2 && typeof (value as { start?: unknown }).start === 'number' && typeof (value as { end?: unknown }).end === 'number';
}

/** A deep copy of a claim with every range mapped into the file. */
export function mapClaim(claim: Claim, source: LoadedSource): Claim {
  return mapRanges(claim, source);
}

/**
 * A deep copy of plain data (a claim, a report model as JSON) with every `{ start, end }`
 * range mapped into the file. Ranges nest at many depths, so this walks the value.
 */
export function mapRanges<T>(value: T, source: LoadedSource): T {
  if (source.format === 'text') return value;
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
  return walk(value) as T;
}
