import Decimal from 'decimal.js';
import { figureInterval, meets, percentOf, show, showInterval } from '../arithmetic/interval.js';
import { ClaimList, evidence } from './builder.js';
import { figureRef, figuresBefore, isAmount, sameUnit, written, type FigureContext, type ReportContext } from './context.js';
import { rateIn, type RateDef } from './lexicon.js';
import type { ClaimOf } from './schema.js';

interface Pair {
  num: FigureContext;
  den: FigureContext;
  sameSegment: boolean;
}

/**
 * Rates (办结率83.3%, 占58.6%) against the counts in their sentence and the one before. Every
 * plausible numerator (a figure labelled with the rate's own verb: 办结, 结案 …) is tried against
 * every plausible base (a figure labelled as a total: 受理, 接收, 共 …); the claim holds when any
 * pair fits at the rate's shown precision, and says which.
 */
export function extractRates(ctx: ReportContext, out: ClaimList): void {
  const { lexicon } = ctx;
  for (let i = 0; i < ctx.figures.length; i++) {
    const f = ctx.figures[i]!;
    const q = f.quantity;
    if (q.unit !== '%' || q.to !== null) continue;
    const share = f.label.includes('占');
    const def = share ? { name: '占比', bounded: true, numerator: [] } : rateOf(lexicon, f.label);
    if (!def) continue;
    const window = figuresBefore(ctx, q.range.start, q.sentence).filter((w) => isAmount(w.quantity));
    const numerators = share ? window.filter((w) => w.segment === f.segment).slice(0, 1) : window.filter((w) => def.numerator.some((stem) => w.label.includes(stem)));
    const pairs: Pair[] = [];
    for (const num of numerators) {
      for (const den of window) {
        if (den === num || !sameUnit(den.quantity, num.quantity)) continue;
        if (!share && def.numerator.some((stem) => den.label.includes(stem))) continue; // another outcome, not a base
        if (!share && !lexicon.totals.some((t) => den.rawLabel.includes(t))) continue;
        if (share && den.quantity.range.start > num.quantity.range.start) continue;
        if (def.bounded && figureInterval(den.quantity).hi.lt(figureInterval(num.quantity).lo)) continue;
        pairs.push({ num, den, sameSegment: num.segment === f.segment && den.segment === f.segment });
      }
    }
    pairs.sort((a, b) => Number(b.sameSegment) - Number(a.sameSegment));
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
      });
      return;
    }
  }
  // Nothing fits: judge against the nearest pair, and say whether truncation explains it.
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
    suggestion: `${rounded.toFixed(places)}%`,
  });
}

/** Decimals shown in a numeral: 96.6 → 1. */
function decimalsShown(numeral: string): number {
  const dot = numeral.search(/[.．]/);
  return dot < 0 ? 0 : numeral.length - dot - 1;
}
