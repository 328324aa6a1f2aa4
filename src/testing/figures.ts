/** fast-check arbitraries for figures in every written form: Arabic and Chinese numerals, 万/亿, qualifiers, percentages. */
import fc from 'fast-check';

const DIGITS = '零一二三四五六七八九';
const UNITS = ['', '十', '百', '千'];

/** Writes 1 ≤ n < 10000 in Chinese numerals, with 零 for inner zeros. */
function section(n: number): string {
  let out = '';
  let pendingZero = false;
  let started = false;
  for (let place = 3; place >= 0; place--) {
    const d = Math.floor(n / 10 ** place) % 10;
    if (d === 0) {
      if (started) pendingZero = true;
      continue;
    }
    if (pendingZero) out += '零';
    out += DIGITS[d]! + UNITS[place]!;
    pendingZero = false;
    started = true;
  }
  return out;
}

/** Writes 1 ≤ n < 10^8 in Chinese numerals the way reports do (十二, 一千零五, 两万三千). */
export function toChinese(n: number): string {
  if (n < 10000) {
    const s = section(n);
    return s.startsWith('一十') ? s.slice(1) : s;
  }
  const high = Math.floor(n / 10000);
  const low = n % 10000;
  let out = toChinese(high) + '万';
  if (low > 0) out += (low < 1000 ? '零' : '') + section(low);
  return out;
}

/** A figure as a writer might put it, with what it must parse back to. */
export interface WrittenFigure {
  written: string;
  /** Exact value in base units, as a decimal string. */
  value: string;
  unit: string;
  magnitude: string | null;
  qualifierKind: string;
  qualifierWords: string[];
}

const PREFIXES: Array<readonly [string, string]> = [
  ['约', 'approximate'],
  ['大约', 'approximate'],
  ['近', 'nearly'],
  ['将近', 'nearly'],
  ['超', 'over'],
  ['超过', 'over'],
  ['逾', 'over'],
  ['达', 'exact'],
  ['不低于', 'atLeast'],
  ['不足', 'under'],
  ['不超过', 'atMost'],
];
const SUFFIXES: Array<readonly [string, string]> = [
  ['以上', 'atLeast'],
  ['以下', 'atMost'],
  ['左右', 'approximate'],
];
const COUNT_UNITS = ['件', '宗', '人次', '项', '名', '家', '批', '场', '户', '条'];
const OTHER_UNITS = ['平方米', '元', '吨', '公里', '亩'];

const qualifierArb = fc.oneof(
  fc.constant({ where: 'none' as const, word: '', kind: 'exact' }),
  fc.constantFrom(...PREFIXES).map(([word, kind]) => ({ where: 'prefix' as const, word, kind })),
  fc.constantFrom(...SUFFIXES).map(([word, kind]) => ({ where: 'suffix' as const, word, kind })),
  fc.constant({ where: 'inner' as const, word: '余', kind: 'orMore' }),
);

/** Arabic figures: integers or decimals, with or without 万/亿, any unit, any qualifier. */
export const arabicFigure: fc.Arbitrary<WrittenFigure> = fc
  .record({
    int: fc.integer({ min: 1, max: 9_999_999 }),
    decimals: fc.integer({ min: 0, max: 2 }),
    frac: fc.integer({ min: 0, max: 99 }),
    magnitude: fc.constantFrom(null, '万', '亿'),
    unit: fc.constantFrom(...COUNT_UNITS, ...OTHER_UNITS, '%', '个百分点'),
    qualifier: qualifierArb,
  })
  .filter((f) => !(f.magnitude && (f.unit === '%' || f.unit === '个百分点')))
  .filter((f) => !(f.qualifier.where === 'inner' && (f.unit === '%' || f.unit === '个百分点' || f.decimals > 0)))
  .map((f) => {
    const fracDigits = f.decimals === 0 ? '' : String(f.frac).padStart(2, '0').slice(0, f.decimals);
    const number = fracDigits ? `${f.int}.${fracDigits}` : String(f.int);
    const exp = f.magnitude === '万' ? 4 : f.magnitude === '亿' ? 8 : 0;
    const value = shift(number, exp);
    const mag = f.magnitude ?? '';
    const q = f.qualifier;
    const written =
      q.where === 'prefix'
        ? `${q.word}${number}${mag}${f.unit}`
        : q.where === 'suffix'
          ? `${number}${mag}${f.unit}${q.word}`
          : q.where === 'inner'
            ? `${number}${mag}余${f.unit}`
            : `${number}${mag}${f.unit}`;
    return {
      written,
      value,
      unit: f.unit,
      magnitude: f.magnitude,
      qualifierKind: q.kind,
      qualifierWords: q.word ? [q.word] : [],
    };
  });

/** Chinese-numeral figures (十二件, 两万三千人次, 一百余名) with count units. */
export const chineseFigure: fc.Arbitrary<WrittenFigure> = fc
  .record({
    n: fc.integer({ min: 2, max: 99_999_999 }),
    unit: fc.constantFrom(...COUNT_UNITS, '元', '吨', '亩'),
    qualifier: qualifierArb,
  })
  .map((f) => {
    const number = toChinese(f.n);
    const q = f.qualifier;
    const written =
      q.where === 'prefix'
        ? `${q.word}${number}${f.unit}`
        : q.where === 'suffix'
          ? `${number}${f.unit}${q.word}`
          : q.where === 'inner'
            ? `${number}余${f.unit}`
            : `${number}${f.unit}`;
    return {
      written,
      value: String(f.n),
      unit: f.unit,
      magnitude: null,
      qualifierKind: q.kind,
      qualifierWords: q.word ? [q.word] : [],
    };
  });

/** Multiplies a decimal string by 10^exp without floats. */
function shift(number: string, exp: number): string {
  const [i, f = ''] = number.split('.');
  const digits = (i ?? '') + f.padEnd(exp, '0');
  const pointAt = (i ?? '').length + exp;
  const intPart = digits.slice(0, pointAt).replace(/^0+(?=\d)/, '');
  const fracPart = digits.slice(pointAt).replace(/0+$/, '');
  return fracPart ? `${intPart}.${fracPart}` : intPart;
}

/** Tokens that stress the parser: markers, numerals, qualifiers, quotes, chrome labels. */
export const REPORT_TOKENS = [
  '一、', '（一）', '(一)', '（一）、', '1、', '1.', '(1)', '①', '一是', '二是', '第一,', '2020年', '2020年度',
  '12月2日', '1-10月', '约', '近', '超', '余', '多', '以上', '万', '亿', '%', ' %', '个百分点', '件', '宗',
  '人次', '“', '”', '《', '》', '"', '(', ')', '。', ',', '、', ';', ':', '\n', '\r\n', '\r', '　', '\u00a0',
  '\ue000', '\ufeff', '索引号:', '发布日期:2021-01-13', '成文日期: 2021-01-12', '【打印】', '政策解读:',
  '中共广州市白云区石门街工作委员会', '广州市白云区人民政府', '2020年12月2日', '第', '十九届', '12345', '5G',
  '+', '-', '~', '～', '至', '百分之', '点', '〇', '二〇二〇年', '两千', '十二', '3.0版', '8号线', '0', '1904',
  '57.91', '.', '我街', '报告', '其中', '办结率', '一万二千', '\ud83d\ude00', '\udc00', '\ud800',
] as const;

/** Text assembled from report-like tokens. */
export const reportLikeText = fc
  .array(fc.constantFrom(...REPORT_TOKENS), { maxLength: 400 })
  .map((parts) => parts.join(''));

/** Percentages at 0–2 decimals (`96%`, `96.7%`, `96.67%`), with an optional 达/约 qualifier. */
export const percentFigure: fc.Arbitrary<WrittenFigure> = fc
  .record({ hundredths: fc.integer({ min: 0, max: 20000 }), places: fc.integer({ min: 0, max: 2 }), qualifier: fc.constantFrom({ word: '', kind: 'exact' }, { word: '达', kind: 'exact' }, { word: '约', kind: 'approximate' }) })
  .map(({ hundredths, places, qualifier: { word, kind } }) => {
    const whole = Math.floor(hundredths / 100);
    const frac = String(hundredths % 100).padStart(2, '0').slice(0, places);
    const number = places === 0 ? String(whole) : `${whole}.${frac}`;
    const value = shift(number, 0);
    return { written: `${word}${number}%`, value, unit: '%', magnitude: null, qualifierKind: kind, qualifierWords: word ? [word] : [] };
  });

/** A figure in any written form. */
export const anyFigure: fc.Arbitrary<WrittenFigure> = fc.oneof(arabicFigure, chineseFigure, percentFigure);
