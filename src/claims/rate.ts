import Decimal from 'decimal.js';
import { figureInterval, meets, percentOf, show, showInterval } from '../arithmetic/interval.js';
import { ClaimList, evidence } from './builder.js';
import { figureRef, figuresBefore, isAmount, sameUnit, written, type FigureContext, type ReportContext } from './context.js';
import { isWithin, rateIn, type RateDef } from './lexicon.js';
import type { ClaimOf } from './schema.js';

/** How many figures before a rate are tried as its numerator and base. */
const RATE_WINDOW = 16;

interface Pair {
  num: FigureContext;
  den: FigureContext;
  sameSegment: boolean;
  /** How plausible the base is: 0 a due count (应办结), 1 a total (受理, 共). */
  tier: number;
}

/** Words that label a target, the base of a quota rate (上报率, 完成率 of a plan). */
const TARGET_WORDS = ['计划', '目标', '任务', '指标', '要求', '应'];

/**
 * How plausible `den` is as the base of the rate, or null when it cannot be one. Subset rates
 * (办结率) take the due count (应办结, tier 0) or a total (受理, 共 …, tier 1); another outcome
 * count (按时办结80件 for 办结率) is never a base. Quota rates (上报率) take only a stated target.
 */
function baseTier(lexicon: ReportContext['lexicon'], def: RateDef, den: FigureContext, due: boolean, share: boolean): number | null {
  if (share) return 1;
  if (due) return 0;
  if (!def.bounded) return TARGET_WORDS.some((w) => den.rawLabel.includes(w)) ? 1 : null;
  if (def.numerator.some((stem) => den.label.includes(stem))) return null;
  return lexicon.totals.some((t) => den.rawLabel.includes(t)) ? 1 : null;
}

/**
 * Rates (办结率83.3%, 占58.6%) against the counts in their sentence and the one before. Every
 * plausible numerator (a figure labelled with the rate's own verb: 办结, 结案 …) is tried against
 * every plausible base (应办结, or a total: 受理, 接收, 共 …); the claim holds when any pair fits
 * at the rate's shown precision, and says which. Counts of another metric than the one the
 * rate's clause names (12345热线 counts for a 信访 rate) are not tried.
 */
export function extractRates(ctx: ReportContext, out: ClaimList): void {
  const { lexicon } = ctx;
  for (let i = 0; i < ctx.figures.length; i++) {
    const f = ctx.figures[i]!;
    const q = f.quantity;
    if (q.unit !== '%' || q.to !== null) continue;
    const shareAt = f.label.indexOf('占');
    const share = shareAt >= 0;
    let def: RateDef | null;
    let shareBase = '';
    if (share) {
      // 占全市的15.6%, 占年度任务的112.5%: a base named but not counted here; 分别占 pairs several.
      shareBase = f.label.slice(shareAt + 1).replace(/[的比了达为]/g, '');
      const target = TARGET_WORDS.some((w) => shareBase.includes(w));
      def = { name: '占比', bounded: !target, numerator: [] };
    } else def = rateOf(lexicon, f.label);
    if (!def) continue;
    const metric = f.metric;
    // Counts of another metric are not its counts; a metric and its parts are one family
    // (表扬类 named last before 完成和归档率 is part of the 12345热线 items).
    const related = (a: NonNullable<typeof metric>, b: NonNullable<typeof metric>): boolean => isWithin(lexicon, a, b) || isWithin(lexicon, b, a);
    const window = figuresBefore(ctx, q.range.start, q.sentence, RATE_WINDOW).filter(
      (w) => isAmount(w.quantity) && !(metric && w.metric && !related(metric, w.metric)),
    );
    // 应办结42件 names the base of 办结率, not its numerator (DOMAIN.md: 办结率 = 办结 / 应办结).
    const isDue = (w: FigureContext): boolean => def.numerator.some((stem) => w.label.includes(`应${stem}`)) || w.label.startsWith('应');
    // 分别占44.7%和20.7%: which part each share belongs to is not read, so none is guessed.
    const several = share && f.label.includes('分别');
    const numerators = share
      ? window.filter((w) => w.segment === f.segment).slice(0, several ? 0 : 1)
      : window.filter((w) => !isDue(w) && def.numerator.some((stem) => w.label.includes(stem)));
    const pairs: Pair[] = [];
    for (const num of numerators) {
      for (const den of window) {
        if (den === num || !sameUnit(den.quantity, num.quantity)) continue;
        if (share && den.quantity.range.start > num.quantity.range.start) continue;
        if (share && shareBase && !den.rawLabel.includes(shareBase.replace(/^[全总]/, ''))) continue;
        if (def.bounded && figureInterval(den.quantity).hi.lt(figureInterval(num.quantity).lo)) continue;
        const tier = baseTier(lexicon, def, den, isDue(den), share);
        if (tier === null) continue;
        pairs.push({ num, den, sameSegment: num.segment === f.segment && den.segment === f.segment, tier });
      }
    }
    // Most plausible first: the due count (应办结), then totals (受理, 共); within a tier, pairs
    // inside the rate's own clause group first.
    pairs.sort((a, b) => a.tier - b.tier || Number(b.sameSegment) - Number(a.sameSegment));
    addRateClaim(ctx, out, f, def, pairs);
  }
}

/** The rate a label names: a lexicon rate, or any word ending in 率 (unknown, so unbounded). */
function rateOf(lexicon: ReportContext['lexicon'], label: string): RateDef | null {
  const known = rateIn(lexicon, label);
  if (known) return known;
  if (!label.endsWith('率')) return null;
  return { name: label.slice(-Math.min(label.length, 6)), bounded: false, numerator: [] };
}

function addRateClaim(ctx: ReportContext, out: ClaimList, f: FigureContext, def: RateDef, pairs: Pair[]): void {
  const { report } = ctx;
  const q = f.quantity;
  const stated = q.interval;
  const rateRef = figureRef(report, q, 'rate');
  const base = { kind: 'rate' as const, range: q.range, name: def.name, bounded: def.bounded };
  if (pairs.length === 0) {
    out.add<ClaimOf<'rate'>>({
      ...base,
      figures: [rateRef],
      verdict: 'unverifiable',
      evidence: evidence([rateRef], { note: 'no count in reach that the rate could be computed from' }),
      reason: 'no numerator and base in the sentence or the one before',
      truncated: false,
      suggestion: null,
      baseKind: null,
      overstated: false,
    });
    return;
  }
  for (const p of pairs) {
    const ratio = percentOf(figureInterval(p.num.quantity), figureInterval(p.den.quantity));
    if (ratio && meets(ratio, stated)) {
      const refs = [rateRef, figureRef(report, p.num.quantity, 'numerator'), figureRef(report, p.den.quantity, 'base')];
      out.add<ClaimOf<'rate'>>({
        ...base,
        figures: refs,
        verdict: 'holds',
        evidence: evidence(refs, {
          expression: `${p.num.quantity.value}/${p.den.quantity.value} = ${showInterval(ratio, 2)}%`,
          computed: `${showInterval(ratio, 2)}%`,
          expected: written(report, q),
          base: `${written(report, p.num.quantity)} / ${written(report, p.den.quantity)}`,
          ...(pairs.length > 1 ? { note: `${pairs.length} numerator/base pairs tried` } : {}),
        }),
        reason: 'the rate matches its counts',
        truncated: false,
        suggestion: null,
        baseKind: p.tier === 0 ? 'due' : 'total',
        overstated: false,
      });
      return;
    }
  }
  // Nothing fits: judge against the most plausible pair, and say whether truncation explains it.
  const p = pairs[0]!;
  const exact = p.num.quantity.value.times(100).div(p.den.quantity.value);
  const places = decimalsShown(report.text.slice(q.numberRange.start, q.numberRange.end));
  const truncated = exact.toDecimalPlaces(places, Decimal.ROUND_DOWN).equals(q.value);
  const rounded = exact.toDecimalPlaces(places, Decimal.ROUND_HALF_EVEN);
  const refs = [rateRef, figureRef(report, p.num.quantity, 'numerator'), figureRef(report, p.den.quantity, 'base')];
  out.add<ClaimOf<'rate'>>({
    ...base,
    figures: refs,
    verdict: 'fails',
    evidence: evidence(refs, {
      expression: `${p.num.quantity.value}/${p.den.quantity.value} = ${show(exact, 4)}%`,
      computed: `${show(exact, 4)}%`,
      expected: `${rounded.toFixed(places)}%`,
      base: `${written(report, p.num.quantity)} / ${written(report, p.den.quantity)}`,
      note: pairs.length > 1 ? `${pairs.length} numerator/base pairs tried; none fits ${written(report, q)}` : `stated ${written(report, q)}`,
    }),
    reason: truncated ? 'the rate was truncated instead of rounded' : 'the rate does not match its counts',
    truncated,
    // Shares (占) have their stated base; only completion rates may rest on an unstated 应办结.
    baseKind: def.name === '占比' ? null : p.tier === 0 ? 'due' : 'total',
    overstated: q.interval.lo.gt(exact),
    suggestion: `${rounded.toFixed(places)}%`,
  });
}

/** Decimals shown in a numeral: 96.6 → 1. */
function decimalsShown(numeral: string): number {
  const dot = numeral.search(/[.．]/);
  return dot < 0 ? 0 : numeral.length - dot - 1;
}
