import { Decimal } from 'decimal.js';
import { baseMeets, figureInterval, impliedBase, meets, percentOf, show, showInterval, sumIntervals } from '../arithmetic/interval.js';
import { ClaimList, evidence } from './builder.js';
import { figureRef, figuresBefore, isAmount, written, type FigureContext, type ReportContext } from './context.js';
import { isWithin, rateIn, type RateDef } from './lexicon.js';
import {
  canBeBase,
  figuresBeforeIndex,
  fits,
  impliedOf,
  isBaseKind,
  isBaseSize,
  isDueBase,
  isTotalBase,
  namedBaseMatch,
  namedBaseCore,
  type BaseCandidate,
  type BaseTier,
} from './rate-bases.js';
import type { Interval } from '../model/quantity.js';
import type { ClaimOf } from './schema.js';
import { WORDS } from './words.js';

/** How many figures before a rate are searched for its numerator (its own sentence and the one before). */
const NUMERATOR_WINDOW = 16;

/** Words that label a target, the base of a quota rate (上报率, 完成率 of a plan). */
const TARGET_WORDS = ['计划', '目标', '任务', '指标', '要求', '应'];

/** A rate or share as the text states it, before its base is chosen. */
interface StatedRate {
  f: FigureContext;
  index: number;
  def: RateDef;
  /** 占…: a share of a whole, not a completion or quality rate. */
  share: boolean;
  /** The words a share names its base with (受理案件), '' when it names none or only "the whole". */
  namedCore: string;
  /** The share's target base (占年度任务的112.5%): a target, not a whole. */
  target: boolean;
  numerators: FigureContext[];
  /** Figures in the rate's sentence and the one before, nearest first: its numerators and near bases are read from them. */
  near: FigureContext[];
}

/** A rate judged: the verdict, the pair that decided it and the bases tried. */
export interface JudgedRate {
  rate: FigureContext;
  num: FigureContext | null;
  den: FigureContext | null;
  tier: BaseTier | null;
  verdict: 'holds' | 'fails' | 'unverifiable';
}

/**
 * Rates (办结率83.3%) and shares (占比7.3%, 占受理案件总数的38%) against the counts of the whole
 * text. A share in a family of sibling shares (each category with its own 占比) is judged over
 * the one base that family hangs under, never over a neighbour. A claim fails only when the base
 * the text names (or the family's base, or the due count in its sentence) fails and no plausible
 * base holds; when only a base the text does not name makes it hold, it is ambiguous.
 */
export function extractRates(ctx: ReportContext, out: ClaimList): { judged: JudgedRate[]; families: ShareFamily[] } {
  const stated: StatedRate[] = [];
  for (let i = 0; i < ctx.figures.length; i++) {
    const r = statedRate(ctx, i);
    if (r) stated.push(r);
  }
  const families = resolveFamilies(ctx, stated);
  const judged = stated.map((r) => judge(ctx, out, r, families.get(r) ?? null));
  return { judged, families: [...new Set(families.values())] };
}

/** Reads the rate at figure `i`, or null when the figure is no rate. */
function statedRate(ctx: ReportContext, i: number): StatedRate | null {
  const f = ctx.figures[i]!;
  const q = f.quantity;
  if (q.unit !== '%' || q.to !== null || f.sense.kind === 'change') return null;
  const shareAt = f.label.indexOf('占');
  if (shareAt >= 0) {
    const named = f.label.slice(shareAt + 1);
    const target = TARGET_WORDS.some((w) => named.includes(w));
    // 分别占44.7%和20.7%: which part each share belongs to is not read, so none is guessed.
    const several = f.label.includes('分别');
    const num = several ? null : shareNumerator(ctx, i);
    // 占全市的15.6%: a wider body's total, named by its body; only a figure of that body is its base.
    const body = WORDS.bodies.wider.find((w) => named.includes(w)) ?? '';
    const core = namedBaseCore(named);
    return {
      f,
      index: i,
      def: { name: '占比', bounded: !target, numerator: [] },
      share: true,
      namedCore: target ? '' : core || (named.replace(/[的比了达为]/g, '') === body ? body : ''),
      target,
      numerators: num ? [num] : [],
      near: figuresBefore(ctx, q.range.start, q.sentence, NUMERATOR_WINDOW),
    };
  }
  const def = rateOf(ctx, f.label);
  if (!def) return null;
  const near = figuresBefore(ctx, q.range.start, q.sentence, NUMERATOR_WINDOW);
  return { f, index: i, def, share: false, namedCore: '', target: false, numerators: rateNumerators(ctx, f, def, near), near };
}

/** The count a share is of: the nearest amount before it in its clause group, with no other rate between. */
function shareNumerator(ctx: ReportContext, i: number): FigureContext | null {
  const f = ctx.figures[i]!;
  for (let k = i - 1; k >= 0; k--) {
    const g = ctx.figures[k]!;
    if (g.segment !== f.segment) return null;
    if (g.quantity.unit === '%') return null;
    if (isAmount(g.quantity)) return g;
  }
  return null;
}

/** The rate a label names: a lexicon rate, or any word ending in 率 (its numerator named by the word before 率). */
function rateOf(ctx: ReportContext, label: string): RateDef | null {
  const known = rateIn(ctx.lexicon, label);
  if (known) return known;
  if (!label.endsWith('率')) return null;
  const name = label.slice(-Math.min(label.length, 6));
  // 接通率: what is counted is 接通, the two characters before 率.
  const stem = label.length >= 3 ? label.slice(-3, -1) : '';
  return { name, bounded: false, numerator: stem ? [stem] : [] };
}

/** Whether two figures may count the same thing: either names no lexicon metric, or one metric is part of the other. */
function sameFamily(ctx: ReportContext, a: FigureContext, b: FigureContext): boolean {
  if (!a.metric || !b.metric) return true;
  return isWithin(ctx.lexicon, a.metric, b.metric) || isWithin(ctx.lexicon, b.metric, a.metric);
}

/**
 * Counts labelled with the rate's own verb (办结 for 办结率), in its sentence and the one before.
 * A count narrowed by a timing word the rate's name lacks (按时结案 for 结案率) is the numerator of
 * another rate; a due count (应办结) is a base, never a numerator.
 */
function rateNumerators(ctx: ReportContext, f: FigureContext, def: RateDef, near: readonly FigureContext[]): FigureContext[] {
  // The timing words of the rate as written (按时结案率 names 按时 though the lexicon rate is 结案率).
  const timing = WORDS.actions.timing.filter((w) => f.label.includes(w));
  const out: FigureContext[] = [];
  // The word tests first: most figures near a rate are not labelled with its verb.
  for (const w of near) {
    if (isAmount(w.quantity) && hasStem(w.label, def.numerator) && timedAlike(w.label, timing) && !isDueBase(w) && sameFamily(ctx, f, w)) out.push(w);
  }
  return out;
}

/** Whether `label` holds any of the stems. */
function hasStem(label: string, stems: readonly string[]): boolean {
  for (const stem of stems) if (label.includes(stem)) return true;
  return false;
}

/** Whether `label` names exactly the timing words `timing` (those of the rate) among all timing words. */
function timedAlike(label: string, timing: readonly string[]): boolean {
  for (const t of WORDS.actions.timing) if (label.includes(t) && !timing.includes(t)) return false;
  for (const t of timing) if (!label.includes(t)) return false;
  return true;
}

/** A family of sibling shares: each category's count with its own 占比, all over one base. */
export interface ShareFamily {
  /** The counts, in order. */
  parts: FigureContext[];
  /** The shares, in order. */
  shares: FigureContext[];
  /** The figure that fits at least two members, or null when none does. */
  base: FigureContext | null;
}

/**
 * Families of sibling shares: consecutive shares in one section, each of its own count and naming
 * no particular base. Their base is the one figure before them that fits the most members (at
 * least two): the total the list hangs under, wherever it is.
 */
function resolveFamilies(ctx: ReportContext, stated: StatedRate[]): Map<StatedRate, ShareFamily> {
  const out = new Map<StatedRate, ShareFamily>();
  let run: StatedRate[] = [];
  const flush = (): void => {
    if (run.length >= 2) {
      const family: ShareFamily = { parts: run.map((r) => r.numerators[0]!), shares: run.map((r) => r.f), base: familyBase(ctx, run) };
      for (const r of run) out.set(r, family);
    }
    run = [];
  };
  for (const r of stated) {
    const member = r.share && !r.target && r.namedCore === '' && r.numerators.length === 1;
    if (!member) {
      flush();
      continue;
    }
    // A family stays in one section, names its base in one way (占总量的 / 占全市总量的 start two
    // lists), and its shares cannot pass 100% together.
    const prev = run[run.length - 1];
    if (prev && (prev.f.sense.section !== r.f.sense.section || shareWords(prev) !== shareWords(r) || runShare(run).plus(r.f.quantity.interval.lo).gt(100))) flush();
    run.push(r);
  }
  flush();
  return out;
}

/** The words a share names its base with, as written: 占比, 占总量的, 占全市总量的. */
function shareWords(r: StatedRate): string {
  return r.f.label.slice(r.f.label.indexOf('占'));
}

/** The least the shares of a run add up to. */
function runShare(run: readonly StatedRate[]): Decimal {
  return run.reduce((a, r) => a.plus(r.f.quantity.interval.lo), new Decimal(0));
}

function familyBase(ctx: ReportContext, family: StatedRate[]): FigureContext | null {
  const members = new Set(family.map((r) => r.numerators[0]!));
  let best: FigureContext | null = null;
  let bestFits = 1;
  for (const den of figuresBeforeIndex(ctx, family[0]!.index)) {
    if (members.has(den)) continue;
    let n = 0;
    for (const r of family) {
      const num = r.numerators[0]!;
      if (canBeBase(num, den, true) && fits(num, den, r.f.quantity.interval)) n++;
    }
    // Nearest first, so at a tie the nearer total (or a labelled total) is kept.
    if (n > bestFits || (n === bestFits && best && !isTotalBase(best) && isTotalBase(den))) {
      best = den;
      bestFits = n;
    }
  }
  return best;
}

/** Bases tried for a rate, most trusted first. */
function candidates(ctx: ReportContext, r: StatedRate, num: FigureContext, family: ShareFamily | null, nearList: readonly FigureContext[]): BaseCandidate[] {
  const { f, def } = r;
  const out: BaseCandidate[] = [];
  const seen = new Set<FigureContext>();
  const push = (den: FigureContext, tier: BaseTier): void => {
    // A share's base comes before the count it is a share of.
    if (seen.has(den) || (r.share && den.quantity.range.start > num.quantity.range.start)) return;
    // Counts of another metric are not its counts (12345热线 counts for a 信访 rate). The values
    // are read last: comparing them makes the figure's decimals.
    if (!isBaseKind(num, den) || !sameFamily(ctx, f, den) || !isBaseSize(num, den, def.bounded)) return;
    seen.add(den);
    // At most 16 figures are near: a look through them is cheaper than a set made per numerator.
    out.push({ den, tier, near: nearList.includes(den) });
  };
  // The whole text before the rate is read only where a base may stand far from it.
  let far: FigureContext[] | null = null;
  const before = (): FigureContext[] => (far ??= figuresBeforeIndex(ctx, r.index));
  if (r.share) {
    if (r.namedCore) {
      // The figures that match the named words best: 立案受理 before 收到 for 受理案件总数. Each
      // figure is matched once.
      const all = before();
      const match: number[] = [];
      let best = 0;
      for (const den of all) {
        const m = namedBaseMatch(den, r.namedCore);
        match.push(m);
        if (m > best) best = m;
      }
      if (best > 0) for (let k = 0; k < all.length; k++) if (match[k] === best) push(all[k]!, 'named');
    }
    if (family?.base) push(family.base, 'family');
    for (const den of nearList) if (isTotalBase(den) || isDueBase(den)) push(den, 'total');
    for (const den of nearList) if (!isShareNumerator(ctx, den)) push(den, 'near');
    // Totals further away only when the share's own sentences give none: a total a paragraph
    // off fits a whole-percent share by chance too easily to overrule the one beside it.
    if (out.length === 0) for (const den of before()) if (isTotalBase(den) || isDueBase(den)) push(den, 'total');
    return out;
  }
  if (!def.bounded) {
    if (def.name === '占比' || TARGET_WORDS.some((w) => f.label.includes(w))) return out;
    // A quota rate (上报率) is over a stated target; an unknown rate over the count before it.
    for (const den of nearList) if (TARGET_WORDS.some((w) => den.rawLabel.includes(w))) push(den, 'named');
    if (!rateIn(ctx.lexicon, f.label)) for (const den of nearList) if (den.segment === f.segment) push(den, 'near');
    return out;
  }
  // Completion and quality rates: the due, dispatched or valid count, then totals. An outcome of
  // the rate's own kind (按时办结80件 for 办结率) is never its base.
  const outcome = (den: FigureContext): boolean => def.numerator.some((stem) => den.label.includes(stem)) && !isDueBase(den);
  for (const den of nearList) if (isDueBase(den)) push(den, 'due');
  for (const den of nearList) if (isTotalBase(den) && !outcome(den)) push(den, 'total');
  // Due counts and totals further away only when the rate's own sentences give none.
  if (out.length > 0) return out;
  for (const den of before()) if (isDueBase(den)) push(den, 'due');
  for (const den of before()) if (isTotalBase(den) && !outcome(den)) push(den, 'total');
  return out;
}

/** A count followed by its own share (58件,占比2%): a sibling, never another share's base. */
function isShareNumerator(ctx: ReportContext, g: FigureContext): boolean {
  const next = ctx.figures[g.index + 1];
  return next !== undefined && next.segment === g.segment && next.quantity.unit === '%' && next.label.includes('占');
}

function judge(ctx: ReportContext, out: ClaimList, r: StatedRate, family: ShareFamily | null): JudgedRate {
  const { f } = r;
  const stated = f.quantity.interval;
  let tried = 0;
  let fallback: { num: FigureContext; c: BaseCandidate } | null = null;
  for (const num of r.numerators) {
    const list = candidates(ctx, r, num, family, r.near);
    tried += list.length;
    // Named bases come first in the list, so the first candidate says whether there is one.
    const named = list.length > 0 && list[0]!.tier === 'named' ? list[0]! : null;
    const fit = firstFit(num, list, stated, family);
    // The base the text names is not in the text (占全市的 with no city figure): only a fit says anything.
    if (r.namedCore && !named && !fit) continue;
    if (fit && (!named || fit.tier === 'named')) {
      addHolds(ctx, out, r, num, fit, list.length);
      return { rate: f, num, den: fit.den, tier: fit.tier, verdict: 'holds' };
    }
    if (fit) {
      // The base the text names fails, but another count fits: the writer must say which.
      addAmbiguous(ctx, out, r, num, named!, fit, list.length);
      return { rate: f, num, den: fit.den, tier: fit.tier, verdict: 'unverifiable' };
    }
    // The base judged against when nothing fits: the named one, the family's, a due count, or
    // the nearest count in reach that is not a sibling share's count.
    const primary =
      named ??
      list.find((c) => c.tier === 'family' || c.tier === 'due') ??
      list.find((c) => c.near && (r.share ? !isShareNumerator(ctx, c.den) : c.tier === 'total' || c.tier === 'near'));
    // A family whose stated total fits none of its shares, but whose own sum fits this one: the
    // shares were computed over the listed categories, a base the text never states.
    const total = primary ?? list.find((c) => c.tier === 'total');
    if (family && !family.base && total && fitsSum(num, family.parts, stated)) {
      addAmbiguousSum(ctx, out, r, num, total, family.parts, list.length);
      return { rate: f, num, den: null, tier: null, verdict: 'unverifiable' };
    }
    if (primary && !fallback) fallback = { num, c: primary };
  }
  if (!fallback) {
    addUnverifiable(ctx, out, r, tried);
    return { rate: f, num: null, den: null, tier: null, verdict: 'unverifiable' };
  }
  const verdict = addFails(ctx, out, r, fallback.num, fallback.c, tried);
  return { rate: f, num: fallback.num, den: fallback.c.den, tier: fallback.c.tier, verdict };
}

/**
 * The first candidate whose base makes num/base meet the stated rate. The bases that fit are
 * worked out once per numerator and rate (two divisions), then each candidate is one comparison.
 * A share in a family had them worked out by the family search already; other rates are not
 * kept in that cache, which costs more than it saves when nothing asks again.
 */
function firstFit(num: FigureContext, list: readonly BaseCandidate[], stated: Interval, family: ShareFamily | null): BaseCandidate | null {
  if (list.length === 0) return null;
  const implied = family ? impliedOf(num, stated) : impliedBase(figureInterval(num.quantity), stated);
  for (const c of list) if (baseMeets(figureInterval(c.den.quantity), implied)) return c;
  return null;
}


function baseKindOf(r: StatedRate, tier: BaseTier): ClaimOf<'rate'>['baseKind'] {
  // Shares (占) have their stated base; only completion rates may rest on an unstated 应办结.
  if (r.share) return null;
  return tier === 'due' ? 'due' : 'total';
}

const TIER_NOTE: Record<BaseTier, string> = {
  named: 'the base the text names',
  family: 'the base of its family of sibling shares',
  due: 'the due, dispatched or valid count',
  total: 'a total before it',
  near: 'a count in its sentence',
};

// The claims below are written out field by field rather than spread from a shared head: a
// literal that spreads an object and then adds fields is built one property at a time, which
// cost more than judging the rate.

function addHolds(ctx: ReportContext, out: ClaimList, r: StatedRate, num: FigureContext, c: BaseCandidate, tried: number): void {
  const { report } = ctx;
  const ratio = percentOf(figureInterval(num.quantity), figureInterval(c.den.quantity))!;
  const refs = [figureRef(report, r.f.quantity, 'rate'), figureRef(report, num.quantity, 'numerator'), figureRef(report, c.den.quantity, 'base')];
  out.add<ClaimOf<'rate'>>({
    kind: 'rate',
    range: r.f.quantity.range,
    name: r.def.name,
    bounded: r.def.bounded,
    figures: refs,
    verdict: 'holds',
    evidence: evidence(refs, {
      expression: `${num.quantity.value}/${c.den.quantity.value} = ${showInterval(ratio, 2)}%`,
      computed: `${showInterval(ratio, 2)}%`,
      expected: written(report, r.f.quantity),
      base: `${written(report, num.quantity)} / ${written(report, c.den.quantity)}`,
      note: `base: ${TIER_NOTE[c.tier]}${tried > 1 ? `; ${tried} bases tried` : ''}`,
    }),
    reason: 'the rate matches its counts',
    truncated: false,
    suggestion: null,
    baseKind: baseKindOf(r, c.tier),
    overstated: false,
    ambiguous: false,
  });
}

function addAmbiguous(ctx: ReportContext, out: ClaimList, r: StatedRate, num: FigureContext, named: BaseCandidate, fit: BaseCandidate, tried: number): void {
  const { report } = ctx;
  const exact = num.quantity.value.times(100).div(named.den.quantity.value);
  const ratio = percentOf(figureInterval(num.quantity), figureInterval(fit.den.quantity))!;
  const refs = [
    figureRef(report, r.f.quantity, 'rate'),
    figureRef(report, num.quantity, 'numerator'),
    figureRef(report, named.den.quantity, 'named base'),
    figureRef(report, fit.den.quantity, 'base that fits'),
  ];
  out.add<ClaimOf<'rate'>>({
    kind: 'rate',
    range: r.f.quantity.range,
    name: r.def.name,
    bounded: r.def.bounded,
    figures: refs,
    verdict: 'unverifiable',
    evidence: evidence(refs, {
      expression: `${num.quantity.value}/${named.den.quantity.value} = ${show(exact, 4)}%`,
      computed: `${show(exact, 4)}%`,
      expected: written(report, r.f.quantity),
      base: `${written(report, num.quantity)} / ${written(report, fit.den.quantity)} = ${showInterval(ratio, 2)}%`,
      note: `the named base does not fit; ${written(report, fit.den.quantity)} does; ${tried} bases tried`,
    }),
    reason: 'only a base the text does not name makes the rate hold',
    truncated: false,
    suggestion: null,
    baseKind: baseKindOf(r, named.tier),
    overstated: false,
    ambiguous: true,
  });
}

function fitsSum(num: FigureContext, parts: FigureContext[], stated: Interval): boolean {
  const ratio = percentOf(figureInterval(num.quantity), sumIntervals(parts.map((p) => figureInterval(p.quantity))));
  return ratio !== null && meets(ratio, stated);
}

function addAmbiguousSum(ctx: ReportContext, out: ClaimList, r: StatedRate, num: FigureContext, total: BaseCandidate, parts: FigureContext[], tried: number): void {
  const { report } = ctx;
  const exact = num.quantity.value.times(100).div(total.den.quantity.value);
  const sum = parts.reduce((a, p) => a.plus(p.quantity.value), new Decimal(0));
  const refs = [figureRef(report, r.f.quantity, 'rate'), figureRef(report, num.quantity, 'numerator'), figureRef(report, total.den.quantity, 'named base')];
  out.add<ClaimOf<'rate'>>({
    kind: 'rate',
    range: r.f.quantity.range,
    name: r.def.name,
    bounded: r.def.bounded,
    figures: refs,
    verdict: 'unverifiable',
    evidence: evidence(refs, {
      expression: `${num.quantity.value}/${total.den.quantity.value} = ${show(exact, 4)}%`,
      computed: `${show(exact, 4)}%`,
      expected: written(report, r.f.quantity),
      base: `${written(report, num.quantity)} / ${sum.toString()} = ${show(num.quantity.value.times(100).div(sum), 4)}%`,
      note: `the total does not fit; the sum of the listed categories (${sum.toString()}) does; ${tried} bases tried`,
    }),
    reason: 'only the sum of the listed categories, which the text does not state, makes the share hold',
    truncated: false,
    suggestion: null,
    baseKind: null,
    overstated: false,
    ambiguous: true,
  });
}

function addUnverifiable(ctx: ReportContext, out: ClaimList, r: StatedRate, tried: number): void {
  const rateRef = figureRef(ctx.report, r.f.quantity, 'rate');
  out.add<ClaimOf<'rate'>>({
    kind: 'rate',
    range: r.f.quantity.range,
    name: r.def.name,
    bounded: r.def.bounded,
    figures: [rateRef],
    verdict: 'unverifiable',
    evidence: evidence([rateRef], {
      note: r.numerators.length === 0 ? 'no count in reach that the rate could be computed from' : `${tried} bases tried; none fits and none is the base the text names`,
    }),
    reason: r.numerators.length === 0 ? 'no numerator in the sentence or the one before' : 'no base fits and none is certain',
    truncated: false,
    suggestion: null,
    baseKind: null,
    overstated: false,
    ambiguous: false,
  });
}

/** Nothing fits: judged against the most trusted base; truncation is said as such. */
function addFails(ctx: ReportContext, out: ClaimList, r: StatedRate, num: FigureContext, c: BaseCandidate, tried: number): 'fails' | 'unverifiable' {
  const { report } = ctx;
  const q = r.f.quantity;
  const exact = num.quantity.value.times(100).div(c.den.quantity.value);
  const places = decimalsShown(report.text.slice(q.numberRange.start, q.numberRange.end));
  const truncated = exact.toDecimalPlaces(places, Decimal.ROUND_DOWN).equals(q.value);
  // An unknown rate (接通率) is judged only when truncation explains it: its base is a guess.
  if (!r.def.bounded && !truncated && c.tier === 'near') {
    addUnverifiable(ctx, out, r, tried);
    return 'unverifiable';
  }
  const rounded = exact.toDecimalPlaces(places, Decimal.ROUND_HALF_EVEN);
  const refs = [figureRef(report, q, 'rate'), figureRef(report, num.quantity, 'numerator'), figureRef(report, c.den.quantity, 'base')];
  out.add<ClaimOf<'rate'>>({
    kind: 'rate',
    range: r.f.quantity.range,
    name: r.def.name,
    bounded: r.def.bounded,
    figures: refs,
    verdict: 'fails',
    evidence: evidence(refs, {
      expression: `${num.quantity.value}/${c.den.quantity.value} = ${show(exact, 4)}%`,
      computed: `${show(exact, 4)}%`,
      expected: `${rounded.toFixed(places)}%`,
      base: `${written(report, num.quantity)} / ${written(report, c.den.quantity)}`,
      note: `base: ${TIER_NOTE[c.tier]}; ${tried > 1 ? `${tried} bases tried; none fits ${written(report, q)}` : `stated ${written(report, q)}`}`,
    }),
    reason: truncated ? 'the rate was truncated instead of rounded' : 'the rate does not match its counts',
    truncated,
    baseKind: baseKindOf(r, c.tier),
    overstated: q.interval.lo.gt(exact),
    suggestion: `${rounded.toFixed(places)}%`,
    ambiguous: false,
  });
  return 'fails';
}

/** Decimals shown in a numeral: 96.6 → 1. */
function decimalsShown(numeral: string): number {
  const dot = numeral.search(/[.．]/);
  return dot < 0 ? 0 : numeral.length - dot - 1;
}
