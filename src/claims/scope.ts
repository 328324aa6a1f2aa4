/**
 * Whose figure and which year: a report quotes wider bodies' counts (全区共收到…555件 in a
 * street's report) and other years' (2019年,我街收到…7件). Such figures restate and contradict
 * nothing of the report's own.
 */
import type { FigureContext, ReportContext } from './context.js';

/** Words that make a figure a wider body's: 全区共收到…555件. */
export const WIDER_WORDS = ['全区', '全县', '全市', '全省', '全国'];

/** Words wider than a district's own area. */
const WIDER_THAN_DISTRICT = ['全市', '全省', '全国'];

/** Whether a figure counts a wider body than the report's own: 全区… in a street's report, 全市… in a district's. */
export function quotesWiderBody(ctx: ReportContext, f: FigureContext): boolean {
  const level = ctx.report.metadata.level;
  const words = level === 'street' || level === 'town' ? WIDER_WORDS : level === 'district' || level === 'county' ? WIDER_THAN_DISTRICT : [];
  return words.some((w) => f.rawLabel.includes(w));
}

/** Where each clause group's first figure starts, per report context (built once). */
const firstFigureCache = new WeakMap<ReportContext, Map<number, number>>();

function firstFigureStart(ctx: ReportContext, segment: number): number {
  let map = firstFigureCache.get(ctx);
  if (!map) {
    map = new Map();
    for (const g of ctx.figures) {
      const at = map.get(g.segment);
      if (at === undefined || g.quantity.range.start < at) map.set(g.segment, g.quantity.range.start);
    }
    firstFigureCache.set(ctx, map);
  }
  return map.get(segment) ?? Number.POSITIVE_INFINITY;
}

/**
 * Whether a figure's clause group opens with a year other than the report's (2019年,我街收到…7件).
 * A year written after an earlier figure of the group (1件2019年度二审案件…、2件…) describes
 * that item, not the figures after it.
 */
export function aboutOtherYear(ctx: ReportContext, f: FigureContext): boolean {
  const { report } = ctx;
  const year = report.metadata.reportingYear?.year;
  if (year === undefined) return false;
  const seg = ctx.segments[f.segment]!;
  const first = firstFigureStart(ctx, f.segment);
  const q = f.quantity;
  return report.dates.some((d) => d.year !== null && d.year !== year && d.range.start >= seg.start && d.range.end <= q.range.start && d.range.end <= first);
}
