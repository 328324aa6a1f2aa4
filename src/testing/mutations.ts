/**
 * Mutation operators for generated reports: each breaks exactly one thing in a report from
 * `reportArbitrary` and says which finding must follow, where, and with which rule options.
 * Values are chosen so the finding is certain, not likely: every computation uses decimal.js,
 * and figures near the mutated one that a rule could also try (a candidate total, a base of a
 * rate) are kept out of reach, or the operator picks another place, or gives up with null.
 */
import { Decimal } from 'decimal.js';
import { builtinLexicon, metricIn } from '../claims/lexicon.js';
import type { Range } from '../model/range.js';
import { CHINESE_NUMERALS, headingMarker, type GeneratedReport, type HeadingLevel, type PlantedClaim, type PlantedEnumeration, type PlantedFigure, type PlantedHeading } from './report.js';

/** A report with one thing broken, and the finding that must follow. */
export interface Mutation {
  /** Operator name, e.g. 'perturbTotal'. */
  name: string;
  /** The mutated report text. */
  text: string;
  /** The one finding the mutation must produce. */
  expected: {
    ruleId: string;
    messageId: string;
    /** Where the finding must sit, in the mutated text. */
    range: Range;
    /** The mutated text at that range. */
    text: string;
  };
  /** Rule options the finding needs (e.g. `{ reportShort: true }`), if any. */
  options?: Record<string, unknown>;
}

/** Breaks one thing in a report; `choice` picks what (by modulo). Null when there is nothing to break. */
export type MutationOperator = (report: GeneratedReport, choice: number) => Mutation | null;

type ClaimOf<K extends PlantedClaim['kind']> = Extract<PlantedClaim, { kind: K }>;

const HUNDRED = new Decimal(100);

/** The text with `range` replaced. */
function splice(text: string, range: Range, replacement: string): string {
  return text.slice(0, range.start) + replacement + text.slice(range.end);
}

/** The item `choice` picks, and what is left of `choice` for a second pick. */
function pick<T>(items: readonly T[], choice: number): { item: T; rest: number } | null {
  if (items.length === 0) return null;
  const c = Math.abs(Math.trunc(choice));
  return { item: items[c % items.length]!, rest: Math.floor(c / items.length) };
}

/** The planted claims of one kind. */
function claimsOf<K extends PlantedClaim['kind']>(report: GeneratedReport, kind: K): Array<ClaimOf<K>> {
  return report.claims.filter((c): c is ClaimOf<K> => c.kind === kind);
}

/** Start of the line `back` lines above the one holding `offset`. */
function lineStartAbove(text: string, offset: number, back: number): number {
  let at = text.lastIndexOf('\n', offset - 1);
  for (let i = 0; i < back && at > 0; i++) at = text.lastIndexOf('\n', at - 1);
  return at + 1;
}

/**
 * Every number written in `[from, to)` outside `skip`: a superset of the figures a rule may try
 * as a total or a base. Digits in names (12345热线) count too, which only makes operators more
 * careful.
 */
function numbersIn(text: string, from: number, to: number, skip: readonly Range[] = []): Decimal[] {
  const out: Decimal[] = [];
  for (const m of text.slice(from, to).matchAll(/\d+(?:\.\d+)?/g)) {
    const start = from + m.index;
    const end = start + m[0].length;
    if (skip.some((r) => start < r.end && end > r.start)) continue;
    out.push(new Decimal(m[0]));
  }
  return out;
}

/**
 * The numbers of this line and the two above, before `end`. Rules look for totals and bases in
 * the sentence and the one before, and each line of a generated report is a sentence.
 */
function numbersBefore(text: string, sentence: Range, end: number, skip: readonly Range[] = []): Decimal[] {
  return numbersIn(text, lineStartAbove(text, sentence.start, 2), end, skip);
}

/** The unit written after a figure's number: 件, %, 个百分点. */
function unitOf(f: PlantedFigure): string {
  return f.text.slice(f.text.indexOf(f.value) + f.value.length);
}

/** Replaces a planted figure and reports where the new one sits. */
function replaceFigure(text: string, f: PlantedFigure, written: string): { text: string; range: Range } {
  return { text: splice(text, f.range, written), range: { start: f.range.start, end: f.range.start + written.length } };
}

/** A mutation whose expected text is read off the mutated text at the range. */
function mutation(name: string, text: string, ruleId: string, messageId: string, range: Range, options?: Record<string, unknown>): Mutation {
  return { name, text, expected: { ruleId, messageId, range, text: text.slice(range.start, range.end) }, ...(options ? { options } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Breakdowns and partitions

/** sum-matches-total `exceeds`: a breakdown's total lowered below the sum of its parts. */
export const perturbTotal: MutationOperator = (report, choice) => {
  const options = claimsOf(report, 'breakdown').flatMap((c) => {
    const sum = c.parts.reduce((a, p) => a.plus(p.value), new Decimal(0));
    const others = numbersBefore(report.text, c.sentence, c.total.range.end, [c.total.range]);
    // The rule tries every earlier count of the sentence and the one before as the total, and
    // judges against the one nearest the sum. Lower by k, still nearer the sum than any other
    // number in reach, so the lowered total is the one judged and nothing else fits.
    const nearest = others.reduce((m, x) => Decimal.min(m, x.minus(sum).abs()), new Decimal(Infinity));
    const kMax = Decimal.min(sum, nearest.minus(1));
    return kMax.gte(1) ? [{ c, sum, kMax: kMax.floor().toNumber() }] : [];
  });
  const p = pick(options, choice);
  if (!p) return null;
  const { c, sum, kMax } = p.item;
  const total = sum.minus(1 + (p.rest % kMax));
  const r = replaceFigure(report.text, c.total, `${total.toFixed()}${unitOf(c.total)}`);
  return mutation('perturbTotal', r.text, 'sum-matches-total', 'exceeds', r.range);
};

/**
 * sum-matches-total `exceeds`, beyond precision: a rounded total in 万元 moved down until its
 * interval (±half its last shown digit, the 约 dropped) no longer meets the parts' sum interval.
 * Any smaller move would still be consistent with rounding, and is no error.
 */
export const perturbBeyondPrecision: MutationOperator = (report, choice) => {
  const options = claimsOf(report, 'amounts').flatMap((c) => {
    const step = new Decimal(10).pow(-c.totalPlaces);
    const partStep = (f: PlantedFigure): Decimal => new Decimal(10).pow(-(f.value.split('.')[1]?.length ?? 0));
    // The least the parts can add up to: each part less half its own last digit.
    const sumLo = c.parts.reduce((a, f) => a.plus(new Decimal(f.value).minus(partStep(f).div(2))), new Decimal(0));
    // The largest total on the total's grid whose upper end stays below that.
    let total = sumLo.minus(step.div(2)).div(step).floor().times(step);
    if (total.plus(step.div(2)).gte(sumLo)) total = total.minus(step);
    if (total.lte(step)) return [];
    // No other number in reach may be taken for the total instead: none whose own interval (±half
    // its last shown digit) comes within reach of the parts (the rule would judge against it and
    // find the parts fit), counting that the total may go two more steps down.
    const sumHi = c.parts.reduce((a, f) => a.plus(new Decimal(f.value).plus(partStep(f).div(2))), new Decimal(0));
    const reach = sumLo.minus(total).plus(step.times(3));
    const from = lineStartAbove(report.text, c.sentence.start, 2);
    for (const m of report.text.slice(from, c.total.range.end).matchAll(/\d+(?:\.\d+)?/g)) {
      const at = from + m.index;
      if (at >= c.total.range.start && at < c.total.range.end) continue;
      const x = new Decimal(m[0]);
      // A qualified figure (约1700万元, 1700余万元) stands for far more than its last digit: take it as [0, 2x].
      const qualified = /[约近超逾]$/.test(report.text.slice(Math.max(0, at - 1), at)) || /^[余多]|^[^，,。;；]{0,3}(以上|左右)/.test(report.text.slice(at + m[0].length, at + m[0].length + 5));
      const half = qualified ? x : new Decimal(10).pow(-(m[0].split('.')[1]?.length ?? 0)).div(2);
      if (x.plus(half).gte(sumLo.minus(reach)) && x.minus(half).lte(sumHi.plus(reach))) return [];
    }
    return [{ c, total, step }];
  });
  const p = pick(options, choice);
  if (!p) return null;
  const { c, step } = p.item;
  // Further down by 0–2 more steps, as the choice says: still beyond the parts' reach.
  const total = p.item.total.minus(step.times(p.rest % 3));
  if (total.lte(0)) return null;
  const r = replaceFigure(report.text, c.total, `${total.toFixed(c.totalPlaces)}万元`);
  return mutation('perturbBeyondPrecision', r.text, 'sum-matches-total', 'exceeds', r.range);
};

/** sum-matches-total `short` (with `reportShort`): a part above zero dropped from a breakdown of three or more. */
export const dropPart: MutationOperator = (report, choice) => {
  const options = claimsOf(report, 'breakdown').flatMap((c) => {
    if (c.parts.length < 3) return [];
    const sum = c.parts.reduce((a, p) => a.plus(p.value), new Decimal(0));
    const total = new Decimal(c.total.value);
    const others = numbersBefore(report.text, c.sentence, c.total.range.end, [c.total.range]);
    return c.parts.flatMap((part, i) => {
      const dropped = sum.minus(part.value);
      const gap = total.minus(dropped);
      // The total must stay the candidate nearest the new sum, and nothing else may equal it.
      if (gap.lte(0) || others.some((x) => x.minus(dropped).abs().lte(gap))) return [];
      return [{ c, i }];
    });
  });
  const p = pick(options, choice);
  if (!p) return null;
  const { c, i } = p.item;
  const text = report.text;
  // 咨询类71件、投诉类1116件: drop the part with its label and one 、.
  const cut =
    i > 0
      ? { start: c.parts[i - 1]!.range.end, end: c.parts[i]!.range.end }
      : { start: text.lastIndexOf('其中', c.parts[0]!.range.start) + 2, end: c.parts[0]!.range.end + 1 };
  return mutation('dropPart', splice(text, cut, ''), 'sum-matches-total', 'short', c.total.range, { reportShort: true });
};

/** partition-matches-total `mismatch`: the done count of a partition raised, so done + pending passes the total. */
export const perturbPartition: MutationOperator = (report, choice) => {
  const p = pick(claimsOf(report, 'partition'), choice);
  if (!p) return null;
  const c = p.item;
  const done = new Decimal(c.done.value).plus(1 + (p.rest % 9));
  const r = replaceFigure(report.text, c.done, `${done.toFixed()}${unitOf(c.done)}`);
  return mutation('perturbPartition', r.text, 'partition-matches-total', 'mismatch', c.total.range);
};

// ---------------------------------------------------------------------------------------------
// Rates

/** Whether any pair of the numbers, as numerator/base, gives a rate inside `[lo, hi]` (a superset of the pairs a rule tries). */
function someRateWithin(numbers: readonly Decimal[], lo: Decimal, hi: Decimal): boolean {
  return numbers.some((n) => numbers.some((d) => d.gt(0) && n.times(HUNDRED).div(d).gte(lo) && n.times(HUNDRED).div(d).lte(hi)));
}

/** Whether no pair of numbers in reach gives `stated`, written at the claim's decimals (so only the claim's own pair is judged). */
function rateFits(c: ClaimOf<'rate'>, report: GeneratedReport, stated: Decimal): boolean {
  const half = new Decimal(10).pow(-c.places).div(2);
  const numbers = numbersBefore(report.text, c.sentence, c.rate.range.start);
  return !someRateWithin(numbers, stated.minus(half), stated.plus(half));
}

/** rate-matches-counts `truncated`: a rate written with its digits cut where rounding half up differs. */
export const truncateRate: MutationOperator = (report, choice) => {
  // Only where the cut value is more than half a step below the exact ratio: an exact half
  // (1/8 = 12.5% written 12%) may be rounded either way (GB/T 8170), and the rule accepts it.
  const options = claimsOf(report, 'rate').flatMap((c) => {
    const exact = new Decimal(c.count.value).times(HUNDRED).div(c.base.value);
    const cut = exact.toDecimalPlaces(c.places, Decimal.ROUND_DOWN);
    // exact − cut > half a step, in whole numbers: 2·(count·100·10^p − cut·10^p·base) > base.
    const scale = new Decimal(10).pow(c.places);
    const excess = new Decimal(c.count.value).times(HUNDRED).times(scale).minus(cut.times(scale).times(c.base.value)).times(2);
    if (!excess.gt(c.base.value) || !rateFits(c, report, cut)) return [];
    return [{ c, cut }];
  });
  const p = pick(options, choice);
  if (!p) return null;
  const { c, cut } = p.item;
  const r = replaceFigure(report.text, c.rate, `${cut.toFixed(c.places)}%`);
  return mutation('truncateRate', r.text, 'rate-matches-counts', 'truncated', r.range);
};

/** rate-matches-counts `mismatch`: a rate written two or more steps below the correct one (never below 0). */
export const wrongRate: MutationOperator = (report, choice) => {
  const options = claimsOf(report, 'rate').flatMap((c) => {
    const step = new Decimal(10).pow(-c.places);
    const rounded = new Decimal(c.rate.value);
    const out: Array<{ c: ClaimOf<'rate'>; stated: Decimal }> = [];
    for (let k = 2; k < 40 && out.length < 3; k++) {
      const stated = rounded.minus(step.times(k));
      if (stated.lt(0)) break;
      if (rateFits(c, report, stated)) out.push({ c, stated });
    }
    return out;
  });
  const p = pick(options, choice);
  if (!p) return null;
  const { c, stated } = p.item;
  const r = replaceFigure(report.text, c.rate, `${stated.toFixed(c.places)}%`);
  return mutation('wrongRate', r.text, 'rate-matches-counts', 'mismatch', r.range);
};

/** rate-within-bounds `over`: a share (满意率, 知晓率 …) set above 100.5%. */
export const overBound: MutationOperator = (report, choice) => {
  const p = pick(claimsOf(report, 'boundedRate'), choice);
  if (!p) return null;
  const c = p.item;
  // 100.51% … 150.50%: even the low end of the written figure's interval is above 100.5%.
  const value = new Decimal(10051 + (p.rest % 5000)).div(100);
  const r = replaceFigure(report.text, c.rate, `${value.toFixed(2)}%`);
  // The figure as the rule reads it includes its qualifier: 满意率达103% is flagged at 达103%.
  const start = r.text[r.range.start - 1] === '达' ? r.range.start - 1 : r.range.start;
  return mutation('overBound', r.text, 'rate-within-bounds', 'over', { start, end: r.range.end });
};

// ---------------------------------------------------------------------------------------------
// Counted lists, growth, points, zero claims

/** list-count-matches `tooMany`: the count of a list of titles set below the number of titles (at least 1). */
export const undercount: MutationOperator = (report, choice) => {
  const p = pick(
    claimsOf(report, 'countedList').filter((c) => c.items.length >= 2),
    choice,
  );
  if (!p) return null;
  const c = p.item;
  const count = 1 + (p.rest % (c.items.length - 1));
  const r = replaceFigure(report.text, c.count, `${count}${unitOf(c.count)}`);
  return mutation('undercount', r.text, 'list-count-matches', 'tooMany', r.range);
};

/**
 * Whether some whole prior P > 0 gives `count` after a change in `[lo, hi]` percent: for a rise
 * P·(100+lo) ≤ 100·count ≤ P·(100+hi), for a fall P·(100−hi) ≤ 100·count ≤ P·(100−lo). Exact.
 */
function feasible(count: Decimal, lo: Decimal, hi: Decimal, direction: '增长' | '下降'): boolean {
  const target = count.times(HUNDRED);
  const [fLo, fHi] = direction === '增长' ? [HUNDRED.plus(lo), HUNDRED.plus(hi)] : [HUNDRED.minus(hi), HUNDRED.minus(lo)];
  if (fLo.lte(0)) return true; // a fall of 100% or more: the rule leaves it unverified
  // The smallest whole P with P·fHi ≥ target (the division only guesses; the products decide),
  // then whether it also has P·fLo ≤ target.
  let p = Decimal.max(target.div(fHi).ceil(), 1);
  while (p.gt(1) && p.minus(1).times(fHi).gte(target)) p = p.minus(1);
  while (p.times(fHi).lt(target)) p = p.plus(1);
  return p.times(fLo).lte(target);
}

/** growth-rate-feasible `infeasible`: a growth rate no whole-number prior can give at its shown precision. */
export const infeasibleGrowth: MutationOperator = (report, choice) => {
  // Searched outwards from the stated rate, at its precision first; with one or two more
  // decimals when there is none (a large count falling by whole percents fits some prior at
  // every whole rate).
  const options = claimsOf(report, 'growth').flatMap((c) => {
    const count = new Decimal(c.count.value);
    const stated = new Decimal(c.rate.value);
    for (let places = c.places; places <= c.places + 2; places++) {
      const step = new Decimal(10).pow(-places);
      const half = step.div(2);
      // Rates to try, nearest first: stated ± 1 step, ± 2 steps …, above 0 and, for a fall, below
      // 100%. A rise may go as far as a prior below 1, where no whole prior fits at all.
      const up = (c.direction === '下降' ? HUNDRED.minus(half).minus(stated) : count.times(50).times(HUNDRED)).div(step).floor().toNumber();
      const down = stated.div(step).ceil().toNumber() - 1;
      for (let k = 1; k <= Math.max(up, down); k++) {
        for (const sign of [1, -1]) {
          if ((sign > 0 && k > up) || (sign < 0 && k > down)) continue;
          const rate = stated.plus(step.times(k * sign));
          if (!feasible(count, rate.minus(half), rate.plus(half), c.direction)) return [{ c, rate, places }];
        }
      }
    }
    return [];
  });
  const p = pick(options, choice);
  if (!p) return null;
  const { c, rate, places } = p.item;
  const r = replaceFigure(report.text, c.rate, `${rate.toFixed(places)}%`);
  return mutation('infeasibleGrowth', r.text, 'growth-rate-feasible', 'infeasible', r.range);
};

/** percent-vs-points `confirmed`: the change between two stated rates written in % instead of 个百分点. */
export const pointsAsPercent: MutationOperator = (report, choice) => {
  const p = pick(claimsOf(report, 'points'), choice);
  if (!p) return null;
  const c = p.item;
  const r = replaceFigure(report.text, c.change, `${c.change.value}%`);
  return mutation('pointsAsPercent', r.text, 'percent-vs-points', 'confirmed', r.range);
};

/** zero-claim-contradiction `contradicted`: `全年{metric}3件。` on a new line after the line calling it zero. */
export const contradictZero: MutationOperator = (report, choice) => {
  // Only a zero claim whose metric no other zero claim repeats, so one finding follows.
  const zeros = claimsOf(report, 'zero');
  const p = pick(
    zeros.filter((c) => zeros.filter((z) => z.metric === c.metric).length === 1),
    choice,
  );
  if (!p) return null;
  const c = p.item;
  const lineEnd = report.text.indexOf('\n', c.sentence.end);
  const at = lineEnd < 0 ? report.text.length : lineEnd + 1;
  const text = splice(report.text, { start: at, end: at }, `${lineEnd < 0 ? '\n' : ''}全年${c.metric}${1 + (p.rest % 9)}件。\n`);
  return mutation('contradictZero', text, 'zero-claim-contradiction', 'contradicted', c.zero.range);
};

/** The figure a claim's sentence opens with: the total, the base of a rate, the count of a growth. */
function subjectFigure(c: PlantedClaim): PlantedFigure | null {
  switch (c.kind) {
    case 'breakdown':
    case 'partition':
      return c.total;
    case 'rate':
      return c.base;
    case 'growth':
      return c.count;
    default:
      return null;
  }
}

/** restatement-consistent `mismatch`: a claim's opening figure stated again with another value, on the next line. */
export const restateFigure: MutationOperator = (report, choice) => {
  // 全年共受理信访事项118件,其中… followed by 全年共受理信访事项120件。 Only subjects that name a
  // metric of the built-in lexicon, which is what the rule compares.
  const options = report.claims.flatMap((c) => {
    const f = subjectFigure(c);
    if (!f) return [];
    const subject = report.text.slice(c.sentence.start, f.range.start);
    return metricIn(builtinLexicon, subject) ? [{ c, f, subject }] : [];
  });
  const p = pick(options, choice);
  if (!p) return null;
  const { c, f, subject } = p.item;
  const lineEnd = report.text.indexOf('\n', c.sentence.end);
  const at = lineEnd < 0 ? report.text.length : lineEnd + 1;
  const lead = `${lineEnd < 0 ? '\n' : ''}${subject}`;
  const figure = `${new Decimal(f.value).plus(1 + (p.rest % 9)).toFixed()}${unitOf(f)}`;
  const text = splice(report.text, { start: at, end: at }, `${lead}${figure}。\n`);
  const start = at + lead.length;
  return mutation('restateFigure', text, 'restatement-consistent', 'mismatch', { start, end: start + figure.length });
};

// ---------------------------------------------------------------------------------------------
// Structure: headings, enumerations, parts, plan year, signature


/** Sibling lists of headings: the parts, the subsections of a part, the items of a subsection. */
function siblingGroups(headings: readonly PlantedHeading[]): PlantedHeading[][] {
  const groups = new Map<string, PlantedHeading[]>();
  const parents: Partial<Record<HeadingLevel, number>> = {};
  headings.forEach((h, i) => {
    parents[h.level] = i;
    // A new heading ends the lists below its level.
    for (let l = h.level + 1; l <= 4; l++) delete parents[l as HeadingLevel];
    const key = h.level === 1 ? 'root' : `${h.level}:${parents[(h.level - 1) as HeadingLevel] ?? -1}`;
    const list = groups.get(key) ?? [];
    list.push(h);
    groups.set(key, list);
  });
  return [...groups.values()];
}

/** Replaces several ranges at once (given in any order, not overlapping). */
function spliceAll(text: string, edits: ReadonlyArray<{ range: Range; text: string }>): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.range.start - a.range.start)) out = splice(out, e.range, e.text);
  return out;
}

/** heading-numbering `gap`: sibling headings from the k-th (k ≥ 2) renumbered one up, at any level. */
export const skipHeading: MutationOperator = (report, choice) => {
  // Markers keep their length, so nothing moves. Renumbering the parts (一、…四、) could matter to
  // required-sections too; only heading-numbering is meant here.
  const g = pick(
    siblingGroups(report.headings).filter((s) => s.length >= 2),
    choice,
  );
  if (!g) return null;
  const siblings = g.item;
  const k = 1 + (g.rest % (siblings.length - 1)); // 0-based index of the first renumbered one
  const edits = siblings.slice(k).map((h) => ({ range: h.markerRange, text: headingMarker(h.level, h.ordinal + 1) }));
  const first = siblings[k]!;
  const range = { start: first.markerRange.start, end: first.markerRange.start + edits[0]!.text.length };
  return mutation('skipHeading', spliceAll(report.text, edits), 'heading-numbering', 'gap', range);
};

/** enumeration-sequence `gap`: markers from the k-th (k ≥ 2) of a 一是…二是… run renumbered one up. */
export const skipEnumeration: MutationOperator = (report, choice) => {
  const e = pick(
    report.enumerations.filter((en: PlantedEnumeration) => en.markers.length >= 2),
    choice,
  );
  if (!e) return null;
  const markers = e.item.markers;
  const k = 1 + (e.rest % (markers.length - 1));
  const edits = markers.slice(k).map((m, i) => ({ range: m.range, text: `${CHINESE_NUMERALS[k + i + 1]}是` }));
  const range = { start: markers[k]!.range.start, end: markers[k]!.range.start + edits[0]!.text.length };
  return mutation('skipEnumeration', spliceAll(report.text, edits), 'enumeration-sequence', 'gap', range);
};

/** required-sections `missing`: the shortcomings or the leaders' duty part removed, later parts renumbered. */
export const removePart: MutationOperator = (report, choice) => {
  // The later parts are renumbered so the numbering stays whole; the finding sits on the heading
  // of the part that now follows the gap.
  const ids = ['problems', 'duty'] as const;
  const id = ids[Math.abs(Math.trunc(choice)) % ids.length]!;
  const part = report.parts[id];
  const removed = part.range;
  const len = removed.end - removed.start;
  const later = report.headings.filter((h) => h.level === 1 && h.range.start >= removed.end);
  const edits = later.map((h) => ({ range: h.markerRange, text: headingMarker(1, h.ordinal - 1) }));
  const text = spliceAll(report.text, [...edits, { range: removed, text: '' }]);
  const next = later[0]!;
  // The next part's heading line, moved up by what was removed (markers keep their length).
  const range = { start: next.range.start - len, end: next.range.end - len };
  return mutation('removePart', text, 'required-sections', 'missing', range);
};

/** plan-year `planYear`: the plan heading's year set to the reporting year or one or two years before. */
export const wrongPlanYear: MutationOperator = (report, choice) => {
  const year = report.year - (Math.abs(Math.trunc(choice)) % 3);
  const written = `${year}年度`;
  const text = splice(report.text, report.planYear.range, written);
  const range = { start: report.planYear.range.start, end: report.planYear.range.start + written.length };
  return mutation('wrongPlanYear', text, 'plan-year', 'planYear', range);
};

/** report-date `late`: the signature date moved after the report deadline (1 March of the next year). */
export const lateDate: MutationOperator = (report, choice) => {
  // Both variants of the profile (district-county, street-town) take 1 March, inclusive: any day
  // from 2 March to 28 December of the next year is late, and no other date finding follows.
  const c = Math.abs(Math.trunc(choice));
  const month = 3 + (c % 10);
  const day = month === 3 ? 2 + (Math.floor(c / 10) % 27) : 1 + (Math.floor(c / 10) % 28);
  const written = `${report.year + 1}年${month}月${day}日`;
  const text = splice(report.text, report.signature.date, written);
  const range = { start: report.signature.date.start, end: report.signature.date.start + written.length };
  return mutation('lateDate', text, 'report-date', 'late', range);
};

/** signature-block `noDate`: the date line under the issuer removed; the finding sits at the end of the text. */
export const dropDate: MutationOperator = (report) => {
  const { date } = report.signature;
  const text = splice(report.text, { start: date.start - 1, end: date.end }, '');
  return mutation('dropDate', text, 'signature-block', 'noDate', { start: text.length, end: text.length });
};

/** Every mutation operator by name. */
export const MUTATIONS: Record<string, MutationOperator> = {
  perturbBeyondPrecision,
  perturbTotal,
  dropPart,
  perturbPartition,
  truncateRate,
  wrongRate,
  overBound,
  undercount,
  infeasibleGrowth,
  pointsAsPercent,
  contradictZero,
  restateFigure,
  skipHeading,
  skipEnumeration,
  removePart,
  wrongPlanYear,
  lateDate,
  dropDate,
};
