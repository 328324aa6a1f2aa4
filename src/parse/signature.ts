import type { Range } from '../model/range.js';
import { isCjk } from '../text/chars.js';
import { parseCalendarDates } from './calendar.js';

/** Endings of the names of issuing bodies. */
const ORG_SUFFIXES = [
  '人民政府',
  '办事处',
  '委员会',
  '党工委',
  '党委',
  '政府',
  '司法局',
  '局',
  '厅',
  '办公室',
  '中心',
  '司法所',
  '街道',
  '镇',
  '乡',
  '委',
  '办',
];

/** Whether `name` looks like the name of an issuing body. */
export function isOrgName(name: string): boolean {
  if (name.length < 4 || name.length > 40) return false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (!isCjk(c) && c !== 0x28 && c !== 0x29) return false;
  }
  return ORG_SUFFIXES.some((suf) => name.endsWith(suf));
}

/** The names on an issuer line (one or more bodies separated by blanks), or null. */
export function readOrgLine(s: string, line: Range): Array<{ text: string; range: Range }> | null {
  const out: Array<{ text: string; range: Range }> = [];
  let p = line.start;
  while (p < line.end) {
    while (p < line.end && s.charCodeAt(p) === 0x20) p++;
    const a = p;
    while (p < line.end && s.charCodeAt(p) !== 0x20) p++;
    if (p > a) {
      let name = s.slice(a, p);
      let end = p;
      // 某某区人民政府(印): the seal mark is not part of the name.
      if (name.endsWith('(印)')) {
        name = name.slice(0, -3);
        end -= 3;
      }
      // An issuer and its date on one line: 某某区人民政府 2023年1月10日. Only a date alone: a
      // page's clock (2019年12月3日星期二) beside the site's name makes no signature.
      if (out.length > 0 && isWholeDate(s, a, p)) continue;
      if (!isOrgName(name)) return null;
      out.push({ text: name, range: { start: a, end } });
    }
  }
  return out.length > 0 ? out : null;
}

/** Whether `[a, b)` is exactly one full date. */
function isWholeDate(s: string, a: number, b: number): boolean {
  const d = parseCalendarDates(s, { start: a, end: b })[0];
  return d !== undefined && d.range.start === a && d.range.end === b;
}

/**
 * Whether a date is written as a document dates itself (GB/T 9704-2012 7.3.5.4: 2021年1月12日, or
 * in Chinese numerals 二〇二一年一月十二日), not as a web page stamps it (2021-01-12, 2021年01月12日).
 */
export function isDocumentDateForm(text: string): boolean {
  return /^[0-9]{4}年[1-9][0-9]?月[1-9][0-9]?日$/.test(text) || /^[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日$/.test(text);
}

/** Whether a line holds nothing but one or more full dates. */
export function isDateLine(s: string, line: Range): boolean {
  const dates = parseCalendarDates(s, line);
  if (dates.length === 0) return false;
  let covered = 0;
  for (const d of dates) covered += d.range.end - d.range.start;
  let blanks = 0;
  for (let i = line.start; i < line.end; i++) if (s.charCodeAt(i) === 0x20) blanks++;
  return covered + blanks === line.end - line.start;
}
