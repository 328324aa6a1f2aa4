import { figureInterval, meets, showInterval, sumIntervals } from '../arithmetic/interval.js';
import { ClaimList, evidence } from './builder.js';
import { figureIndexAt, figureRef, figuresBefore, isAmount, written, type FigureContext, type ReportContext } from './context.js';
import type { ClaimOf } from './schema.js';
import { DONE_WORDS, hasAny, OUTCOME_WORDS } from './status-words.js';
import { addSubset } from './subset.js';

/** Labels that make a listed figure a stage of the total (已办结, 按时办结), not a category. */
const STATUS_WORDS = [...DONE_WORDS, ...OUTCOME_WORDS, '按时', '在办'];

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
  for (const sentence of report.sentences) {
    const { start, end } = sentence.range;
    let from = start;
    while (from < end) {
      const found = findTrigger(s, from, end);
      if (!found) break;
      from = found.at + found.word.length;
      const inParens = found.at > start && s[found.at - 1] === '(';
      const parts = collectParts(ctx, found.at + found.word.length, end, inParens);
      if (parts.length === 0) continue;
      const totals = candidateTotals(ctx, sentence.index, found.at, parts);
      // One part, or parts that are stages rather than categories (其中已办结42件,按时办结35件),
      // are each a subset of the total, not a breakdown of it.
      if (parts.length === 1 || parts.some((p) => hasAny(p.label, STATUS_WORDS))) {
        for (const p of parts) addPartOfTotal(ctx, out, p, totals);
        continue;
      }
      const mode = found.mode === 'partial' || parts.open ? 'partial' : 'exhaustive';
      judge(ctx, out, parts, totals, mode);
    }
  }
}

function findTrigger(s: string, from: number, end: number): { at: number; word: string; mode: 'exhaustive' | 'partial' } | null {
  for (let i = from; i < end; i++) {
    const c = s[i];
    if (c !== '其' && c !== '包' && c !== '分') continue;
    for (const [word, mode] of TRIGGERS) {
      if (s.startsWith(word, i) && i + word.length <= end) return { at: i, word, mode };
    }
  }
  return null;
}

type Parts = FigureContext[] & { open?: boolean };

/** Figures after the trigger: same family, up to a rate, a new trigger, `;`, or the closing `)`. */
function collectParts(ctx: ReportContext, from: number, end: number, inParens: boolean): Parts {
  const s = ctx.report.normalized;
  let stop = end;
  for (let i = from; i < end; i++) {
    const c = s[i];
    if (c === ';' || (inParens && c === ')')) {
      stop = i;
      break;
    }
    if ((c === '其' && s.startsWith('其中', i)) || (c === '分' && s.startsWith('分别', i))) {
      stop = i;
      break;
    }
  }
  const parts: Parts = [];
  for (let i = figureIndexAt(ctx, from); i < ctx.figures.length; i++) {
    const f = ctx.figures[i]!;
    const q = f.quantity;
    if (q.range.start >= stop) break;
    if (!isAmount(q) || f.label.includes('率')) break;
    if (parts.length > 0) {
      const first = parts[0]!.quantity;
      const family = first.unitFamily === 'none' ? q.unitFamily : first.unitFamily;
      if (q.unitFamily !== family && q.unitFamily !== 'none') break;
    }
    parts.push(f);
  }
  // 等 after the last part marks an open list: 包括A 3件、B 2件等.
  const last = parts[parts.length - 1];
  if (last && s[last.quantity.range.end] === '等') parts.open = true;
  return parts;
}

/** Earlier figures of the parts' family in the sentence, nearest first, then the sentence before. */
function candidateTotals(ctx: ReportContext, sentenceIndex: number, triggerAt: number, parts: FigureContext[]): FigureContext[] {
  const family = parts.find((p) => p.quantity.unitFamily !== 'none')?.quantity.unitFamily ?? 'count';
  return figuresBefore(ctx, triggerAt, sentenceIndex, 16).filter((f) => isAmount(f.quantity) && f.quantity.unitFamily === family);
}

function judge(
  ctx: ReportContext,
  out: ClaimList,
  parts: FigureContext[],
  totals: FigureContext[],
  mode: 'exhaustive' | 'partial',
): void {
  const { report } = ctx;
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
    });
    return;
  }
  const fits = totals.find((t) => {
    const ti = figureInterval(t.quantity);
    return mode === 'exhaustive' ? meets(sum, ti) : sum.lo.lte(ti.hi);
  });
  // With no fit, judge against the candidate nearest the sum: the likeliest intended total.
  const mid = sum.lo.plus(sum.hi).div(2);
  const total = fits ?? totals.reduce((best, t) => (t.quantity.value.minus(mid).abs().lt(best.quantity.value.minus(mid).abs()) ? t : best));
  const ti = figureInterval(total.quantity);
  const refs = [figureRef(report, total.quantity, 'total'), ...partRefs];
  const tried = totals.length > 1 ? `candidate totals tried: ${totals.map((t) => written(report, t.quantity)).join(', ')}` : undefined;
  if (fits) {
    out.add<ClaimOf<'breakdown'>>({
      kind: 'breakdown',
      range: total.quantity.range,
      figures: refs,
      verdict: 'holds',
      evidence: evidence(refs, {
        expression: `${expression} = ${showInterval(sum)}`,
        computed: showInterval(sum),
        expected: `${mode === 'exhaustive' ? '=' : '≤'} ${written(report, total.quantity)}`,
        ...(tried ? { note: tried } : {}),
      }),
      reason: mode === 'exhaustive' ? 'the parts add up to the total' : 'the listed parts do not exceed the total',
      mode,
      failure: null,
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
      expression: `${expression} = ${showInterval(sum)}`,
      computed: showInterval(sum),
      expected: showInterval(ti),
      ...(tried ? { note: tried } : {}),
    }),
    reason: failure === 'exceeds' ? 'the parts add up to more than the total' : 'the parts add up to less than the total',
    mode,
    failure,
  });
}
