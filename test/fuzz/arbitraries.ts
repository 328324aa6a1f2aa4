/**
 * The fuzzer's input generator, shared by `npm run fuzz` and the short run in `npm test`: real
 * report fragments mixed with the shapes that have broken or slowed text checkers before.
 */
import fc from 'fast-check';
import { anyFigure, toChinese } from '../../src/testing/figures.js';
import type { FuzzSources } from './sources.js';

const LINE_BREAKS = ['\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '\n\r', '\u2028', '\u2029'];
/** What goes between two pieces: nothing, a break of any kind, a blank, punctuation. */
const SEPARATORS = ['', '', '\n', '\n', '\r\n', '\r', ' ', '\t', ',', '，', '。', '、', '\u3000', '\u00a0'];

/**
 * Characters that text handling gets wrong: blanks of every kind, zero-width and direction
 * marks, a BOM, astral characters (emoji, CJK extension B), lone surrogates, full-width
 * punctuation and digits, circled and Roman numerals, private-use icons, controls.
 */
const AWKWARD_CHARS = [
  '\u00a0', '\u3000', '\u2009', '\u202f', '\u200b', '\u200d', '\u202e', '\ufeff', '\u0301', '\u0000', '\u001b', '\u000b', '\u000c',
  '\u2028', '\u2029', '\r', '\n', '\r\n', '\t',
  '😀', '👨‍👩‍👧', '𠀀', '𪚥', '🀄',
  '\ud800', '\udbff', '\udc00', '\udfff',
  '，', '。', '；', '：', '（', '）', '！', '？', '、', '“', '”', '‘', '’', '《', '》', '【', '】', '％', '．', '－', '＋', '／', '｜', '～', '…', '—',
  '０', '１', '２', '５', '９', '〇', '零', '一', '十', '百', '千', '万', '亿', '兩', '萬', '億', '壹', '貳',
  '①', '⑩', '⑴', 'Ⅻ', 'ⅲ', '\ue000', '\uf8ff', '\ufffd',
  '%', '‰', '.', ',', ':', ';', '(', ')', '|', '-', '+', '/',
];

/** Heading and list markers; `{c}` takes a Chinese numeral, `{n}` an Arabic one. */
const MARKERS = ['{c}、', '（{c}）', '({c})', '{n}.', '{n}、', '{n}．', '({n})', '（{n}）', '第{c}章', '第{c}条', '第{c}部分', '{c}是', '{n})'];
const BULLETS = ['①', '②', '⑩', '•', '·', '-', '*', '>', '▲', '◆', '□', '√', 'a.', 'A、', '(a)', '一', '1'];
const HEADING_TEXTS = ['', '加强党的领导', '推进严格规范公正文明执法。', '存在问题', '下一步工作计划', '2021年工作安排'];

/** Words that make the checker read a sum, a part list, a share or a zero claim. */
const CLAIM_WORDS = ['其中', '共计', '合计', '总计', '分别为', '分别是', '占比', '占', '比例为', '同比增长', '同比下降', '均为0', '为零', '达', '约', '超过', '以上', '累计', '办结率', '满意率', '受理', '办结', '在办', '收到', '一是', '二是', '截至目前', '全年', '本年度', '上年'];
const LABELS = ['行政复议', '行政诉讼', '信访件', '投诉类', '咨询类', '建议类', '求助类', '表扬类', '执法检查', '审批事项', '群众来访', '12345热线工单'];
const UNITS = ['件', '宗', '人次', '项', '批', '户', '场', '次', '个', '万元', '元', '%', ''];
/** Figures as reports write them, with malformed neighbours (`12..5`, `3万万`, `1.2.3`). */
const FIGURE_FORMS = [
  '12.5%', '3万', '1,904件', '1 904件', '1\u00a0904件', '1\u2009904件', '０．５％', '１２件', '二十三件', '两万三千余件', '100%', '99.9%', '0件', '-5%', '+3.2%', '5‰',
  '150.25 万件', '约3亿元', '1 5起', '1.2.3', '12..5', '3万万', '1,2,3', '.5%', '5.%', '1e5', '0x10', '００１', '007件', '99999999999999999999件', '0.000000001%',
  '2023年12月2日', '2020年度', '二〇二〇年十二月', '2020-12-02', '2020.12.2', '第3季度', '1—6月', '截至2023年底',
];

/** How big inputs get: the long run goes large, the short run in `npm test` stays small enough to be quick. */
export interface FuzzSize {
  /** Pieces joined into one input. */
  maxParts: number;
  /** Longest span cut from a real text, and most repeats of a heading or figure. */
  maxSpan: number;
  maxRepeat: number;
}

/** Inputs for `npm run fuzz`: about 2 KB on average, up to tens of KB. */
export const LONG_RUN: FuzzSize = { maxParts: 24, maxSpan: 4000, maxRepeat: 2000 };
/** Inputs for the short run in `npm test`: under half the long run's (about 0.8 KB on average). */
export const SHORT_RUN: FuzzSize = { maxParts: 10, maxSpan: 1500, maxRepeat: 500 };

/** Pieces of real report text: any span of a seed or corpus file, or one whole line of it. */
function realText(sources: FuzzSources, size: FuzzSize): fc.Arbitrary<string> {
  const texts = sources.texts.length > 0 ? sources.texts : ['一、总体情况\n2020年共受理行政复议案件12件,其中撤销3件、维持9件。'];
  const lines = texts.map((t) => t.split('\n'));
  const span = (maxLength: number) =>
    fc.record({ file: fc.nat(texts.length - 1), start: fc.nat(), length: fc.integer({ min: 1, max: maxLength }) }).map(({ file, start, length }) => {
      const t = texts[file]!;
      const from = start % t.length;
      // Cutting anywhere splits surrogate pairs and CRLFs, as a careless paste would.
      return t.slice(from, from + length);
    });
  const line = fc.record({ file: fc.nat(texts.length - 1), at: fc.nat() }).map(({ file, at }) => {
    const ls = lines[file]!;
    return ls[at % ls.length]!;
  });
  return fc.oneof({ arbitrary: span(600), weight: 5 }, { arbitrary: line, weight: 4 }, { arbitrary: span(size.maxSpan), weight: 1 });
}

/** Random Unicode: any code point (lone surrogates too) or a run of awkward characters. */
const unicodeNoise: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: fc.constantFrom(...AWKWARD_CHARS), maxLength: 60 }),
);

function marker(template: string, n: number): string {
  return template.replace('{c}', toChinese(n)).replace('{n}', String(n));
}

/** Long runs of one heading marker: the same number over and over, or counting up. */
function headingRun(size: FuzzSize): fc.Arbitrary<string> {
  return fc
    .record({
      template: fc.constantFrom(...MARKERS),
      count: fc.integer({ min: 1, max: Math.ceil(size.maxRepeat / 5) }),
      counting: fc.boolean(),
      text: fc.constantFrom(...HEADING_TEXTS),
      eol: fc.constantFrom('', ...LINE_BREAKS),
    })
    .map(({ template, count, counting, text, eol }) => {
      let out = '';
      for (let i = 1; i <= count; i++) out += marker(template, counting ? i : 1) + text + eol;
      return out;
    });
}

/** Lists: bullets or markers at line starts or inline, with short items. */
const listRun: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.constantFrom(...BULLETS, ...MARKERS.map((m) => marker(m, 2))), fc.constantFrom(...LABELS, ...CLAIM_WORDS, ''), fc.constantFrom('', ';', '；', '。', ...LINE_BREAKS)), {
    maxLength: 60,
  })
  .map((items) => items.map(([b, t, end]) => b + t + end).join(''));

/** A figure as the library's own generator writes it, or a hand-picked awkward form. */
const figure: fc.Arbitrary<string> = fc.oneof(
  anyFigure.map((f) => f.written),
  fc.constantFrom(...FIGURE_FORMS),
  fc.tuple(fc.nat(100_000), fc.constantFrom(...UNITS)).map(([n, u]) => `${n}${u}`),
  fc.tuple(fc.nat(1000), fc.nat(99)).map(([a, b]) => `${a}.${b}%`),
);

/** Dense figures: `1 1 1 …件`, long digit runs, figures packed with little or no text. */
function denseFigures(size: FuzzSize): fc.Arbitrary<string> {
  const repeated = fc
    .record({ unit: fc.constantFrom('1 ', '1', '1,', '1.', '12.5% ', '3万 ', '0 ', '1、'), count: fc.integer({ min: 1, max: size.maxRepeat }), tail: fc.constantFrom('件', '%', '万', '') })
    .map(({ unit, count, tail }) => unit.repeat(count) + tail);
  return fc.oneof(
    repeated,
    fc.string({ unit: fc.constantFrom('0', '1', '5', '9', ' ', ',', '.', '%', '万', '件', '、'), maxLength: 300 }),
    fc.array(figure, { maxLength: 80 }).chain((fs) => fc.constantFrom(' ', '、', ',', '', '和').map((sep) => fs.join(sep))),
  );
}

/** Sentences that state sums, parts, shares and rates, mostly not adding up. */
const claimSentence: fc.Arbitrary<string> = fc.oneof(
  fc
    .record({ label: fc.constantFrom(...LABELS), total: fc.nat(5000), parts: fc.array(fc.tuple(fc.constantFrom(...LABELS), fc.nat(3000)), { maxLength: 8 }), unit: fc.constantFrom('件', '宗', '人次', '项') })
    .map(({ label, total, parts, unit }) => `${label}共计${total}${unit},其中${parts.map(([l, n]) => `${l}${n}${unit}`).join('、')}。`),
  fc
    .record({ values: fc.array(fc.nat(500), { maxLength: 6 }), shares: fc.array(fc.tuple(fc.nat(100), fc.nat(9)), { maxLength: 6 }) })
    .map(({ values, shares }) => `分别为${values.map((v) => `${v}件`).join('、')},占比分别为${shares.map(([a, b]) => `${a}.${b}%`).join('、')}。`),
  fc
    .record({ got: fc.nat(2000), done: fc.nat(2000), rate: fc.tuple(fc.nat(100), fc.nat(99)) })
    .map(({ got, done, rate }) => `受理${got}件,已办结${done}件,办结率${rate[0]}.${rate[1]}%。`),
  fc.array(fc.oneof(fc.constantFrom(...CLAIM_WORDS, ...LABELS), figure), { minLength: 1, maxLength: 30 }).map((ws) => ws.join('')),
);

/** Tables pasted as text: cells split by tabs, `|` or runs of spaces, rows by any line break. */
const tableLike: fc.Arbitrary<string> = fc
  .record({
    sep: fc.constantFrom('\t', ' | ', '|', '  ', '     ', '\u3000\u3000', '\t\t'),
    rowEnd: fc.constantFrom('', ' |', '|', '\t'),
    eol: fc.constantFrom(...LINE_BREAKS),
    header: fc.array(fc.constantFrom('项目', '数量', '占比', '合计', '其中', '本年', '上年', '增减', ''), { minLength: 1, maxLength: 8 }),
    rows: fc.array(fc.array(fc.oneof(figure, fc.constantFrom(...LABELS, '合计', '总计', '—', '-', '', ' ')), { minLength: 1, maxLength: 8 }), { maxLength: 40 }),
  })
  .map(({ sep, rowEnd, eol, header, rows }) => [header, ...rows].map((cells) => cells.join(sep) + rowEnd).join(eol));

function piece(size: FuzzSize): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: unicodeNoise, weight: 3 },
    { arbitrary: headingRun(size), weight: 2 },
    { arbitrary: listRun, weight: 2 },
    { arbitrary: denseFigures(size), weight: 3 },
    { arbitrary: claimSentence, weight: 5 },
    { arbitrary: tableLike, weight: 2 },
  );
}

const WIDE: Record<string, string> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '%': '％', ' ': '\u3000' };

/** Mixtures of report fragments and awkward pieces, with line ends and punctuation varied throughout. */
export function fuzzText(sources: FuzzSources, size: FuzzSize = LONG_RUN): fc.Arbitrary<string> {
  const part = fc.oneof({ arbitrary: realText(sources, size), weight: 6 }, { arbitrary: piece(size), weight: 6 });
  return fc
    .record({
      parts: fc.array(fc.tuple(part, fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: size.maxParts }),
      eol: fc.constantFrom('keep', 'keep', 'crlf', 'cr', 'ls'),
      wide: fc.boolean(),
    })
    .map(({ parts, eol, wide }) => {
      let text = parts.map(([p, sep]) => p + sep).join('');
      if (eol === 'crlf') text = text.replace(/\r?\n/g, '\r\n');
      else if (eol === 'cr') text = text.replace(/\n/g, '\r');
      else if (eol === 'ls') text = text.replace(/\n/g, '\u2028');
      if (wide) text = text.replace(/[,:;()% ]/g, (c) => WIDE[c]!);
      return text;
    });
}
