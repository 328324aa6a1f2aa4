import type { Quantity } from '../model/quantity.js';
import type { Range } from '../model/range.js';
import type { Report } from '../model/report.js';
import { figureInterval, intervalStrings } from '../arithmetic/interval.js';
import type { FigureRef } from '../engine/diagnostic.js';
import { firstNotBefore } from '../text/bisect.js';
import { inBits } from '../text/chars.js';
import { findTermsWithin, metricStartingAt, metricWithin, type Lexicon, type Metric } from './lexicon.js';
import { senseOfWords, type FigureSense } from './sense.js';
import { WordTrie } from './word-trie.js';
import { addWordLists, W } from './words.js';

/** Characters that end the label of a figure: clause punctuation. */
const LABEL_BREAKS = ',、;:。!?()';
/** Characters that end the words after a figure. */
const AFTER_BREAKS = ',、;:。!?';
/** A flag per UTF-16 unit: 1 ends a label, 2 ends the words after a figure. */
const BREAKS: Uint8Array = (() => {
  const flags = new Uint8Array(0x10000);
  for (const c of LABEL_BREAKS) flags[c.charCodeAt(0)] = flags[c.charCodeAt(0)]! | 1;
  for (const c of AFTER_BREAKS) flags[c.charCodeAt(0)] = flags[c.charCodeAt(0)]! | 2;
  return flags;
})();

/** Words that may stand between a metric term and its figure: 行政复议案件数量为0, 网格事件共22506宗. */
const HEAD_FILLERS = ['数量', '件数', '总数', '总量', '案件', '申请', '事项', '共计', '合计', '累计', '数', '共', '为', '达', '有', '均', '了', ' '];

/** Whether the text between a metric term and a figure is only fillers (so the term is what it counts). */
export function isHeadGap(gap: string): boolean {
  return isHeadGapAt(gap, 0, gap.length);
}

/** `isHeadGap` of `s[from, to)`, without cutting it out. */
function isHeadGapAt(s: string, from: number, to: number): boolean {
  let at = from;
  for (let changed = true; changed && at < to; ) {
    changed = false;
    for (const f of HEAD_FILLERS) {
      if (to - at >= f.length && s.startsWith(f, at)) {
        at += f.length;
        changed = true;
      }
    }
  }
  return at >= to;
}

/** How far back in its clause group a figure looks for the thing it counts (keeps this linear). */
const CLAUSE_LOOKBACK = 120;

/** Words that carry no meaning in a label: 共受理 → 受理. */
const FILLERS = ['截至目前', '今年以来', '本年度', '今年', '全年', '目前', '其中', '共计', '合计', '累计', '共', '达到', '达', '为', '均为', '有', '已经'];
/** Flags per UTF-16 unit: 1 starts a filler, 2 ends one. */
const FILLER_ENDS: Uint8Array = (() => {
  const flags = new Uint8Array(0x10000);
  for (const f of FILLERS) {
    flags[f.charCodeAt(0)] = flags[f.charCodeAt(0)]! | 1;
    flags[f.charCodeAt(f.length - 1)] = flags[f.charCodeAt(f.length - 1)]! | 2;
  }
  return flags;
})();

/** What the words around a figure say about it. */
export interface FigureContext {
  /** Position in `ReportContext.figures`. */
  index: number;
  quantity: Quantity;
  /** Index of the clause group: the sentence cut at `;`. */
  segment: number;
  /** The text between the previous clause break (or figure) and the figure, fillers removed. */
  label: string;
  /** The same text with its fillers (共, 累计 …), which say a figure is a total. */
  rawLabel: string;
  /** Where the label starts. */
  labelStart: number;
  /** Up to 12 characters after the figure, to the next clause break. */
  after: string;
  /** The metric the figure counts, from the words after it, its label, or its clause. */
  metric: Metric | null;
  /** The lexicon term that named the metric (网格事件, 交办案), or ''. */
  term: string;
  /** The first action word of the label (受理, 办结 …), or ''. */
  action: string;
  /** What the figure is about: kind, actions, period, body, part, section. */
  sense: FigureSense;
  /** The word lists (bits of `W` in words.ts) with a word in `label`. */
  labelWords: number;
  /** The word lists with a word in `rawLabel`. */
  rawWords: number;
  /**
   * The word lists with a word in the clause text before the figure: from up to 40 characters
   * before its label (within its clause group) to the figure.
   */
  beforeWords: number;
}

/** Figure contexts and clause groups of a report, computed once per check. */
export interface ReportContext {
  report: Report;
  lexicon: Lexicon;
  figures: FigureContext[];
  /** Clause groups (sentences cut at `;`), in order. */
  segments: Range[];
  /** Sentence index of each segment. */
  segmentSentence: number[];
  /** What extractors work out once per check and keep here. */
  memo: ContextMemo;
}

/**
 * Tables the extractors build once per check, at first use, kept with the check's context rather
 * than in module-level weak maps keyed by it (see `amountsBySegment` for what those cost the
 * collector), and a field read where a map lookup was made per figure.
 */
export class ContextMemo {
  /** Where each clause group's first figure starts (scope.ts). */
  firstFigureStarts: Float64Array | null = null;
  /** Where each clause group's earliest date of another year ends (scope.ts). */
  otherYearEnds: Map<number, number> | null = null;
  /** Parent section of every section id (restatement.ts). */
  sectionParents: Int32Array | null = null;
}

/** Splits sentences at `;` into clause groups. */
function buildSegments(report: Report): { segments: Range[]; segmentSentence: number[] } {
  const s = report.normalized;
  const segments: Range[] = [];
  const segmentSentence: number[] = [];
  // Where the next `;` is, found once for all the sentences it does not fall in.
  let semi = s.indexOf(';');
  for (const sentence of report.sentences) {
    let start = sentence.range.start;
    const end = sentence.range.end;
    if (semi >= 0 && semi < start) semi = s.indexOf(';', start);
    while (semi >= 0 && semi < end) {
      segments.push({ start, end: semi + 1 });
      segmentSentence.push(sentence.index);
      start = semi + 1;
      semi = s.indexOf(';', start);
    }
    if (start < end) {
      segments.push({ start, end });
      segmentSentence.push(sentence.index);
    }
  }
  return { segments, segmentSentence };
}

/**
 * Where the label `s[from, to)` starts and ends once trimmed and stripped of its fillers at
 * either end (共受理 → 受理), written into `span`; the label is then one slice of the text.
 */
function stripFillers(s: string, from: number, to: number, span: [number, number]): void {
  let lo = from;
  let hi = to;
  while (lo < hi && isTrimmed(s.charCodeAt(lo))) lo++;
  while (hi > lo && isTrimmed(s.charCodeAt(hi - 1))) hi--;
  // A pass that can strip nothing at either end changes nothing: most labels end here.
  while (lo < hi && (FILLER_ENDS[s.charCodeAt(lo)]! & 1 || FILLER_ENDS[s.charCodeAt(hi - 1)]! & 2)) {
    let changed = false;
    for (const f of FILLERS) {
      const n = f.length;
      if (hi - lo >= n && s.startsWith(f, lo)) {
        lo += n;
        changed = true;
      }
      if (hi - lo > n && s.startsWith(f, hi - n)) {
        hi -= n;
        changed = true;
      }
    }
    if (!changed) break;
  }
  span[0] = lo;
  span[1] = hi;
}

/** Whether `String.prototype.trim` removes the UTF-16 unit (white space and line ends). */
function isTrimmed(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** How far before its label a figure's clause words are read (parts of the year, restrictors). */
const CLAUSE_WORDS_BACK = 40;

/** Builds the context of every figure. Linear in the text. */
export function buildContext(report: Report, lexicon: Lexicon): ReportContext {
  const s = report.normalized;
  const { segments, segmentSentence } = buildSegments(report);
  // First, where each figure's label and the words after it lie. Then the text is read once
  // where some figure looks (for listed words, and for metric terms), and each figure asks those
  // readings.
  const found = labelSpans(report, segments);
  const n = found.quantities.length;
  const { spans } = found;
  // Book titles name trainings and laws, not what a figure counts: 《…行政复议…培训会议》3次.
  // Terms inside a title are dropped, and a gap that crosses a title is no head gap.
  const titles = titleSpans(s);
  const termWindows = new Int32Array(2 * n);
  for (let k = 0; k < n; k++) {
    termWindows[2 * k] = Math.max(spans[6 * k]!, spans[6 * k + 2]! - CLAUSE_LOOKBACK);
    termWindows[2 * k + 1] = spans[6 * k + 4]!;
  }
  const allTerms = findTermsWithin(lexicon, s, inOrder(termWindows));
  const terms = titles.length === 0 ? allTerms : allTerms.filter((m) => !overlapsTitle(titles, m.start, m.end));
  const wordWindows = new Int32Array(2 * n);
  for (let k = 0; k < n; k++) {
    wordWindows[2 * k] = Math.max(spans[6 * k]!, spans[6 * k + 1]! - CLAUSE_WORDS_BACK);
    wordWindows[2 * k + 1] = spans[6 * k + 2]!;
  }
  const trie = wordTrie(lexicon);
  const words = findWords(trie, s, inOrder(wordWindows));
  const level = report.metadata.level;
  const figures: FigureContext[] = [];
  // The first word match at or after the window's start: windows start in order, so it only moves on.
  let m = 0;
  let lastFrom = 0;
  for (let k = 0; k < n; k++) {
    const q = found.quantities[k]!;
    const seg = found.segments[k]!;
    const segStart = spans[6 * k]!;
    const a = spans[6 * k + 1]!;
    const qStart = q.range.start;
    const qEnd = q.range.end;
    const b = spans[6 * k + 4]!;
    const labelStart = spans[6 * k + 3]!;
    const labelEnd = spans[6 * k + 5]!;
    const rawLabel = s.slice(a, qStart);
    // Every listed word in the clause before the figure: those before the label (up to 40
    // characters back), in the label as written, and in the label without fillers; and the
    // label's first action word (the longer at a tie: words at one start come shortest first).
    let clauseWords = 0;
    let rawWords = 0;
    let labelWords = 0;
    let beforeWords = 0;
    let actionStart = -1;
    let actionEnd = -1;
    const from = wordWindows[2 * k]!;
    if (from < lastFrom) m = firstNotBefore(words.starts.length, (x) => words.starts[x]! < from);
    while (m < words.starts.length && words.starts[m]! < from) m++;
    lastFrom = from;
    for (let w = m; w < words.starts.length; w++) {
      const i = words.starts[w]!;
      if (i >= qStart) break;
      const j = words.ends[w]!;
      if (j > qStart) continue;
      const bits = words.bits[w]!;
      beforeWords |= bits;
      if (j <= a) clauseWords |= bits;
      if (i >= a) {
        rawWords |= bits;
        if (bits & W.lexiconAction && (actionStart < 0 || actionStart === i)) {
          actionStart = i;
          actionEnd = j;
        }
      }
      if (i >= labelStart && j <= labelEnd) labelWords |= bits;
    }
    // The thing counted: named right after the figure (24个镇街), in its label (受理信访件),
    // or earlier in its clause group (共上报网格事件22506宗,办结22506宗).
    const next = b > qEnd ? metricStartingAt(terms, qEnd, b, 6) : null;
    const inLabel = metricWithin(terms, a, qStart);
    // A term far from the figure in its label is not what it counts: in 确诊病例密切接触者36人
    // the head noun is 密切接触者. Then the figure counts something outside the lexicon.
    // A rate is of the thing named before its name: 网格事件上报率129.49%.
    const labelHit =
      inLabel && (q.unit === '%' || (!overlapsTitle(titles, inLabel.end, qStart) && isHeadGapAt(s, inLabel.end, qStart))) ? inLabel : null;
    const hit = next ?? labelHit ?? (inLabel ? null : metricWithin(terms, Math.max(segStart, qStart - CLAUSE_LOOKBACK), qStart));
    figures.push({
      index: figures.length,
      quantity: q,
      segment: seg,
      label: s.slice(labelStart, labelEnd),
      rawLabel,
      labelStart: a,
      after: s.slice(qEnd, b),
      metric: hit ? hit.metric : null,
      term: hit ? hit.term : '',
      action: actionStart < 0 ? '' : s.slice(actionStart, actionEnd),
      sense: senseOfWords(q, rawLabel, rawWords, clauseWords, level, report.paragraphs[q.paragraph]?.section ?? null),
      labelWords,
      rawWords,
      beforeWords,
    });
  }
  return { report, lexicon, figures, segments, segmentSentence, memo: new ContextMemo() };
}

/**
 * The figures read as prose (not table cells), their clause groups, and six offsets each in
 * `spans`: [0] the clause group's start, [1] the raw label's start (after the previous clause
 * break or figure), [2] the figure's start, [3] the label's start without its fillers, [4] the
 * end of the words after the figure (up to 12 characters, to the next clause break), and [5] the
 * label's end without its fillers.
 */
function labelSpans(report: Report, segments: readonly Range[]): { quantities: Quantity[]; segments: Int32Array; spans: Int32Array } {
  const s = report.normalized;
  const quantities: Quantity[] = [];
  const segOf = new Int32Array(report.quantities.length);
  const spans = new Int32Array(6 * report.quantities.length);
  const span: [number, number] = [0, 0];
  let seg = 0;
  let prevEnd = -1;
  let prevSeg = -1;
  // Figures inside a table are its cells, judged by the table claims, not prose: walk the sorted
  // table spans alongside the figures.
  const tables = report.tables ?? [];
  let ti = 0;
  for (const q of report.quantities) {
    const qStart = q.range.start;
    const qEnd = q.range.end;
    while (ti < tables.length && tables[ti]!.range.end <= qStart) ti++;
    if (ti < tables.length && tables[ti]!.range.start <= qStart) continue;
    while (seg < segments.length - 1 && segments[seg]!.end <= qStart) seg++;
    const segment = segments[seg];
    const segStart = segment ? segment.start : 0;
    const segEnd = segment ? segment.end : s.length;
    const floor = Math.max(segStart, prevSeg === seg ? prevEnd : segStart);
    let a = qStart;
    while (a > floor && (BREAKS[s.charCodeAt(a - 1)]! & 1) === 0) a--;
    let b = qEnd;
    // The words after a figure run over brackets (全县7个镇(街)), not over clause breaks.
    while (b < segEnd && b - qEnd < 12 && (BREAKS[s.charCodeAt(b)]! & 2) === 0) b++;
    stripFillers(s, a, qStart, span);
    const k = quantities.length;
    quantities.push(q);
    segOf[k] = seg;
    spans[6 * k] = segStart;
    spans[6 * k + 1] = a;
    spans[6 * k + 2] = qStart;
    spans[6 * k + 3] = span[0];
    spans[6 * k + 4] = b;
    spans[6 * k + 5] = span[1];
    prevEnd = qEnd;
    prevSeg = seg;
  }
  return { quantities, segments: segOf, spans };
}

/** Flat `[from, to, …]` windows in order of `from` (they come so from figures in text order). */
function inOrder(windows: Int32Array): Int32Array {
  for (let k = 2; k < windows.length; k += 2) {
    if (windows[k]! < windows[k - 2]!) {
      const pairs: Array<[number, number]> = [];
      for (let w = 0; w < windows.length; w += 2) pairs.push([windows[w]!, windows[w + 1]!]);
      return Int32Array.from(pairs.sort((x, y) => x[0] - y[0]).flat());
    }
  }
  return windows;
}

/** Listed words found in a text: start, end and list bits of each, in order of start (then end). */
interface WordMatches {
  starts: number[];
  ends: number[];
  bits: number[];
}

/**
 * Every listed word starting within any of `windows` (flat `[from, to, …]` in order of `from`),
 * each start read once however the windows overlap. A word may run past its window's end: who
 * asks decides whether it fits.
 */
function findWords(trie: WordTrie, s: string, windows: ArrayLike<number>): WordMatches {
  const out: WordMatches = { starts: [], ends: [], bits: [] };
  const first = trie.firstNode;
  const starts = trie.starts;
  let done = 0;
  for (let w = 0; w < windows.length; w += 2) {
    const to = windows[w + 1]!;
    for (let i = Math.max(done, windows[w]!); i < to; i++) {
      const c = s.charCodeAt(i);
      if (!inBits(starts, c)) continue;
      let node = first[c]!;
      for (let j = i + 1; node !== 0; j++) {
        const bits = trie.bits[node]!;
        if (bits !== 0) {
          out.starts.push(i);
          out.ends.push(j);
          out.bits.push(bits);
        }
        if (j >= s.length) break;
        node = trie.step(node, s.charCodeAt(j));
      }
    }
    if (to > done) done = to;
  }
  return out;
}

/**
 * The insides of book titles (《…》, nesting counted; an unclosed 《 ends with its line), as
 * sorted, disjoint `[start, end)` spans. Linear; most reports name a few titles.
 */
export function titleSpans(s: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const from = s.indexOf('《');
  if (from < 0) return spans;
  let depth = 0;
  let runStart = -1;
  for (let i = from; i < s.length; i++) {
    // Outside a title only 《 matters: jump to the next one.
    if (depth === 0) {
      i = s.indexOf('《', i);
      if (i < 0) break;
    }
    const c = s.charCodeAt(i);
    if (c === 0x300a) {
      // 《
      if (depth === 0) runStart = i + 1;
      depth++;
    } else if (c === 0x300b && depth > 0) {
      // 》
      depth--;
      if (depth === 0) spans.push([runStart, i]);
    } else if (c === 0x0a && depth > 0) {
      // A title never spans lines.
      spans.push([runStart, i]);
      depth = 0;
    }
  }
  if (depth > 0) spans.push([runStart, s.length]);
  return spans;
}

/** Whether `[start, end)` shares a character with any title span (binary search). */
export function overlapsTitle(spans: ReadonlyArray<readonly [number, number]>, start: number, end: number): boolean {
  if (spans.length === 0 || end <= start) return false;
  // The first span ending after `start` is the only one that can overlap first.
  const first = spans[firstNotBefore(spans.length, (i) => spans[i]![1] <= start)];
  return first !== undefined && first[0] < end;
}

/** The word lists of words.ts and the lexicon's action words in one trie, built once per lexicon. */
const wordTries = new WeakMap<Lexicon, WordTrie>();

function wordTrie(lexicon: Lexicon): WordTrie {
  let trie = wordTries.get(lexicon);
  if (!trie) {
    trie = addWordLists(new WordTrie()).add(lexicon.actions, W.lexiconAction);
    wordTries.set(lexicon, trie);
  }
  return trie;
}

/** A figure as evidence. */
export function figureRef(report: Report, q: Quantity, role: string): FigureRef {
  const value = q.value.toString();
  const i = figureInterval(q);
  return {
    role,
    text: report.text.slice(q.range.start, q.range.end),
    value,
    // Most figures are exact whole counts, whose interval is their value at both ends: written once.
    interval: i.lo === q.value && i.hi === q.value ? { lo: value, hi: value } : intervalStrings(i),
    range: q.range,
  };
}

/** The figure's text as written. */
export function written(report: Report, q: Quantity): string {
  return report.text.slice(q.range.start, q.range.end);
}

/** Whether two figures are counted in the same unit (a figure with no unit takes the other's). */
export function sameUnit(a: Quantity, b: Quantity): boolean {
  if (a.unit === null || b.unit === null) return (a.unit ?? b.unit) !== '%' && a.unitFamily !== 'percent' && b.unitFamily !== 'percent';
  return a.unit === b.unit;
}

/** Whether a figure is a count-like amount that can take part in sums (not a rate). */
export function isAmount(q: Quantity): boolean {
  return q.unitFamily !== 'percent' && q.unitFamily !== 'points' && q.unitFamily !== 'multiple' && q.to === null;
}

/** Index of the first figure starting at or after `offset` (binary search). */
export function figureIndexAt(ctx: ReportContext, offset: number): number {
  return firstNotBefore(ctx.figures.length, (i) => ctx.figures[i]!.quantity.range.start < offset);
}

/**
 * Figures before `offset` in the same sentence and the one before, nearest first, stopping
 * after `limit` figures so a pathological sentence stays linear.
 */
export function figuresBefore(ctx: ReportContext, offset: number, sentenceIndex: number, limit = 40): FigureContext[] {
  const out: FigureContext[] = [];
  for (let i = figureIndexAt(ctx, offset) - 1; i >= 0 && out.length < limit; i--) {
    const f = ctx.figures[i]!;
    if (f.quantity.sentence < sentenceIndex - 1) break;
    if (f.quantity.range.end <= offset) out.push(f);
  }
  return out;
}

/**
 * The amount figures (not rates) of each clause group, in order; groups with none are left out.
 * Made once per check by `extractClaims` and handed to the extractors that read it. Not cached
 * in a module-level WeakMap keyed by the context: V8's scavenger keeps the values of an old-space
 * WeakMap alive whatever becomes of their young keys, so every check's figures were promoted to
 * the old generation and the collector's time grew by a fifth.
 */
export function amountsBySegment(ctx: ReportContext): FigureContext[][] {
  const groups: FigureContext[][] = [];
  // Figures come in text order, so a clause group's figures are consecutive.
  let last = -1;
  for (const f of ctx.figures) {
    if (!isAmount(f.quantity)) continue;
    if (f.segment !== last) {
      groups.push([]);
      last = f.segment;
    }
    groups[groups.length - 1]!.push(f);
  }
  return groups;
}
