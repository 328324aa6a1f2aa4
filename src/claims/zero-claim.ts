import { figureInterval } from '../arithmetic/interval.js';
import { ClaimList, evidence } from './builder.js';
import { figureRef, isHeadGap, type FigureContext, type ReportContext } from './context.js';
import { lineage, metricIn } from './lexicon.js';
import type { ClaimOf } from './schema.js';
import { aboutOtherYear, quotesWiderBody } from './scope.js';
import { firstNotBefore } from '../text/bisect.js';

/**
 * Zero claims outside the lexicon searched by their words (each search reads every figure). A real
 * report states a handful; the cap keeps a long document's cost a fixed multiple of its figures,
 * reached early, so the time per character does not climb until the cap is met.
 */
const MAX_WORD_SEARCHES = 16;

/**
 * Word searches that read every count instead of the index (`WordIndex`): the index finds the
 * same counts in the same order, but costs more to build than two reads of every count.
 */
const DIRECT_SEARCHES = 2;

/** Units that count events or places, never the cases a zero claim is about. */
const EVENT_UNITS = new Set(['次', '场', '期', '轮', '处', '场次', '批次', '项', '个']);

/** Most contradicting counts kept as evidence for one zero claim. */
const MAX_EVIDENCE = 20;

/** Phrases that state zero: 均为0, 为零, 零发生, 无一例. */
const ZERO_PHRASES = ['均为0', '均为零', '为0', '为零', '零发生', '无一例'];

/**
 * Where the zero phrases stand in the text, as `[start, end, start, end …]` in order of start.
 * 均为0 and 均为零 hold 为0 and 为零, so the four shorter phrases find every sentence with one.
 */
function zeroPhraseSpans(s: string): number[] {
  const spans: Array<[number, number]> = [];
  for (const p of ['为0', '无一例']) for (let i = s.indexOf(p); i >= 0; i = s.indexOf(p, i + 1)) spans.push([i, i + p.length]);
  // 为零 and 零发生 from one search for the rarer 零.
  for (let i = s.indexOf('零'); i >= 0; i = s.indexOf('零', i + 1)) {
    if (i > 0 && s.charCodeAt(i - 1) === 0x4e3a) spans.push([i - 1, i + 1]);
    if (s.startsWith('零发生', i)) spans.push([i, i + 3]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  return spans.flat();
}

/** A hash of the three UTF-16 units at `s[i]`, small enough to stay a small integer. */
function trigramKey(s: string, i: number): number {
  return ((s.charCodeAt(i) * 65599 + s.charCodeAt(i + 1)) * 65599 + s.charCodeAt(i + 2)) & 0x3fffffff;
}

/**
 * The counts a subject's words may name, by the three-unit pieces of their labels and by the first
 * three units after them: a search reads only the counts that share a piece with the words, not
 * every count (16 searches of every count grew faster than the text until the cap was met).
 * Hash collisions only add candidates, which the search then tests in full.
 */
class WordIndex {
  private readonly labels = new Map<number, number[]>();
  private readonly afters = new Map<number, number[]>();

  constructor(counts: readonly FigureContext[]) {
    for (let k = 0; k < counts.length; k++) {
      const { label, after } = counts[k]!;
      for (let j = 0; j + 3 <= label.length; j++) push(this.labels, trigramKey(label, j), k);
      if (after.length >= 3) push(this.afters, trigramKey(after, 0), k);
    }
  }

  /**
   * Indices, in order, of the counts whose label may hold `words` (it holds every piece of them:
   * the rarest piece is read) or whose following words may start with them. `words` has at least
   * three units.
   */
  candidates(words: string): number[] {
    let inLabel: number[] | undefined;
    for (let j = 0; j + 3 <= words.length; j++) {
      const list = this.labels.get(trigramKey(words, j));
      if (!list) {
        inLabel = undefined;
        break;
      }
      if (!inLabel || list.length < inLabel.length) inLabel = list;
    }
    const after = this.afters.get(trigramKey(words, 0));
    if (!after) return inLabel ?? [];
    if (!inLabel) return after;
    // Both are in order: merge them, once each.
    const out: number[] = [];
    let a = 0;
    let b = 0;
    while (a < inLabel.length || b < after.length) {
      const x = a < inLabel.length ? inLabel[a]! : Infinity;
      const y = b < after.length ? after[b]! : Infinity;
      out.push(x <= y ? x : y);
      if (x <= y) a++;
      if (y <= x) b++;
    }
    return out;
  }
}

/** Appends `k` to the list under `key`, once (a label may hold one piece twice). */
function push(map: Map<number, number[]>, key: number, k: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [k]);
  else if (list[list.length - 1] !== k) list.push(k);
}

/**
 * Zero claims (我街行政复议数量、被依法纠错数、行政诉讼数量均为0) and any count of the same
 * metric elsewhere in the report that is above zero (8件一审案件败诉 is administrative litigation).
 */
export function extractZeroClaims(ctx: ReportContext, out: ClaimList): void {
  const { report, lexicon } = ctx;
  const s = report.normalized;
  // Counts by metric, built once so many zero claims stay linear (whether each is above zero is
  // asked only of the counts a zero claim meets).
  // Counts of cases and people, not of events about them: 旁听行政诉讼庭审2次 or 排查隐患356处 are
  // no 行政诉讼 or 事故.
  // A wider body's count (全区…555件 in a street's report) or another year's (2019年…7件)
  // contradicts nothing the report says of its own year.
  // Built at the first zero phrase: most reports state none.
  let positive: FigureContext[] | null = null;
  const byMetric = new Map<string, FigureContext[]>();
  const counts = (): FigureContext[] => {
    if (positive) return positive;
    positive = [];
    for (const f of ctx.figures) {
      if (f.quantity.unitFamily !== 'count' || EVENT_UNITS.has(f.quantity.unit ?? '')) continue;
      if (!quotesWiderBody(ctx, f) && !aboutOtherYear(ctx, f)) positive.push(f);
    }
    // A count contradicts a zero of its own metric or of any metric it is part of: 8件败诉 are
    // 行政诉讼 cases, but 45件应诉案件 say nothing about 败诉案件为零.
    for (const f of positive) {
      for (const m of f.metric ? lineage(lexicon, f.metric) : []) {
        const list = byMetric.get(m.id) ?? [];
        list.push(f);
        byMetric.set(m.id, list);
      }
    }
    return positive;
  };
  // The counts above zero of a metric, filtered once, at the first zero claim that names it:
  // whether a count is above zero makes its decimals, which only those metrics need.
  const positiveByMetric = new Map<string, FigureContext[]>();
  const positiveOf = (metric: string): FigureContext[] => {
    let list = positiveByMetric.get(metric);
    if (!list) {
      counts();
      list = (byMetric.get(metric) ?? []).filter((f) => figureInterval(f.quantity).lo.gt(0));
      positiveByMetric.set(metric, list);
    }
    return list;
  };
  let wordSearches = 0;
  let index: WordIndex | null = null;
  // Most reports and sentences state no zero: where the phrases stand is found once, and a
  // sentence holding none is skipped without a character loop.
  const phrases = zeroPhraseSpans(s);
  if (phrases.length === 0) return;
  // The first phrase at or after the sentence's start: sentences come in order, so it only moves on.
  let first = 0;
  let lastStart = 0;
  for (const sentence of report.sentences) {
    const { start, end } = sentence.range;
    if (start < lastStart) first = 2 * firstNotBefore(phrases.length / 2, (j) => phrases[2 * j]! < start);
    while (first < phrases.length && phrases[first]! < start) first += 2;
    lastStart = start;
    // A zero is stated only where a phrase starts, or one before it (均 of 均为0): those places
    // are read in order, each once, and none inside a phrase already read.
    let next = start;
    for (let n = first; n < phrases.length && phrases[n]! < end; n += 2) {
      for (let i = Math.max(next, phrases[n]! - 1); i <= phrases[n]!; i = Math.max(i + 1, next)) {
        next = i + 1;
        const c = s.charCodeAt(i);
        // 均 为 零 无
        if (c !== 0x5747 && c !== 0x4e3a && c !== 0x96f6 && c !== 0x65e0) continue;
        const phrase = ZERO_PHRASES.find((p) => s.startsWith(p, i) && i + p.length <= end);
        if (!phrase) continue;
        // 为0 must not be the tail of a longer figure (为0.5) or of 均为0, read already.
        if ((phrase === '为0' || phrase === '为零') && s[i - 1] === '均') continue;
        const zeroEnd = i + phrase.length;
        if (/[0-9.]/.test(s[zeroEnd] ?? '')) continue;
        // Subjects: the clause before the phrase, split at 、 (行政复议数量、被依法纠错数、行政诉讼数量),
        // or for 无一例 the words after it (无一例确诊病例).
        const subjects: Array<{ start: number; end: number }> = [];
        if (phrase === '无一例') {
          let b = zeroEnd;
          while (b < end && b - zeroEnd < 12 && !',;:。'.includes(s[b]!)) b++;
          // 无一例脱管失控情况发生: the subject is what did not happen, without 发生.
          if (s.startsWith('发生', b - 2) && b - 2 > zeroEnd) b -= 2;
          if (b > zeroEnd) subjects.push({ start: zeroEnd, end: b });
        } else {
          let a = i;
          while (a > start && !',;:。'.includes(s[a - 1]!)) a--;
          let from = a;
          for (let k = a; k <= i; k++) {
            if (k === i || s[k] === '、') {
              if (k > from) subjects.push({ start: from, end: k });
              from = k + 1;
            }
          }
        }
        // The range is the zero as written: the 0 of 均为0, the 零 of 零发生, or all of 无一例.
        const zeroRange =
          phrase === '无一例' ? { start: i, end: zeroEnd } : phrase === '零发生' ? { start: i, end: i + 1 } : { start: zeroEnd - 1, end: zeroEnd };
        for (const subj of subjects) {
          const subjectText = report.text.slice(subj.start, subj.end);
          const hit = metricIn(lexicon, s.slice(subj.start, subj.end));
          // The subject's own words: without who (我街, 全区) or when (全年, 本年度), which a
          // figure's label for the same thing need not repeat.
          const words = s
            .slice(subj.start, subj.end)
            .replace(/^(全年|本年度|年度内|今年|本年)/, '')
            .replace(/^(我[街区镇县市]|辖区|辖内|全[区街镇县市])/, '')
            .replace(/(数量|数)$/, '');
          // Subjects outside the lexicon are compared by their words, for a bounded number of claims.
          // Outside the lexicon every count is a candidate (for a bounded number of claims), and
          // whether one is above zero is asked only of those whose words match.
          // A search by words reads only the counts that share a piece of them (`WordIndex`): the
          // others name nothing here.
          let pool: FigureContext[] = [];
          let picks: number[] | null = null;
          if (hit) pool = positiveOf(hit.metric.id);
          else if (words.length >= 3 && wordSearches++ < MAX_WORD_SEARCHES) {
            pool = counts();
            // The first searches read every count: indexing them costs more than a few reads
            // (a report states one or two such zeros); the index pays from the third on.
            if (wordSearches > DIRECT_SEARCHES) {
              index ??= new WordIndex(pool);
              picks = index.candidates(words);
            }
          }
          const contradictions: FigureContext[] = [];
          const size = picks ? picks.length : pool.length;
          for (let p = 0; p < size; p++) {
            const f = pool[picks ? picks[p]! : p]!;
            const q = f.quantity;
            if (q.range.start >= Math.min(subj.start, i) && q.range.end <= Math.max(subj.end, zeroEnd)) continue;
            // Outside the lexicon the subject's words must name what the figure counts: end its label
            // (up to fillers) or start the words after it; 群体性事件隐患12宗 is not 群体性事件.
            const at = f.label.lastIndexOf(words);
            const named = hit || (at >= 0 && isHeadGap(f.label.slice(at + words.length))) || f.after.startsWith(words);
            if (named && (hit || figureInterval(q).lo.gt(0))) contradictions.push(f);
            // Enough evidence; more would only make long reports quadratic.
            if (contradictions.length >= MAX_EVIDENCE) break;
          }
          const refs = contradictions.map((f) => figureRef(report, f.quantity, 'count'));
          out.add<ClaimOf<'zeroClaim'>>({
            kind: 'zeroClaim',
            range: zeroRange,
            figures: refs,
            verdict: contradictions.length > 0 ? 'fails' : 'holds',
            evidence: evidence(refs, {
              expected: `${subjectText} = 0`,
              ...(contradictions.length > 0 ? { computed: refs.map((r) => r.text).join(', ') } : {}),
              note: hit ? `metric ${hit.metric.zh}` : 'not in the lexicon: compared by its words',
            }),
            reason: contradictions.length > 0 ? 'a count of the same thing elsewhere is above zero' : 'no count of the same thing above zero',
            subject: subjectText,
            metric: hit ? hit.metric.id : null,
          });
        }
        next = zeroEnd;
      }
    }
  }
}
