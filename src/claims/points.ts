import { figureInterval, meets } from '../arithmetic/interval.js';
import { ClaimList, evidence } from './builder.js';
import { figureRef, type ReportContext } from './context.js';
import type { ClaimOf } from './schema.js';

const CHANGE_VERBS = ['提高', '上升', '下降', '降低', '增长', '减少', '提升', '增加', '收窄', '扩大'];
const RATE_WORDS = ['率', '占比', '比重', '比例'];
/** Words ending in 率 that are not rates: 效率, 频率 … */
const NOT_RATES = ['效率', '频率', '功率', '概率', '汇率', '税率', '利率', '速率'];

/** Whether a text names a rate (办结率, 占比), not merely a word ending in 率 (效率). */
function namesRate(text: string): boolean {
  // Every word that is no rate ends in 率: without one there is nothing to take out.
  if (!text.includes('率')) return RATE_WORDS.some((w) => text.includes(w));
  let t = text;
  for (const w of NOT_RATES) t = t.split(w).join('');
  return RATE_WORDS.some((w) => t.includes(w));
}

/**
 * A rate that changes by N% where N 个百分点 is meant: 办结率由95%提高到97.04%,提高2.04%. When
 * the two rates are stated and differ by the change, the mistake is certain (confirmed).
 */
export function extractPointsChanges(ctx: ReportContext, out: ClaimList): void {
  const { report } = ctx;
  for (let i = 0; i < ctx.figures.length; i++) {
    const f = ctx.figures[i]!;
    const q = f.quantity;
    if (q.unit === '个百分点' && q.to === null) {
      checkPoints(ctx, out, i);
      continue;
    }
    if (q.unit !== '%' || q.to !== null) continue;
    const verb = CHANGE_VERBS.find((v) => f.label.endsWith(v));
    if (!verb) continue;
    // The subject is the figure's own label (办结率同比提高2.04%), or, for a bare 提高2.04%, the
    // rate just before it in the clause group (办结率由95%提高到97.04%,提高2.04%). A rate named
    // earlier in another clause (覆盖率达95%,回收量增长12%) is not the subject.
    const own = f.rawLabel.slice(0, f.rawLabel.length - verb.length);
    const bare = own.replace(/^(同比|较上年|比上年|环比)/, '').length === 0;
    const previousRate = ctx.figures
      .slice(Math.max(0, i - 2), i)
      .some((e) => e.segment === f.segment && e.quantity.unit === '%' && namesRate(e.rawLabel));
    if (!namesRate(own) && !(bare && previousRate)) continue;
    // Two earlier percentages in the clause group whose difference is the change confirm it.
    const earlier = ctx.figures.slice(Math.max(0, i - 6), i).filter((e) => e.segment === f.segment && e.quantity.unit === '%');
    let confirmed = false;
    let difference = '';
    const refs = [figureRef(report, q, 'change')];
    for (let a = 0; a < earlier.length && !confirmed; a++) {
      for (let b = a + 1; b < earlier.length && !confirmed; b++) {
        const x = figureInterval(earlier[a]!.quantity);
        const y = figureInterval(earlier[b]!.quantity);
        const rise = { lo: y.lo.minus(x.hi), hi: y.hi.minus(x.lo) };
        const fall = { lo: x.lo.minus(y.hi), hi: x.hi.minus(y.lo) };
        if (meets(rise, q.interval) || meets(fall, q.interval)) {
          confirmed = true;
          refs.push(figureRef(report, earlier[a]!.quantity, 'from'), figureRef(report, earlier[b]!.quantity, 'to'));
          difference = earlier[b]!.quantity.value.minus(earlier[a]!.quantity.value).abs().toString();
        }
      }
    }
    out.add<ClaimOf<'pointsChange'>>({
      kind: 'pointsChange',
      range: q.range,
      figures: refs,
      verdict: 'fails',
      evidence: evidence(refs, {
        computed: confirmed ? `${refs[2]!.text} − ${refs[1]!.text} = ${difference}` : undefined,
        expected: `${report.text.slice(q.numberRange.start, q.numberRange.end)}个百分点`,
      }),
      reason: confirmed ? 'the change is the difference of two stated rates, so it is in percentage points' : 'a change in a rate is written in 个百分点',
      confirmed,
      written: 'percent',
    });
  }
}

/**
 * A change written in 个百分点 after both rates (由92.3%提升至95.1%,提高2.8个百分点): the change
 * must be their difference at the shown precision.
 */
function checkPoints(ctx: ReportContext, out: ClaimList, i: number): void {
  const { report } = ctx;
  const f = ctx.figures[i]!;
  if (!CHANGE_VERBS.some((v) => f.label.endsWith(v) || f.label.endsWith(`${v}了`))) return;
  const earlier = ctx.figures.slice(Math.max(0, i - 4), i).filter((e) => e.segment === f.segment && e.quantity.unit === '%' && e.quantity.to === null);
  // The two rates read 由/从 X … 至/到 Y, the later one just before the change.
  const to = earlier[earlier.length - 1];
  const from = earlier[earlier.length - 2];
  if (!to || !from || !/[由从]/.test(from.rawLabel) || !/[至到]$/.test(to.rawLabel)) return;
  const x = figureInterval(from.quantity);
  const y = figureInterval(to.quantity);
  const rise = { lo: y.lo.minus(x.hi), hi: y.hi.minus(x.lo) };
  const fall = { lo: x.lo.minus(y.hi), hi: x.hi.minus(y.lo) };
  const exact = to.quantity.value.minus(from.quantity.value).abs();
  const holds = meets(rise, f.quantity.interval) || meets(fall, f.quantity.interval);
  const refs = [figureRef(report, f.quantity, 'change'), figureRef(report, from.quantity, 'from'), figureRef(report, to.quantity, 'to')];
  out.add<ClaimOf<'pointsChange'>>({
    kind: 'pointsChange',
    range: f.quantity.range,
    figures: refs,
    verdict: holds ? 'holds' : 'fails',
    evidence: evidence(refs, {
      computed: `${refs[2]!.text} − ${refs[1]!.text} = ${exact}个百分点`,
      expected: report.text.slice(f.quantity.range.start, f.quantity.range.end),
    }),
    reason: holds ? 'the change is the difference of the two rates' : 'the change is not the difference of the two rates',
    confirmed: true,
    written: 'points',
  });
}
