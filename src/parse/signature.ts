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
      // An issuer and its date on one line: 某某区人民政府 2023年1月10日.
      if (out.length > 0 && parseCalendarDates(s, { start: a, end: p }).length > 0) continue;
      if (!isOrgName(name)) return null;
      out.push({ text: name, range: { start: a, end } });
    }
  }
  return out.length > 0 ? out : null;
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
