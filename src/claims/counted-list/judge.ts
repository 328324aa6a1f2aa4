/**
 * The verdict on a counted list. A count of kinds must equal the items listed (≤ with 等); a count
 * of sessions must be at least the topics listed; a rank must equal its ranked items. A list fails
 * only when no reading of it fits and its boundaries are certain in the direction it misses;
 * otherwise it is unverifiable.
 */
import { Decimal } from 'decimal.js';
import type { Interval } from '../../model/quantity.js';
import type { Verdict } from '../schema.js';
import type { Draft } from './shapes.js';
import type { Reading } from './items.js';

/** The verdict, the reading it rests on and why. */
export interface Judgement {
  verdict: Verdict;
  reading: Reading;
  /** The count the items were held against (for a compound phrase, the value that fitted). */
  target: Interval;
  reason: string;
}

/** Judges a list read by a shape against its count's interval. */
export function judge(d: Draft, count: Interval): Judgement {
  const { sense, compound } = d.count;
  // 四馆一庭 counts 4 + 1; 三位一体 counts its first numeral: either may be what is meant.
  const targets: Interval[] = compound ? [...new Set([d.count.value, d.count.firstValue])].map(exact) : [count];
  const fits = (n: number, t: Interval): boolean => {
    const k = new Decimal(n);
    if (sense === 'sessions' || sense === 'instances' || d.open) return k.lte(t.hi);
    return k.gte(t.lo) && k.lte(t.hi);
  };
  for (const r of d.readings) {
    const t = targets.find((x) => fits(r.items.length, x));
    if (t) return { verdict: 'holds', reading: r, target: t, reason: holdsReason(d, r) };
  }
  const target = targets[0]!;
  const fewest = d.readings.reduce((a, b) => (b.items.length < a.items.length ? b : a));
  const most = d.readings.reduce((a, b) => (b.items.length > a.items.length ? b : a));
  if (new Decimal(fewest.items.length).gt(target.hi) && d.moreCertain) {
    return { verdict: 'fails', reading: fewest, target, reason: 'the list names more items than its count' };
  }
  const countsKinds = sense === 'kinds' || sense === 'rank';
  if (countsKinds && !d.open && new Decimal(most.items.length).lt(target.lo) && d.fewerCertain) {
    return { verdict: 'fails', reading: most, target, reason: 'the list names fewer items than its count, without 等' };
  }
  const reading = new Decimal(fewest.items.length).gt(target.hi) ? fewest : most;
  return { verdict: 'unverifiable', reading, target, reason: unverifiableReason(d, reading, target) };
}

function exact(n: number): Interval {
  return { lo: new Decimal(n), hi: new Decimal(n) };
}

function holdsReason(d: Draft, r: Reading): string {
  const how = r.name === 'split' || d.readings.length === 1 ? '' : r.name === 'joined' ? ' (和 read inside one item)' : ' (only the part after the last 、 read as the list)';
  switch (d.count.sense) {
    case 'sessions':
      return `no more topics listed than sessions counted: one topic may be held several times${how}`;
    case 'instances':
      return `no more titles listed than copies or documents counted${how}`;
    case 'rank':
      return d.open ? `an open list (等) names no more items than the rank${how}` : `the ranked items are as many as the rank${how}`;
    default:
      return d.open ? `an open list (等) names no more items than its count${how}` : `the list names as many items as its count${how}`;
  }
}

function unverifiableReason(d: Draft, r: Reading, t: Interval): string {
  const more = new Decimal(r.items.length).gt(t.hi);
  if (d.count.sense === 'rank' && more) return 'more items than the rank: a tie may explain it';
  if (d.count.compound) {
    return d.count.firstValue === d.count.value
      ? 'the numerals of the set phrase sum to another number than the items listed; such a phrase may not count them one by one'
      : 'neither the sum nor the first numeral of the set phrase matches the items; the phrase may not count them';
  }
  if (more && d.count.sense === 'sessions') return 'more items than sessions, but several topics or jointly held meetings may share a session';
  return more
    ? 'more items than the count, but where the list starts or what each item is is not certain'
    : 'fewer items than the count, but the list may start earlier or go on past where it was read';
}
