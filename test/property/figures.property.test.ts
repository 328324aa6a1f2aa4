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

/** Blanks that pages put inside a figure: space, no-break space, ideographic space, thin space. */
const BLANKS = [' ', '\u00a0', '\u3000', '\u2009'] as const;

/** The fields of a quantity that must not depend on how the figure was spaced or scripted. */
function reading(q: Quantity): unknown {
  return {
    value: q.value.toString(),
    unit: q.unit,
    family: q.unitFamily,
    magnitude: q.magnitude,
    kind: q.qualifierKind,
    step: q.step.toString(),
    lo: q.interval.lo.toString(),
    hi: q.interval.hi.toString(),
  };
}

/** Splits an Arabic figure into what stands before the digits, the digits and the rest. */
function splitDigits(written: string): { before: string; digits: string; rest: string } {
  const m = /^([^0-9]*)([0-9][0-9.]*)(.*)$/u.exec(written)!;
  return { before: m[1]!, digits: m[2]!, rest: m[3]! };
}

describe('a figure written with blanks reads the same as without', () => {
  it('a blank before 万/亿 or the unit (and after a prefix qualifier) changes nothing but the range', () => {
    fc.assert(
      fc.property(arabicFigure, fc.constantFrom(...BLANKS), fc.boolean(), (f, blank, afterPrefix) => {
        const { before, digits, rest } = splitDigits(f.written);
        // 200余件: a blank before 余 is not a shape pages show; the blank goes after 万 instead.
        const spacedRest = rest.startsWith('余') ? rest : `${blank}${rest}`;
        const spaced = `${before}${afterPrefix && before ? blank : ''}${digits}${spacedRest}`;
        const plain = only(`今年共${f.written}。`);
        const text = `今年共${spaced}。`;
        const got = only(text);
        expect(got).toHaveLength(1);
        expect(plain).toHaveLength(1);
        expect(reading(got[0]!)).toEqual(reading(plain[0]!));
        expect(text.slice(got[0]!.range.start, got[0]!.range.end)).toBe(spaced);
        expect(text.slice(got[0]!.numberRange.start, got[0]!.numberRange.end)).toBe(digits);
      }),
      params,
    );
  });

  it('a year with a blank before 年 is a date, never a figure', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2099 }), fc.constantFrom(...BLANKS), fc.integer({ min: 1, max: 12 }), (year, blank, month) => {
        const text = `截至${year}${blank}年${blank}${month}${blank}月,办结5件。`;
        const r = parseReport(text);
        expect(r.quantities.map((q) => q.value.toString())).toEqual(['5']);
        const d = r.dates[0]!;
        expect([d.kind, d.year, d.month]).toEqual(['yearMonth', year, month]);
        expect(text.slice(d.range.start, d.range.end)).toBe(`${year}${blank}年${blank}${month}${blank}月`);
      }),
      params,
    );
  });
});

/** Simplified characters of figures and their traditional forms as mirror pages write them. */
const TRADITIONAL: Record<string, string> = {
  万: '萬', 亿: '億', 两: '兩', 个: '個', 项: '項', 条: '條', 场: '場', 户: '戶', 余: '餘', 约: '約',
  达: '達', 将: '將', 过: '過', 点: '點',
};
const toTraditional = (s: string): string => s.replace(/[万亿两个项条场户余约达将过点]/gu, (c) => TRADITIONAL[c]!);

describe('traditional characters read as simplified ones', () => {
  it('any Arabic or Chinese figure in traditional characters gives the same reading at the same place', () => {
    fc.assert(
      fc.property(fc.oneof(arabicFigure, chineseFigure), (f) => {
        const simplified = `今年共${f.written}。`;
        const traditional = toTraditional(simplified);
        const a = only(simplified);
        const b = only(traditional);
        expect(b).toHaveLength(a.length);
        expect(b.map(reading)).toEqual(a.map(reading));
        expect(b.map((q) => q.range)).toEqual(a.map((q) => q.range));
      }),
      params,
    );
  });
});

describe('ranks are never counts', () => {
  const chineseOrArabic = fc.integer({ min: 2, max: 99 }).chain((n) => fc.constantFrom(String(n), toChinese(n)).map((w) => ({ n, w })));

  it('排名前N名 / 位列前N / 前N的 give one rank over exactly the rank words and no figure', () => {
    fc.assert(
      fc.property(chineseOrArabic, fc.constantFrom(['排名', '名'], ['位列', ''], ['办件量位于', '的部门']), ({ n, w }, [lead, tail]) => {
        const rank = `前${w}${tail === '名' ? '名' : ''}`;
        const text = `${lead}${rank}${tail === '名' ? '' : tail}。`;
        const r = parseReport(text);
        expect(r.quantities).toEqual([]);
        const ranks = r.identifiers.filter((x) => x.kind === 'rank');
        expect(ranks.map((x) => text.slice(x.range.start, x.range.end))).toEqual([rank]);
        // The numeral inside the rank reads back to N for whoever counts the ranked items.
        const numeral = rank.slice(1, tail === '名' ? -1 : undefined);
        expect(/^[0-9]+$/u.test(numeral) ? Number(numeral) : parseChineseNumeral(numeral)?.integer).toBe(n);
      }),
      params,
    );
  });

  it('目前N名 and 此前N名 stay counts of N', () => {
    fc.assert(
      fc.property(chineseOrArabic, fc.constantFrom('目前', '此前', '之前'), ({ n, w }, word) => {
        const r = parseReport(`${word}${w}名干部完成培训。`);
        expect(r.identifiers.filter((x) => x.kind === 'rank')).toEqual([]);
        expect(r.quantities.map((q) => q.value.toNumber())).toEqual([n]);
      }),
      params,
    );
  });
});
