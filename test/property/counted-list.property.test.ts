/**
 * Counted lists built from generated names: a list of k names with a count of kinds k holds, k + 1
 * names fail, an open list (等) of at most k names holds, a bracketed list of k − 1 names fails,
 * and one title held n times holds; the finding (when there is one) sits on the count.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractClaims, parseReport, type ClaimOf } from '../../src/index.js';
import { runRule } from '../rule-harness.js';

const RUNS = Number(process.env.JIAOHE_PROP_RUNS ?? 200);
const params = { numRuns: RUNS, seed: 3 };

/** Chinese numerals 2…10 as reports write counts of kinds (两大, 三大 … 十大). */
const NUMERALS = ['', '', '两', '三', '四', '五', '六', '七', '八', '九', '十'];

/**
 * Characters for names: no numerals, no verbs the reader strips, no connectives (和 及 与) and no
 * function characters (的 等 各), so each generated name is one plain noun phrase.
 */
const NAME_CHARS = '东西南北青红白黄松柏梅兰竹菊江河湖海山川林泉星月云霞';
const HEADS = ['中心', '平台', '系统', '站点', '专班'];

const nameArb = fc
  .tuple(fc.constantFrom(...NAME_CHARS), fc.constantFrom(...NAME_CHARS), fc.constantFrom(...HEADS))
  .map(([a, b, head]) => `${a}${b}${head}`);

/** `n` names. */
const names = (n: number): fc.Arbitrary<string[]> => fc.array(nameArb, { minLength: n, maxLength: n });

/** The counted-list claims of a text. */
function lists(text: string): Array<ClaimOf<'countedList'>> {
  return extractClaims(parseReport(text)).claims.filter((c): c is ClaimOf<'countedList'> => c.kind === 'countedList');
}

/** A k and k names. */
const sized = (min: number, max: number): fc.Arbitrary<{ k: number; items: string[] }> =>
  fc.integer({ min, max }).chain((k) => names(k).map((items) => ({ k, items })));

describe('counted lists of generated names', () => {
  it('k names before a Chinese-numeral count of kinds k hold', () => {
    fc.assert(
      fc.property(sized(2, 10), ({ k, items }) => {
        const text = `全面推进${items.join('、')}${NUMERALS[k]}大体系建设。`;
        const found = lists(text);
        expect(found, text).toHaveLength(1);
        expect(found[0]!.verdict, text).toBe('holds');
        expect(found[0]!.items.map((i) => i.text), text).toEqual(items);
        expect(runRule('list-count-matches', text), text).toEqual([]);
      }),
      params,
    );
  });

  it('k + 1 names before a count of kinds k without 等 fail, and the finding is on the count', () => {
    fc.assert(
      fc.property(sized(3, 11), ({ k, items }) => {
        const count = `${NUMERALS[k - 1]}大`;
        const text = `全面推进${items.join('、')}${count}体系建设。`;
        const found = lists(text);
        expect(found.map((c) => c.verdict), text).toEqual(['fails']);
        const diags = runRule('list-count-matches', text);
        expect(diags.map((d) => [d.messageId, text.slice(d.range.start, d.range.end)]), text).toEqual([['tooMany', count]]);
        // k names listed.
        expect(diags[0]!.evidence.computed, text).toBe(`${k} items listed`);
      }),
      params,
    );
  });

  it('an open list (等) of at most k names before a count k holds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 10 }).chain((k) => fc.integer({ min: 2, max: k }).chain((n) => names(n).map((items) => ({ k, items })))),
        ({ k, items }) => {
          const text = `开展${items.join('、')}等${NUMERALS[k]}项专项行动。`;
          const found = lists(text);
          expect(found.map((c) => [c.verdict, c.open]), text).toEqual([['holds', true]]);
        },
      ),
      params,
    );
  });

  it('a set phrase with k − 1 names in its brackets fails as too few; with k it holds', () => {
    fc.assert(
      fc.property(sized(3, 10), ({ k, items }) => {
        const phrase = `${NUMERALS[k]}项机制`;
        const full = `落实“${phrase}”(${items.join('、')})。`;
        expect(lists(full).map((c) => c.verdict), full).toEqual(['holds']);
        const short = `落实“${phrase}”(${items.slice(1).join('、')})。`;
        const diags = runRule('list-count-matches', short);
        expect(diags.map((d) => [d.messageId, short.slice(d.range.start, d.range.end)]), short).toEqual([['tooFew', phrase]]);
      }),
      params,
    );
  });

  it('one title held n times holds: one topic may be held many times', () => {
    fc.assert(
      fc.property(nameArb, fc.integer({ min: 1, max: 40 }), (name, n) => {
        const text = `组织开展《${name}业务培训》专题培训${n}次。`;
        const found = lists(text);
        expect(found.map((c) => [c.verdict, c.items.length]), text).toEqual([['holds', 1]]);
        expect(runRule('list-count-matches', text, { reportFewer: true }), text).toEqual([]);
      }),
      params,
    );
  });
});
