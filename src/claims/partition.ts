import { figureInterval, meets, showInterval, sumIntervals } from '../arithmetic/interval.js';
import { ClaimList, evidence } from './builder.js';
import { amountsBySegment, figureRef, sameUnit, type FigureContext, type ReportContext } from './context.js';
import type { ClaimOf } from './schema.js';
import { DONE_WORDS, hasAny, INTAKE_WORDS, PENDING_WORDS } from './status-words.js';

/** How many neighbouring figures a status count is compared with. */
const WINDOW = 24;

/** Labels of a count that is part of another: 其中…, 按期…, 按时…. */
const SUB_COUNT_WORDS = ['其中', '按期', '按时', '逾期'];

/** A new total (受理, 接待, 共 …) between two status counts separates their groups. */
function startsGroup(f: FigureContext): boolean {
  return hasAny(f.rawLabel, INTAKE_WORDS) || f.rawLabel.includes('共');
}

/**
 * The pending count in the same group as `figures[d]`: the nearest pending count after it (or,
 * failing that, before it) with no new total in between.
 */
function pendingOf(figures: FigureContext[], d: number): FigureContext | undefined {
  const done = figures[d]!;
  const matches = (f: FigureContext): boolean => hasAny(f.label, PENDING_WORDS) && sameUnit(f.quantity, done.quantity);
  for (let i = d + 1; i < Math.min(figures.length, d + WINDOW); i++) {
    const f = figures[i]!;
    if (matches(f)) return f;
    if (sameUnit(f.quantity, done.quantity) && startsGroup(f)) break;
  }
  for (let i = d - 1; i >= Math.max(0, d - WINDOW); i--) {
    const f = figures[i]!;
    if (matches(f)) return f;
    if (sameUnit(f.quantity, done.quantity) && startsGroup(f)) break;
  }
  return undefined;
}

/**
 * Status partitions inside one clause group: a total, a done count and a pending count in the
 * same unit (本级接待来访群众共120批 … 已结案116批,在办案件4批): done + pending = total.
 */
export function extractPartitions(ctx: ReportContext, out: ClaimList, used: Set<number>): void {
  const { report } = ctx;
  for (const figures of amountsBySegment(ctx)) {
    for (let d = 0; d < figures.length; d++) {
      const done = figures[d]!;
      if (!hasAny(done.label, DONE_WORDS) || hasAny(done.label, PENDING_WORDS)) continue;
      // 其中按期办结110件 is part of the done count, not the done count itself.
      if (hasAny(done.rawLabel, SUB_COUNT_WORDS)) continue;
      // Look at near neighbours only, so a clause group of thousands of figures stays linear.
      const near = figures.slice(Math.max(0, d - WINDOW), d + WINDOW);
      const pending = pendingOf(figures, d);
      if (!pending) continue;
      const firstAt = Math.min(done.quantity.range.start, pending.quantity.range.start);
      let total: FigureContext | undefined;
      for (let t = near.length - 1; t >= 0; t--) {
        const f = near[t]!;
        if (f.quantity.range.end > firstAt || f === done || f === pending) continue;
        if (!sameUnit(f.quantity, done.quantity) || hasAny(f.label, DONE_WORDS) || hasAny(f.label, PENDING_WORDS)) continue;
        // The total is an intake or a 共…: 其中转办35件 is a part, not the total.
        if (!startsGroup(f) || hasAny(f.rawLabel, SUB_COUNT_WORDS)) continue;
        total = f;
        break;
      }
      if (!total) continue;
      const sum = sumIntervals([figureInterval(done.quantity), figureInterval(pending.quantity)]);
      const ti = figureInterval(total.quantity);
      const refs = [
        figureRef(report, total.quantity, 'total'),
        figureRef(report, done.quantity, 'done'),
        figureRef(report, pending.quantity, 'pending'),
      ];
      const holds = meets(sum, ti);
      out.add<ClaimOf<'partition'>>({
        kind: 'partition',
        range: total.quantity.range,
        figures: refs,
        verdict: holds ? 'holds' : 'fails',
        evidence: evidence(refs, {
          expression: `${done.quantity.value}+${pending.quantity.value} = ${showInterval(sum)}`,
          computed: showInterval(sum),
          expected: showInterval(ti),
        }),
        reason: holds ? 'done and pending add up to the total' : 'done and pending do not add up to the total',
      });
      used.add(done.quantity.index);
      used.add(pending.quantity.index);
      used.add(total.quantity.index);
    }
  }
}
