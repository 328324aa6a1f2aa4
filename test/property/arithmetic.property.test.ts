import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkReport, figureIntervalOf, meets, sumIntervals } from '../../src/index.js';

const RUNS = Number(process.env.JIAOHE_PROP_RUNS ?? 200);
const params = { numRuns: RUNS, seed: 90 };

const claimsOf = (text: string, kind: string) => checkReport(text).claims.filter((c) => c.kind === kind);

describe('sums of rounded figures (XBRL Calculations 1.1)', () => {
  it('a total rounded at any precision always holds against its exact parts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 2, maxLength: 6 }),
        fc.integer({ min: 0, max: 2 }),
        fc.constantFrom(Decimal.ROUND_HALF_UP, Decimal.ROUND_HALF_EVEN),
        (parts, places, mode) => {
          const sum = parts.reduce((a, b) => a + b, 0);
          const total = new Decimal(sum).div(10_000).toDecimalPlaces(places, mode).toFixed(places);
          const text = `全年投入资金${total}万元,其中${parts.map((p, i) => `项目${'甲乙丙丁戊己'[i]}${p}元`).join('、')}。`;
          const [claim] = claimsOf(text, 'breakdown');
          expect(claim?.verdict).toBe('holds');
        },
      ),
      params,
    );
  });

  it('moving one part beyond the total’s precision always fails', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 2, maxLength: 6 }),
        fc.integer({ min: 0, max: 1 }),
        fc.nat(),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.boolean(),
        (parts, places, which, extra, up) => {
          const sum = parts.reduce((a, b) => a + b, 0);
          const total = new Decimal(sum).div(10_000).toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toFixed(places);
          // The total stands for ± half a step; move a part by a whole step plus something.
          const step = 10_000 / 10 ** places;
          const i = which % parts.length;
          const moved = parts.slice();
          moved[i] = up ? moved[i]! + step + extra : moved[i]! - step - extra;
          fc.pre(moved[i]! >= 0);
          const text = `全年投入资金${total}万元,其中${moved.map((p, k) => `项目${'甲乙丙丁戊己'[k]}${p}元`).join('、')}。`;
          const [claim] = claimsOf(text, 'breakdown');
          expect(claim?.verdict).toBe('fails');
        },
      ),
      params,
    );
  });

  it('whole counts must add up exactly', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 2, maxLength: 6 }), fc.integer({ min: -3, max: 3 }), (parts, delta) => {
        const total = parts.reduce((a, b) => a + b, 0) + delta;
        fc.pre(total >= 0);
        const text = `今年共受理案件${total}件,其中${parts.map((p, k) => `${'甲乙丙丁戊己'[k]}类${p}件`).join('、')}。`;
        const [claim] = claimsOf(text, 'breakdown');
        expect(claim?.verdict).toBe(delta === 0 ? 'holds' : 'fails');
      }),
      params,
    );
  });
});

describe('rates against exact rational arithmetic', () => {
  it('a rate holds exactly when |num/den − stated| ≤ half a step', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: -3, max: 3 }),
        (den, rawNum, places, nudge) => {
          const num = rawNum % (den + 1);
          const exact = new Decimal(num).times(100).div(den);
          const step = new Decimal(10).pow(-places);
          const stated = exact.toDecimalPlaces(places, Decimal.ROUND_HALF_UP).plus(step.times(nudge));
          fc.pre(stated.gte(0));
          const text = `今年共受理案件${den}件,已办结${num}件,办结率${stated.toFixed(places)}%。`;
          const [claim] = claimsOf(text, 'rate');
          const within = exact.minus(stated).abs().lte(step.div(2));
          expect(claim?.verdict).toBe(within ? 'holds' : 'fails');
          if (claim?.kind === 'rate' && claim.verdict === 'fails') {
            // Truncation is flagged exactly when cutting the digits gives the stated rate.
            expect(claim.truncated).toBe(exact.toDecimalPlaces(places, Decimal.ROUND_DOWN).equals(stated));
          }
        },
      ),
      params,
    );
  });
});

describe('the interval helpers', () => {
  it('the sum of intervals contains the sum of any values inside them', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 50 }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 8 }), (xs) => {
        const intervals = xs.map(([lo, w]) => ({ lo: new Decimal(lo), hi: new Decimal(lo + w) }));
        const picked = xs.reduce((acc, [lo, w, t]) => acc.plus(new Decimal(lo).plus(new Decimal(w).times(new Decimal(t).toDecimalPlaces(6)))), new Decimal(0));
        const sum = sumIntervals(intervals);
        expect(meets(sum, { lo: picked, hi: picked })).toBe(true);
      }),
      params,
    );
  });

  it('a count written in full is exactly its value', () => {
    const q = checkReport('受理1904件。').report.quantities[0]!;
    const i = figureIntervalOf(q);
    expect([i.lo.toString(), i.hi.toString()]).toEqual(['1904', '1904']);
  });
});
