import type { Quantity } from '../model/quantity.js';
import type { Range } from '../model/range.js';
import type { Report } from '../model/report.js';
import { figureInterval, intervalStrings } from '../arithmetic/interval.js';
import type { FigureRef } from '../engine/diagnostic.js';
import { firstNotBefore } from '../text/bisect.js';
import { findTerms, metricStartingAt, metricWithin, type Lexicon, type Metric } from './lexicon.js';
import { senseOf, type FigureSense } from './sense.js';

/** Characters that end the label of a figure: clause punctuation. */
const LABEL_BREAKS = ',、;:。!?()';
/** Characters that end the words after a figure. */
const AFTER_BREAKS = ',、;:。!?';

/** Words that may stand between a metric term and its figure: 行政复议案件数量为0, 网格事件共22506宗. */
const HEAD_FILLERS = ['数量', '件数', '总数', '总量', '案件', '申请', '事项', '共计', '合计', '累计', '数', '共', '为', '达', '有', '均', '了', ' '];

/** Whether the text between a metric term and a figure is only fillers (so the term is what it counts). */
export function isHeadGap(gap: string): boolean {
  let rest = gap;
  for (let changed = true; changed && rest.length > 0; ) {
    changed = false;
    for (const f of HEAD_FILLERS) {
      if (rest.startsWith(f)) {
        rest = rest.slice(f.length);
        changed = true;
      }
    }
  }
  return rest.length === 0;
}

/** How far back in its clause group a figure looks for the thing it counts (keeps this linear). */
const CLAUSE_LOOKBACK = 120;

/** Words that carry no meaning in a label: 共受理 → 受理. */
const FILLERS = ['截至目前', '今年以来', '本年度', '今年', '全年', '目前', '其中', '共计', '合计', '累计', '共', '达到', '达', '为', '均为', '有', '已经'];

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
}

/** Splits sentences at `;` into clause groups. */
function buildSegments(report: Report): { segments: Range[]; segmentSentence: number[] } {
  const s = report.normalized;
  const segments: Range[] = [];
  const segmentSentence: number[] = [];
  for (const sentence of report.sentences) {
    let start = sentence.range.start;
    for (let i = start; i < sentence.range.end; i++) {
      if (s[i] === ';') {
        segments.push({ start, end: i + 1 });
        segmentSentence.push(sentence.index);
        start = i + 1;
      }
    }
    if (start < sentence.range.end) {
      segments.push({ start, end: sentence.range.end });
      segmentSentence.push(sentence.index);
    }
  }
  return { segments, segmentSentence };
}

function stripFillers(label: string): string {
  let out = label.trim();
  for (let changed = true; changed; ) {
    changed = false;
    for (const f of FILLERS) {
      if (out.startsWith(f)) {
        out = out.slice(f.length);
        changed = true;
      }
      if (out.endsWith(f) && out.length > f.length) {
        out = out.slice(0, -f.length);
        changed = true;
      }
    }
  }
  return out;
}

/** Builds the context of every figure. Linear in the text. */
export function buildContext(report: Report, lexicon: Lexicon): ReportContext {
  const s = report.normalized;
  // Book titles name trainings and laws, not what a figure counts: 《…行政复议…培训会议》3次.
  // Terms inside a title are dropped, and a gap that crosses a title is no head gap.
  const titles = titleSpans(s);
  const terms = titles.length === 0 ? findTerms(lexicon, s) : findTerms(lexicon, s).filter((m) => !overlapsTitle(titles, m.start, m.end));
  const { segments, segmentSentence } = buildSegments(report);
  const figures: FigureContext[] = [];
  let seg = 0;
  let prevEnd = -1;
  let prevSeg = -1;
  // Figures inside a table are its cells, judged by the table claims, not prose: walk the sorted
  // table spans alongside the figures.
  const tables = report.tables ?? [];
  let ti = 0;
  for (const q of report.quantities) {
    while (ti < tables.length && tables[ti]!.range.end <= q.range.start) ti++;
    if (ti < tables.length && tables[ti]!.range.start <= q.range.start) continue;
    while (seg < segments.length - 1 && segments[seg]!.end <= q.range.start) seg++;
    const segment = segments[seg] ?? { start: 0, end: s.length };
    const floor = Math.max(segment.start, prevSeg === seg ? prevEnd : segment.start);
    let a = q.range.start;
    while (a > floor && !LABEL_BREAKS.includes(s[a - 1]!)) a--;
    const rawLabel = s.slice(a, q.range.start);
    let b = q.range.end;
    // The words after a figure run over brackets (全县7个镇(街)), not over clause breaks.
    while (b < segment.end && b - q.range.end < 12 && !AFTER_BREAKS.includes(s[b]!)) b++;
    const after = s.slice(q.range.end, b);
    const label = stripFillers(rawLabel);
    // The thing counted: named right after the figure (24个镇街), in its label (受理信访件),
    // or earlier in its clause group (共上报网格事件22506宗,办结22506宗).
    const next = after.length > 0 ? metricStartingAt(terms, q.range.end, b, 6) : null;
    const inLabel = metricWithin(terms, a, q.range.start);
    // A term far from the figure in its label is not what it counts: in 确诊病例密切接触者36人
    // the head noun is 密切接触者. Then the figure counts something outside the lexicon.
    // A rate is of the thing named before its name: 网格事件上报率129.49%.
    const labelHit =
      inLabel && (q.unit === '%' || (!overlapsTitle(titles, inLabel.end, q.range.start) && isHeadGap(s.slice(inLabel.end, q.range.start)))) ? inLabel : null;
    const hit =
      next ??
      labelHit ??
      (inLabel ? null : metricWithin(terms, Math.max(segment.start, q.range.start - CLAUSE_LOOKBACK), q.range.start));
    figures.push({
      index: figures.length,
      quantity: q,
      segment: seg,
      label,
      rawLabel,
      labelStart: a,
      after,
      metric: hit ? hit.metric : null,
      term: hit ? hit.term : '',
      action: firstAction(lexicon, rawLabel),
      sense: senseOf(
        q,
        rawLabel,
        s.slice(Math.max(segment.start, a - 40), a),
        report.metadata.level,
        report.paragraphs[q.paragraph]?.section ?? null,
      ),
    });
    prevEnd = q.range.end;
    prevSeg = seg;
  }
  return { report, lexicon, figures, segments, segmentSentence };
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

/** Action words by first character, with a flag per character that starts one; built once per lexicon. */
const actionIndexes = new WeakMap<Lexicon, { starts: Uint8Array; byFirst: Map<number, string[]> }>();

/** The first action word of a label (the longer at a tie), in one pass over the label. */
function firstAction(lexicon: Lexicon, label: string): string {
  let index = actionIndexes.get(lexicon);
  if (!index) {
    index = { starts: new Uint8Array(0x10000), byFirst: new Map() };
    for (const a of lexicon.actions) {
      const c = a.charCodeAt(0);
      index.starts[c] = 1;
      index.byFirst.set(c, [...(index.byFirst.get(c) ?? []), a]);
    }
    actionIndexes.set(lexicon, index);
  }
  for (let i = 0; i < label.length; i++) {
    const c = label.charCodeAt(i);
    if (index.starts[c] === 0) continue;
    let best = '';
    for (const a of index.byFirst.get(c)!) if (a.length > best.length && label.startsWith(a, i)) best = a;
    if (best) return best;
  }
  return '';
}

/** A figure as evidence. */
export function figureRef(report: Report, q: Quantity, role: string): FigureRef {
  return {
    role,
    text: report.text.slice(q.range.start, q.range.end),
    value: q.value.toString(),
    interval: intervalStrings(figureInterval(q)),
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

/** The amount figures (not rates) of each clause group, in order; groups with none are left out. */
export function amountsBySegment(ctx: ReportContext): FigureContext[][] {
  const bySegment = new Map<number, FigureContext[]>();
  for (const f of ctx.figures) {
    if (!isAmount(f.quantity)) continue;
    const list = bySegment.get(f.segment) ?? [];
    list.push(f);
    bySegment.set(f.segment, list);
  }
  return [...bySegment.values()];
}
