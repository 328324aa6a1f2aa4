import type { CalendarDate } from '../model/date.js';
import type { Level, Metadata, Place } from '../model/metadata.js';
import type { Range, SpannedText } from '../model/range.js';
import type { Paragraph } from '../model/structure.js';
import { parseCalendarDates } from './calendar.js';
import type { MetadataField } from './chrome.js';
import { levelFromSelfReference, levelOfName, readPlaces } from './places.js';
import { isDocumentDateForm, isOrgName, readOrgLine } from './signature.js';

/** Caller overrides for what the parser would otherwise detect. */
export interface MetadataOverrides {
  level?: Level;
  year?: number;
}

type Sourced<T> = T & { source: Metadata['issuers'][number]['source'] };

function spanned(original: string, range: Range): SpannedText {
  return { text: original.slice(range.start, range.end), range };
}

function firstDate(original: string, s: string, range: Range): CalendarDate | null {
  const d = parseCalendarDates(s, range)[0];
  return d ? { ...d, text: original.slice(d.range.start, d.range.end) } : null;
}

/**
 * The year a title reports on: a four-digit year followed by 年 or 年度, outside book titles
 * (…贯彻落实《法治政府建设实施纲要(2021-2025年)》2022年度情况报告 reports on 2022), the one
 * followed by 年度 first.
 */
function yearIn(s: string, range: Range): { year: number; range: Range } | null {
  const text = s.slice(range.start, range.end);
  const re = /(?:19|20|21)[0-9]{2}年/g;
  let first: { year: number; range: Range } | null = null;
  let depth = 0;
  let scanned = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    for (; scanned < m.index; scanned++) {
      if (text[scanned] === '《') depth++;
      else if (text[scanned] === '》' && depth > 0) depth--;
    }
    if (depth > 0) continue;
    const start = range.start + m.index;
    const hit = { year: Number(m[0].slice(0, 4)), range: { start, end: start + 4 } };
    if (text[m.index + 5] === '度') return hit;
    first ??= hit;
  }
  return first;
}

/**
 * Whether a date of a signature line is the date the report was written. After the body it is.
 * Before the body (a signature set under the title) only one after the title and written as a
 * document dates itself counts: above the title, or stamped 2024-01-31 / 2024年01月31日, a date is
 * the web page's, not the report's.
 */
function isSignatureDate(s: string, index: number, d: CalendarDate, bodyStart: number, titleIndex: number): boolean {
  if (bodyStart >= 0 && index > bodyStart) return true;
  return titleIndex >= 0 && index > titleIndex && isDocumentDateForm(s.slice(d.range.start, d.range.end));
}

/** Reads the title, issuers, level, places, year and dates of a report. */
export function readMetadata(
  original: string,
  s: string,
  paragraphs: readonly Paragraph[],
  fields: readonly MetadataField[],
  signature: readonly number[],
  titleIndex: number,
  overrides: MetadataOverrides,
): Metadata {
  const field = (label: string): MetadataField | undefined => fields.find((f) => f.label === label && f.value.length > 0);

  // Title: the report's own title line, else the page's 名称.
  let title: Metadata['title'] = null;
  if (titleIndex >= 0) title = { ...spanned(original, paragraphs[titleIndex]!.range), source: 'title' };
  else {
    const f = field('名称') ?? field('标题');
    if (f) title = { ...spanned(original, f.valueRange), source: 'chrome' };
  }

  // Issuers: signature lines, then the page's 发布机构, then the title's own prefix.
  const issuers: Array<Sourced<SpannedText>> = [];
  const signatureDates: CalendarDate[] = [];
  const bodyStart = paragraphs.findIndex((p) => p.role === 'body' || p.role === 'heading');
  for (const i of signature) {
    const para = paragraphs[i]!;
    const orgs = readOrgLine(s, para.range);
    if (orgs) for (const o of orgs) issuers.push({ ...spanned(original, o.range), source: 'signature' });
    // Date lines, and issuer lines that carry their date (某某区人民政府 2023年1月10日).
    for (const d of parseCalendarDates(s, para.range)) {
      if (!isSignatureDate(s, i, d, bodyStart, titleIndex)) continue;
      signatureDates.push({ ...d, text: original.slice(d.range.start, d.range.end) });
    }
  }
  const publisher = field('发布机构');
  if (publisher) issuers.push({ ...spanned(original, publisher.valueRange), source: 'chrome' });
  if (title) {
    const y = yearIn(s, title.range);
    const prefixEnd = y ? y.range.start : -1;
    if (prefixEnd > title.range.start) {
      const prefix = original.slice(title.range.start, prefixEnd);
      if (isOrgName(prefix)) issuers.push({ text: prefix, range: { start: title.range.start, end: prefixEnd }, source: 'title' });
    }
  }
  const seen = new Set<string>();
  const uniqueIssuers = issuers.filter((i) => (seen.has(i.text) ? false : (seen.add(i.text), true)));

  // Places from the issuers and the title, first mention of each.
  const places: Place[] = [];
  const placeKeys = new Set<string>();
  const addPlaces = (text: string, offset: number): void => {
    for (const p of readPlaces(text, offset)) {
      const key = `${p.kind}:${p.name.replace(/街道$/, '街')}`;
      if (!placeKeys.has(key)) {
        placeKeys.add(key);
        places.push(p);
      }
    }
  };
  for (const i of uniqueIssuers) addPlaces(s.slice(i.range.start, i.range.end), i.range.start);
  if (title) addPlaces(s.slice(title.range.start, title.range.end), title.range.start);

  // Level: the caller, then the issuers (most local first), then the title, then 我街/我区.
  let level: Level = 'unknown';
  let levelReason = 'no issuer, title or self-reference names a level';
  const order: Level[] = ['street', 'town', 'district', 'county', 'city', 'department'];
  if (overrides.level) {
    level = overrides.level;
    levelReason = 'given by the caller';
  } else {
    let best: { level: Level; why: string } | null = null;
    for (const i of uniqueIssuers) {
      const l = levelOfName(i.text);
      if (l && (!best || order.indexOf(l.level) < order.indexOf(best.level))) best = { level: l.level, why: `issuer ${i.text} (${l.why})` };
    }
    if (!best && title) {
      const l = levelOfName(title.text.replace(/[0-9].*$/, ''));
      if (l) best = { level: l.level, why: `title ${title.text} (${l.why})` };
    }
    if (!best && places.length > 0) {
      // The most local place named in the title or by an issuer: 广州市白云区2020年… → district.
      const byLocality: Array<[Place['kind'], Level]> = [['street', 'street'], ['town', 'town'], ['district', 'district'], ['county', 'county'], ['city', 'city']];
      for (const [kind, l] of byLocality) {
        const place = places.find((p) => p.kind === kind);
        if (place) {
          best = { level: l, why: `place ${place.name}` };
          break;
        }
      }
    }
    if (!best) {
      const body = paragraphs.filter((p) => p.role === 'body' || p.role === 'heading');
      const sample = body.slice(0, 40).map((p) => s.slice(p.range.start, p.range.end)).join('\n');
      const l = levelFromSelfReference(sample);
      if (l) best = { level: l.level, why: `the report calls itself ${l.why}` };
    }
    if (best) {
      level = best.level;
      levelReason = best.why;
    }
  }

  // Reporting year: the caller, the title, else the first year in the opening paragraphs.
  let reportingYear: Metadata['reportingYear'] = null;
  if (overrides.year !== undefined) reportingYear = { year: overrides.year, range: null, source: 'option' };
  else if (title) {
    const y = yearIn(s, title.range);
    if (y) reportingYear = { year: y.year, range: y.range, source: title.source };
  }
  if (!reportingYear) {
    const opening = paragraphs.filter((p) => p.role === 'body' || p.role === 'heading').slice(0, 3);
    for (const p of opening) {
      // 现将我街2020年度…情况汇报如下 names the year reported on.
      const text = s.slice(p.range.start, p.range.end);
      const m = /现将[^0-9]{0,12}((?:19|20|21)[0-9]{2})年/.exec(text);
      const y = m ? { year: Number(m[1]), range: { start: p.range.start + m.index + m[0].length - 5, end: p.range.start + m.index + m[0].length - 1 } } : yearIn(s, p.range);
      if (y) {
        reportingYear = { year: y.year, range: y.range, source: 'body' };
        break;
      }
    }
  }

  const written = field('成文日期');
  // The page's publication date: never the date written, which only the signature or a 成文日期
  // field gives.
  const published = field('发布日期') ?? field('发布时间') ?? field('日期');
  let dateWritten: Metadata['dateWritten'] = null;
  if (signatureDates.length > 0) dateWritten = { ...signatureDates[0]!, source: 'signature' };
  else if (written) {
    const d = firstDate(original, s, written.valueRange);
    if (d) dateWritten = { ...d, source: 'chrome' };
  }
  let datePublished: Metadata['datePublished'] = null;
  if (published) {
    const d = firstDate(original, s, published.valueRange);
    if (d) datePublished = { ...d, source: 'chrome' };
  }
  const index = field('索引号') ?? field('信息索引号');
  const docNo = field('文号') ?? field('发文字号');
  return {
    title,
    issuers: uniqueIssuers,
    level,
    levelReason,
    places,
    reportingYear,
    dateWritten,
    signatureDates,
    datePublished,
    indexNumber: index ? spanned(original, index.valueRange) : null,
    documentNumber: docNo ? spanned(original, docNo.valueRange) : null,
  };
}
