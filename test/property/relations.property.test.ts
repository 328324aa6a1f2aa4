/**
 * Families of sibling shares, generated: a total stated a paragraph before a list of categories,
 * each with its count and its share of the total. Consistent families draw no finding however
 * the counts fall (neighbours of any size, shares at 0–2 decimals); a member written truncated
 * draws exactly one truncation finding, on it.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/index.js';
import { ARITHMETIC_ONLY } from '../helpers.js';

const RUNS = Number(process.env.JIAOHE_PROP_RUNS ?? 200);
const SEED = 20211103;
const TOPICS = ['供暖', '物业服务', '噪音扰民', '道路交通', '子女教育', '医疗卫生'];

interface Family {
  total: number;
  counts: number[];
  places: number;
}

const familyArb: fc.Arbitrary<Family> = fc
  .record({ total: fc.integer({ min: 200, max: 60000 }), k: fc.integer({ min: 3, max: TOPICS.length }), places: fc.integer({ min: 0, max: 2 }) })
  .chain(({ total, k, places }) =>
    fc
      .array(fc.integer({ min: 1, max: Math.floor(total / k) }), { minLength: k, maxLength: k })
      .map((counts) => ({ total, counts, places })),
  );

function share(count: number, total: number, places: number, mode: Decimal.Rounding): string {
  return new Decimal(count).times(100).div(total).toDecimalPlaces(places, mode).toFixed(places);
}

function text(f: Family, written: string[]): string {
  const list = f.counts.map((c, i) => `反映${TOPICS[i]}问题的来电${c}件,占比${written[i]}%`).join(';');
  return `一、基本情况\n本月共受理群众诉求${f.total}件。\n二、热点问题\n${list}。`;
}

describe('families of sibling shares', () => {
  it('draw no finding when every share is its count over the one total', () => {
    fc.assert(
      fc.property(familyArb, (f) => {
        const t = text(f, f.counts.map((c) => share(c, f.total, f.places, Decimal.ROUND_HALF_UP)));
        const loud = checkReport(t, { rules: ARITHMETIC_ONLY }).diagnostics.filter((d) => d.severity !== 'info');
        expect(loud.map((d) => `${d.ruleId}: ${d.message}`), t).toEqual([]);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('draw one truncation finding on a member written truncated', () => {
    const withCut = familyArb.chain((f) =>
      fc.integer({ min: 0, max: f.counts.length - 1 }).map((j) => ({ f, j })),
    )
      // Truncation differs from rounding, and the value is not exactly halfway (0.5% is both 0% and 1%).
      .filter(({ f, j }) => {
        const c = f.counts[j]!;
        const up = share(c, f.total, f.places, Decimal.ROUND_HALF_UP);
        return up !== share(c, f.total, f.places, Decimal.ROUND_DOWN) && up === share(c, f.total, f.places, Decimal.ROUND_HALF_DOWN);
      });
    fc.assert(
      fc.property(withCut, ({ f, j }) => {
        const written = f.counts.map((c, i) => share(c, f.total, f.places, i === j ? Decimal.ROUND_DOWN : Decimal.ROUND_HALF_UP));
        const t = text(f, written);
        const found = checkReport(t, { rules: ARITHMETIC_ONLY }).diagnostics.filter((d) => d.ruleId === 'rate-matches-counts');
        const at = t.indexOf(`${written[j]}%`, t.indexOf(`反映${TOPICS[j]}`));
        expect(found.map((d) => [d.messageId, d.range.start]), t).toEqual([['truncated', at]]);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
