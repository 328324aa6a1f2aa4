import { describe, expect, it } from 'vitest';
import { checkReport, parseReport } from '../../src/index.js';
import { medianPerChar, repeatTo, seedText } from '../helpers.js';

// The parser itself is measured past the digit-run limit (which checkReport's callers get), so
// that its own growth on dense inputs stays in view.
const perChar = (text: string, runs: number): number => medianPerChar((t: string) => parseReport(t, { maxDigitRuns: Infinity }), text, runs);
const checkPerChar = (text: string, runs: number): number => medianPerChar(checkReport, text, runs);

const PATTERNS: Record<string, string> = {
  '、': '、',
  digits: '7',
  '（一）': '（一）',
  一是: '一是',
  'unclosed （': '（这是',
  '“': '“',
  '第': '第',
  '约余万': '约余万',
  'numbered lines': '（一）加强。\n1、领导重视。我街\n',
  // blanks inside and between figures: each blank is looked past at most twice
  '1 1 1': '1 ',
  'spaced 万 and units': '150.25 万件 3 件 约 3 亿 元,',
  'spaced dates': '2023 年 12 月 2 日 ',
  // ranks and ordinals, with and without blanks and numerals after them
  '前 and 第': '前三前 5 名第 1 5个',
  traditional: '兩萬餘個項,約3萬人',
  // 一是 after a verb looks ahead for its 二是: reading on to the next one anywhere in the text,
  // paragraph after paragraph, made this quadratic (1.6 s at 300 KB).
  '一是 with no 二是': '我区将一是加强二号管理。\n\n',
  'seed text': seedText('street'),
};

describe('parseReport stays linear', () => {
  for (const [name, unit] of Object.entries(PATTERNS)) {
    it(`time per character is flat from 10 KB to 1 MB: ${name}`, () => {
      perChar(repeatTo(unit, 10_000), 5); // warm up
      const small = perChar(repeatTo(unit, 10_000), 15);
      const large = perChar(repeatTo(unit, 1_000_000), 2);
      // Quadratic work would make the 1 MB input 100× slower per character; allow noise and GC.
      expect(large).toBeLessThan(small * 4 + 0.0005);
    });
  }
});

describe('checkReport stays linear', () => {
  it('time per character is flat from one 25 KB report to 2 MB of concatenated reports', () => {
    const one = seedText('street');
    const check = checkPerChar;
    check(one, 20); // warm up
    const small = check(one, 25);
    // 80 copies of the 25 KB (UTF-8) seed are 2 MB.
    const large = check(Array.from({ length: 80 }, () => one).join('\n'), 2);
    expect(large).toBeLessThan(small * 4);
  });
});

const CLAIM_PATTERNS: Record<string, string> = {
  其中: '共10件,其中1件、',
  均为0: '行政诉讼数量均为0,败诉1件,',
  rates: '受理10件,已办结9件,办结率90%,',
  statuses: '受理1件已办结1件在办1件',
  lists: '《A》、',
  headings: '（一）加强。\n1、领导重视。\n存在问题\n',
  enumerations: '一是加强;二是',
  // zero claims outside the lexicon, each searched by its words among many counts
  'zero claims by words': '群体性事件隐患数量为0,排查群体性事件隐患12宗,上报矛盾纠纷3宗,',
  // families of sibling shares, each member tried against the bases before it
  'share families': '受理12件,占比12.5%;',
};

describe('checkReport stays linear on pathological claims', () => {
  for (const [name, unit] of Object.entries(CLAIM_PATTERNS)) {
    it(`time per character is flat from 10 KB to 100 KB: ${name}`, () => {
      const run = checkPerChar;
      run(repeatTo(unit, 10_000), 3);
      const small = run(repeatTo(unit, 10_000), 9);
      const large = run(repeatTo(unit, 100_000), 2);
      expect(large).toBeLessThan(small * 4 + 0.0005);
    });
  }
});

describe('findings on thousands of sibling headings', () => {
  it('time per character is flat from 10 KB to 300 KB: each finding finds its section by binary search', () => {
    // 1.办理 on every line: some 40,000 sibling headings at 300 KB, each a repeated number and so a
    // finding. Walking the siblings for every finding made this quadratic (about 30× per character).
    const unit = '1.办理\n';
    checkPerChar(repeatTo(unit, 10_000), 3);
    const small = checkPerChar(repeatTo(unit, 10_000), 9);
    const large = checkPerChar(repeatTo(unit, 300_000), 1);
    expect(large).toBeLessThan(small * 4);
  });
});
