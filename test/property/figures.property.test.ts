import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChineseNumeral, parseReport, textOf, type Quantity } from '../../src/index.js';
import { arabicFigure, chineseFigure, percentFigure, toChinese, type WrittenFigure } from '../../src/testing/figures.js';

const RUNS = Number(process.env.JIAOHE_PROP_RUNS ?? 300);
const params = { numRuns: RUNS, seed: 20201202 };

function only(text: string): Quantity[] {
  return parseReport(text).quantities;
}

function checkRoundTrip(f: WrittenFigure): void {
  const sentence = `今年共${f.written}。`;
  const qs = only(sentence);
  expect(qs).toHaveLength(1);
  const q = qs[0]!;
  expect(sentence.slice(q.range.start, q.range.end)).toBe(f.written);
  expect(q.value.equals(new Decimal(f.value))).toBe(true);
  expect(q.unit).toBe(f.unit);
  expect(q.magnitude).toBe(f.magnitude);
  expect(q.qualifierKind).toBe(f.qualifierKind);
  expect(q.qualifiers.map((x) => x.word)).toEqual(f.qualifierWords);
  // The interval always contains the value, and its shape follows the qualifier.
  const { lo, hi } = q.interval;
  expect(lo.lte(q.value) && hi.gte(q.value)).toBe(true);
  switch (q.qualifierKind) {
    case 'exact':
      expect(hi.minus(lo).lte(q.step)).toBe(true);
      expect(hi.minus(q.value).equals(q.step.div(2))).toBe(true);
      break;
    case 'over':
    case 'atLeast':
      expect(lo.equals(q.value) && !hi.isFinite()).toBe(true);
      break;
    case 'under':
    case 'atMost':
      expect(hi.equals(q.value) && lo.isZero()).toBe(true);
      break;
    case 'nearly':
      expect(hi.equals(q.value) && lo.lt(q.value)).toBe(true);
      break;
    case 'orMore':
      expect(lo.equals(q.value) && hi.gt(q.value)).toBe(true);
      break;
    case 'approximate':
      expect(q.value.minus(lo).equals(hi.minus(q.value)) || lo.isZero()).toBe(true);
      expect(hi.gt(q.value)).toBe(true);
      break;
  }
}

describe('a figure written in any supported form parses back', () => {
  it('Arabic numerals with magnitudes, decimals, units and qualifiers', () => {
    fc.assert(fc.property(arabicFigure, checkRoundTrip), params);
  });

  it('Chinese numerals with units and qualifiers', () => {
    fc.assert(fc.property(chineseFigure, checkRoundTrip), params);
  });

  it('percentages at 0–2 decimals, with 达 or 约', () => {
    fc.assert(fc.property(percentFigure, checkRoundTrip), params);
  });

  it('full-width digits and percent signs give the same figure at the same place', () => {
    fc.assert(
      fc.property(arabicFigure, (f) => {
        const wide = f.written.replace(/[0-9.%]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
        const q = only(`今年共${wide}。`)[0]!;
        expect(q.value.equals(new Decimal(f.value))).toBe(true);
        expect(`今年共${wide}。`.slice(q.range.start, q.range.end)).toBe(wide);
      }),
      params,
    );
  });

  it('ranges keep both ends: A%～B% and A至B件', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 500 }), fc.constantFrom('～', '~', '-', '至'), (a, d, sep) => {
        const b = a + d;
        for (const [written, unit] of [
          [`${a}%${sep}${b}%`, '%'],
          [`${a}${sep}${b}件`, '件'],
        ] as const) {
          const text = `比例为${written}。`;
          const qs = only(text);
          expect(qs).toHaveLength(1);
          const q = qs[0]!;
          expect(textOf(parseReport(text), q.range)).toBe(written);
          expect(q.unit).toBe(unit);
          expect(q.value.toNumber()).toBe(a);
          expect(q.to?.value.toNumber()).toBe(b);
          expect(q.interval.lo.lte(a) && q.interval.hi.gte(b)).toBe(true);
        }
      }),
      params,
    );
  });
});

describe('ranges with magnitudes on either end', () => {
  it('a range always runs upwards and its interval holds both ends', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 1, max: 9999 }),
        fc.constantFrom('', '万', '亿'),
        fc.constantFrom('', '万', '亿'),
        fc.constantFrom('-', '～', '至', '—'),
        (a, b, ma, mb, sep) => {
          const text = `标准为${a}${ma}${sep}${b}${mb}元。`;
          for (const q of parseReport(text).quantities) {
            expect(q.interval.lo.lte(q.value)).toBe(true);
            if (q.to) {
              expect(q.value.lt(q.to.value)).toBe(true);
              expect(q.interval.hi.gte(q.to.value)).toBe(true);
            } else {
              expect(q.interval.hi.gte(q.value)).toBe(true);
            }
          }
        },
      ),
      params,
    );
  });
});

describe('Chinese numerals', () => {
  it('parse back to the integer they write', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999_999 }), (n) => {
        const parsed = parseChineseNumeral(toChinese(n));
        expect(parsed?.integer).toBe(n);
      }),
      { numRuns: RUNS * 3, seed: 7 },
    );
  });
});
