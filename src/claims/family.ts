/**
 * Families of sibling figures read as breakdowns. Each category's count with its own 占比 is a
 * part of the one total the shares are over (咨询类2997件,占比76.03%;求助类654件,占比16.59% …
 * under 有效诉求3942件, a paragraph earlier), and shares written without counts
 * (咨询类占77.18%,投诉类占12.47% …) are parts of 100%. A list that names its 其他 category, or
 * whose shares make 100%, is complete, so its parts must add up to the total.
 */
import { Decimal } from 'decimal.js';
import { figureInterval, interval, meets, showInterval, sumIntervals } from '../arithmetic/interval.js';
import type { Interval } from '../model/quantity.js';
import { ClaimList, evidence } from './builder.js';
import { figureRef, sameUnit, type FigureContext, type ReportContext } from './context.js';
import { canBeBase, figuresBeforeIndex, isTotalBase } from './rate-bases.js';
import type { ShareFamily } from './rate.js';
import type { ClaimOf } from './schema.js';
import { hasWords, W, WORDS } from './words.js';

/** How many paragraphs before a family its total may stand, when no base fits its shares. */
const TOTAL_PARAGRAPHS = 2;
/** How many shares without counts make a family (fewer may be a pair compared, not a split). */
const MIN_BARE_SHARES = 3;

const HUNDRED: Interval = interval(100, 100);

/** Breakdown claims of share families: the counts against their total, and bare shares against 100%. */
export function extractFamilyBreakdowns(ctx: ReportContext, out: ClaimList, families: readonly ShareFamily[]): void {
  for (const family of families) countFamily(ctx, out, family);
  bareShareFamilies(ctx, out);
}

/** Whether a family's list is complete: it names its 其他 category, or its shares make 100%. */
function closedList(parts: readonly FigureContext[], shares: readonly FigureContext[]): boolean {
  if (parts.some((p) => hasWords(p.labelWords, W.others))) return true;
  if (shares.length === 0) return false;
  // The stated shares add up to 100 exactly (within half the finest step shown): the list is the
  // whole. Their intervals alone would let four whole percents from 98 to 102 pass as complete,
  // and rounding can lift a list of 97% to 99%.
  const sum = shares.reduce((a, s) => a.plus(s.quantity.value), new Decimal(0));
  const finest = shares.reduce((a, s) => Decimal.min(a, s.quantity.step), shares[0]!.quantity.step);
  return sum.minus(100).abs().lt(finest.div(2));
}

function countFamily(ctx: ReportContext, out: ClaimList, family: ShareFamily): void {
  const { report } = ctx;
  const first = family.parts[0]!;
  const total = family.base ?? nearestTotal(ctx, family.parts);
  if (!total || !out.claim(`breakdown:${total.quantity.index}:${first.quantity.index}`)) return;
  out.markParts(family.parts);
  const sum = sumIntervals(family.parts.map((p) => figureInterval(p.quantity)));
  const ti = figureInterval(total.quantity);
  const closed = closedList(family.parts, family.shares);
  const sumHolds = closed ? meets(sum, ti) : sum.lo.lte(ti.hi);
  const conflict = qualifierConflict(total, family.parts);
  const holds = sumHolds && !conflict;
  const refs = [figureRef(report, total.quantity, 'total'), ...family.parts.map((p) => figureRef(report, p.quantity, 'part'))];
  const expression = `${family.parts.map((p) => p.quantity.value.toString()).join('+')} = ${showInterval(sum)}`;
  out.add<ClaimOf<'breakdown'>>({
    kind: 'breakdown',
    range: total.quantity.range,
    figures: refs,
    verdict: holds ? 'holds' : 'fails',
    evidence: evidence(refs, {
      expression,
      computed: showInterval(sum),
      expected: `${closed ? '=' : '≤'} ${showInterval(ti)}`,
      note: `a family of ${family.parts.length} categories, each with its own share${family.base ? ', over the base that fits their shares' : ', under the nearest total before them'}${closed ? '; the list is complete' : ''}`,
    }),
    reason: !sumHolds
      ? sum.lo.gt(ti.hi)
        ? 'the categories add up to more than their total'
        : 'the categories add up to less than their total'
      : conflict
        ? `a category is labelled ${conflict.opposite}, which the total (${conflict.qualifier}) excludes`
        : 'the categories add up to their total',
    mode: closed ? 'exhaustive' : 'partial',
    failure: sumHolds ? null : sum.lo.gt(ti.hi) ? 'exceeds' : 'short',
    closed,
    conflict,
  });
}

/**
 * A part labelled with the opposite of its total's qualifier: 无效类1件 among the categories of
 * 有效信件497件. The longer word of a pair is tested first, since 无效 contains 效 and 不满意 满意.
 */
function qualifierConflict(total: FigureContext, parts: readonly FigureContext[]): ClaimOf<'breakdown'>['conflict'] {
  for (const [a, b] of WORDS.antonyms) {
    for (const [word, opposite] of [[a, b], [b, a]] as const) {
      const totalHas = total.rawLabel.includes(word) && !(opposite.includes(word) && total.rawLabel.includes(opposite));
      if (!totalHas) continue;
      const part = parts.find((p) => p.rawLabel.includes(opposite) && !(word.includes(opposite) && p.rawLabel.includes(word)));
      if (part) return { qualifier: word, opposite, part: part.quantity.range };
    }
  }
  return null;
}

/** The nearest total before the family (受理…共N件) in its paragraph or the two before, large enough for every part. */
function nearestTotal(ctx: ReportContext, parts: readonly FigureContext[]): FigureContext | null {
  const first = parts[0]!;
  const largest = parts.reduce((a, p) => (p.quantity.value.gt(a.quantity.value) ? p : a));
  const members = new Set(parts);
  for (const den of figuresBeforeIndex(ctx, first.index)) {
    if (den.quantity.paragraph < first.quantity.paragraph - TOTAL_PARAGRAPHS) return null;
    if (members.has(den) || !isTotalBase(den) || !sameUnit(den.quantity, first.quantity)) continue;
    if (canBeBase(largest, den, true)) return den;
  }
  return null;
}

/**
 * Runs of shares with no count of their own (咨询类占77.18%,投诉类占12.47% …) in one sentence:
 * parts of 100%. A complete run (naming 其他) must make 100% within rounding; any run must not
 * pass it.
 */
function bareShareFamilies(ctx: ReportContext, out: ClaimList): void {
  let run: FigureContext[] = [];
  const flush = (): void => {
    if (run.length >= MIN_BARE_SHARES) judgeBare(ctx, out, run);
    run = [];
  };
  for (let i = 0; i < ctx.figures.length; i++) {
    const f = ctx.figures[i]!;
    const q = f.quantity;
    // 咨询类占77.18%; inside a run, 其他类 0.01% (a category word and no 占) continues it.
    const named = f.label.indexOf('占') > 0 || (run.length > 0 && f.label.endsWith('类'));
    const bare = q.unit === '%' && q.to === null && named && !f.label.includes('分别') && !hasCount(ctx, i);
    if (!bare) {
      if (q.unit === '%' || run.length === 0 || q.sentence !== run[0]!.quantity.sentence) flush();
      continue;
    }
    if (run.length > 0 && q.sentence !== run[0]!.quantity.sentence) flush();
    run.push(f);
  }
  flush();
}

/** Whether the share at `i` has its own count before it in its clause group. */
function hasCount(ctx: ReportContext, i: number): boolean {
  const prev = ctx.figures[i - 1];
  return prev !== undefined && prev.segment === ctx.figures[i]!.segment && prev.quantity.unit !== '%';
}

function judgeBare(ctx: ReportContext, out: ClaimList, shares: FigureContext[]): void {
  const { report } = ctx;
  const sum = sumIntervals(shares.map((s) => s.quantity.interval));
  // Bare shares are named only by their category words: 其他类 without 占 counts too.
  const closed = shares.some((s) => hasWords(s.labelWords, W.others));
  const holds = closed ? meets(sum, HUNDRED) : sum.lo.lte(new Decimal(100));
  const refs = shares.map((s) => figureRef(report, s.quantity, 'part'));
  out.add<ClaimOf<'breakdown'>>({
    kind: 'breakdown',
    range: shares[0]!.quantity.range,
    figures: refs,
    verdict: holds ? 'holds' : 'fails',
    evidence: evidence(refs, {
      expression: `${shares.map((s) => s.quantity.value.toString()).join('+')} = ${showInterval(sum)}%`,
      computed: `${showInterval(sum)}%`,
      expected: closed ? '= 100%' : '≤ 100%',
      note: 'shares of one whole, each category named with its share and no count',
    }),
    reason: holds ? 'the shares make at most their whole' : 'the shares do not make 100%',
    mode: closed ? 'exhaustive' : 'partial',
    failure: holds ? null : sum.lo.gt(100) ? 'exceeds' : 'short',
    closed,
    conflict: null,
  });
}
