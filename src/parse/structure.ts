import { markCovered } from './tables/index.js';
import type { Range } from '../model/range.js';
import type { Marker, Paragraph, ParagraphRole, Section, Sentence } from '../model/structure.js';
import { codeBits, inBits, isSentenceEnd } from '../text/chars.js';
import { parseCalendarDates } from './calendar.js';
import { isChromeLine, isDateLabel, isMenuLine, readMetadataLine, type MetadataField } from './chrome.js';
import { Mark, marksOf, type Marks } from './marks.js';
import { MARKER_LEVEL, readMarker } from './markers.js';
import { isDateLine, readOrgLine } from './signature.js';

/** Paragraph roles and the raw material metadata is read from. */
export interface Layout {
  paragraphs: Paragraph[];
  /**
   * Heading markers, in paragraph order, and the index of each one's paragraph: parallel lists
   * read with a cursor, as a Map keyed by paragraph index would cost a hashed insert and look-up
   * per paragraph.
   */
  markers: Marker[];
  markerParagraphs: number[];
  metadataFields: MetadataField[];
  /** Paragraph indexes of the signature block(s), in order. */
  signature: number[];
  /** Paragraph index of the title line, or -1. */
  title: number;
}

/** Longest line read as the value of the field on the line before it. */
const MAX_VALUE_LINE = 40;

/**
 * Fields whose value the page put on the next line, as a flattened table gives it (`发布时间:` /
 * `2026-03-04`, `来源:` / `万古镇人民政府`): the next line becomes the value and a metadata line
 * itself, so a page date is never read as a date line of the signature. A date label takes only a
 * line that starts with a date; another label only a short line that is no heading, sentence or
 * title.
 */
function takeValueLines(original: string, s: string, lines: readonly Range[], metaLines: Map<number, MetadataField[]>): void {
  for (let i = 0; i + 1 < lines.length; i++) {
    const fields = metaLines.get(i);
    const last = fields?.[fields.length - 1];
    if (!last || last.value.length > 0 || metaLines.has(i + 1)) continue;
    const line = lines[i + 1]!;
    if (line.end - line.start > MAX_VALUE_LINE) continue;
    if (isDateLabel(last.label)) {
      if (parseCalendarDates(s, line)[0]?.range.start !== line.start) continue;
    } else {
      const text = s.slice(line.start, line.end);
      if (/[。,;:!?]/.test(text) || readMarker(original, s, line.start, line.end) || looksLikeTitle(s, line)) continue;
    }
    last.value = s.slice(line.start, line.end);
    last.valueRange = { start: line.start, end: line.end };
    metaLines.set(i + 1, []);
    i++;
  }
}

/** A note under the date: a bracketed line such as (此件公开发布) or (联系人:张三). */
function isClosingNote(s: string, line: Range): boolean {
  const text = s.slice(line.start, line.end);
  if (text.length > 80) return false;
  // 附注 (此件公开发布), (本报告公开发布); 版记 抄送:…, …2023年1月10日印发; page footers 编辑:…
  if (text.startsWith('(') && text.endsWith(')')) return true;
  return /^(附注|抄送|编辑|责任编辑|校对|审核|联系人|联系电话)/.test(text) || text.endsWith('印发');
}

/** Paragraphs that are long running text mark where the body starts. */
function looksLikeBody(s: string, line: Range): boolean {
  const len = line.end - line.start;
  if (len < 30) return false;
  for (let i = line.start; i < line.end; i++) {
    const c = s[i];
    if (c === '。' || c === ',' || c === ';' || c === '、') return true;
  }
  return false;
}

const TITLE_WORDS = ['报告', '情况', '总结', '汇报', '工作要点', '计划'];

function looksLikeTitle(s: string, line: Range): boolean {
  const len = line.end - line.start;
  if (len < 6 || len > 120) return false;
  const text = s.slice(line.start, line.end);
  // A sentence that announces what follows (现将…情况报告如下) is body, not a title.
  if (text.includes('。') || text.includes(':') || text.includes('如下')) return false;
  return TITLE_WORDS.some((w) => text.includes(w));
}

/**
 * Decides the role of every line: page chrome and metadata before the body, the title, the
 * body with its headings, and the signature block at the end (or at the top).
 */
export function layoutParagraphs(original: string, s: string, lines: Range[], tableSpans: readonly Range[] = []): Layout {
  const n = lines.length;
  const roles: ParagraphRole[] = new Array<ParagraphRole>(n).fill('body');
  // Rows of the tables the file gave as tables: never headings, sentences or running text. Their
  // labels (四、结转下年度继续办理, 2.重复申请) would otherwise read as the report's own headings.
  const inTable = tableLines(lines, tableSpans);
  const markers: Marker[] = [];
  const markerParagraphs: number[] = [];
  const metadataFields: MetadataField[] = [];
  const metaLines = new Map<number, MetadataField[]>();
  for (let i = 0; i < n; i++) {
    const fields = readMetadataLine(s, lines[i]!);
    if (fields) metaLines.set(i, fields);
  }
  takeValueLines(original, s, lines, metaLines);

  // Where the body starts: the first heading or long running-text line that is not chrome.
  let bodyStart = n;
  for (let i = 0; i < n; i++) {
    const line = lines[i]!;
    if (metaLines.has(i) || isChromeLine(s, line)) continue;
    if (readMarker(original, s, line.start, line.end) || looksLikeBody(s, line)) {
      bodyStart = i;
      break;
    }
  }
  let hasChrome = false;
  for (let i = 0; i < bodyStart; i++) {
    const line = lines[i]!;
    if (metaLines.has(i) || isChromeLine(s, line) || isMenuLine(s, line)) hasChrome = true;
  }

  let title = -1;
  const signature: number[] = [];
  for (let i = 0; i < bodyStart; i++) {
    const line = lines[i]!;
    const fields = metaLines.get(i);
    if (fields) {
      roles[i] = 'metadata';
      metadataFields.push(...fields);
    } else if (looksLikeTitle(s, line)) {
      roles[i] = 'title';
      title = i; // the title line nearest the body wins
    } else if (readOrgLine(s, line) || isDateLine(s, line)) {
      roles[i] = 'signature';
      signature.push(i);
    } else if (hasChrome || isChromeLine(s, line)) {
      roles[i] = 'chrome';
    }
  }
  // An earlier title-like line (a repeated page header) is chrome once a nearer one is found.
  for (let i = 0; i < bodyStart; i++) if (roles[i] === 'title' && i !== title) roles[i] = hasChrome ? 'chrome' : 'body';
  // Nothing of the signature comes before the title (GB/T 9704 puts the issuer's name above it,
  // never the date): a date line up there is the web page's (2025-03-20 over the page title).
  for (let i = 0; i < title; i++) {
    if (roles[i] === 'signature' && !readOrgLine(s, lines[i]!)) {
      roles[i] = 'chrome';
      signature.splice(signature.indexOf(i), 1);
    }
  }

  // Trailing chrome (政策解读, 相关链接 …) and metadata after the body.
  let last = n - 1;
  while (last >= bodyStart && (isChromeLine(s, lines[last]!) || metaLines.has(last) || isMenuLine(s, lines[last]!))) {
    const fields = metaLines.get(last);
    if (fields) {
      roles[last] = 'metadata';
      metadataFields.push(...fields);
    } else roles[last] = 'chrome';
    last--;
  }
  // The signature block: issuer lines and date lines at the very end of the body, with the
  // notes GB/T 9704-2012 7.3.6 puts under the date ((此件公开发布), (联系人:…)).
  const tail: number[] = [];
  while (last > bodyStart) {
    const line = lines[last]!;
    if (readOrgLine(s, line) || isDateLine(s, line) || isClosingNote(s, line)) {
      roles[last] = 'signature';
      tail.push(last);
      last--;
    } else break;
  }
  signature.push(...tail.reverse());

  for (let i = 0; i < n; i++) if (inTable[i] === 1) roles[i] = 'table';

  // Headings among the body lines.
  for (let i = bodyStart; i <= last; i++) {
    if (inTable[i] === 1) continue;
    const line = lines[i]!;
    const marker = readMarker(original, s, line.start, line.end);
    if (marker) {
      markers.push(marker);
      markerParagraphs.push(i);
    }
  }

  const paragraphs: Paragraph[] = lines.map((range, index) => ({
    index,
    role: roles[index]!,
    range,
    bodyStart: range.start,
    section: null,
    sentences: [],
  }));
  return { paragraphs, markers, markerParagraphs, metadataFields, signature, title };
}

/** For each line, 1 when it overlaps a table span (both lists in text order). */
function tableLines(lines: readonly Range[], spans: readonly Range[]): Uint8Array {
  const out = new Uint8Array(lines.length);
  markCovered(lines, spans, (_line, i) => {
    out[i] = 1;
  });
  return out;
}

/** Longest heading that may end at a colon: （一）加强组织领导:区委成立… */
const MAX_COLON_HEADING = 30;

/** The units an inline heading's end is found by: sentence marks and the colon. */
const HEADING_MARKS = codeBits('(《“)》”。!?:');

/** The end of an inline heading: the first sentence end (or an early colon) outside brackets, or -1. */
function headingEnd(s: string, from: number, end: number): number {
  let depth = 0;
  for (let i = from; i < end; i++) {
    const c = s.charCodeAt(i);
    if (!inBits(HEADING_MARKS, c)) continue;
    if (c === 0x28 /* ( */ || c === 0x300a /* 《 */ || c === 0x201c /* “ */) depth++;
    else if ((c === 0x29 /* ) */ || c === 0x300b /* 》 */ || c === 0x201d /* ” */) && depth > 0) depth--;
    else if (depth === 0 && isSentenceEnd(c)) return i;
    else if (depth === 0 && c === 0x3a /* : */ && i - from <= MAX_COLON_HEADING && i + 1 < end) return i;
  }
  return -1;
}

/** Builds the section tree from heading paragraphs; fills `section` and heading roles. */
export function buildSections(original: string, s: string, layout: Layout): { roots: Section[]; list: Section[] } {
  const { paragraphs, markers, markerParagraphs } = layout;
  let nextMarker = 0;
  const roots: Section[] = [];
  const list: Section[] = [];
  const stack: Section[] = [];
  let lastContentEnd = 0;
  const close = (until: number): void => {
    while (stack.length > until) {
      const sec = stack.pop()!;
      // The section's own range object, made when it opened: set in place, not made twice.
      sec.range.end = Math.max(sec.range.start, lastContentEnd);
    }
  };
  for (const para of paragraphs) {
    if (para.role === 'chrome' || para.role === 'metadata' || para.role === 'title' || para.role === 'signature') continue;
    // Markers were read only on body lines, which this loop never skips: the cursor meets each in turn.
    while (nextMarker < markers.length && markerParagraphs[nextMarker]! < para.index) nextMarker++;
    const marker = nextMarker < markers.length && markerParagraphs[nextMarker] === para.index ? markers[nextMarker]! : undefined;
    if (marker) {
      const level = MARKER_LEVEL[marker.kind];
      let keep = stack.length;
      while (keep > 0 && stack[keep - 1]!.level >= level) keep--;
      close(keep);
      const textStart = marker.range.end + marker.trailing.length;
      let hs = textStart;
      while (hs < para.range.end && s.charCodeAt(hs) === 0x20) hs++;
      const stop = headingEnd(s, hs, para.range.end);
      let he = stop >= 0 ? stop : para.range.end;
      let bodyStart = stop >= 0 ? stop + 1 : para.range.end;
      while (bodyStart < para.range.end && s.charCodeAt(bodyStart) === 0x20) bodyStart++;
      const inlineBody = bodyStart < para.range.end;
      // A heading-only line may end with a colon or semicolon; it is not part of the heading.
      while (he > hs && ':;.'.includes(s[he - 1]!)) he--;
      const parent = stack.length > 0 ? stack[stack.length - 1]! : null;
      const section: Section = {
        id: list.length,
        level,
        depth: stack.length + 1,
        marker,
        heading: original.slice(hs, he),
        headingRange: { start: hs, end: he },
        inlineBody,
        range: { start: marker.range.start, end: para.range.end },
        paragraph: para.index,
        parent: parent ? parent.id : null,
        children: [],
      };
      if (parent) parent.children.push(section);
      else roots.push(section);
      list.push(section);
      stack.push(section);
      para.role = inlineBody ? 'body' : 'heading';
      para.bodyStart = inlineBody ? bodyStart : para.range.end;
    }
    para.section = stack.length > 0 ? stack[stack.length - 1]!.id : null;
    lastContentEnd = para.range.end;
  }
  close(0);
  return { roots, list };
}

/**
 * Splits a paragraph into sentences at `。` `！` `？`, not inside brackets, quotes or book
 * titles. When an opener is never closed the paragraph is split again ignoring brackets, so
 * one stray `（` cannot swallow a paragraph; both passes are linear. The sentences go straight
 * into `out` (a failed first pass is taken back), with no list of ranges in between.
 */
export function splitSentences(s: string, para: Paragraph, out: Sentence[], marks: Marks): void {
  const first = out.length;
  if (!pushSentences(s, para, true, marks, out)) {
    out.length = first;
    pushSentences(s, para, false, marks, out);
  }
  // The paragraph's list made once at its size: filled by push, a list of two or three sentences
  // would get room for seventeen, as much memory again as the sentences themselves.
  const count = out.length - first;
  if (count === 0) return;
  const own = para.sentences;
  const list = new Array<number>(own.length + count);
  for (let k = 0; k < own.length; k++) list[k] = own[k]!;
  for (let k = 0; k < count; k++) list[own.length + k] = first + k;
  para.sentences = list;
}

/** Adds the sentences of `para`, visiting only its marked positions (see marks.ts); false when a bracket is left open. */
function pushSentences(s: string, para: Paragraph, brackets: boolean, marks: Marks, out: Sentence[]): boolean {
  const span = para.range;
  let start = span.start;
  let depth = 0;
  const end = span.end;
  const positions = marks.positions;
  for (let k = marks.from(start); k < marks.length; k++) {
    const i = positions[k]!;
    if (i >= end) break;
    // Closing marks and blanks taken with the sentence before.
    if (i < start) continue;
    const c = s.charCodeAt(i);
    if ((marksOf(c) & Mark.Sentence) === 0) continue;
    if (brackets && (c === 0x28 /* ( */ || c === 0x300a /* 《 */ || c === 0x201c /* “ */)) depth++;
    else if (brackets && (c === 0x29 /* ) */ || c === 0x300b /* 》 */ || c === 0x201d /* ” */) && depth > 0) depth--;
    else if (depth === 0 && isSentenceEnd(c)) {
      let e = i + 1;
      // Keep closing quotes and repeated marks with their sentence: 。” or ！！
      while (e < end && (s.charCodeAt(e) === 0x201d || isSentenceEnd(s.charCodeAt(e)))) e++;
      pushSentence(out, para, start, e);
      start = e;
      while (start < end && s.charCodeAt(start) === 0x20) start++;
    }
  }
  if (depth > 0) return false;
  if (start < end) pushSentence(out, para, start, end);
  return true;
}

function pushSentence(out: Sentence[], para: Paragraph, start: number, end: number): void {
  out.push({ index: out.length, range: { start, end }, paragraph: para.index });
}
