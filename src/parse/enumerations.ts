import type { Enumeration, EnumerationStyle, Paragraph } from '../model/structure.js';
import { isAsciiDigit } from '../text/chars.js';
import { Mark, marksOf, type Marks } from './marks.js';
import { parseChineseNumeral } from './numbers/chinese-numeral.js';

const NUMERALS = '一二三四五六七八九十';
/** Characters after which an enumeration marker may start a clause. */
const CLAUSE_BREAK = '。,;:、 !?';

const NUMERAL_CODES: ReadonlySet<number> = new Set(Array.from(NUMERALS, (ch) => ch.charCodeAt(0)));
const CLAUSE_BREAK_CODES: ReadonlySet<number> = new Set(Array.from(CLAUSE_BREAK, (ch) => ch.charCodeAt(0)));
/** Characters after (三) that make it a clause of a law, not a list item: 第(二)款, (三)项. */
const CLAUSE_WORDS: ReadonlySet<number> = new Set(Array.from('款项点条目', (ch) => ch.charCodeAt(0)));

function numeralBefore(s: string, end: number, floor: number): { value: number; start: number } | null {
  let p = end;
  while (p > floor && end - p < 3 && NUMERAL_CODES.has(s.charCodeAt(p - 1))) p--;
  if (p === end) return null;
  const parsed = parseChineseNumeral(s.slice(p, end));
  if (!parsed || parsed.digitByDigit) return null;
  return { value: parsed.integer, start: p };
}

/** The first 二是 starting in `[from, to)`, or -1. */
function erShiWithin(s: string, from: number, to: number): number {
  const last = Math.min(to, s.length - 1);
  for (let p = from; p < last; p++) if (s.charCodeAt(p) === 0x4e8c /* 二 */ && s.charCodeAt(p + 1) === 0x662f /* 是 */) return p;
  return -1;
}

/** Runs still open at the end of a paragraph, by style, for the next paragraph to continue. */
export type OpenRuns = Map<EnumerationStyle, { run: Enumeration; section: number | null; lastParagraph: number }>;

/**
 * Finds running-text enumerations in a paragraph's body: 一是…二是…, 第一,…第二,… and
 * (1)…(2)… that do not start the line. Each style forms runs; a marker numbered 1 starts a new run.
 */
export function findEnumerations(original: string, s: string, para: Paragraph, out: Enumeration[], open: OpenRuns, marks: Marks): void {
  const add = (style: EnumerationStyle, number: number, start: number, end: number): void => {
    let entry = open.get(style);
    // A run goes on in the next paragraph of the same section (一是… / 二是… / 三是… as paragraphs).
    const continues = entry && entry.section === para.section && entry.lastParagraph >= para.index - 1;
    if (!entry || !continues || number === 1) {
      entry = { run: { style, paragraph: para.index, items: [] }, section: para.section, lastParagraph: para.index };
      open.set(style, entry);
      out.push(entry.run);
    }
    entry.lastParagraph = para.index;
    entry.run.items.push({ number, text: original.slice(start, end), range: { start, end } });
  };
  const from = para.bodyStart;
  const end = para.range.end;
  // Where the next 二是 stands, looked for only within reach of a 一是 that needs it (see
  // `erShiWithin`); both move only forward within the paragraph.
  let nextErShi = -1;
  let searchedTo = -1;
  // Only the marked positions are visited: most units of a body are no marker.
  const positions = marks.positions;
  for (let k = marks.from(from); k < marks.length; k++) {
    const i = positions[k]!;
    if (i >= end) break;
    // Codes, not one-character strings.
    const c = s.charCodeAt(i);
    if ((marksOf(c) & Mark.Enumeration) === 0) continue;
    if (c === 0x662f /* 是 */) {
      const n = numeralBefore(s, i, from);
      if (!n) continue;
      if (n.start === from || CLAUSE_BREAK_CODES.has(s.charCodeAt(n.start - 1))) {
        add('shi', n.value, n.start, i + 1);
        continue;
      }
      // 一是 may follow a verb with no punctuation (2023年,我区将一是…二是…) when 二是 comes
      // within 400 units after. Only that far is read (reading on to the next 二是 anywhere made
      // every paragraph read the rest of the text when none followed).
      if (n.value !== 1) continue;
      if (nextErShi < i) {
        // Units before `searchedTo` were read already and hold no 二是 at or after `i`.
        nextErShi = erShiWithin(s, Math.max(i, searchedTo), i + 400);
        searchedTo = nextErShi < 0 ? i + 400 : nextErShi + 1;
      }
      if (nextErShi >= i && nextErShi - i < 400) add('shi', n.value, n.start, i + 1);
    } else if (c === 0x7b2c /* 第 */ && (i === from || CLAUSE_BREAK_CODES.has(s.charCodeAt(i - 1)))) {
      let p = i + 1;
      while (p < end && p - i <= 3 && NUMERAL_CODES.has(s.charCodeAt(p))) p++;
      const at = s.charCodeAt(p);
      // 第二、三季度 lists numbers, not points (a 、 closing the text counts as such a list too).
      const listsNumbers = at === 0x3001 /* 、 */ && (p + 1 >= s.length || NUMERAL_CODES.has(s.charCodeAt(p + 1)));
      if (p > i + 1 && !listsNumbers && (at === 0x2c /* , */ || at === 0x3001 || at === 0x3a /* : */)) {
        const parsed = parseChineseNumeral(s.slice(i + 1, p));
        if (parsed && !parsed.digitByDigit) add('di', parsed.integer, i, p);
      }
    } else if (c === 0x28 /* ( */ && i > para.range.start && s.charCodeAt(i - 1) !== 0x7b2c /* 第 */) {
      // 第三十三条第(二)款, 第(三)项 cite a law's clauses: not a list.
      let p = i + 1;
      if (isAsciiDigit(s.charCodeAt(p))) {
        while (p < end && p - i <= 3 && isAsciiDigit(s.charCodeAt(p))) p++;
        if (s.charCodeAt(p) === 0x29 /* ) */ && !CLAUSE_WORDS.has(s.charCodeAt(p + 1))) add('paren', Number(s.slice(i + 1, p)), i, p + 1);
      } else {
        while (p < end && p - i <= 3 && NUMERAL_CODES.has(s.charCodeAt(p))) p++;
        if (p > i + 1 && s.charCodeAt(p) === 0x29 && !CLAUSE_WORDS.has(s.charCodeAt(p + 1))) {
          const parsed = parseChineseNumeral(s.slice(i + 1, p));
          if (parsed && !parsed.digitByDigit) add('paren', parsed.integer, i, p + 1);
        }
      }
    }
  }
}
