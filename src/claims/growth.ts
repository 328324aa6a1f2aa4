import { Decimal } from 'decimal.js';
import { figureInterval } from '../arithmetic/interval.js';
import { ClaimList, evidence } from './builder.js';
import { figureRef, written, type FigureContext, type ReportContext } from './context.js';
import type { ClaimOf } from './schema.js';

const UP = ['同比增长', '同比增加', '同比上升', '同比提高', '比上年增长', '较上年增长', '增长', '增加', '上升'];
const DOWN = ['同比下降', '同比减少', '同比降低', '比上年下降', '较上年下降', '下降', '减少', '降低'];
/** Each label that is a growth phrase alone (X, 比上年X, 较上年X), to its verb: the first that fits, falls first. */
const VERB_OF_LABEL: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const w of [...DOWN, ...UP]) for (const label of [w, `比上年${w}`, `较上年${w}`]) if (!map.has(label)) map.set(label, w);
  return map;
})();
/** Labels of a figure that is the prior value or the change, not the current count. */
const PRIOR_OR_CHANGE = ['上年', '去年', '同期', '新增', '增加', '减少', '下降', '增长', '净增'];
const ONE = new Decimal(1);
const HUNDRED = new Decimal(100);
/** Most prior values listed in evidence. */
const MAX_PRIORS = 3;

/**
 * Growth on a whole-number count implies a whole-number prior: 律师事务所61家,同比增长15% fits a
 * prior of 53 (61/53 = +15.09%). A rate no whole prior can produce is suspect. Amounts (元, 亩)
 * are not whole numbers and are skipped.
 */
export function extractGrowth(ctx: ReportContext, out: ClaimList): void {
  for (let i = 1; i < ctx.figures.length; i++) {
    const f = ctx.figures[i]!;
    const q = f.quantity;
    if (q.unit !== '%' || q.to !== null) continue;
    // The label must be the growth phrase alone (同比增长): a label naming another subject
    // (案件类警情同比下降, 年租金增长) is growth of that subject, not of the count before it.
    const verb = VERB_OF_LABEL.get(f.label);
    if (!verb) continue;
    const direction = DOWN.includes(verb.replace(/^(比上年|较上年)/, '')) || DOWN.includes(verb) ? 'down' : 'up';
    const count = ctx.figures[i - 1]!;
    // 由上年的53家增至61家,增长15%: both values are stated, so the rate is computed exactly.
    const prior = i >= 2 ? ctx.figures[i - 2]! : null;
    if (prior && statedChange(prior, count, f) && (direction === 'up') === count.quantity.value.gt(prior.quantity.value)) {
      addStatedGrowth(ctx, out, prior, count, f, direction);
      continue;
    }
    // The count is the figure just before, in the same clause group, and a whole-number count.
    if (count.segment !== f.segment || count.quantity.unitFamily !== 'count' || count.quantity.to !== null) continue;
    // 较上年的5个增长40% names the prior; 新增8家,同比增长15% the increment: neither is the count.
    if (PRIOR_OR_CHANGE.some((w) => count.rawLabel.includes(w))) continue;
    if (!count.quantity.value.isInteger()) continue;
    addGrowth(ctx, out, count, f, direction);
  }
}

/** Labels of the earlier value and of the later one in 由X增至Y / 从X下降到Y. */
const FROM_WORDS = ['由', '从'];
const TO_WORDS = ['增至', '增加到', '增长到', '上升至', '上升到', '提高到', '提高至', '提升至', '提升到', '降至', '下降到', '下降至', '减少到', '减少至', '减至'];

/** Whether `prior`, `current` and `rate` read 由X增至Y,增长Z% in one clause group. */
function statedChange(prior: FigureContext, current: FigureContext, rate: FigureContext): boolean {
  if (prior.segment !== rate.segment || current.segment !== rate.segment) return false;
  if (prior.quantity.unit === null || prior.quantity.unit !== current.quantity.unit || prior.quantity.unitFamily === 'percent') return false;
  return FROM_WORDS.some((w) => prior.rawLabel.includes(w)) && TO_WORDS.some((w) => current.rawLabel.endsWith(w));
}

/** The growth from a stated prior to a stated current value, against the stated rate. */
function addStatedGrowth(ctx: ReportContext, out: ClaimList, prior: FigureContext, current: FigureContext, rate: FigureContext, direction: 'up' | 'down'): void {
  const { report } = ctx;
  const p = prior.quantity.value;
  const c = current.quantity.value;
  if (p.isZero()) return;
  const refs = [figureRef(report, rate.quantity, 'growth'), figureRef(report, current.quantity, 'count'), figureRef(report, prior.quantity, 'prior')];
  const exact = c.minus(p).abs().div(p).times(HUNDRED);
  const holds = exact.gte(rate.quantity.interval.lo) && exact.lte(rate.quantity.interval.hi);
  out.add<ClaimOf<'growth'>>({
    kind: 'growth',
    range: rate.quantity.range,
    figures: refs,
    verdict: holds ? 'holds' : 'fails',
    evidence: evidence(refs, {
      expression: `(${c} − ${p}) / ${p} = ${exact.toDecimalPlaces(2)}%`,
      computed: `${exact.toDecimalPlaces(2)}%`,
      expected: written(report, rate.quantity),
    }),
    reason: holds ? 'the stated values give the stated rate' : 'the stated values give another rate',
    phrase: rate.label,
    direction,
    priors: [p.toString()],
    priorRange: null,
    statedPrior: written(report, prior.quantity),
    computedRate: `${exact.toDecimalPlaces(2)}%`,
  });
}

function addGrowth(ctx: ReportContext, out: ClaimList, count: FigureContext, rate: FigureContext, direction: 'up' | 'down'): void {
  const { report } = ctx;
  const n = figureInterval(count.quantity);
  const r = rate.quantity.interval;
  // prior = n / (1 ± r/100); the widest range of priors over both intervals.
  const factor = (x: Decimal): Decimal => (direction === 'up' ? ONE.plus(x.div(HUNDRED)) : ONE.minus(x.div(HUNDRED)));
  const fHi = factor(direction === 'up' ? r.hi : r.lo);
  const fLo = factor(direction === 'up' ? r.lo : r.hi);
  const refs = [figureRef(report, rate.quantity, 'growth'), figureRef(report, count.quantity, 'count')];
  if (!fLo.isFinite() || fLo.lte(0) || !fHi.isFinite()) {
    out.add<ClaimOf<'growth'>>({
      kind: 'growth',
      range: rate.quantity.range,
      figures: refs,
      verdict: 'unverifiable',
      evidence: evidence(refs, { note: 'the rate is unbounded or a fall of 100% or more' }),
      reason: 'no finite range of prior values',
      phrase: rate.label,
      direction,
      priors: [],
      priorRange: null,
      statedPrior: null,
      computedRate: null,
    });
    return;
  }
  const lo = n.lo.div(fHi).ceil();
  const hi = n.hi.isFinite() ? n.hi.div(fLo).floor() : lo.plus(MAX_PRIORS);
  const priors: string[] = [];
  for (let p = lo; p.lte(hi) && priors.length < MAX_PRIORS; p = p.plus(1)) if (p.gt(0)) priors.push(p.toString());
  const holds = priors.length > 0;
  const nearest = count.quantity.value.div(factor(rate.quantity.value)).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  const actual = nearest.gt(0) ? count.quantity.value.minus(nearest).abs().div(nearest).times(100) : null;
  out.add<ClaimOf<'growth'>>({
    kind: 'growth',
    range: rate.quantity.range,
    figures: refs,
    verdict: holds ? 'holds' : 'fails',
    evidence: evidence(refs, {
      expression: `${count.quantity.value} / (1 ${direction === 'up' ? '+' : '−'} ${written(report, rate.quantity)})`,
      computed: holds ? `prior ${priors.join(' or ')}` : `no whole-number prior in [${n.lo.div(fHi).toDecimalPlaces(2)}, ${n.hi.div(fLo).toDecimalPlaces(2)}]`,
      ...(actual ? { expected: `prior ${nearest} gives ${actual.toDecimalPlaces(2)}%` } : {}),
    }),
    reason: holds ? 'a whole-number prior value fits the growth rate' : 'no whole-number prior value gives this growth rate',
    phrase: rate.label,
    direction,
    priors,
    // Four places, so a narrow range does not print as one value (4.8–4.8).
    statedPrior: null,
    computedRate: null,
    priorRange: { lo: n.lo.div(fHi).toDecimalPlaces(4).toString(), hi: n.hi.isFinite() ? n.hi.div(fLo).toDecimalPlaces(4).toString() : 'Infinity' },
  });
}
