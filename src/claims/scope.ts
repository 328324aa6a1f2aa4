/**
 * Whose figure and which year: a report quotes wider bodies' counts (全区共收到…555件 in a
 * street's report) and other years' (2019年,我街收到…7件). Such figures restate and contradict
 * nothing of the report's own.
 */
import type { FigureContext, ReportContext } from './context.js';

import { W, WORDS } from './words.js';

/** Words that make a figure a wider body's: 全区共收到…555件. */
export const WIDER_WORDS = WORDS.bodies.wider;

/** Whether a figure counts a wider body than the report's own: 全区… in a street's report, 全市… in a district's. */
export function quotesWiderBody(ctx: ReportContext, f: FigureContext): boolean {
  const level = ctx.report.metadata.level;
  const words = level === 'street' || level === 'town' ? W.wider : level === 'district' || level === 'county' ? W.widerThanDistrict : 0;
  return (f.rawWords & words) !== 0;
}

/**
 * Where each clause group's first figure starts (infinity for none), by group index, per report
 * context (built once). An array: filling a map of every group took more than linear time.
 */
function firstFigureStart(ctx: ReportContext, segment: number): number {
  let starts = ctx.memo.firstFigureStarts;
  if (!starts) {
    let size = ctx.segments.length;
    for (const g of ctx.figures) size = Math.max(size, g.segment + 1);
    starts = new Float64Array(size).fill(Number.POSITIVE_INFINITY);
    for (const g of ctx.figures) {
      if (g.quantity.range.start < starts[g.segment]!) starts[g.segment] = g.quantity.range.start;
    }
    ctx.memo.firstFigureStarts = starts;
  }
  return segment >= 0 && segment < starts.length ? starts[segment]! : Number.POSITIVE_INFINITY;
}

/**
 * Whether a figure's clause group opens with a year other than the report's (2019年,我街收到…7件).
 * A year written after an earlier figure of the group (1件2019年度二审案件…、2件…) describes
 * that item, not the figures after it.
 */
export function aboutOtherYear(ctx: ReportContext, f: FigureContext): boolean {
  const year = ctx.report.metadata.reportingYear?.year;
  if (year === undefined) return false;
  const end = otherYearEnds(ctx, year).get(f.segment);
  return end !== undefined && end <= Math.min(f.quantity.range.start, firstFigureStart(ctx, f.segment));
}

/** For each clause group, where its earliest-ending date of another year ends; built once per context. */
function otherYearEnds(ctx: ReportContext, year: number): Map<number, number> {
  let map = ctx.memo.otherYearEnds;
  if (map) return map;
  map = new Map();
  const segments = ctx.segments;
  for (const d of ctx.report.dates) {
    if (d.year === null || d.year === year) continue;
    // The clause group that holds the date's start (binary search: groups are in order).
    let lo = 0;
    let hi = segments.length - 1;
    let seg = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const g = segments[mid]!;
      if (d.range.start < g.start) hi = mid - 1;
      else if (d.range.start >= g.end) lo = mid + 1;
      else {
        seg = mid;
        break;
      }
    }
    if (seg < 0) continue;
    const prev = map.get(seg);
    if (prev === undefined || d.range.end < prev) map.set(seg, d.range.end);
  }
  ctx.memo.otherYearEnds = map;
  return map;
}
