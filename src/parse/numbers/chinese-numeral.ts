/**
 * Chinese numerals: 十二, 两千, 一万二千, 一百余 (the 余 is read by the caller), 二〇二〇,
 * 三点五, and the formal forms 壹贰叁. Values stay exact integers well inside 2^53. The
 * traditional forms of mirror pages (兩, 萬, 億, 點, 貳, 陸, 叄) read as their simplified twins.
 */

const DIGIT_CHARS = '〇零一二两三四五六七八九壹贰叁肆伍陆柒捌玖兩貳陸叄';
const DIGIT_VALUES = [0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9, 1, 2, 3, 4, 5, 6, 7, 8, 9, 2, 2, 6, 3];
const SMALL_UNIT_CHARS = '十拾百佰千仟';
const SMALL_UNIT_VALUES = [10, 10, 100, 100, 1000, 1000];

/** Digit value by UTF-16 unit; a Map keeps the hot membership test cheap. */
const DIGITS = new Map<number, number>();
for (let i = 0; i < DIGIT_CHARS.length; i++) DIGITS.set(DIGIT_CHARS.charCodeAt(i), DIGIT_VALUES[i]!);
const SMALL_UNITS = new Map<number, number>();
for (let i = 0; i < SMALL_UNIT_CHARS.length; i++) SMALL_UNITS.set(SMALL_UNIT_CHARS.charCodeAt(i), SMALL_UNIT_VALUES[i]!);
const BIG_UNITS = new Map<number, number>([
  [0x4e07 /* 万 */, 10_000],
  [0x842c /* 萬 */, 10_000],
  [0x4ebf /* 亿 */, 100_000_000],
  [0x5104 /* 億 */, 100_000_000],
]);
const YI = 100_000_000;

/** Longest numeral run read at once; longer runs are words, not figures. */
export const MAX_CHINESE_RUN = 16;

/** Every UTF-16 unit that can be part of a Chinese numeral (tables by unit are filled from it, not by testing all 65536). */
export const CHINESE_NUMERAL_CODES: readonly number[] = [...DIGITS.keys(), ...SMALL_UNITS.keys(), ...BIG_UNITS.keys()];

/** A flag per UTF-16 unit that can be part of a Chinese numeral: the scanner asks of every character. */
const NUMERAL_CODES = new Uint8Array(0x10000);
for (const c of CHINESE_NUMERAL_CODES) NUMERAL_CODES[c] = 1;

/** Whether `ch` can be part of a Chinese numeral. */
export function isChineseNumeralChar(ch: string): boolean {
  return NUMERAL_CODES[ch.charCodeAt(0)] === 1;
}

/** Whether the UTF-16 unit `code` can be part of a Chinese numeral (no one-character string made). */
export function isChineseNumeralCode(code: number): boolean {
  return NUMERAL_CODES[code] === 1;
}

/** Whether `ch` is the decimal point of a Chinese numeral: 点, or 點 on traditional pages. */
export function isChinesePoint(ch: string): boolean {
  return ch === '点' || ch === '點';
}

/** Whether the UTF-16 unit `code` is 点 or 點, the decimal point of a Chinese numeral. */
export function isChinesePointCode(code: number): boolean {
  return code === 0x70b9 /* 点 */ || code === 0x9ede /* 點 */;
}

/** Whether the UTF-16 unit `code` is a Chinese digit (not a unit character such as 十 or 万). */
export function isChineseDigitCode(code: number): boolean {
  return DIGITS.has(code);
}

/** Whether `ch` is a Chinese digit (not a unit character such as 十 or 万). */
export function isChineseDigit(ch: string): boolean {
  return DIGITS.has(ch.charCodeAt(0));
}

/** A parsed Chinese numeral. */
export interface ChineseNumeral {
  /** Integer part. */
  integer: number;
  /** Fraction digits after 点, as written (e.g. "5" for 三点五). */
  fraction: string;
  /** Written digit by digit (二〇二〇), as years are. */
  digitByDigit: boolean;
}

/**
 * Parses a run of Chinese numeral characters (with an optional 点 fraction). Returns null when
 * the run is not a well-formed numeral (e.g. 十十, 万万).
 */
export function parseChineseNumeral(run: string): ChineseNumeral | null {
  if (run.length === 0 || run.length > MAX_CHINESE_RUN * 2) return null;
  let dot = run.indexOf('点');
  if (dot < 0) dot = run.indexOf('點');
  const intPart = dot >= 0 ? run.slice(0, dot) : run;
  const fracPart = dot >= 0 ? run.slice(dot + 1) : '';
  let fraction = '';
  for (let i = 0; i < fracPart.length; i++) {
    const d = DIGITS.get(fracPart.charCodeAt(i));
    if (d === undefined) return null;
    fraction += String(d);
  }
  if (dot >= 0 && fraction.length === 0) return null;
  const parsed = parseInteger(intPart);
  if (parsed === null) return null;
  return { integer: parsed.value, fraction, digitByDigit: parsed.digitByDigit };
}

function parseInteger(s: string): { value: number; digitByDigit: boolean } | null {
  if (s.length === 0) return null;
  let hasUnit = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (SMALL_UNITS.has(c) || BIG_UNITS.has(c)) hasUnit = true;
  }
  if (!hasUnit) {
    // 二〇二〇 or a single digit.
    let v = 0;
    for (let i = 0; i < s.length; i++) {
      const d = DIGITS.get(s.charCodeAt(i));
      if (d === undefined) return null;
      v = v * 10 + d;
    }
    return { value: v, digitByDigit: s.length > 1 };
  }
  let total = 0; // completed 亿 and 万 groups
  let section = 0; // below 万
  let num = 0; // pending digit
  let hasNum = false;
  let lastUnit = 0; // value of the unit character just read, for 一万二 = 12000
  let lastSmall = 10_000; // smallest small unit seen in this section, for order checks
  let prevWasZero = false;
  let lastBig = Infinity;
  let seenYi = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const d = DIGITS.get(c);
    if (d !== undefined) {
      if (hasNum && !prevWasZero && num !== 0) return null; // 二三 inside a unit numeral
      num = d;
      hasNum = d !== 0;
      prevWasZero = d === 0;
      if (d === 0) lastUnit = 0;
      continue;
    }
    const small = SMALL_UNITS.get(c);
    if (small !== undefined) {
      if (small >= lastSmall) return null; // 十百, 百百
      if (!hasNum && !(small === 10)) return null; // 百 alone needs a digit (一百)
      section += (hasNum ? num : 1) * small;
      num = 0;
      hasNum = false;
      lastSmall = small;
      lastUnit = small;
      prevWasZero = false;
      continue;
    }
    const big = BIG_UNITS.get(c);
    if (big === undefined) return null;
    // 万万 and 亿…亿 are malformed; 亿 after 万 is 万亿 (10^12), allowed once.
    if (big === lastBig || (big === YI && seenYi)) return null;
    if (big === YI) seenYi = true;
    section += num;
    if (section === 0 && total === 0) return null; // 万 alone
    if (big === YI) total = (total + section) * big;
    else total += section * big;
    section = 0;
    num = 0;
    hasNum = false;
    lastSmall = 10_000;
    lastUnit = big;
    lastBig = big;
    prevWasZero = false;
  }
  if (hasNum && lastUnit > 10) {
    // 一万二 = 12000, 三千五 = 3500: a trailing digit right after a unit counts one place lower.
    num *= lastUnit / 10;
  }
  return { value: total + section + num, digitByDigit: false };
}
