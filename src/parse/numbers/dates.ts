import type { DateMention } from '../../model/date.js';
import { isAsciiDigit } from '../../text/chars.js';
import { isChineseNumeralCode } from './chinese-numeral.js';
import { gapEnd, isRangeConnectorCode, readChinese, type NumberToken } from './tokens.js';

/** 年, 月, 日 and the other characters dates are read by, as UTF-16 units. */
const YEAR = 0x5e74; // 年
const MONTH = 0x6708; // 月
const DAY = 0x65e5; // 日
const DAY_NUMBER = 0x53f7; // 号
const FISCAL = 0x5ea6; // 度

/**
 * Reads dates and periods (2020年12月2日, 1-10月, 2019-2021年, 三季度, 12月底) where the figure
 * scanner meets a numeral, and records them in `dates`. Arabic dates may carry a blank or two
 * before each of 年, 月 and 日 and before the month and day (`2023 年 12 月 2 日`), as pages
 * copied from PDF do; the date range then spans the blanks.
 */
export class DateReader {
  constructor(
    private readonly norm: string,
    private readonly dates: DateMention[],
  ) {}

  arabicDate(tok: NumberToken, end: number): number | null {
    const s = this.norm;
    if (tok.hasFraction) return null;
    const p = tok.end;
    const v = tok.int;
    const intLen = tok.digits.length;
    if (intLen === 4 && v >= 1900 && v <= 2199) {
      const nian = gapEnd(s, p, end);
      if (s.charCodeAt(nian) === YEAR) return this.afterYear(tok.start, v, nian + 1, end, 'arabic');
      // 2019-2021年, 2021至2025年: a span of years.
      if (isRangeConnectorCode(s.charCodeAt(p))) {
        const y2 = this.smallInt(p + 1, end, 4);
        const nian2 = y2 ? gapEnd(s, y2.end, end) : 0;
        if (y2 && y2.end - p - 1 === 4 && y2.value > v && y2.value <= 2199 && s.charCodeAt(nian2) === YEAR) {
          const e = s.charCodeAt(nian2 + 1) === FISCAL ? nian2 + 2 : nian2 + 1;
          this.addDate('yearRange', tok.start, e, { year: v, toYear: y2.value, form: 'arabic' });
          return e;
        }
      }
      // ISO-like 2021-01-12, 2021/1/12, 2021.01.12
      const sep = s.charCodeAt(p);
      if (sep === 0x2d /* - */ || sep === 0x2f /* / */ || sep === 0x2e /* . */) {
        const m = this.smallInt(p + 1, end, 2);
        if (m && s.charCodeAt(m.end) === sep) {
          const d = this.smallInt(m.end + 1, end, 2);
          if (d && !(d.end < end && isAsciiDigit(s.charCodeAt(d.end)))) {
            this.addDate('date', tok.start, d.end, { year: v, month: m.value, day: d.value, form: 'iso' });
            return d.end;
          }
        }
      }
      return null;
    }
    const after = gapEnd(s, p, end);
    if (intLen <= 2 && v >= 1 && v <= 12) {
      // 1-10月
      if (isRangeConnectorCode(s.charCodeAt(p))) {
        const m2 = this.smallInt(p + 1, end, 2);
        const yue = m2 ? gapEnd(s, m2.end, end) : 0;
        if (m2 && s.charCodeAt(yue) === MONTH && m2.value >= 1 && m2.value <= 12 && m2.value > v) {
          this.addDate('monthRange', tok.start, yue + 1, { month: v, toMonth: m2.value, form: 'arabic' });
          return yue + 1;
        }
      }
      if (s.charCodeAt(after) === MONTH) return this.afterMonth(tok.start, null, v, after + 1, end, 'arabic');
    }
    if (intLen <= 2 && v >= 1 && v <= 31 && s.charCodeAt(after) === DAY) {
      this.addDate('monthDay', tok.start, after + 1, { day: v, form: 'arabic' });
      return after + 1;
    }
    if (intLen <= 1 && v >= 1 && v <= 4 && s.startsWith('季度', after)) {
      this.addDate('quarter', tok.start, after + 2, { quarter: v, form: 'arabic' });
      return after + 2;
    }
    return null;
  }

  smallInt(pos: number, end: number, maxLen: number): { value: number; end: number } | null {
    const s = this.norm;
    let p = pos;
    while (p < end && p - pos < maxLen && isAsciiDigit(s.charCodeAt(p))) p++;
    if (p === pos) return null;
    if (p < end && isAsciiDigit(s.charCodeAt(p))) return null;
    return { value: Number(s.slice(pos, p)), end: p };
  }

  /** Reads a month (Arabic or Chinese) at `pos` ending in 月; null if there is none. */
  monthAt(at: number, end: number): { value: number; end: number } | null {
    const s = this.norm;
    const pos = gapEnd(s, at, end);
    if (pos >= end) return null;
    if (isAsciiDigit(s.charCodeAt(pos))) {
      const m = this.smallInt(pos, end, 2);
      const yue = m ? gapEnd(s, m.end, end) : 0;
      if (m && m.value >= 1 && m.value <= 12 && s.charCodeAt(yue) === MONTH) return { value: m.value, end: yue + 1 };
      return null;
    }
    if (isChineseNumeralCode(s.charCodeAt(pos))) {
      const { token } = readChinese(this.norm, pos, end);
      if (token && !token.hasFraction && token.int >= 1 && token.int <= 12 && s.charCodeAt(token.end) === MONTH) {
        return { value: token.int, end: token.end + 1 };
      }
    }
    return null;
  }

  dayAt(at: number, end: number): { value: number; end: number } | null {
    const s = this.norm;
    const pos = gapEnd(s, at, end);
    if (pos >= end) return null;
    let value: number | null = null;
    let p = pos;
    if (isAsciiDigit(s.charCodeAt(pos))) {
      const d = this.smallInt(pos, end, 2);
      if (d) {
        value = d.value;
        p = gapEnd(s, d.end, end);
      }
    } else if (isChineseNumeralCode(s.charCodeAt(pos))) {
      const { token } = readChinese(this.norm, pos, end);
      if (token && !token.hasFraction) {
        value = token.int;
        p = token.end;
      }
    }
    if (value === null || value < 1 || value > 31) return null;
    const c = s.charCodeAt(p);
    if (c === DAY || c === DAY_NUMBER) return { value, end: p + 1 };
    return null;
  }

  afterYear(start: number, year: number, pos: number, end: number, form: 'arabic' | 'chinese'): number {
    const s = this.norm;
    let p = pos;
    if (s.charCodeAt(p) === FISCAL) {
      this.addDate('year', start, p + 1, { year, fiscal: true, form });
      return p + 1;
    }
    const m = this.monthAt(p, end);
    if (m) {
      p = m.end;
      const d = this.dayAt(p, end);
      if (d) {
        this.addDate('date', start, d.end, { year, month: m.value, day: d.value, form });
        return d.end;
      }
      const part = partSuffix(s, p);
      this.addDate('yearMonth', start, p + part, { year, month: m.value, form });
      return p + part;
    }
    const part = partSuffix(s, p);
    this.addDate(part ? 'yearPart' : 'year', start, p + part, { year, form });
    return p + part;
  }

  afterMonth(start: number, year: number | null, month: number, pos: number, end: number, form: 'arabic' | 'chinese'): number {
    const d = this.dayAt(pos, end);
    if (d) {
      this.addDate('monthDay', start, d.end, { year, month, day: d.value, form });
      return d.end;
    }
    const part = partSuffix(this.norm, pos);
    this.addDate(part ? 'yearPart' : 'month', start, pos + part, { year, month, form });
    return pos + part;
  }


  quarterAt(pos: number, end: number, start: number): number | null {
    const s = this.norm;
    if (pos >= end || !isChineseNumeralCode(s.charCodeAt(pos))) return null;
    const { token } = readChinese(this.norm, pos, end);
    if (!token || token.hasFraction || token.int < 1 || token.int > 4) return null;
    if (!s.startsWith('季度', token.end)) return null;
    this.addDate('quarter', start, token.end + 2, { quarter: token.int, form: 'chinese' });
    return token.end + 2;
  }

  addDate(
    kind: DateMention['kind'],
    start: number,
    end: number,
    f: { year?: number | null; month?: number | null; day?: number | null; toMonth?: number; toYear?: number; quarter?: number; fiscal?: boolean; form: DateMention['form'] },
  ): void {
    this.dates.push({
      kind,
      range: { start, end },
      year: f.year ?? null,
      month: f.month ?? null,
      day: f.day ?? null,
      toMonth: f.toMonth ?? null,
      toYear: f.toYear ?? null,
      quarter: f.quarter ?? null,
      fiscal: f.fiscal ?? false,
      form: f.form,
    });
  }
}

/** Length of 底/初/末/中旬/上旬/下旬 after a year or month, or 0. */
function partSuffix(s: string, pos: number): number {
  const c = s.charCodeAt(pos);
  if (c === 0x5e95 /* 底 */ || c === 0x521d /* 初 */ || c === 0x672b /* 末 */) return 1;
  if ((c === 0x4e0a /* 上 */ || c === 0x4e2d /* 中 */ || c === 0x4e0b /* 下 */) && s.charCodeAt(pos + 1) === 0x65ec /* 旬 */) return 2;
  return 0;
}
