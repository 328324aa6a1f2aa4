import { Decimal } from 'decimal.js';
import type { DateMention } from '../../model/date.js';
import type {
  Identifier,
  IdentifierKind,
  Qualifier,
  Quantity,
  UnitFamily,
} from '../../model/quantity.js';
import { byFirstUnit, codeSet, isAsciiDigit, isAsciiLetter } from '../../text/chars.js';
import { CHINESE_NUMERAL_CODES, isChineseNumeralCode } from './chinese-numeral.js';
import type { Marks } from '../marks.js';
import { DateReader } from './dates.js';
import { effectiveKindOf } from './interval.js';
import { Context } from './quote-context.js';
import { gapEnd, isRangeConnectorCode, MAX_INT_DIGITS, readArabic, readChinese, type NumberToken } from './tokens.js';
import { LazyQuantity } from './lazy-quantity.js';
import { figureValue, TEN } from './value.js';
import {
  matchInnerQualifier,
  matchPrefixQualifier,
  matchSuffixQualifier,
} from './qualifiers.js';
import { matchMagnitude, matchUnit, unitStartsWord } from './units.js';


/** What the scanner collects; quantities get their sentence index later. */
export interface FigureSink {
  quantities: Quantity[];
  identifiers: Identifier[];
  dates: DateMention[];
}


/**
 * Phrases whose numeral names a policy rather than counting things, checked where a Chinese
 * numeral starts.
 */
const SET_PHRASES = [
  '三个代表',
  '两个大局',
  '两个百年',
  '五大发展理念',
  '八项规定',
  '三项制度',
  '三会一课',
  '两学一做',
  '四个意识',
  '四个自信',
  '两个维护',
  '两个确立',
  '三重一大',
  '五位一体',
  '四个全面',
  '三严三实',
  '一岗双责',
  '两个责任',
  '四个第一',
  '两个一百年',
];

/** SET_PHRASES by their first UTF-16 unit, in list order: only those can start where a numeral does. */
const SET_PHRASES_BY_FIRST = byFirstUnit(SET_PHRASES);

/** Words right after a numeral that make it a name: 12345热线, 8号线, 3.0版, 十九届. */
const NAME_SUFFIXES: ReadonlyArray<readonly [string, IdentifierKind]> = [
  ['周年', 'ordinal'],
  ['号线', 'code'],
  ['号楼', 'code'],
  ['号', 'code'],
  ['热线', 'code'],
  ['专线', 'code'],
  ['路', 'code'],
  ['型', 'code'],
  ['版', 'version'],
  ['届', 'session'],
  ['代', 'code'],
  ['级', 'code'],
  ['星', 'code'],
  ['中全会', 'session'],
];


/** NAME_SUFFIXES by their first UTF-16 unit, in list order (号线 before 号). */
const NAME_SUFFIXES_BY_FIRST = byFirstUnit(NAME_SUFFIXES, ([word]) => word);

/** A name suffix found after a numeral. */
interface NameSuffix {
  kind: IdentifierKind;
  end: number;
}

/** A bare 百, 千 or 万 that counts one of it when 余/多 or a qualifier goes with it. */
const BARE_MAGNITUDES: ReadonlyMap<number, number> = new Map([
  [0x767e /* 百 */, 100],
  [0x5343 /* 千 */, 1000],
  [0x4e07 /* 万 */, 10000],
]);
/** Qualifiers before a bare 百/千/万 that make it a count: 近百件, 逾千人. */
const BARE_MAGNITUDE_QUALIFIERS = codeSet('近逾超约');
/** Characters before a numeral that make it vague: 几十, 数百, 若干. */
const VAGUE = codeSet('几数若');
/** Units with which a bare 一 is a real count (败诉一件), not an article (一个平台). */
const CASE_UNITS = new Set(['件', '宗', '起', '例', '名', '人', '家', '户', '人次']);
/** Characters before 一 that make it part of a word: 无一例, 同一件, 每一起, 唯一. */
const NOT_ONE_BEFORE = codeSet('无唯同统第每逐任某哪这那另单其万千百十之');

/**
 * Characters before 前 that make it a word for "before" or "now" (目前, 提前, 此前, 三年前, 会前 …):
 * the numeral after such a 前 is no rank (目前5名干部在岗 counts five people).
 */
const NOT_RANK_BEFORE = codeSet('目当此之以日提先从事早较年月周天时节会赛考课战生空眼面跟史向超门');
/** Words right after 前 + numeral that close a rank: 前五名, 前10位, 前十强. */
const RANK_WORDS = codeSet('名位强');

/** Public service numbers: a figure equal to one of these with no unit names a hotline. */
const SERVICE_NUMBERS = new Set(['110', '119', '120', '122', '12345', '12348', '12315', '12319', '12320', '12333', '12338', '12339', '12351', '12366', '12369', '12388', '12309', '12356', '12358', '12310', '12380']);

/** Whether the UTF-16 unit is 余 or 多, which follow a number to mean "and more". */
function isMoreCode(c: number): boolean {
  return c === 0x4f59 /* 余 */ || c === 0x591a /* 多 */;
}

/** What the scan loop does at a UTF-16 unit; most units are none of these and are passed over. */
const Trigger = { None: 0, Digit: 1, Hundred: 2, Numeral: 3, Ordinal: 4 } as const;

/** Trigger by UTF-16 unit, made once per process: one array read per character of the body. */
const TRIGGERS: Uint8Array = (() => {
  const t = new Uint8Array(0x10000);
  for (const c of CHINESE_NUMERAL_CODES) t[c] = Trigger.Numeral;
  for (let c = 0x30; c <= 0x39; c++) t[c] = Trigger.Digit;
  t[0x767e /* 百 */] = Trigger.Hundred;
  t[0x7b2c /* 第 */] = Trigger.Ordinal;
  t[0x524d /* 前 */] = Trigger.Ordinal;
  return t;
})();

/** Scans the body of a report for figures, dates and identifiers, paragraph by paragraph. */
export class FigureScanner {
  constructor(
    private readonly original: string,
    norm: string,
    private readonly context: Uint8Array,
    private readonly sink: FigureSink,
  ) {
    // Traditional characters (萬, 兩, 個 …) read as simplified: the normalised view is folded
    // already (src/text/traditional.ts), offsets unchanged.
    this.norm = norm;
    this.dates = new DateReader(this.norm, sink.dates);
  }

  /** The normalised view (traditional characters folded), same length as the text. */
  private readonly norm: string;
  private readonly dates: DateReader;

  /**
   * Scans `[start, end)` of paragraph `paragraph`, visiting only its marked positions (see
   * marks.ts): every unit a figure can start at is marked, and the units between hold no figure.
   */
  scan(start: number, end: number, paragraph: number, marks: Marks): void {
    const s = this.norm;
    const positions = marks.positions;
    let i = start;
    for (let k = marks.from(start); k < marks.length; k++) {
      const at = positions[k]!;
      if (at >= end) break;
      if (at < i) continue; // inside what a figure took
      const trigger = TRIGGERS[s.charCodeAt(at)]!;
      if (trigger !== Trigger.None) i = this.atTrigger(trigger, at, start, end, paragraph);
    }
  }

  /** Reads what starts at `i`, a unit of trigger `trigger`; returns where scanning goes on. */
  private atTrigger(trigger: number, i: number, start: number, end: number, paragraph: number): number {
    const s = this.norm;
    if (trigger === Trigger.Digit) return this.atArabic(i, start, end, paragraph);
    if (trigger === Trigger.Hundred && s.startsWith('分之', i + 1)) return this.atPercentWords(i, start, end, paragraph);
    // A numeral character, 百 among them.
    if (trigger !== Trigger.Ordinal) return this.atChinese(i, start, end, paragraph);
    // 第三季度 / 前三季度 are quarters; other 第 + numeral are ordinals.
    const q = this.dates.quarterAt(i + 1, end, i);
    if (q !== null) return q;
    if (s.charCodeAt(i) === 0x7b2c /* 第 */) return this.ordinalAt(i, end);
    return this.rankAt(i, start, end);
  }

  // ---------------------------------------------------------------- Arabic

  private atArabic(pos: number, regionStart: number, end: number, paragraph: number): number {
    const s = this.norm;
    const prev = pos > 0 ? s.charCodeAt(pos - 1) : 0;
    // Part of a code such as 11440111007502337T/2021-00021 or A1: skip the whole run.
    if (isAsciiLetter(prev) || prev === 0x5f /* _ */ || prev === 0x2f /* / */ || (prev === 0x20 && pos > 1 && isAsciiLetter(s.charCodeAt(pos - 2)))) {
      // Part of a code: 11440111007502337T/2021-00021, A1, GB/T 9704-2012.
      return this.codeRun(pos, end, 'code', pos);
    }
    // A document number's year: 云府办〔2020〕15号.
    if (prev === 0x3014 /* 〔 */ || prev === 0x5b /* [ */) return this.codeRun(pos, end, 'code', pos);
    // A leading zero is a code, not a count: 020-86123456, 0755.
    if (s.charCodeAt(pos) === 0x30 && pos + 1 < end && isAsciiDigit(s.charCodeAt(pos + 1))) return this.codeRun(pos, end, 'code', pos);
    const tok = readArabic(this.original, this.norm, pos, end);
    const intLen = tok.digits.length - (tok.hasFraction ? tok.fracDigits + 1 : 0);
    if (intLen > MAX_INT_DIGITS) return this.codeRun(pos, end, 'code', pos);
    const next = tok.end < end ? s.charCodeAt(tok.end) : 0;

    if (next === 0x2b /* + */ || prev === 0x2b || next === 0xd7 /* × */ || prev === 0xd7 || next === 0x2a /* * */) {
      return this.codeRun(pos, end, 'formula', this.formulaStart(pos, regionStart));
    }
    // Fractions (2/3) and clock times (8:30-17:30) are not counts.
    if ((next === 0x2f || next === 0x3a) && isAsciiDigit(s.charCodeAt(tok.end + 1))) return this.codeRun(pos, end, next === 0x2f ? 'formula' : 'code', pos);
    if (isAsciiLetter(next)) return this.codeRun(pos, end, 'code', pos);
    // Service numbers (12345, 110, 12348 …) with no unit after them name a hotline.
    const rangeNext = isRangeConnectorCode(s.charCodeAt(tok.end)) && isAsciiDigit(s.charCodeAt(tok.end + 1));
    if (!tok.hasFraction && SERVICE_NUMBERS.has(tok.digits) && !matchUnit(s, tok.end) && !matchMagnitude(s, tok.end) && !rangeNext && !isMoreCode(s.charCodeAt(tok.end))) {
      this.addIdentifier('code', pos, tok.end);
      return tok.end;
    }
    // An enumeration marker inside running text: (1).
    if (prev === 0x28 && next === 0x29) return tok.end + 1;

    const ctx = this.context[pos]!;
    if (ctx !== Context.Text) return this.nameAt(pos, tok.end, end, ctx === Context.Quoted ? 'quoted' : 'title');

    const dateEnd = this.dates.arabicDate(tok, end);
    if (dateEnd !== null) return dateEnd;

    const named = this.nameSuffix(tok.end, end);
    if (named) {
      this.addIdentifier(named.kind, pos, named.end);
      return named.end;
    }
    return this.quantityFrom(tok, regionStart, end, paragraph);
  }

  private formulaStart(pos: number, regionStart: number): number {
    const s = this.norm;
    let p = pos;
    while (p > regionStart) {
      const c = s.charCodeAt(p - 1);
      if (isAsciiDigit(c) || isAsciiLetter(c) || c === 0x2b) p--;
      else break;
    }
    return p;
  }

  /** Skips a run of letters, digits, dots and pluses as one identifier. */
  private codeRun(pos: number, end: number, kind: IdentifierKind, start: number): number {
    const s = this.norm;
    let p = pos;
    while (p < end) {
      const c = s.charCodeAt(p);
      const joinsDigits = (c === 0x2e || c === 0x2d || c === 0x3a || c === 0x2f || c === 0xd7 || c === 0x2a || c === 0x3015 || c === 0x5d) && isAsciiDigit(s.charCodeAt(p + 1));
      if (isAsciiDigit(c) || isAsciiLetter(c) || c === 0x2b || joinsDigits) p++;
      else break;
    }
    this.addIdentifier(kind, start, p);
    return p;
  }

  /** A figure inside a quoted name or book title: record it, with any unit, as an identifier. */
  private nameAt(start: number, tokenEnd: number, end: number, kind: IdentifierKind): number {
    let p = tokenEnd;
    const unit = p < end ? matchUnit(this.norm, p) : null;
    if (unit && p + unit.unit.length <= end) p += unit.unit.length;
    this.addIdentifier(kind, start, p);
    return p;
  }

  private nameSuffix(pos: number, end: number): NameSuffix | null {
    const group = NAME_SUFFIXES_BY_FIRST.get(this.norm.charCodeAt(pos));
    if (!group) return null;
    for (const [word, kind] of group) {
      if (pos + word.length <= end && this.norm.startsWith(word, pos)) return { kind, end: pos + word.length };
    }
    return null;
  }

  /** Dates written with Arabic numerals; returns the end of the date or null. */
  // ---------------------------------------------------------------- Chinese

  private atChinese(pos: number, regionStart: number, end: number, paragraph: number): number {
    const s = this.norm;
    let { token, runEnd } = readChinese(this.norm, pos, end);
    // The unit before the numeral; NaN at the start of the text, which no set holds.
    const prev = pos > 0 ? s.charCodeAt(pos - 1) : Number.NaN;
    // 百余件, 千余件, 万余人, 近百件, 逾千人: a bare 百/千/万 counts one of it.
    if (!token && runEnd === pos + 1) {
      const v = BARE_MAGNITUDES.get(s.charCodeAt(pos));
      if (v !== undefined && (isMoreCode(s.charCodeAt(pos + 1)) || BARE_MAGNITUDE_QUALIFIERS.has(prev))) {
        token = { start: pos, end: pos + 1, form: 'chinese', digits: String(v), fracDigits: 0, digitByDigit: false, int: v, hasFraction: false };
      }
    }
    if (!token) return Math.max(runEnd, pos + 1);
    const next = s.charCodeAt(token.end);
    // 几十人, 十几人, 数百人: vague amounts are not figures.
    if (VAGUE.has(prev) || next === 0x51e0 /* 几 */) return token.end + (next === 0x51e0 ? 1 : 0);
    if (prev === 0x28 /* ( */ && next === 0x29 /* ) */) return token.end + 1; // (一) inside running text

    // Dates: 二〇二〇年, 十二月, 三季度.
    if (token.digitByDigit && token.digits.length === 4 && next === 0x5e74 /* 年 */ && token.int >= 1900 && token.int <= 2199) {
      return this.dates.afterYear(pos, token.int, token.end + 1, end, 'chinese');
    }
    if (!token.hasFraction && token.int >= 1 && token.int <= 4 && s.startsWith('季度', token.end)) {
      this.dates.addDate('quarter', pos, token.end + 2, { quarter: token.int, form: 'chinese' });
      return token.end + 2;
    }
    if (!token.hasFraction && token.int >= 1 && token.int <= 12 && next === 0x6708 /* 月 */) {
      return this.dates.afterMonth(pos, null, token.int, token.end + 1, end, 'chinese');
    }

    const ctx = this.context[pos]!;
    for (const phrase of SET_PHRASES_BY_FIRST.get(s.charCodeAt(pos)) ?? []) {
      if (s.startsWith(phrase, pos)) {
        this.addIdentifier(ctx === Context.Text ? 'setPhrase' : ctx === Context.Quoted ? 'quoted' : 'title', pos, pos + phrase.length);
        return pos + phrase.length;
      }
    }
    const named = this.nameSuffix(token.end, end);
    if (named) {
      this.addIdentifier(ctx === Context.Text ? named.kind : ctx === Context.Quoted ? 'quoted' : 'title', pos, named.end);
      return named.end;
    }
    if (token.digitByDigit) return token.end; // 二三十, 三五: approximate ranges, not figures
    // A Chinese numeral is a figure only when a unit follows (possibly after 余/多).
    let p = token.end;
    const inner = matchInnerQualifier(s, p);
    if (inner) p++;
    let unit = p < end ? matchUnit(s, p) : null;
    if (!unit && !inner && isRangeConnectorCode(s.charCodeAt(p)) && isChineseNumeralCode(s.charCodeAt(p + 1))) {
      // 三至五名: the unit stands after the upper end only.
      const upper = readChinese(this.norm, p + 1, end).token;
      if (upper) unit = matchUnit(s, upper.end + (matchInnerQualifier(s, upper.end) ? 1 : 0));
    }
    if (!unit || unit.unit === '期') return token.end;
    // 一个, 一项: the indefinite article, not a count worth checking; but 败诉一件 and 发生一起
    // count cases, which contradiction checks need (无一例, 同一件, 每一起 are not counts).
    if (token.int === 1 && token.end - token.start === 1 && !inner) {
      if (!CASE_UNITS.has(unit.unit) || NOT_ONE_BEFORE.has(prev)) return token.end;
    }
    if (ctx !== Context.Text) return this.nameAt(pos, token.end, end, ctx === Context.Quoted ? 'quoted' : 'title');
    return this.quantityFrom(token, regionStart, end, paragraph);
  }

  /**
   * 第7名, 第二期, 第28周, 第一 at `pos` (the 第): ordinals are identifiers, never counts.
   * 第3季度 is a quarter (第三季度 was read by the caller). A blank may follow 第 (第 5 期).
   */
  private ordinalAt(pos: number, end: number): number {
    const s = this.norm;
    let p = gapEnd(s, pos + 1, end);
    if (p >= end) return pos + 1;
    if (isAsciiDigit(s.charCodeAt(p))) {
      const digitsStart = p;
      while (p < end && isAsciiDigit(s.charCodeAt(p))) p++;
      const n = p - digitsStart === 1 ? s.charCodeAt(digitsStart) - 0x30 : 0;
      if (n >= 1 && n <= 4 && s.startsWith('季度', p)) {
        this.dates.addDate('quarter', pos, p + 2, { quarter: n, form: 'arabic' });
        return p + 2;
      }
    } else if (isChineseNumeralCode(s.charCodeAt(p))) {
      const { token } = readChinese(this.norm, p, end);
      if (!token) return pos + 1;
      p = token.end;
    } else {
      return pos + 1;
    }
    const q = gapEnd(s, p, end);
    const unit = q < end ? matchUnit(s, q) : null;
    if (unit && q + unit.unit.length <= end) p = q + unit.unit.length;
    this.addIdentifier('ordinal', pos, p);
    return p;
  }

  /**
   * 前五名, 前三, 前10位, 排名前五, 包揽前两名 at `pos` (the 前): the top N of a ranking names N
   * places, it counts nothing. Recorded as a `rank` identifier over 前, the numeral and a closing
   * 名/位/强 (not over a measure word that follows: 前5家企业 gives 前5). Not a rank: 前 as part of
   * another word (目前5名, 提前3天), a period (前三年, 前10个月, 前3季度), 前一 without 名/位/强
   * (前一轮 is the previous round), and numerals with a fraction, 余/多, a magnitude or a unit
   * that is not a count. Returns where scanning goes on: past the rank, or just past the 前.
   */
  private rankAt(pos: number, regionStart: number, end: number): number {
    const s = this.norm;
    const notRank = pos + 1;
    if (pos > regionStart && NOT_RANK_BEFORE.has(s.charCodeAt(pos - 1))) return notRank;
    const numStart = gapEnd(s, pos + 1, end);
    if (numStart >= end) return notRank;
    let numEnd: number;
    let value: number;
    if (isAsciiDigit(s.charCodeAt(numStart))) {
      numEnd = numStart;
      while (numEnd < end && numEnd - numStart < 4 && isAsciiDigit(s.charCodeAt(numEnd))) numEnd++;
      if (numEnd < end && (isAsciiDigit(s.charCodeAt(numEnd)) || s.charCodeAt(numEnd) === 0x2e /* . */ || matchMagnitude(s, numEnd))) return notRank;
      value = Number(s.slice(numStart, numEnd));
    } else if (isChineseNumeralCode(s.charCodeAt(numStart))) {
      const { token } = readChinese(this.norm, numStart, end);
      if (!token || token.hasFraction || token.digitByDigit) return notRank;
      numEnd = token.end;
      value = token.int;
    } else {
      return notRank;
    }
    if (value < 1) return notRank;
    let p = numEnd;
    const word = gapEnd(s, numEnd, end);
    if (word < end && RANK_WORDS.has(s.charCodeAt(word))) {
      p = word + 1;
    } else {
      if (value === 1) return notRank;
      // Past the end of the text counts as a connector, as it always has (an empty string is in every list).
      if (p >= s.length) return notRank;
      const after = s.charCodeAt(p);
      if (isMoreCode(after) || after === 0x51e0 /* 几 */ || isRangeConnectorCode(after)) return notRank;
      if (s.startsWith('季度', p) || s.startsWith('个季度', p) || after === 0x6708 /* 月 */ || after === 0x65e5 /* 日 */) return notRank;
      const unit = p < end ? matchUnit(s, p) : null;
      if (unit && unit.family !== 'count') return notRank;
    }
    const ctx = this.context[pos]!;
    this.addIdentifier(ctx === Context.Text ? 'rank' : ctx === Context.Quoted ? 'quoted' : 'title', pos, p);
    return p;
  }

  /** 百分之九十五, 百分之95.5 */
  private atPercentWords(pos: number, regionStart: number, end: number, paragraph: number): number {
    const s = this.norm;
    const numStart = pos + 3;
    if (numStart >= end) return pos + 1;
    let tok: NumberToken | null = null;
    if (isAsciiDigit(s.charCodeAt(numStart))) tok = readArabic(this.original, this.norm, numStart, end);
    else if (s.charCodeAt(numStart) === 0x767e /* 百 */ && !isChineseNumeralCode(s.charCodeAt(numStart + 1))) {
      tok = { start: numStart, end: numStart + 1, form: 'chinese', digits: '100', fracDigits: 0, digitByDigit: false, int: 100, hasFraction: false };
    } else if (isChineseNumeralCode(s.charCodeAt(numStart))) tok = readChinese(this.norm, numStart, end).token;
    if (!tok) return pos + 1;
    if (this.context[pos] !== Context.Text) {
      this.addIdentifier(this.context[pos] === Context.Quoted ? 'quoted' : 'title', pos, tok.end);
      return tok.end;
    }
    return this.quantityFrom(tok, regionStart, end, paragraph, { start: pos, unit: '%' });
  }

  // ---------------------------------------------------------------- quantities

  /**
   * Builds a quantity from a numeral token: prefix qualifier, 余/多, magnitude, unit, suffix
   * qualifier, and a second numeral when the figure is a range.
   */
  private quantityFrom(
    tok: NumberToken,
    regionStart: number,
    end: number,
    paragraph: number,
    percentWords?: { start: number; unit: string },
  ): number {
    const s = this.norm;
    const qualifiers: Qualifier[] = [];
    let start = percentWords ? percentWords.start : tok.start;
    // 约 3 万人: a blank may stand between the qualifier and the number too.
    const prefix = matchPrefixQualifier(s, start, regionStart) ?? this.prefixBeforeGap(start, regionStart);
    if (prefix) {
      qualifiers.push({ word: prefix.word, kind: prefix.kind, range: { start: prefix.start, end: prefix.start + prefix.word.length } });
      start = prefix.start;
    }

    const first = this.readTail(tok, end, !percentWords);
    let p = first.end;
    let upper: { tok: NumberToken; tail: Tail } | null = null;
    let lowerExponent: number | null = null;
    if (!percentWords && p < end && isRangeConnectorCode(s.charCodeAt(p)) && !first.unit?.startsWith('个')) {
      const c2 = s.charCodeAt(p + 1);
      let tok2: NumberToken | null = null;
      if (tok.form === 'arabic' && isAsciiDigit(c2)) tok2 = readArabic(this.original, this.norm, p + 1, end);
      else if (tok.form === 'chinese' && isChineseNumeralCode(s.charCodeAt(p + 1))) tok2 = readChinese(this.norm, p + 1, end).token;
      if (tok2) {
        const tail2 = this.readTail(tok2, end, true);
        const unitsAgree = !first.unit || first.unit === tail2.unit;
        // A range runs upwards: 2021-01 or 131-10 are not ranges. The lower end borrows the upper
        // end's magnitude only when it stays below it (1至2万 → 1万–2万, but 3000-1万 → 3000–10000).
        const hiValue = new Decimal(tok2.digits).times(TEN.pow(tail2.exponent ?? 0));
        const borrowed = new Decimal(tok.digits).times(TEN.pow(first.exponent ?? tail2.exponent ?? 0));
        const loValue = borrowed.lt(hiValue) ? borrowed : new Decimal(tok.digits).times(TEN.pow(first.exponent ?? 0));
        const ascending = loValue.lt(hiValue);
        if (unitsAgree && ascending && (tail2.unit || first.unit === null)) {
          lowerExponent = borrowed.lt(hiValue) ? (first.exponent ?? tail2.exponent ?? 0) : (first.exponent ?? 0);
          upper = { tok: tok2, tail: tail2 };
          p = tail2.end;
        }
      }
    }

    const tail = upper ? upper.tail : first;
    const unit = percentWords ? percentWords.unit : (tail.unit ?? first.unit);
    const family: UnitFamily = percentWords ? 'percent' : (tail.family ?? first.family ?? 'none');
    // 近三年, 近5年(来): the last N years, a period rather than a figure.
    if (family === 'duration' && prefix?.word === '近' && !upper) {
      this.dates.addDate('period', start, p, { form: tok.form === 'chinese' ? 'chinese' : 'arabic' });
      return p;
    }
    for (const q of first.qualifiers) qualifiers.push(q);
    if (upper) for (const q of upper.tail.qualifiers) qualifiers.push(q);
    const suffix = p < end ? matchSuffixQualifier(s, p) : null;
    if (suffix) {
      qualifiers.push({ word: suffix.word, kind: suffix.kind, range: { start: p, end: p + suffix.word.length } });
      p += suffix.word.length;
    }
    const exponent1 = lowerExponent ?? first.exponent ?? 0;
    const kind = effectiveKindOf(qualifiers);
    const magnitude = first.magnitude ?? (upper && lowerExponent === upper.tail.exponent ? upper.tail.magnitude : null);

    const quantity = new LazyQuantity(
      {
        index: this.sink.quantities.length,
        range: { start, end: p },
        numberRange: { start: tok.start, end: tok.end },
        numeral: tok.form,
        magnitude,
        unit,
        unitFamily: family,
        qualifiers,
        qualifierKind: kind,
        paragraph,
      },
      tok,
      exponent1,
    );
    if (upper) {
      const hi = figureValue(upper.tok, upper.tail.exponent ?? 0, kind);
      quantity.to = {
        value: hi.value,
        numberRange: { start: upper.tok.start, end: upper.tok.end },
        step: hi.step,
        interval: hi.interval,
      };
    }
    this.sink.quantities.push(quantity);
    return p;
  }

  /** A prefix qualifier separated from the number at `start` by one or two blanks, or null. */
  private prefixBeforeGap(start: number, regionStart: number): ReturnType<typeof matchPrefixQualifier> {
    const s = this.norm;
    let p = start;
    while (p > regionStart && start - p < 2 && s.charCodeAt(p - 1) === 0x20) p--;
    return p < start ? matchPrefixQualifier(s, p, regionStart) : null;
  }

  /**
   * The 余 or 多 at `p` after a numeral, added to `qualifiers`; whether it was. 多 must be
   * followed by a magnitude or unit (100多人), else it starts a word (多项).
   */
  private innerAt(p: number, end: number, qualifiers: Qualifier[]): boolean {
    const s = this.norm;
    const q = p < end ? matchInnerQualifier(s, p) : null;
    if (!q) return false;
    if (q.word === '多') {
      // Only the two units after 多 are looked at, so a longer unit (平方米) does not count.
      const after = p + 1 < end ? s.slice(p + 1, p + 3) : '';
      if (!(matchMagnitude(after, 0) || matchUnit(after, 0))) return false;
    }
    qualifiers.push({ word: q.word, kind: q.kind, range: { start: p, end: p + 1 } });
    return true;
  }

  /** Reads 余/多, magnitude, 余/多 and unit after a numeral. */
  private readTail(tok: NumberToken, end: number, allowUnit: boolean): Tail {
    const s = this.norm;
    let p = tok.end;
    const qualifiers: Qualifier[] = [];
    if (this.innerAt(p, end, qualifiers)) p++;
    let magnitude: string | null = null;
    let exponent: number | null = null;
    if (tok.form === 'arabic' && p < end) {
      // 150.25 万件: copies from Word or PDF put a blank before 万/亿 as before a unit.
      const q = qualifiers.length === 0 ? gapEnd(s, p, end) : p;
      const mag = matchMagnitude(s, q);
      // 5千米 is five kilometres; 5千人 is five thousand people.
      if (mag && q + mag.word.length <= end) {
        const unitHere = matchUnit(s, q);
        if (!(unitHere && unitHere.unit.length > mag.word.length)) {
          magnitude = mag.word;
          exponent = mag.exponent;
          p = q + mag.word.length;
          if (qualifiers.length === 0 && this.innerAt(p, end, qualifiers)) p++;
        }
      }
    }
    let unit: string | null = null;
    let family: UnitFamily | null = null;
    if (allowUnit && p < end) {
      // 2.7 %, 12 件, 1.2 亿 元: copies from Word or PDF put blanks between number and unit. Across
      // a blank the unit must be a word of its own (12 处理 is not 12处); 2023 年 never gets here,
      // the date reader has taken it.
      const q = gapEnd(s, p, end);
      const u = matchUnit(s, q);
      if (u && q + u.unit.length <= end && (q === p || !unitStartsWord(s, q, u.unit))) {
        unit = u.unit;
        family = u.family;
        p = q + u.unit.length;
      }
    }
    return { end: p, qualifiers, magnitude, exponent, unit, family };
  }

  // ---------------------------------------------------------------- sinks

  private addIdentifier(kind: IdentifierKind, start: number, end: number): void {
    this.sink.identifiers.push({ kind, range: { start, end }, text: this.original.slice(start, end) });
  }
}

interface Tail {
  end: number;
  qualifiers: Qualifier[];
  magnitude: string | null;
  exponent: number | null;
  unit: string | null;
  family: UnitFamily | null;
}



