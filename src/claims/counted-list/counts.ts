/**
 * Reading the count of a list from the text: a numeral and its measure word (三项, 3个, 六大), a
 * rank (前三, 前10位, 前两名) or a compound set phrase (四馆一庭). The figure scanner records some of
 * these as quantities, some as identifiers (三项制度 as a set phrase, 三级 as a code) and some not at
 * all (三大, 前五), so the count is read here from the text, the same way whichever it is.
 */
import { matchUnit } from '../../parse/numbers/units.js';
import { codeBits, inBits } from '../../text/chars.js';
import { parseChineseNumeral, type ChineseNumeral } from '../../parse/numbers/chinese-numeral.js';
import { CLASSIFIERS, COUNT_NUMERALS, MAX_BIG_KINDS, type CountSense } from './words.js';

/** A numeral as written. */
export interface Numeral {
  start: number;
  end: number;
  value: number;
}

/** A count read from the text. */
export interface Count {
  /** The count as written: 三项, 3个, 前三, 前两名, 四馆一庭. */
  start: number;
  end: number;
  /** The count; for a compound phrase (四馆一庭) the sum of its numerals. */
  value: number;
  /** For a compound phrase, the first numeral alone (三位一体 counts three, not four). */
  firstValue: number;
  sense: CountSense;
  /** The measure word, or '' for a rank or a compound phrase without one. */
  classifier: string;
  compound: boolean;
}


/** Count numerals by char code, as bits (8 KB: a 64 KB table read at ideographs misses the cache). */
const NUMERAL = codeBits(COUNT_NUMERALS);

/** Measure words by the char code of their first character. */
const CLASSIFIERS_BY_FIRST = new Map<number, Array<readonly [string, CountSense]>>();
for (const entry of CLASSIFIERS) {
  const list = CLASSIFIERS_BY_FIRST.get(entry[0].charCodeAt(0));
  if (list) list.push(entry);
  else CLASSIFIERS_BY_FIRST.set(entry[0].charCodeAt(0), [entry]);
}
/** The char codes that start a measure word, as bits. */
const CLASSIFIER_START = codeBits(String.fromCharCode(...CLASSIFIERS_BY_FIRST.keys()));

/** Whether the UTF-16 unit `code` is one of the count numerals (`COUNT_NUMERALS`). */
export function isCountNumeral(code: number): boolean {
  return inBits(NUMERAL, code);
}

/** Whether a measure word could start at `pos` (its first character is one), before reading it. */
export function startsClassifier(s: string, pos: number): boolean {
  return inBits(CLASSIFIER_START, s.charCodeAt(pos));
}

/** Whether `c` is a Chinese character (CJK unified ideographs). */
export function isHan(c: string | undefined): boolean {
  return c !== undefined && c >= '\u4e00' && c <= '\u9fff';
}

/** Whether the UTF-16 unit `code` is a Chinese character (CJK unified ideographs); false for NaN. */
export function isHanCode(code: number): boolean {
  return code >= 0x4e00 && code <= 0x9fff;
}
/** Whether the UTF-16 unit `code` is an ASCII digit (false for NaN). */
const isDigitCode = (code: number): boolean => code >= 0x30 && code <= 0x39;
/** Whether the UTF-16 unit `code` is an ASCII letter. */
const isLetterCode = (code: number): boolean => (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);

/** Longest Chinese numeral run read as a count: lists have fewer than a thousand items. */
const MAX_RUN = 4;

/** Whether a numeral may start at `pos`: the first digit of a run, not inside a decimal or a code. */
export function isNumeralStart(s: string, pos: number): boolean {
  const code = s.charCodeAt(pos);
  if (code >= 0x30 && code <= 0x39) {
    const prev = s.charCodeAt(pos - 1);
    return !isDigitCode(prev) && prev !== 0x2e && !isLetterCode(prev);
  }
  return inBits(NUMERAL, code) && (pos === 0 || !inBits(NUMERAL, s.charCodeAt(pos - 1)));
}

/**
 * The numeral starting at `pos`, or null. Arabic runs of up to four digits (not a decimal);
 * Chinese runs of up to four characters. A run that is not a well-formed numeral because a word
 * ends in 一 (统一两个, 之一三项) is read from its second character.
 */
export function numeralAt(s: string, pos: number): Numeral | null {
  if (isDigitCode(s.charCodeAt(pos))) {
    let end = pos;
    let value = 0;
    for (let c = s.charCodeAt(end); isDigitCode(c); c = s.charCodeAt(++end)) value = value * 10 + (c - 0x30);
    if (end - pos > 4 || (s.charCodeAt(end) === 0x2e && isDigitCode(s.charCodeAt(end + 1)))) return null;
    return { start: pos, end, value };
  }
  let end = pos;
  while (end < s.length && end - pos < MAX_RUN + 1 && inBits(NUMERAL, s.charCodeAt(end))) end++;
  if (end - pos > MAX_RUN) return null;
  return chineseAt(s, pos, end) ?? (s.charCodeAt(pos) === 0x4e00 /* 一 */ && end - pos > 1 ? chineseAt(s, pos + 1, end) : null);
}

/** The Chinese numeral `s[from, end)` as a count, or null when it is none (a digit-by-digit code, a fraction). */
function chineseAt(s: string, from: number, end: number): Numeral | null {
  // Most counts are one character (三项, 两个): read from a table made once by the same parser.
  const n = end - from === 1 ? SINGLE.get(s.charCodeAt(from)) : parseChineseNumeral(s.slice(from, end));
  return n && !n.digitByDigit && n.fraction === '' ? { start: from, end, value: n.integer } : null;
}

/** Each count numeral alone, as the parser reads it. */
const SINGLE = new Map<number, ChineseNumeral | null>();
for (const c of COUNT_NUMERALS) SINGLE.set(c.charCodeAt(0), parseChineseNumeral(c));

/**
 * The measure word at `pos` and what it counts, or null. A unit of time or a rate (个月,
 * 个工作日, 个百分点) is not a count of items; N大 counts kinds only for small N (二十大 is a
 * congress).
 */
export function classifierAt(s: string, pos: number, value: number): { word: string; sense: CountSense } | null {
  const candidates = CLASSIFIERS_BY_FIRST.get(s.charCodeAt(pos));
  if (!candidates) return null;
  for (const [word, sense] of candidates) {
    if (!s.startsWith(word, pos)) continue;
    if (word === '大' && value > MAX_BIG_KINDS) return null;
    const unit = matchUnit(s, pos);
    return unit && unit.family !== 'count' ? null : { word, sense };
  }
  return null;
}

/** The count at a numeral (numeral + measure word), or null when no measure word follows. */
export function countAt(s: string, n: Numeral): Count | null {
  const c = classifierAt(s, n.end, n.value);
  if (!c) return null;
  return {
    start: n.start,
    end: n.end + c.word.length,
    value: n.value,
    firstValue: n.value,
    sense: c.sense,
    classifier: c.word,
    compound: false,
  };
}

/** Measure words of a rank: 前两名, 前10位, 前三强. */
const RANK_WORDS = '名位强';

/**
 * A rank at a numeral right after 前 (前三, 前两名, 前10位), or null. A span of time is not a rank:
 * 前三季度, 前3个月 and 前两年 are left alone, as is anything but 名/位/强/的 after the numeral.
 */
export function rankAt(s: string, n: Numeral): Count | null {
  if (s.charCodeAt(n.start - 1) !== 0x524d /* 前 */) return null;
  const next = s[n.end];
  if (next === undefined || !(RANK_WORDS.includes(next) || next === '的')) return null;
  const end = RANK_WORDS.includes(next) ? n.end + 1 : n.end;
  return { start: n.start - 1, end, value: n.value, firstValue: n.value, sense: 'rank', classifier: '', compound: false };
}

const CLOSE_QUOTE = 0x201d; // ”
const OPEN_BRACKET = 0x28; // (

/** Longest set phrase read as one count: 四馆一庭, 三会一课, 一规划两纲要. */
const MAX_PHRASE = 8;

/**
 * A set phrase of numerals and nouns starting at numeral `n` and ending right before a closing
 * quote or an opening bracket (四馆一庭”, 三项制度(, 一规划两纲要”). Returns the phrase's end and its
 * count (compound when it holds more than one numeral), or null when it has neither a measure
 * word nor a second numeral, or runs longer than 8 characters.
 */
export function setPhraseAt(s: string, n: Numeral): { end: number; count: Count } | null {
  // Most numerals are figures: look for the closing mark before reading a phrase.
  let mark = n.end;
  while (mark < s.length && mark - n.start <= MAX_PHRASE) {
    const c = s.charCodeAt(mark);
    if (c === CLOSE_QUOTE || c === OPEN_BRACKET) break;
    mark++;
  }
  if (mark >= s.length || mark - n.start > MAX_PHRASE) return null;
  const first = countAt(s, n);
  let value = n.value;
  let numerals = 1;
  let p = n.end;
  while (p < s.length && p - n.start <= MAX_PHRASE) {
    const c = s.charCodeAt(p);
    if (c === CLOSE_QUOTE || c === OPEN_BRACKET) break;
    if (!isHanCode(c)) return null;
    if (inBits(NUMERAL, c) && !inBits(NUMERAL, s.charCodeAt(p - 1))) {
      const m = numeralAt(s, p);
      if (!m) return null;
      value += m.value;
      numerals++;
      p = m.end;
      continue;
    }
    p++;
  }
  if ((s.charCodeAt(p) !== CLOSE_QUOTE && s.charCodeAt(p) !== OPEN_BRACKET) || p === n.end) return null;
  if (numerals === 1 && !first) return null;
  const compound = numerals > 1;
  return {
    end: p,
    count: {
      start: n.start,
      end: p,
        value,
      firstValue: n.value,
      sense: first && !compound ? first.sense : 'kinds',
      classifier: first?.classifier ?? '',
      compound,
    },
  };
}

/**
 * Whether `s[start, end)` holds a count of its own (四个意识, 3个, 两项) outside book titles: an
 * item that counts something is part of a breakdown or a slogan, not the name of a list item.
 */
export function holdsCount(s: string, start: number, end: number): boolean {
  let depth = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x300a /* 《 */) depth++;
    else if (c === 0x300b /* 》 */ && depth > 0) depth--;
    else if (depth === 0 && isNumeralStart(s, i)) {
      const n = numeralAt(s, i);
      if (!n || s.charCodeAt(n.start - 1) === 0x7b2c /* 第 */) continue;
      if (countAt(s, n)) return true;
      // 2020年 in an item is a year; 5万元, 30% are amounts.
      const unit = isDigitCode(c) ? matchUnit(s, n.end) : null;
      if (unit && unit.family !== 'duration') return true;
    }
  }
  return false;
}
