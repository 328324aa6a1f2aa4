/**
 * Where a rate's or share's base can come from. A base is read from the whole text, not a
 * window: the base the label names (占受理案件总数的), the total a family of sibling shares
 * hangs under, the due, dispatched or valid count for a completion rate (应办结, 派单, 有效),
 * then any total of the same unit before the rate. Each source is a tier; evidence names the
 * tier that was used and the others that were tried.
 */
import { baseMeets, figureInterval, impliedBase } from '../arithmetic/interval.js';
import type { Interval } from '../model/quantity.js';
import { isAmount, sameUnit, type FigureContext, type ReportContext } from './context.js';
import { names } from './sense.js';
import { hasAny, WORDS } from './words.js';

/** How many figures before a rate are tried as its base, so a huge report stays linear. */
export const BASE_REACH = 96;

/** Where a base came from, most trusted first. */
export type BaseTier = 'named' | 'family' | 'due' | 'total' | 'near';

/** A base tried for a rate, with where it came from. */
export interface BaseCandidate {
  den: FigureContext;
  tier: BaseTier;
  /** In the rate's sentence or the one before. */
  near: boolean;
}

/** Whether `den` can be the base of `num` at all: a positive amount in the same unit, this period, not below a bounded numerator. */
export function canBeBase(num: FigureContext, den: FigureContext, bounded: boolean): boolean {
  return isBaseKind(num, den) && isBaseSize(num, den, bounded);
}

/**
 * The half of `canBeBase` read from words and units alone: another amount figure in the same
 * unit, this period. Tried first, since the other half makes the figures' decimals.
 */
export function isBaseKind(num: FigureContext, den: FigureContext): boolean {
  if (den === num || !isAmount(den.quantity) || den.sense.kind !== 'amount') return false;
  return sameUnit(den.quantity, num.quantity) && den.sense.period !== 'otherYear';
}

/** The half of `canBeBase` read from the values: positive, and not below a bounded numerator. */
export function isBaseSize(num: FigureContext, den: FigureContext, bounded: boolean): boolean {
  const d = figureInterval(den.quantity);
  if (d.hi.lte(0)) return false;
  return !bounded || !d.hi.lt(figureInterval(num.quantity).lo);
}

/** Whether the ratio num/den as a percentage meets the stated rate. */
export function fits(num: FigureContext, den: FigureContext, stated: Interval): boolean {
  return baseMeets(figureInterval(den.quantity), impliedOf(num, stated));
}

/**
 * The bases that fit a numerator and a stated rate, made once per pair: a rate is tried against
 * up to `BASE_REACH` bases, and a family of shares against as many for each member.
 */
export function impliedOf(num: FigureContext, stated: Interval): Interval {
  let byNum = implied.get(stated);
  if (!byNum) {
    byNum = new WeakMap();
    implied.set(stated, byNum);
  }
  let i = byNum.get(num);
  if (!i) {
    i = impliedBase(figureInterval(num.quantity), stated);
    byNum.set(num, i);
  }
  return i;
}

const implied = new WeakMap<Interval, WeakMap<FigureContext, Interval>>();

/** Amount figures before figure index `i`, nearest first, at most `BASE_REACH`. */
export function figuresBeforeIndex(ctx: ReportContext, i: number): FigureContext[] {
  const out: FigureContext[] = [];
  for (let k = i - 1; k >= 0 && out.length < BASE_REACH; k--) {
    const f = ctx.figures[k]!;
    if (isAmount(f.quantity)) out.push(f);
  }
  return out;
}

/** A base a share names (占受理案件总数的): the words that pick its figure, or '' when it only says "the whole". */
export function namedBaseCore(shareLabel: string): string {
  let core = shareLabel.replace(/[的比了达为]/g, '');
  // Drop the words that only say "the whole": 总数, 总量, 全市 …, longest first.
  const generic = [...WORDS.genericBases].sort((a, b) => b.length - a.length);
  for (let changed = true; changed; ) {
    changed = false;
    for (const w of generic) {
      if (core.includes(w)) {
        core = core.replace(w, '');
        changed = true;
      }
    }
  }
  return core;
}

/**
 * How well a figure matches the base a share names: 2 when its words hold the named words or
 * the same action word (受理案件 ~ 立案受理), 1 when it names the same kind of action in other
 * words (受案 ~ 收到), 0 when it does not match.
 */
export function namedBaseMatch(den: FigureContext, core: string): 0 | 1 | 2 {
  const words = `${den.rawLabel}${den.term}${den.after}`;
  if (words.includes(core)) return 2;
  const kinds = actionKindsOf(core);
  if (kinds.length === 0) return 0;
  if (kinds.some((k) => WORDS.actions[k].some((w) => core.includes(w) && words.includes(w)))) return 2;
  return kinds.every((k) => names(den.sense, k)) ? 1 : 0;
}

/** The action kinds a named base's words name, cached: a rate tries many figures against one name. */
const kindsByCore = new Map<string, Array<keyof typeof WORDS.actions>>();

function actionKindsOf(core: string): Array<keyof typeof WORDS.actions> {
  let kinds = kindsByCore.get(core);
  if (!kinds) {
    kinds = (Object.keys(WORDS.actions) as Array<keyof typeof WORDS.actions>).filter((k) => hasAny(core, WORDS.actions[k]));
    // Bounded: names are short phrases, but a pathological text could hold many.
    if (kindsByCore.size > 1024) kindsByCore.clear();
    kindsByCore.set(core, kinds);
  }
  return kinds;
}

/** A due, dispatched or valid count: the base of a completion rate (办结率 over 应办结, 派单, 有效诉求). */
export function isDueBase(den: FigureContext): boolean {
  // 应42件 (a label that opens with 应) is a due count too.
  const due = names(den.sense, 'due') || den.label.startsWith('应');
  return (due || names(den.sense, 'dispatch') || names(den.sense, 'valid')) && (due || !names(den.sense, 'done'));
}

/** A total: an intake (受理, 接收 …) or a figure labelled as a total (共, 合计, 总量 …). */
export function isTotalBase(den: FigureContext): boolean {
  return names(den.sense, 'intake') || den.sense.total;
}
