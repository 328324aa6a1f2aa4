/**
 * Helpers over the facts of reports checked together (src/cross/facts.ts), shared by the
 * cross-document rules and exported for plugin rules: which facts compare, the largest and
 * smallest of them, a district's own count of its 镇街.
 */
import type { MetricFact } from './facts.js';
import type { CrossDoc } from './rule.js';

/** Levels below the district: a count of them is the town's or street's own. */
const LOCAL_TIERS = ['镇', '乡', '街'];

/** The fact with the largest lower bound, or undefined. */
export function largest(facts: MetricFact[]): MetricFact | undefined {
  return facts.reduce<MetricFact | undefined>((best, f) => (!best || f.interval.lo.gt(best.interval.lo) ? f : best), undefined);
}

/** The fact with the smallest lower bound, or undefined. */
export function smallest(facts: MetricFact[]): MetricFact | undefined {
  return facts.reduce<MetricFact | undefined>((best, f) => (!best || f.interval.lo.lt(best.interval.lo) ? f : best), undefined);
}

/** Whether two facts count the same thing the same way (a zero claim matches any action). */
export function comparable(a: MetricFact, b: MetricFact): boolean {
  if (a.metric !== b.metric) return false;
  if (a.action && b.action && a.action !== b.action) return false;
  // 市人大代表建议 and 区人大代表建议 are different things; 各级 or no level covers both. A town's
  // own 镇人大代表建议 (or a street's 街…) are never the district's.
  if (a.tier && b.tier && a.tier !== b.tier) return false;
  if ((LOCAL_TIERS.includes(a.tier) || LOCAL_TIERS.includes(b.tier)) && a.tier !== b.tier) return false;
  return a.zero || b.zero || a.unit === b.unit;
}

/**
 * The district's own count of its 镇街: a 全区/全县 figure, else the largest, so that
 * 推动8个镇街创建… is not taken for the total.
 */
export function townCount(doc: CrossDoc): MetricFact | null {
  const counts = doc.facts.filter((f) => f.metric === 'towns-and-streets' && !f.zero && f.scope !== 'part');
  const whole = counts.filter((f) => countsWholeDistrict(doc, f));
  const pool = whole.length > 0 ? whole : counts;
  return pool.reduce<MetricFact | null>((best, f) => (!best || f.interval.lo.gt(best.interval.lo) ? f : best), null);
}

/** 全区24个镇街, 全县共有18个: a count of the whole district, right before the figure. */
const WHOLE = /(全[区县]|辖区)(共有|共|有)?$/;

/** Whether a fact counts the whole district (全区24个镇街, 全县共有18个), by the words right before it. */
export function countsWholeDistrict(doc: CrossDoc, f: MetricFact): boolean {
  return WHOLE.test(doc.report.normalized.slice(Math.max(0, f.range.start - 4), f.range.start));
}

