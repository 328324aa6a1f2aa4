import { z } from 'zod';
import metricsData from '../../rules/lexicon/metrics.json';
import ratesData from '../../rules/lexicon/rates.json';
import { UnitFamilySchema } from '../model/quantity.js';
import { inBits } from '../text/chars.js';
import { WordTrie } from './word-trie.js';

/** A metric: a countable thing reports talk about, with the phrasings that name it. */
export const MetricSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  zh: z.string(),
  terms: z.array(z.string().min(1)).min(1),
  unitFamily: UnitFamilySchema,
  /** Whether counts of it add up across places (a street's cannot exceed its district's). */
  additive: z.boolean(),
  /** A broader metric this one is part of: 败诉案件 are 行政诉讼案件. */
  parent: z.string().optional(),
  /** The measure words its counts take (人大代表建议 in 件): a figure in another unit is not a fact of it. */
  units: z.array(z.string()).optional(),
});
/** A metric of the lexicon. */
export type Metric = z.infer<typeof MetricSchema>;

/** A named rate (办结率): whether it is bounded by 100% and the words that label its numerator. */
export const RateDefSchema = z.object({
  name: z.string().min(2),
  bounded: z.boolean(),
  numerator: z.array(z.string()),
});
/** A named rate. */
export type RateDef = z.infer<typeof RateDefSchema>;

/** The lexicon: metrics, action words, rates and words that label totals. */
export const LexiconSchema = z.object({
  metrics: z.array(MetricSchema),
  actions: z.array(z.string()),
  rates: z.array(RateDefSchema),
  totals: z.array(z.string()),
});
/** The lexicon. */
export type Lexicon = z.infer<typeof LexiconSchema>;

/**
 * The built-in lexicon. Not parsed at load (zod costs a new process more than checking a report
 * takes): test/unit/builtin-data.test.ts holds it to `LexiconSchema`, and to being exactly what
 * parsing it would return, so a bad edit of the JSON still fails.
 */
export const builtinLexicon: Lexicon = { ...metricsData, ...ratesData } as Lexicon;

/** A metric and the broader metrics it is part of, following `parent` links (at most 8, so a cycle ends). */
export function lineage(lexicon: Lexicon, metric: Metric): Metric[] {
  const out: Metric[] = [];
  const byId = metricsById(lexicon);
  for (let current: Metric | undefined = metric; current && out.length < 8; ) {
    out.push(current);
    const parent: string | undefined = current.parent;
    current = parent ? byId.get(parent) : undefined;
  }
  return out;
}

/** Each lexicon's metrics by id (the first listed for an id, as `find` would take), built once. */
const metricIds = new WeakMap<Lexicon, Map<string, Metric>>();

function metricsById(lexicon: Lexicon): Map<string, Metric> {
  let map = metricIds.get(lexicon);
  if (!map) {
    map = new Map();
    for (const m of lexicon.metrics) if (!map.has(m.id)) map.set(m.id, m);
    metricIds.set(lexicon, map);
  }
  return map;
}

/** Whether `metric` is `ancestor` or part of it (following `parent` links). */
export function isWithin(lexicon: Lexicon, metric: Metric, ancestor: Metric): boolean {
  return lineage(lexicon, metric).some((m) => m.id === ancestor.id);
}

/**
 * The metric named in `text`, by its longest matching term, or null. The term ending nearest the
 * end of the text wins; at a tie, the longer term; then the metric listed first. Read backwards
 * from the end, so the first end with a term decides.
 */
export function metricIn(lexicon: Lexicon, text: string): { metric: Metric; term: string; at: number } | null {
  const { trie, found } = termIndex(lexicon);
  for (let end = text.length; end > 0; end--) {
    let best: { term: string; metric: Metric } | undefined;
    let at = -1;
    let node = trie.step(0, text.charCodeAt(end - 1));
    for (let start = end - 1; node !== 0; start--) {
      const terms = found[node];
      if (terms !== undefined) {
        best = terms[0];
        at = start;
      }
      if (start === 0) break;
      node = trie.step(node, text.charCodeAt(start - 1));
    }
    if (best) return { metric: best.metric, term: best.term, at };
  }
  return null;
}

/** The rate definition whose name ends `label`, longest name first. */
export function rateIn(lexicon: Lexicon, label: string): RateDef | null {
  let best: RateDef | null = null;
  for (const r of lexicon.rates) {
    if (label.endsWith(r.name) && (!best || r.name.length > best.name.length)) best = r;
  }
  return best;
}

/** A lexicon term found in a text. */
export interface TermMatch {
  start: number;
  end: number;
  metric: Metric;
  term: string;
}

/**
 * Every occurrence of every metric term in a text, sorted by end (then by length), found in one
 * pass; figures then look up the terms near them by binary search instead of rescanning. The
 * terms are read backwards from each end, shortest first, so they come out in order unsorted.
 */
export function findTerms(lexicon: Lexicon, text: string): TermMatch[] {
  const { trie, found } = termIndex(lexicon);
  const out: TermMatch[] = [];
  for (let end = 1; end <= text.length; end++) {
    let node = trie.step(0, text.charCodeAt(end - 1));
    for (let start = end - 1; node !== 0; start--) {
      const terms = found[node];
      if (terms !== undefined) for (const { term, metric } of terms) out.push({ start, end, metric, term });
      if (start === 0) break;
      node = trie.step(node, text.charCodeAt(start - 1));
    }
  }
  return out;
}

/**
 * The occurrences of metric terms lying wholly within any of `windows` (flat `[from, to, …]`
 * pairs, in order of `from`), sorted by end (then by length) as `findTerms` sorts them. Each end
 * is read once however the windows overlap, so a text is read only where figures look for terms.
 */
export function findTermsWithin(lexicon: Lexicon, text: string, windows: ArrayLike<number>): TermMatch[] {
  const { trie, found } = termIndex(lexicon);
  const out: TermMatch[] = [];
  const last = trie.firstNode;
  const ends = trie.starts;
  // Ends up to `done` are read already, for a window starting no later than this one.
  let done = 0;
  for (let w = 0; w < windows.length; w += 2) {
    const from = windows[w]!;
    const to = Math.min(windows[w + 1]!, text.length);
    for (let end = Math.max(done, from) + 1; end <= to; end++) {
      const c = text.charCodeAt(end - 1);
      if (!inBits(ends, c)) continue;
      let node = last[c]!;
      for (let start = end - 1; node !== 0; start--) {
        const terms = found[node];
        if (terms !== undefined) for (const { term, metric } of terms) out.push({ start, end, metric, term });
        if (start === from) break;
        node = trie.step(node, text.charCodeAt(start - 1));
      }
    }
    if (to > done) done = to;
  }
  return out;
}

/** Metric terms spelt backwards in a trie, and the terms (with their metrics) ending at each node. */
interface TermIndex {
  trie: WordTrie;
  found: Array<Array<{ term: string; metric: Metric }> | undefined>;
}

/** Term indexes, built once per lexicon (a lexicon is not changed once made). */
const termIndexes = new WeakMap<Lexicon, TermIndex>();

function termIndex(lexicon: Lexicon): TermIndex {
  let index = termIndexes.get(lexicon);
  if (!index) {
    index = { trie: new WordTrie(), found: [] };
    for (const metric of lexicon.metrics) {
      for (const term of metric.terms) {
        const node = index.trie.nodeOf(term.split('').reverse().join(''));
        (index.found[node] ??= []).push({ term, metric });
      }
    }
    termIndexes.set(lexicon, index);
  }
  return index;
}

/**
 * The metric named within `[from, to)` by the term ending nearest `to` (the longer at a tie),
 * as `metricIn` would find it in that slice; `matches` come from `findTerms`.
 */
export function metricWithin(matches: readonly TermMatch[], from: number, to: number): TermMatch | null {
  // Last match ending at or before `to`.
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (matches[mid]!.end <= to) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0; i--) {
    const m = matches[i]!;
    if (m.start >= from) return m;
    // Matches are sorted by end: once ends fall before `from`, nothing further fits.
    if (m.end <= from) return null;
  }
  return null;
}

/**
 * The metric named first after a figure: the term starting earliest in `[from, from + maxStart]`
 * and ending by `to` (the longer at a tie). After 8件 in 8件一审案件败诉 the counted thing is
 * 一审案件, the first noun, not the 败诉 that follows it.
 */
export function metricStartingAt(matches: readonly TermMatch[], from: number, to: number, maxStart: number): TermMatch | null {
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (matches[mid]!.end <= from) lo = mid + 1;
    else hi = mid;
  }
  let best: TermMatch | null = null;
  for (let i = lo; i < matches.length && matches[i]!.end <= to; i++) {
    const m = matches[i]!;
    if (m.start < from || m.start > from + maxStart) continue;
    if (!best || m.start < best.start || (m.start === best.start && m.term.length > best.term.length)) best = m;
  }
  return best;
}

/** What a user adds to a lexicon: more metrics, actions, rates or total words. */
export const LexiconExtensionSchema = LexiconSchema.partial();
/** What a user adds to a lexicon. */
export type LexiconExtension = z.infer<typeof LexiconExtensionSchema>;

/**
 * A lexicon with a user's additions: validated with zod (a bad field throws a ZodError naming
 * it), metrics with an id already present replace the built-in ones.
 */
export function extendLexicon(base: Lexicon, extra: unknown): Lexicon {
  return mergeLexicon(base, LexiconExtensionSchema.parse(extra));
}

/** `base` with additions already validated: metrics with an id already present replace the base's. */
export function mergeLexicon(base: Lexicon, add: LexiconExtension): Lexicon {
  const ids = new Set((add.metrics ?? []).map((m) => m.id));
  return {
    metrics: [...base.metrics.filter((m) => !ids.has(m.id)), ...(add.metrics ?? [])],
    actions: [...base.actions, ...(add.actions ?? [])],
    rates: [...base.rates, ...(add.rates ?? [])],
    totals: [...base.totals, ...(add.totals ?? [])],
  };
}
