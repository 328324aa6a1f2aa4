import { Decimal } from 'decimal.js';
import type { Interval, Quantity } from '../model/quantity.js';
import { LazyQuantity } from '../parse/numbers/lazy-quantity.js';

const ZERO = new Decimal(0);
const ONE = new Decimal(1);
const HUNDRED = new Decimal(100);

/** The interval `[lo, hi]` with both ends as decimals. */
export function interval(lo: Decimal.Value, hi: Decimal.Value): Interval {
  return { lo: new Decimal(lo), hi: new Decimal(hi) };
}

/**
 * The values a figure can take. Counts are whole numbers, so a count's interval shrinks to the
 * integers inside it: `1904件` is exactly 1904, `2万宗` is 15000…25000. This is what keeps a rate
 * computed from counts (35/42) from being judged against a ±0.5 blur.
 */
export function figureInterval(q: Quantity): Interval {
  if (q.unitFamily !== 'count') return q.interval;
  // A scanned figure keeps its hull (claims ask for one figure's many times); it is made once the
  // report is read, when the figure's range (`to`) is set.
  return q instanceof LazyQuantity ? q.hull(countHull) : countHull(q);
}

function countHull(q: Quantity): Interval {
  // An exact whole count (step 1, no qualifier, not a range) is its own hull: nothing to undo.
  if (q.to === null && q.qualifierKind === 'exact' && q.step.eq(ONE) && q.value.isInteger()) return { lo: q.value, hi: q.value };
  let cached = hulls.get(q);
  if (!cached) {
    const lo = q.interval.lo.isFinite() ? q.interval.lo.ceil() : q.interval.lo;
    const hi = q.interval.hi.isFinite() ? q.interval.hi.floor() : q.interval.hi;
    cached = lo.lte(hi) ? { lo, hi } : q.interval;
    hulls.set(q, cached);
  }
  return cached;
}

/**
 * Integer hulls of count figures given as plain objects (2万宗, 约300件), computed once per figure.
 * Scanned figures keep theirs themselves, out of this module-level map (what such maps cost the
 * collector: see `amountsBySegment` in claims/context.ts).
 */
const hulls = new WeakMap<Quantity, Interval>();

/** Sum of intervals (XBRL Calculations 1.1: the sum of the parts' intervals). */
export function sumIntervals(parts: readonly Interval[]): Interval {
  let lo = ZERO;
  let hi = ZERO;
  for (const p of parts) {
    lo = lo.plus(p.lo);
    hi = hi.plus(p.hi);
  }
  return { lo, hi };
}

/** Whether two closed intervals share at least one value. */
export function meets(a: Interval, b: Interval): boolean {
  return a.lo.lte(b.hi) && b.lo.lte(a.hi);
}

/** Whether `a` lies wholly above `b`. */
export function above(a: Interval, b: Interval): boolean {
  return a.lo.gt(b.hi);
}

/**
 * The interval of `num / den × 100` for non-negative intervals; null when the denominator can
 * be zero (no rate can be computed).
 */
export function percentOf(num: Interval, den: Interval): Interval | null {
  if (den.lo.lte(0)) return null;
  const lo = num.lo.times(HUNDRED).div(den.hi.isFinite() ? den.hi : den.lo);
  const hi = num.hi.isFinite() ? num.hi.times(HUNDRED).div(den.lo) : new Decimal(Infinity);
  return { lo: den.hi.isFinite() ? lo : ZERO, hi };
}

/**
 * The bases `den` for which `num / den × 100` can meet `stated`, for non-negative intervals:
 * `[num.lo × 100 / stated.hi, num.hi × 100 / stated.lo]`. `meets(percentOf(num, den), stated)`
 * holds exactly when `den.lo > 0` and `den` meets this interval, so one pair of divisions per
 * rate replaces a pair per candidate base.
 */
export function impliedBase(num: Interval, stated: Interval): Interval {
  const lo = stated.hi.isZero() ? (num.lo.isZero() ? ZERO : INFINITY) : stated.hi.isFinite() ? num.lo.times(HUNDRED).div(stated.hi) : ZERO;
  const hi = stated.lo.lte(0) || !num.hi.isFinite() ? INFINITY : num.hi.times(HUNDRED).div(stated.lo);
  return { lo, hi };
}

/** Whether a base interval makes the ratio meet the rate, given the rate's `impliedBase`. */
export function baseMeets(den: Interval, implied: Interval): boolean {
  return den.lo.gt(0) && den.hi.gte(implied.lo) && den.lo.lte(implied.hi);
}

const INFINITY = new Decimal(Infinity);

/** A decimal shown with at most `places` decimals, trailing zeros dropped (91.49). */
export function show(d: Decimal, places = 2): string {
  if (!d.isFinite()) return d.isNeg() ? '-∞' : '∞';
  // A whole number is shown as it is: rounding it to `places` decimals changes nothing.
  if (d.isInteger()) return d.toString();
  return d.toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toString();
}

/** `[lo, hi]` for evidence, or the single value when the interval is a point. */
export function showInterval(i: Interval, places = 4): string {
  if (i.lo.equals(i.hi)) return show(i.lo, places);
  return `[${show(i.lo, places)}, ${show(i.hi, places)}]`;
}

/** Interval as strings, for evidence that survives JSON. */
export function intervalStrings(i: Interval): { lo: string; hi: string } {
  return { lo: i.lo.toString(), hi: i.hi.toString() };
}
