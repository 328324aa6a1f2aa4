import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { textWidth } from '../../src/report/text-width.js';

/** The code units textWidth counts itself (its simpleWidth ranges). */
const RANGES: Array<[number, number]> = [
  [0x20, 0x7e],
  [0x4e00, 0x9fff],
  [0x3000, 0x3029],
  [0xff01, 0xff60],
  [0xffe0, 0xffe6],
  [0x2010, 0x2027],
  [0xb7, 0xb7],
  [0xd7, 0xd7],
];
const simple: string[] = RANGES.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i)));

describe('textWidth', () => {
  it('gives each character it counts itself the width string-width gives it', () => {
    for (const c of simple) expect([c, textWidth(c)]).toEqual([c, stringWidth(c)]);
  });

  it('counts only characters that never join their neighbours into one grapheme', () => {
    const segmenter = new Intl.Segmenter();
    for (const c of simple) {
      // A base character of a grapheme, not a spacing mark (which joins the one before it).
      expect([c, /^\p{Grapheme_Base}$/u.test(c) && !/\p{Mc}/u.test(c)]).toEqual([c, true]);
      expect([c, [...segmenter.segment(`a${c}${c}一`)].length]).toEqual([c, 4]);
    }
  });

  it('measures mixed text as string-width does, falling back to it for anything else', () => {
    const samples = [
      '',
      '全区共受理行政复议案件120件，办结率为98.5%。',
      '…（二）“放管服”改革·2×3',
      'e\u0301 combining',
      '\u001b[31mred\u001b[0m',
      '👍🏽 emoji',
      '한국어',
      'ｶﾞ half-width kana',
      '\u200b zero width',
      '〰 〽 \u302a',
      '𠀀 astral',
      '\t tab \n',
    ];
    for (const s of samples) expect([s, textWidth(s)]).toEqual([s, stringWidth(s)]);
    // Random strings drawn from the characters counted directly.
    let seed = 12345;
    const next = (): number => (seed = (seed * 1103515245 + 12345) >>> 0);
    for (let n = 0; n < 500; n++) {
      let s = '';
      for (let k = next() % 30; k > 0; k--) s += simple[next() % simple.length];
      expect([s, textWidth(s)]).toEqual([s, stringWidth(s)]);
    }
  });
});
