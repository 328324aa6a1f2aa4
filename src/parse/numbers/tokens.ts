import type { NumeralForm } from '../../model/quantity.js';
import { isAsciiDigit } from '../../text/chars.js';
import { MAX_CHINESE_RUN, isChineseDigitCode, isChineseNumeralCode, isChinesePointCode, parseChineseNumeral } from './chinese-numeral.js';

/** Longest Arabic integer part read as a figure; longer digit runs are codes. */
export const MAX_INT_DIGITS = 18;

/** What joins the two ends of a range: 1-10月, 15%~30%, 3至5人 (the em dash is folded to -). */
export const RANGE_CONNECTORS = '-~至到';

/** Whether the UTF-16 unit `c` is one of RANGE_CONNECTORS (NaN, past the text, is not). */
export function isRangeConnectorCode(c: number): boolean {
  return c === 0x2d /* - */ || c === 0x7e /* ~ */ || c === 0x81f3 /* 至 */ || c === 0x5230 /* 到 */;
}

/** A numeral as read. */
export interface NumberToken {
  start: number;
  end: number;
  form: NumeralForm;
  /** Decimal string of the integer and fraction as written, without magnitude. */
  digits: string;
  /** Fraction digits shown. */
  fracDigits: number;
  /** For Chinese numerals: written digit by digit (二〇二〇). */
  digitByDigit: boolean;
  /** Integer value when it fits (for date checks). */
  int: number;
  hasFraction: boolean;
}

/**
 * Most blanks that may stand between the parts of one figure or date (`150.25 万件`, `15.6 %`,
 * `2023 年`): pages copied from Word or PDF put one, sometimes two. The normalised view has
 * already folded no-break, ideographic and thin spaces to ASCII spaces.
 */
export const MAX_GAP = 2;

/** The position after at most MAX_GAP spaces from `pos` (`pos` itself when there are none). */
export function gapEnd(s: string, pos: number, end: number): number {
  let p = pos;
  while (p < end && p - pos < MAX_GAP && s.charCodeAt(p) === 0x20) p++;
  return p;
}

/** Reads an Arabic numeral (with thousands separators and a fraction) at `pos`. */
export function readArabic(original: string, s: string, pos: number, end: number): NumberToken {
  let p = pos;
  while (p < end && isAsciiDigit(s.charCodeAt(p))) p++;
  // Slices of the view rather than a string grown digit by digit.
  let intDigits = s.slice(pos, p);
  let grouped = false;
  // Thousands separators in the caller's text: an ASCII comma, or a space, no-break space or
  // thin space (1 904件, 1&nbsp;904件), in groups of exactly three, the same separator each time.
  // A full-width comma is never one: 12,345 in Chinese prose is two figures.
  const sep = original.charCodeAt(p);
  if (intDigits.length <= 3 && (sep === 0x2c || sep === 0x20 || sep === 0xa0 || sep === 0x2009 || sep === 0x202f)) {
    while (
      original.charCodeAt(p) === sep &&
      p + 3 < end &&
      isAsciiDigit(s.charCodeAt(p + 1)) &&
      isAsciiDigit(s.charCodeAt(p + 2)) &&
      isAsciiDigit(s.charCodeAt(p + 3)) &&
      !(p + 4 < end && isAsciiDigit(s.charCodeAt(p + 4))) &&
      intDigits.length <= MAX_INT_DIGITS
    ) {
      intDigits += s.slice(p + 1, p + 4);
      grouped = true;
      p += 4;
    }
  }
  let fracLength = 0;
  if (s.charCodeAt(p) === 0x2e /* . */ && p + 1 < end && isAsciiDigit(s.charCodeAt(p + 1))) {
    const point = p;
    p++;
    while (p < end && isAsciiDigit(s.charCodeAt(p))) p++;
    fracLength = p - point - 1;
  }
  // Without separators the digits, point and fraction stand in the view as they are written.
  let digits = intDigits;
  if (fracLength > 0) digits = grouped ? `${intDigits}.${s.slice(p - fracLength, p)}` : s.slice(pos, p);
  return {
    start: pos,
    end: p,
    form: 'arabic',
    digits,
    fracDigits: fracLength,
    digitByDigit: false,
    int: intDigits.length <= 15 ? Number(intDigits) : Number.NaN,
    hasFraction: fracLength > 0,
  };
}

/** Reads a Chinese numeral run at `pos`; null when the run is not a numeral. */
export function readChinese(s: string, pos: number, end: number): { token: NumberToken | null; runEnd: number } {
  let p = pos;
  while (p < end && p - pos <= MAX_CHINESE_RUN) {
    const c = s.charCodeAt(p);
    if (isChineseNumeralCode(c)) p++;
    else if (isChinesePointCode(c) && p + 1 < end && isChineseDigitCode(s.charCodeAt(p + 1)) && p > pos) p++;
    else break;
  }
  if (p - pos > MAX_CHINESE_RUN) {
    while (p < end && isChineseNumeralCode(s.charCodeAt(p))) p++;
    return { token: null, runEnd: p };
  }
  const parsed = parseChineseNumeral(s.slice(pos, p));
  if (!parsed) return { token: null, runEnd: p };
  const digits = parsed.fraction ? `${parsed.integer}.${parsed.fraction}` : String(parsed.integer);
  return {
    token: {
      start: pos,
      end: p,
      form: 'chinese',
      digits,
      fracDigits: parsed.fraction.length,
      digitByDigit: parsed.digitByDigit,
      int: parsed.integer,
      hasFraction: parsed.fraction.length > 0,
    },
    runEnd: p,
  };
}
