import type { Marker, MarkerKind } from '../model/structure.js';
import { circledNumber, isAsciiDigit } from '../text/chars.js';
import { isChineseDigit, parseChineseNumeral } from './numbers/chinese-numeral.js';

/** GB/T 9704 level of each marker kind. */
export const MARKER_LEVEL: Record<MarkerKind, number> = {
  'chinese-dun': 1,
  'chinese-paren': 2,
  'arabic-dot': 3,
  'arabic-dun': 3,
  'arabic-paren': 4,
  circled: 5,
};

const HEADING_NUMERALS = '一二三四五六七八九十';

/** What follows the second number of a list like 三、四季度 or 3、4月份. */
const NUMBER_LIST_TAILS = ['季度', '月', '审', '号', '中', '年级', '级', '日', '、', '等奖', '期'];

function readHeadingNumeral(s: string, pos: number, end: number): { value: number; end: number } | null {
  let p = pos;
  while (p < end && p - pos < 4 && HEADING_NUMERALS.includes(s[p]!)) p++;
  if (p === pos) return null;
  const parsed = parseChineseNumeral(s.slice(pos, p));
  if (!parsed || parsed.digitByDigit) return null;
  return { value: parsed.integer, end: p };
}

function readDigits(s: string, pos: number, end: number, max: number): { value: number; end: number } | null {
  let p = pos;
  while (p < end && p - pos < max + 1 && isAsciiDigit(s.charCodeAt(p))) p++;
  if (p === pos || p - pos > max) return null;
  return { value: Number(s.slice(pos, p)), end: p };
}

function bracketForm(original: string, open: number, close: number): Marker['brackets'] {
  const o = original[open] === '(';
  const c = original[close] === ')';
  if (o && c) return 'half';
  if (!o && !c) return 'full';
  return 'mixed';
}

/**
 * Reads a heading marker at `pos` (the start of a paragraph). `original` is the caller's text,
 * used only to tell full- from half-width brackets.
 */
export function readMarker(original: string, s: string, pos: number, end: number): Marker | null {
  const c = s.charCodeAt(pos);
  let kind: MarkerKind;
  let number: number;
  let p: number;
  let brackets: Marker['brackets'] = 'none';
  const circled = circledNumber(c);
  if (circled) {
    kind = 'circled';
    number = circled;
    p = pos + 1;
  } else if (c === 0x28 /* ( */) {
    const inner = isAsciiDigit(s.charCodeAt(pos + 1)) ? readDigits(s, pos + 1, end, 2) : readHeadingNumeral(s, pos + 1, end);
    if (!inner || s[inner.end] !== ')') return null;
    kind = isAsciiDigit(s.charCodeAt(pos + 1)) ? 'arabic-paren' : 'chinese-paren';
    number = inner.value;
    brackets = bracketForm(original, pos, inner.end);
    p = inner.end + 1;
  } else if (isAsciiDigit(c)) {
    const d = readDigits(s, pos, end, 2);
    if (!d) return null;
    const sep = s[d.end];
    if (sep === '、') kind = 'arabic-dun';
    else if (sep === '.' && !isAsciiDigit(s.charCodeAt(d.end + 1))) kind = 'arabic-dot';
    else return null;
    number = d.value;
    p = d.end + 1;
  } else if (isChineseDigit(s[pos]!) || s[pos] === '十') {
    const h = readHeadingNumeral(s, pos, end);
    if (!h || s[h.end] !== '、') return null;
    kind = 'chinese-dun';
    number = h.value;
    p = h.end + 1;
  } else {
    return null;
  }
  // Punctuation after a marker that must stand alone: （一）、 ①、
  let trailing = '';
  if (kind === 'chinese-paren' || kind === 'arabic-paren' || kind === 'circled') {
    const t = s[p];
    if (t === '、' || t === '.' || t === ',' || t === ':') {
      trailing = t;
      p++;
    }
  }
  if (p >= end) return null; // a bare marker with nothing after it is not a heading
  // 三、四季度 / 一、二审 / 3、4月份 / 1、2号楼: a list of numbers, not a heading.
  if (kind === 'chinese-dun' || kind === 'arabic-dun') {
    const sameKind = kind === 'chinese-dun' ? (ch: string) => HEADING_NUMERALS.includes(ch) : (ch: string) => isAsciiDigit(ch.charCodeAt(0));
    let q = p;
    while (q < end && q - p < 3 && sameKind(s[q]!)) q++;
    if (q > p && NUMBER_LIST_TAILS.some((t) => s.startsWith(t, q))) return null;
  }
  return { kind, number, text: original.slice(pos, p - trailing.length), range: { start: pos, end: p - trailing.length }, trailing, brackets };
}
