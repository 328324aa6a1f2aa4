import { figureInterval, meets, showInterval, sumIntervals } from '../arithmetic/interval.js';
import { ClaimList, evidence } from './builder.js';
import { amountsBySegment, figureRef, sameUnit, type FigureContext, type ReportContext } from './context.js';
import type { JudgedRate } from './rate.js';
import type { ClaimOf } from './schema.js';
import { hasWords, W } from './words.js';

/** How many neighbouring figures a status count is compared with. */
const WINDOW = 24;

/** A new total (受理, 接待, 共 …) between two status counts separates their groups. */
function startsGroup(f: FigureContext): boolean {
  return hasWords(f.rawWords, W.intake | W.gong);
}

/**
 * The pending count in the same group as `figures[d]`: the nearest pending count after it (or,
 * failing that, before it) with no new total in between.
 */
function pendingOf(figures: FigureContext[], d: number): FigureContext | undefined {
  const done = figures[d]!;
  for (let i = d + 1; i < Math.min(figures.length, d + WINDOW); i++) {
    const f = figures[i]!;
    if (!sameUnit(f.quantity, done.quantity)) continue;
    if (hasWords(f.labelWords, W.pending)) return f;
    if (startsGroup(f)) break;
  }
  for (let i = d - 1; i >= Math.max(0, d - WINDOW); i--) {
    const f = figures[i]!;
    if (!sameUnit(f.quantity, done.quantity)) continue;
    if (hasWords(f.labelWords, W.pending)) return f;
    if (startsGroup(f)) break;
  }
  return undefined;
}

/**
 * Status partitions inside one clause group: a total, a done count and a pending count in the
 * same unit (本级接待来访群众共120批 … 已结案116批,在办案件4批): done + pending = total.
 */
export function extractPartitions(ctx: ReportContext, out: ClaimList, used: Set<number>, groups: readonly FigureContext[][] = amountsBySegment(ctx)): void {
  for (const figures of groups) {
    for (let d = 0; d < figures.length; d++) {
      const done = figures[d]!;
      if (!hasWords(done.labelWords, W.done) || hasWords(done.labelWords, W.pending)) continue;
      // 其中按期办结110件 is part of the done count, not the done count itself.
      if (hasWords(done.rawWords, W.subCount)) continue;
      const pending = pendingOf(figures, d);
      if (!pending) continue;
      const firstAt = Math.min(done.quantity.range.start, pending.quantity.range.start);
      let total: FigureContext | undefined;
      // Look at near neighbours only, so a clause group of thousands of figures stays linear.
      for (let t = Math.min(figures.length, d + WINDOW) - 1; t >= Math.max(0, d - WINDOW); t--) {
        const f = figures[t]!;
        if (f.quantity.range.end > firstAt || f === done || f === pending) continue;
        if (!sameUnit(f.quantity, done.quantity) || hasWords(f.labelWords, W.done | W.pending)) continue;
        // The total is an intake or a 共…: 其中转办35件 is a part, not the total.
        if (!startsGroup(f) || hasWords(f.rawWords, W.subCount)) continue;
        total = f;
        break;
      }
      if (!total) continue;
      addPartition(ctx, out, total, [done, pending]);
      used.add(done.quantity.index);
      used.add(pending.quantity.index);
      used.add(total.quantity.index);
    }
  }
}

/**
 * Adds the claim that `parts` (done and pending counts) add up to `total`; false when it was made
 * before. The claim sits on the total, or on the parts when `onParts` (a total stated sentences
 * earlier, whose parts are what the reader meets the error at).
 */
export function addPartition(ctx: ReportContext, out: ClaimList, total: FigureContext, parts: readonly FigureContext[], onParts = false): boolean {
  if (!out.claim(`partition:${total.quantity.index}:${parts.map((p) => p.quantity.index).join(',')}`)) return false;
  const { report } = ctx;
  const sum = sumIntervals(parts.map((p) => figureInterval(p.quantity)));
  const ti = figureInterval(total.quantity);
  const refs = [
    figureRef(report, total.quantity, 'total'),
    ...parts.map((p) => figureRef(report, p.quantity, hasWords(p.labelWords, W.pending) ? 'pending' : 'done')),
  ];
  const holds = meets(sum, ti);
  out.markParts(parts);
  out.add<ClaimOf<'partition'>>({
    kind: 'partition',
    range: onParts ? { start: parts[0]!.quantity.range.start, end: parts[parts.length - 1]!.quantity.range.end } : total.quantity.range,
    figures: refs,
    verdict: holds ? 'holds' : 'fails',
    evidence: evidence(refs, {
      expression: `${parts.map((p) => p.quantity.value.toString()).join('+')} = ${showInterval(sum)}`,
      computed: showInterval(sum),
      expected: showInterval(ti),
    }),
    reason: holds ? 'done and pending add up to the total' : 'done and pending do not add up to the total',
  });
  return true;
}

/**
 * A completion rate's base is the items either done or still open: 累计办结3884件,协调办理中59件,
 * 总体办结率98.53% over 有效诉求3942件 means 3884 + 59 must make 3942. For each rate whose
 * numerator is a done count, the pending count right after that numerator (in its clause group)
 * and the rate's base form a partition.
 */
export function extractRatePartitions(ctx: ReportContext, out: ClaimList, rates: readonly JudgedRate[]): void {
  for (const r of rates) {
    const { num, den } = r;
    if (!num || !den || !hasWords(num.labelWords, W.done) || den.quantity.range.end > num.quantity.range.start) continue;
    for (let k = num.index + 1; k < ctx.figures.length && k <= num.index + 2; k++) {
      const p = ctx.figures[k]!;
      if (p.segment !== num.segment) break;
      if (hasWords(p.labelWords, W.pending) && sameUnit(p.quantity, num.quantity)) {
        addPartition(ctx, out, den, [num, p], true);
        break;
      }
    }
  }
}
