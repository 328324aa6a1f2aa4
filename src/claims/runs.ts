/**
 * Runs of parallel figures with no word that opens a list: 政务服务事项515项,行政许可事项218项,
 * 公共服务等其他事项297项, or 受理…共120件,涉及A问题54件,涉及B问题48件. Such a run
 * belongs to the nearest total before it in its sentence, in the same unit: its parts may not pass the total, and
 * when the run names its 其他 category it must make the total exactly. A run that passes its total
 * without an 其他 category is not judged: parallel figures need not be parts of anything.
 */
import { figureInterval, meets, showInterval, sumIntervals } from '../arithmetic/interval.js';
import { ClaimList, evidence } from './builder.js';
import { figureRef, isAmount, sameUnit, type FigureContext, type ReportContext } from './context.js';
import { isTotalBase } from './rate-bases.js';
import type { ClaimOf } from './schema.js';
import { hasWords, W } from './words.js';

/** Marks that join two parts of a run. */
const JOINTS = ',、;';
/** The fewest parts a run needs (two figures side by side are often a pair, not a list). */
const MIN_PARTS = 2;
/** How far back (in figures) the total of a run is searched, so a long text stays linear. */
const TOTAL_REACH = 12;

/** Run breakdowns: parallel figures after a total, in its sentence. */
export function extractRuns(ctx: ReportContext, out: ClaimList): void {
  const s = ctx.report.normalized;
  const figs = ctx.figures;
  for (let i = 0; i < figs.length; ) {
    const run = [figs[i]!];
    let j = i + 1;
    for (; j < figs.length; j++) {
      const prev = run[run.length - 1]!;
      const f = figs[j]!;
      if (!joined(s, prev, f) || !parallel(prev, f)) break;
      run.push(f);
    }
    i = Math.max(j, i + 1);
    if (run.length < MIN_PARTS || !run.every((f) => isAmount(f.quantity) && f.sense.kind === 'amount')) continue;
    if (run.some((f) => out.has(`part:${f.quantity.index}`))) continue;
    judgeRun(ctx, out, run);
  }
}

/** Whether `b` follows `a` as the next part of one list: same paragraph and unit, one joint mark between. */
function joined(s: string, a: FigureContext, b: FigureContext): boolean {
  if (a.quantity.paragraph !== b.quantity.paragraph || !sameUnit(a.quantity, b.quantity)) return false;
  if (a.quantity.unit !== b.quantity.unit) return false;
  // The first mark after `a` joins it to `b`'s label; a full stop ends the run.
  return b.labelStart === a.quantity.range.end + 1 && JOINTS.includes(s.charAt(a.quantity.range.end));
}

/** Labels that read alike: the same first two or last two characters (涉及…, …事项). */
function parallel(a: FigureContext, b: FigureContext): boolean {
  const x = a.label;
  const y = b.label;
  if (x.length < 2 || y.length < 2) return false;
  return (
    (x.charCodeAt(0) === y.charCodeAt(0) && x.charCodeAt(1) === y.charCodeAt(1)) ||
    (x.charCodeAt(x.length - 1) === y.charCodeAt(y.length - 1) && x.charCodeAt(x.length - 2) === y.charCodeAt(y.length - 2))
  );
}

function judgeRun(ctx: ReportContext, out: ClaimList, parts: FigureContext[]): void {
  const { report } = ctx;
  let run = parts;
  const first = run[0]!;
  let sum = sumIntervals(run.map((p) => figureInterval(p.quantity)));
  let total: FigureContext | null = null;
  for (let k = first.index - 1; k >= 0 && k >= first.index - TOTAL_REACH; k--) {
    const t = ctx.figures[k]!;
    // Only a total in the run's own sentence: parallel figures a sentence later may count anything.
    if (t.quantity.sentence !== first.quantity.sentence) break;
    if (!isAmount(t.quantity) || t.quantity.unit !== first.quantity.unit || !isTotalBase(t)) continue;
    total = t;
    break;
  }
  // No total before the run: its first figure may be the total of the rest (事项515项,行政许可事项
  // 218项,…其他事项297项), when the rest names 其他 or makes it exactly.
  if (!total && run.length > MIN_PARTS) {
    const rest = run.slice(1);
    const restSum = sumIntervals(rest.map((p) => figureInterval(p.quantity)));
    if (rest.some((p) => hasWords(p.labelWords, W.others)) || meets(restSum, figureInterval(first.quantity))) {
      total = first;
      run = rest;
      sum = restSum;
    }
  }
  if (!total) return;
  const ti = figureInterval(total.quantity);
  const closed = run.some((p) => hasWords(p.labelWords, W.others));
  const verdict = closed ? (meets(sum, ti) ? 'holds' : 'fails') : sum.lo.lte(ti.hi) ? 'holds' : 'unverifiable';
  out.markParts(run);
  const refs = [figureRef(report, total.quantity, 'total'), ...run.map((p) => figureRef(report, p.quantity, 'part'))];
  out.add<ClaimOf<'breakdown'>>({
    kind: 'breakdown',
    range: total.quantity.range,
    figures: refs,
    verdict,
    evidence: evidence(refs, {
      expression: `${run.map((p) => p.quantity.value.toString()).join('+')} = ${showInterval(sum)}`,
      computed: showInterval(sum),
      expected: `${closed ? '=' : '≤'} ${showInterval(ti)}`,
      note: `a run of ${run.length} parallel figures after the total${closed ? ', naming its 其他 category' : ''}`,
    }),
    reason:
      verdict === 'holds'
        ? 'the parallel figures fit within their total'
        : verdict === 'fails'
          ? 'a complete list does not make its total'
          : 'the parallel figures pass the total before them, so they may not be its parts',
    mode: closed ? 'exhaustive' : 'partial',
    failure: verdict === 'fails' ? (sum.lo.gt(ti.hi) ? 'exceeds' : 'short') : null,
    closed,
    conflict: null,
  });
}
