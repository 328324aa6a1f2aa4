/**
 * The normalised view of a report text.
 *
 * Every UTF-16 unit of the input maps to exactly one unit of the view, so an offset in the
 * view is the same offset in the caller's string: positions never need translating.
 */

import { simplifiedUnit, traditionalUnits } from './traditional.js';
import { addBit, inBits } from './chars.js';
import { PositionList } from './positions.js';

const SPACE = 0x20;

/** Whether a UTF-16 unit is folded to a plain space in the normalised view. */
function isSpaceLike(c: number): boolean {
  return (
    c === 0x00a0 || // NBSP
    c === 0x3000 || // ideographic space
    c === 0xfeff || // BOM / zero-width no-break space
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200d) || // en/em/thin/zero-width spaces and joiners
    c === 0x202f ||
    c === 0x205f ||
    c === 0x2060 ||
    c === 0x00ad || // soft hyphen
    c === 0x0009 ||
    c === 0x000b ||
    c === 0x000c ||
    (c >= 0xe000 && c <= 0xf8ff) || // private use: web-font icons
    (c >= 0xdb80 && c <= 0xdbff) // high surrogates of the supplementary private-use planes
  );
}

/**
 * Folds one UTF-16 unit. Full-width ASCII forms become ASCII; Chinese-only punctuation
 * (、。“”《》) is kept because it carries meaning half-width forms do not.
 */
export function foldUnit(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0; // ！..～ → !..~
  if (isSpaceLike(c)) return SPACE;
  switch (c) {
    case 0x2212: // minus sign
    case 0x2013: // en dash
    case 0xfe63:
      return 0x2d; // '-'
    case 0x301c: // wave dash 〜
      return 0x7e; // '~'
    case 0x2014: // em dash — (1—10月, 15%—30%)
    case 0x2015: // horizontal bar ―
      return 0x2d; // '-'
    case 0x25cb: // white circle ○, written for 〇 in dates (二○二一年)
    case 0x25ef: // large circle ◯
    case 0x3007:
      return 0x3007; // 〇
    case 0x2024: // one-dot leader
      return 0x2e;
    default:
      return simplifiedUnit(c);
  }
}

/**
 * Every unit `foldUnit` may change, by range: the only units whose fold is worked out when the
 * tables are made (a test holds this list to `foldUnit` over all 65536 units).
 */
const FOLDING_RANGES: ReadonlyArray<readonly [from: number, to: number]> = [
  [0x0009, 0x0009],
  [0x000b, 0x000c],
  [0x00a0, 0x00a0],
  [0x00ad, 0x00ad],
  [0x1680, 0x1680],
  [0x2000, 0x200d],
  [0x2013, 0x2015],
  [0x2024, 0x2024],
  [0x202f, 0x202f],
  [0x205f, 0x2060],
  [0x2212, 0x2212],
  [0x25cb, 0x25cb],
  [0x25ef, 0x25ef],
  [0x3000, 0x3000],
  [0x301c, 0x301c],
  [0xdb80, 0xdbff],
  [0xe000, 0xf8ff],
  [0xfe63, 0xfe63],
  [0xfeff, 0xfeff],
  [0xff01, 0xff5e],
];

/** `foldUnit` of the units the pass over the text stops at, and a bit per such unit. */
interface FoldTables {
  /** The fold of each unit whose bit in `special` is set (other entries are not read). */
  folds: Uint16Array;
  /** Units that fold, digits (counted) and low surrogates (folded with a private-use high one). */
  special: Int32Array;
}

/**
 * Made once per process on first use (136 KB, immutable): the pass over the text tests one bit
 * per character (8 KB, cache-friendly; most characters are neither folded nor digits) instead
 * of a chain of comparisons and a table search.
 */
let tables: FoldTables | null = null;

/** The fold tables, made on first use. */
export function foldTables(): FoldTables {
  if (tables) return tables;
  const folds = new Uint16Array(0x10000);
  const special = new Int32Array(0x10000 >>> 5);
  const stopAt = (c: number, f: number): void => {
    folds[c] = f;
    addBit(special, c);
  };
  // Only the units that may fold are visited, not all 65536: a new process pays for every one.
  const visit = (c: number): void => {
    const f = foldUnit(c);
    if (f !== c) stopAt(c, f);
  };
  for (const [from, to] of FOLDING_RANGES) for (let c = from; c <= to; c++) visit(c);
  for (const c of traditionalUnits()) visit(c);
  for (let c = 0x30; c <= 0x39; c++) stopAt(c, c);
  for (let c = 0xdc00; c <= 0xdfff; c++) stopAt(c, c);
  tables = { folds, special };
  return tables;
}

/** The normalised view and the number of digit runs in it, from one pass over the text. */
export interface NormalizedView {
  /** Same-length normalised view (`normalizeText`). */
  norm: string;
  /**
   * Runs of digits (ASCII or full-width: the view folds the latter to the former), counted whole;
   * the same count as `countDigitRuns(text)`.
   */
  digitRuns: number;
  /** With a `marking` table: the offsets whose unit of the view the table marks (not 0), ascending. */
  marked: PositionList | null;
}

/** The fold stops together with the units a marking table marks, made once per table. */
const stopsByMarking = new WeakMap<Uint8Array, Int32Array>();

function stopsWith(special: Int32Array, marking: Uint8Array): Int32Array {
  let stops = stopsByMarking.get(marking);
  if (!stops) {
    stops = special.slice();
    for (let c = 0; c < marking.length; c++) if (marking[c] !== 0) addBit(stops, c);
    stopsByMarking.set(marking, stops);
  }
  return stops;
}

/** Longest piece of the view built from codes at once, to stay within argument limits. */
const CHUNK = 8192;
/** Reused buffer of codes for the pieces of the view. */
const buffer = new Uint16Array(CHUNK);
/** Folded characters a text may hold before the rest of it is copied code by code. */
const SPARSE_CHANGES = 64;

/**
 * The normalised view of `text` together with its digit runs, in one pass. Many reports hold few
 * characters that fold: then the view is the text itself (no copy) or slices of it around the
 * folded characters; a text with many (full-width punctuation throughout) is copied code by code
 * from the point where they turn out to be many, in chunks. Linear either way. Given a `marking`
 * table (a flag per unit, not 0 for the units some later pass acts on), the same pass collects
 * where the view holds such units, so that pass need not read the text again.
 */
export function normalizeView(text: string, marking?: Uint8Array): NormalizedView {
  const { folds, special } = foldTables();
  const stops = marking ? stopsWith(special, marking) : special;
  const marked = marking ? new PositionList(text.length) : null;
  const n = text.length;
  const parts: string[] = [];
  let copied = 0; // text[0, copied) is in parts
  let changed = 0;
  let runs = 0;
  let lastDigit = -2;
  let i = 0;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (!inBits(stops, c)) continue;
    let f = inBits(special, c) ? folds[c]! : c;
    if ((c & 0xfc00) === 0xdc00 && i > 0) {
      // A low surrogate after a private-use high surrogate is folded with it.
      const prev = text.charCodeAt(i - 1);
      if (prev >= 0xdb80 && prev <= 0xdbff) f = SPACE;
    }
    if (f >= 0x30 && f <= 0x39) {
      if (lastDigit !== i - 1) runs++;
      lastDigit = i;
    }
    if (marked !== null && marking![f] !== 0) marked.add(i);
    if (f !== c) {
      parts.push(text.slice(copied, i), String.fromCharCode(f));
      copied = i + 1;
      changed++;
      if (changed > SPARSE_CHANGES && changed * 16 > i) break;
    }
  }
  if (i >= n) {
    if (copied === 0) return { norm: text, digitRuns: runs, marked };
    parts.push(text.slice(copied));
    return { norm: parts.join(''), digitRuns: runs, marked };
  }
  // Dense: every code from here on goes through the buffer.
  let fill = 0;
  for (i++; i < n; i++) {
    const c = text.charCodeAt(i);
    let f = inBits(special, c) ? folds[c]! : c;
    if ((c & 0xfc00) === 0xdc00) {
      const prev = text.charCodeAt(i - 1);
      if (prev >= 0xdb80 && prev <= 0xdbff) f = SPACE;
    }
    if (f >= 0x30 && f <= 0x39) {
      if (lastDigit !== i - 1) runs++;
      lastDigit = i;
    }
    if (marked !== null && marking![f] !== 0) marked.add(i);
    buffer[fill++] = f;
    if (fill === CHUNK) {
      parts.push(String.fromCharCode.apply(null, buffer as unknown as number[]));
      fill = 0;
    }
  }
  if (fill > 0) parts.push(String.fromCharCode.apply(null, buffer.subarray(0, fill) as unknown as number[]));
  return { norm: parts.join(''), digitRuns: runs, marked };
}

/** Returns the same-length normalised view of `text`. */
export function normalizeText(text: string): string {
  return normalizeView(text).norm;
}
