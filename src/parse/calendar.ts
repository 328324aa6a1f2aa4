import type { CalendarDate } from '../model/date.js';
import type { Range } from '../model/range.js';
import { codeSet, isAsciiDigit } from '../text/chars.js';
import { parseChineseNumeral } from './numbers/chinese-numeral.js';

const CN = '〇零一二两三四五六七八九十';
/** CN as UTF-16 units: every unit of a span is tested, so no one-character strings are made. */
const CN_CODES = codeSet(CN);

function readNum(s: string, pos: number, end: number, max: number): { value: number; end: number; chinese: boolean } | null {
  let p = pos;
  if (isAsciiDigit(s.charCodeAt(p))) {
    while (p < end && p - pos < max && isAsciiDigit(s.charCodeAt(p))) p++;
    if (p < end && isAsciiDigit(s.charCodeAt(p))) return null;
    return { value: Number(s.slice(pos, p)), end: p, chinese: false };
  }
  while (p < end && p - pos < 6 && CN_CODES.has(s.charCodeAt(p))) p++;
  if (p === pos) return null;
  const parsed = parseChineseNumeral(s.slice(pos, p));
  if (!parsed) return null;
  return { value: parsed.integer, end: p, chinese: true };
}

/**
 * Full calendar dates in a span: `2020年12月2日`, `二〇二〇年十二月二日`, `2021-01-12`,
 * `2021/1/12`, `2021.01.12`. Values are as written; whether they exist is checked by rules.
 */
export function parseCalendarDates(s: string, span: Range): CalendarDate[] {
  const out: CalendarDate[] = [];
  let i = span.start;
  while (i < span.end) {
    const c = s.charCodeAt(i);
    const startsNumber = isAsciiDigit(c) || CN_CODES.has(c);
    const prevDigit = i > span.start && (isAsciiDigit(s.charCodeAt(i - 1)) || CN_CODES.has(s.charCodeAt(i - 1)));
    if (!startsNumber || prevDigit) {
      i++;
      continue;
    }
    const y = readNum(s, i, span.end, 4);
    if (!y || y.value < 1000 || y.value > 2999) {
      i = y ? Math.max(y.end, i + 1) : i + 1;
      continue;
    }
    const sep = s[y.end];
    let m: ReturnType<typeof readNum> = null;
    let d: ReturnType<typeof readNum> = null;
    let end = -1;
    if (sep === '年') {
      m = readNum(s, y.end + 1, span.end, 2);
      if (m && s[m.end] === '月') {
        d = readNum(s, m.end + 1, span.end, 2);
        if (d && (s[d.end] === '日' || s[d.end] === '号')) end = d.end + 1;
      }
    } else if ((sep === '-' || sep === '/' || sep === '.') && !y.chinese) {
      m = readNum(s, y.end + 1, span.end, 2);
      if (m && !m.chinese && s[m.end] === sep) {
        d = readNum(s, m.end + 1, span.end, 2);
        if (d && !d.chinese) end = d.end;
      }
    }
    if (end > 0 && m && d) {
      out.push({ year: y.value, month: m.value, day: d.value, range: { start: i, end }, text: s.slice(i, end) });
      i = end;
    } else {
      i = y.end;
    }
  }
  return out;
}
