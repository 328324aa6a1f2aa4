import type { Decimal } from 'decimal.js';
import { figureInterval, meets, showInterval, sumIntervals } from '../arithmetic/interval.js';
import { ClaimList, evidence } from './builder.js';
import { figureIndexAt, figureRef, figuresBefore, isAmount, written, type FigureContext, type ReportContext } from './context.js';
import type { ClaimOf } from './schema.js';
import { addPartition } from './partition.js';
import { hasWords, W } from './words.js';
import { addSubset } from './subset.js';
import { firstNotBefore } from '../text/bisect.js';

/** Labels that make a listed figure a stage of the total (已办结, 按时办结), not a category: done and outcome words, 按时, 在办. */
const STATUS_WORDS = W.done | W.outcome | W.stage;

/** A part after 其中 is no larger than its total: it holds if any candidate total is large enough. */
function addPartOfTotal(ctx: ReportContext, out: ClaimList, part: FigureContext, totals: FigureContext[]): void {
  if (totals.length === 0) return;
  const p = figureInterval(part.quantity);
  const whole = totals.find((t) => p.lo.lte(figureInterval(t.quantity).hi)) ?? totals[0]!;
  addSubset(ctx, out, whole, part);
}

/** Words that open a list of parts: 其中 (exhaustive), 分别, 包括 (partial). */
const TRIGGERS: ReadonlyArray<readonly [string, 'exhaustive' | 'partial']> = [
  ['其中包括', 'partial'],
  ['包括', 'partial'],
  ['其中', 'exhaustive'],
  ['分别', 'exhaustive'],
];

/**
 * Breakdowns: the figures after 其中/分别/包括 in a sentence against a total before it. Every
 * earlier figure of the same family in the sentence (and the one before) is a candidate total;
 * the claim holds when the parts' sum meets any of them. One part alone is a subset claim.
 */
export function extractBreakdowns(ctx: ReportContext, out: ClaimList): void {
  const { report } = ctx;
  const s = report.normalized;
  const triggers = triggerStarts(s);
  if (triggers.length === 0) return;
  for (const sentence of report.sentences) {
    const { start, end } = sentence.range;
    let from = start;
    // The triggers of the sentence, from the first starting in it.
    let k = firstNotBefore(triggers.length, (i) => triggers[i]! < start);
    while (from < end) {
      const found = findTrigger(s, triggers, k, from, end);
      if (!found) break;
      k = found.next;
      from = found.at + found.word.length;
      if (found.word === '分别' && !respectively(s, found.at, start)) continue;
      const inParens = found.at > start && s.charCodeAt(found.at - 1) === 0x28;
      const parts = collectParts(ctx, found.at + found.word.length, end, inParens);
      if (parts.length === 0) continue;
      const totals = candidateTotals(ctx, sentence.index, found.at, parts);
      // One part, or parts that are stages rather than categories (其中已办结42件,按时办结35件),
      // are each a subset of the total, not a breakdown of it.
      // 其中已办结6件、在办3件: done and pending split the total between them.
      const done = parts.filter((p) => hasWords(p.labelWords, W.done) && !hasWords(p.labelWords, W.pending | W.timing));
      const pending = parts.filter((p) => hasWords(p.labelWords, W.pending));
      if (totals.length > 0 && done.length === 1 && pending.length === 1 && parts.length === 2) {
        const sum = sumIntervals(parts.map((p) => figureInterval(p.quantity)));
        addPartition(ctx, out, totals.find((t) => meets(sum, figureInterval(t.quantity))) ?? totals[0]!, parts);
        continue;
      }
      if (parts.length === 1 || parts.some((p) => hasWords(p.labelWords, STATUS_WORDS))) {
        for (const p of parts) addPartOfTotal(ctx, out, p, totals);
        continue;
      }
      const mode = found.mode === 'partial' || parts.open ? 'partial' : 'exhaustive';
      judge(ctx, out, parts, totals, mode);
    }
  }
}

/**
 * Whether 分别 lists the parts of a total (共收到555件,分别为…), rather than pairing several
 * subjects with their own figures (2019年、2020年分别收到…; 分别较上年增加8家、64人).
 */
function respectively(s: string, at: number, sentenceStart: number): boolean {
  if (s[at + 2] !== '为' && s[at + 2] !== '是') return false;
  let a = at;
  while (a > sentenceStart && !',;:。'.includes(s[a - 1]!)) a--;
  return !s.slice(a, at).includes('、');
}

/**
 * Where every trigger's first two characters (其中, 包括, 分别) stand in the text, in order: found
 * once per report, so sentences without one cost nothing.
 */
function triggerStarts(s: string): number[] {
  const at: number[] = [];
  for (const head of ['其中', '包括', '分别']) for (let i = s.indexOf(head); i >= 0; i = s.indexOf(head, i + 2)) at.push(i);
  return at.sort((a, b) => a - b);
}

/**
 * The first trigger in `[from, end)` (the longer word at one place: 其中包括 before 其中), looked
 * up from `triggers[k]` on; `next` is where the following lookup starts.
 */
function findTrigger(
  s: string,
  triggers: readonly number[],
  k: number,
  from: number,
  end: number,
): { at: number; word: string; mode: 'exhaustive' | 'partial'; next: number } | null {
  for (let n = k; n < triggers.length && triggers[n]! < end; n++) {
    const i = triggers[n]!;
    if (i < from) continue;
    for (const [word, mode] of TRIGGERS) {
      if (s.startsWith(word, i) && i + word.length <= end) return { at: i, word, mode, next: n + 1 };
    }
  }
  return null;
}

type Parts = FigureContext[] & { open?: boolean; closingTotal?: FigureContext };

/** Labels that make a figure after the parts a total of them: 共计360件. */
const CLOSING_TOTAL = ['共计', '合计', '总计', '共'];
/** The same words after a comma (…,共计360件). */
const CLOSING_AFTER_COMMA = CLOSING_TOTAL.map((w) => `,${w}`);

/**
 * Figures after the trigger that are parts of one list. The list goes on across 、 and 和; across
 * a comma only while the next label reads like the others (咨询类…,表扬类0件: the same last
 * character). It ends at `;`, a rate, a new 其中/分别, a closing `)`, a figure in another unit
 * (the 12次 meetings after 71件 of cases) or a total (共计360件), which is kept as a candidate.
 */
function collectParts(ctx: ReportContext, from: number, end: number, inParens: boolean): Parts {
  const s = ctx.report.normalized;
  let stop = end;
  for (let i = from; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x3b || (inParens && c === 0x29)) {
      // ; or )
      stop = i;
      break;
    }
    if ((c === 0x5176 && s.startsWith('其中', i)) || (c === 0x5206 && s.startsWith('分别', i))) {
      stop = i;
      break;
    }
  }
  const parts: Parts = [];
  const lastChars = new Set<string>();
  for (let i = figureIndexAt(ctx, from); i < ctx.figures.length; i++) {
    const f = ctx.figures[i]!;
    const q = f.quantity;
    if (q.range.start >= stop) break;
    if (!isAmount(q) || f.label.includes('率')) break;
    if (closesList(f.rawLabel)) {
      parts.closingTotal = f;
      break;
    }
    if (parts.length > 0) {
      const first = parts.find((p) => p.quantity.unit !== null)?.quantity;
      // One unit for the whole list (a part written without a unit takes the others').
      if (first && q.unit !== null && q.unit !== first.unit) break;
      const prev = parts[parts.length - 1]!.quantity;
      // What joins this part to the previous one: the first mark after the previous figure.
      const joint = s.charCodeAt(prev.range.end);
      // 、 和 及, or a comma before a label ending like the others.
      if (joint !== 0x3001 && joint !== 0x548c && joint !== 0x53ca && !(joint === 0x2c && lastChars.has(f.label.slice(-1)))) break;
    }
    parts.push(f);
    if (f.label) lastChars.add(f.label.slice(-1));
  }
  // 等 after the last part marks an open list: 包括A 3件、B 2件等.
  const last = parts[parts.length - 1];
  if (last && s[last.quantity.range.end] === '等') parts.open = true;
  return parts;
}

/** Whether a label makes its figure a total of the parts before it: 共计360件, …,合计360件. */
function closesList(rawLabel: string): boolean {
  for (let k = 0; k < CLOSING_TOTAL.length; k++) if (rawLabel.startsWith(CLOSING_TOTAL[k]!) || rawLabel.includes(CLOSING_AFTER_COMMA[k]!)) return true;
  return false;
}

/**
 * Candidate totals: a closing 共计 after the parts first, then earlier figures in the sentence and
 * the one before, nearest first; those in the parts' own unit before any of the same family.
 */
function candidateTotals(ctx: ReportContext, sentenceIndex: number, triggerAt: number, parts: Parts): FigureContext[] {
  const family = parts.find((p) => p.quantity.unitFamily !== 'none')?.quantity.unitFamily ?? 'count';
  const unit = parts.find((p) => p.quantity.unit !== null)?.quantity.unit ?? null;
  const before = figuresBefore(ctx, triggerAt, sentenceIndex, 16).filter((f) => isAmount(f.quantity) && f.quantity.unitFamily === family);
  const sameUnit = before.filter((f) => unit === null || f.quantity.unit === unit || f.quantity.unit === null);
  const ordered = sameUnit.length > 0 ? sameUnit : before;
  return parts.closingTotal ? [parts.closingTotal, ...ordered] : ordered;
}

function judge(
  ctx: ReportContext,
  out: ClaimList,
  parts: FigureContext[],
  totals: FigureContext[],
  mode: 'exhaustive' | 'partial',
): void {
  const { report } = ctx;
  out.markParts(parts);
  const sum = sumIntervals(parts.map((p) => figureInterval(p.quantity)));
  const partRefs = parts.map((p) => figureRef(report, p.quantity, 'part'));
  const expression = parts.map((p) => p.quantity.value.toString()).join('+');
  const first = parts[0]!.quantity;
  const last = parts[parts.length - 1]!.quantity;
  const partsRange = { start: first.range.start, end: last.range.end };
  if (totals.length === 0) {
    out.add<ClaimOf<'breakdown'>>({
      kind: 'breakdown',
      range: partsRange,
      figures: partRefs,
      verdict: 'unverifiable',
      evidence: evidence(partRefs, { expression: `${expression} = ${showInterval(sum)}`, note: 'no total of the same kind before the list' }),
      reason: 'no total found',
      mode,
      failure: null,
      closed: false,
      conflict: null,
    });
    return;
  }
  const fits = totals.find((t) => {
    const ti = figureInterval(t.quantity);
    return mode === 'exhaustive' ? meets(sum, ti) : sum.lo.lte(ti.hi);
  });
  // With no fit, judge against the candidate nearest the sum: the likeliest intended total.
  const total = fits ?? nearest(totals, sum.lo.plus(sum.hi).div(2));
  const ti = figureInterval(total.quantity);
  const refs = [figureRef(report, total.quantity, 'total'), ...partRefs];
  const shown = showInterval(sum);
  const tried = totals.length > 1 ? `candidate totals tried: ${totals.map((t) => written(report, t.quantity)).join(', ')}` : undefined;
  if (fits) {
    out.add<ClaimOf<'breakdown'>>({
      kind: 'breakdown',
      range: total.quantity.range,
      figures: refs,
      verdict: 'holds',
      evidence: evidence(refs, {
        expression: `${expression} = ${shown}`,
        computed: shown,
        expected: `${mode === 'exhaustive' ? '=' : '≤'} ${written(report, total.quantity)}`,
        ...(tried ? { note: tried } : {}),
      }),
      reason: mode === 'exhaustive' ? 'the parts add up to the total' : 'the listed parts do not exceed the total',
      mode,
      failure: null,
      closed: false,
      conflict: null,
    });
    return;
  }
  const failure = sum.lo.gt(ti.hi) ? 'exceeds' : 'short';
  out.add<ClaimOf<'breakdown'>>({
    kind: 'breakdown',
    range: total.quantity.range,
    figures: refs,
    verdict: 'fails',
    evidence: evidence(refs, {
      expression: `${expression} = ${shown}`,
      computed: shown,
      expected: showInterval(ti),
      ...(tried ? { note: tried } : {}),
    }),
    reason: failure === 'exceeds' ? 'the parts add up to more than the total' : 'the parts add up to less than the total',
    mode,
    failure,
    closed: false,
      conflict: null,
  });
}

/** The total whose value is nearest `mid` (the first at a tie). */
function nearest(totals: readonly FigureContext[], mid: Decimal): FigureContext {
  return totals.reduce((best, t) => (t.quantity.value.minus(mid).abs().lt(best.quantity.value.minus(mid).abs()) ? t : best));
}
