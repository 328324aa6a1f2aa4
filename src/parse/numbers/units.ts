import type { UnitFamily } from '../../model/quantity.js';

/**
 * Units and measure words that may follow a figure, with their family. Matching is longest
 * first, so 个百分点 wins over 个 and 平方公里 over 公里.
 */
const UNIT_TABLE: ReadonlyArray<readonly [string, UnitFamily]> = [
  ['个百分点', 'points'],
  ['百分点', 'points'],
  ['%', 'percent'],
  ['‰', 'percent'],
  ['平方公里', 'area'],
  ['平方千米', 'area'],
  ['平方米', 'area'],
  ['公顷', 'area'],
  ['亩', 'area'],
  ['立方米', 'volume'],
  ['公里', 'length'],
  ['千米', 'length'],
  ['米', 'length'],
  ['千克', 'weight'],
  ['公斤', 'weight'],
  ['吨', 'weight'],
  ['克', 'weight'],
  ['元', 'currency'],
  ['个工作日', 'duration'],
  ['工作日', 'duration'],
  ['个月', 'duration'],
  ['小时', 'duration'],
  ['分钟', 'duration'],
  ['天', 'duration'],
  ['周', 'duration'],
  ['年', 'duration'],
  ['倍', 'multiple'],
  ['人次', 'count'],
  ['户次', 'count'],
  ['宗次', 'count'],
  ['批次', 'count'],
  ['件次', 'count'],
  ['车次', 'count'],
  ['架次', 'count'],
  ['场次', 'count'],
  ['家次', 'count'],
  ['大类', 'count'],
  ['件', 'count'],
  ['宗', 'count'],
  ['批', 'count'],
  ['次', 'count'],
  ['场', 'count'],
  ['人', 'count'],
  ['名', 'count'],
  ['位', 'count'],
  ['家', 'count'],
  ['户', 'count'],
  ['个', 'count'],
  ['项', 'count'],
  ['条', 'count'],
  ['份', 'count'],
  ['本', 'count'],
  ['册', 'count'],
  ['张', 'count'],
  ['套', 'count'],
  ['支', 'count'],
  ['间', 'count'],
  ['处', 'count'],
  ['所', 'count'],
  ['座', 'count'],
  ['栋', 'count'],
  ['辆', 'count'],
  ['台', 'count'],
  ['部', 'count'],
  ['篇', 'count'],
  ['类', 'count'],
  ['种', 'count'],
  ['起', 'count'],
  ['单', 'count'],
  ['块', 'count'],
  ['棵', 'count'],
  ['株', 'count'],
  ['例', 'count'],
  ['艘', 'count'],
  ['只', 'count'],
  ['头', 'count'],
  ['轮', 'count'],
  ['节', 'count'],
  ['门', 'count'],
  ['期', 'count'],
];

/** A unit match; made once per table entry and shared, as callers only read it. */
interface UnitMatch {
  readonly unit: string;
  readonly family: UnitFamily;
}

/** Units by their first UTF-16 unit, longest first. */
const BY_FIRST = new Map<number, UnitMatch[]>();
for (const [unit, family] of UNIT_TABLE) {
  const key = unit.charCodeAt(0);
  const list = BY_FIRST.get(key) ?? [];
  list.push({ unit, family });
  BY_FIRST.set(key, list);
}
for (const list of BY_FIRST.values()) list.sort((a, b) => b.unit.length - a.unit.length);

/** The unit starting at `pos` in `text`, longest first, or null. */
export function matchUnit(text: string, pos: number): { unit: string; family: UnitFamily } | null {
  const list = BY_FIRST.get(text.charCodeAt(pos));
  if (!list) return null;
  for (let k = 0; k < list.length; k++) {
    const match = list[k]!;
    // One-character units (most of them) need no second comparison.
    if (match.unit.length === 1 || text.startsWith(match.unit, pos)) return match;
  }
  return null;
}

/**
 * Words that begin with a one-character unit but never count anything: 处理, 人民, 所有, 期间 …
 * Checked only when a blank stands between the number and the unit, where the writer may have
 * ended the figure and begun the next word (`办理 12 处理完毕` is not 12处). Words that still
 * count what the unit counts (6 部门, 3 单位, 5 项目, 8 起诉讼) are not listed.
 */
const NOT_UNIT_WORDS = new Set([
  '处理', '处罚', '处置', '起草', '人民', '所有', '所在', '所属', '类似', '名单', '名称', '只要', '只有',
  '只是', '只能', '本年', '本次', '本级', '次要', '期间', '期限', '元旦', '批准', '批复', '位于', '门户',
  '户籍', '条件', '个别',
]);

/** Whether the one-character unit `unit` at `pos` is the first character of a word that is no unit. */
export function unitStartsWord(text: string, pos: number, unit: string): boolean {
  return unit.length === 1 && NOT_UNIT_WORDS.has(text.slice(pos, pos + 2));
}

/** Magnitude words after an Arabic figure, longest first, with their factor as a power of ten. */
const MAGNITUDES: ReadonlyArray<{ readonly word: string; readonly exponent: number }> = [
  { word: '万亿', exponent: 12 },
  { word: '千万', exponent: 7 },
  { word: '百万', exponent: 6 },
  { word: '亿', exponent: 8 },
  { word: '万', exponent: 4 },
  { word: '千', exponent: 3 },
];

/** First UTF-16 units of the magnitude words: most positions hold none, and are turned away at once. */
const MAGNITUDE_FIRST: ReadonlySet<number> = new Set(MAGNITUDES.map((m) => m.word.charCodeAt(0)));

/** The magnitude word starting at `pos`, or null. */
export function matchMagnitude(text: string, pos: number): { word: string; exponent: number } | null {
  if (!MAGNITUDE_FIRST.has(text.charCodeAt(pos))) return null;
  for (const m of MAGNITUDES) {
    if (text.startsWith(m.word, pos)) return m;
  }
  return null;
}
