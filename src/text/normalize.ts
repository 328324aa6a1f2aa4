/**
 * The normalised view of a report text.
 *
 * Every UTF-16 unit of the input maps to exactly one unit of the view, so an offset in the
 * view is the same offset in the caller's string: positions never need translating.
 */

import { simplifiedUnit } from './traditional.js';

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

/** Returns the same-length normalised view of `text`. */
export function normalizeText(text: string): string {
  const n = text.length;
  // Most of the text is unchanged; build from char codes in chunks to stay linear.
  const out: string[] = [];
  const CHUNK = 8192;
  const buf = new Array<number>(Math.min(CHUNK, n));
  let fill = 0;
  for (let i = 0; i < n; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
      // A low surrogate after a private-use high surrogate is folded with it.
      const prev = text.charCodeAt(i - 1);
      if (prev >= 0xdb80 && prev <= 0xdbff) c = SPACE;
    } else {
      c = foldUnit(c);
    }
    buf[fill++] = c;
    if (fill === CHUNK) {
      out.push(String.fromCharCode.apply(null, buf));
      fill = 0;
    }
  }
  if (fill > 0) out.push(String.fromCharCode.apply(null, buf.slice(0, fill)));
  return out.join('');
}
