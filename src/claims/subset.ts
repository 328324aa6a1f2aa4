import { figureInterval, showInterval } from '../arithmetic/interval.js';
import { ClaimList, evidence } from './builder.js';
import { amountsBySegment, figureRef, sameUnit, type FigureContext, type ReportContext } from './context.js';
import type { ClaimOf } from './schema.js';
import { hasWords, W } from './words.js';

/** How many figures after an intake count are compared with it. */
const WINDOW = 24;

/**
 * Subsets inside one clause group: an outcome count (办结, 归档, 入学 …) cannot exceed the intake
 * count before it (受理, 接收, 申请 …) in the same unit. A breakdown with one part is a subset too.
 */
export function extractSubsets(ctx: ReportContext, out: ClaimList, partitionUsed: Set<number>, groups: readonly FigureContext[][] = amountsBySegment(ctx)): void {
  for (const figures of groups) {
    for (let w = 0; w < figures.length; w++) {
      const whole = figures[w]!;
      if (!hasWords(whole.labelWords, W.intake) || hasWords(whole.labelWords, W.outcome)) continue;
      for (let p = w + 1; p < Math.min(figures.length, w + 1 + WINDOW); p++) {
        const part = figures[p]!;
        if (hasWords(part.labelWords, W.intake)) break; // a new intake starts another group
        if (!hasWords(part.labelWords, W.outcome) || !sameUnit(part.quantity, whole.quantity)) continue;
        if (partitionUsed.has(part.quantity.index) && partitionUsed.has(whole.quantity.index)) continue;
        addSubset(ctx, out, whole, part);
      }
    }
  }
}

/** Adds the claim that `part` is no larger than `whole`. */
export function addSubset(ctx: ReportContext, out: ClaimList, whole: FigureContext, part: FigureContext): void {
  if (!out.claim(`subset:${whole.quantity.index}:${part.quantity.index}`)) return;
  const { report } = ctx;
  const wi = figureInterval(whole.quantity);
  const pi = figureInterval(part.quantity);
  const holds = pi.lo.lte(wi.hi);
  const refs = [figureRef(report, whole.quantity, 'whole'), figureRef(report, part.quantity, 'part')];
  out.add<ClaimOf<'subset'>>({
    kind: 'subset',
    range: part.quantity.range,
    figures: refs,
    verdict: holds ? 'holds' : 'fails',
    evidence: evidence(refs, {
      expression: `${part.quantity.value} ≤ ${whole.quantity.value}`,
      computed: showInterval(pi),
      expected: `≤ ${showInterval(wi)}`,
    }),
    reason: holds ? 'the part does not exceed its whole' : 'the part is larger than its whole',
  });
}
