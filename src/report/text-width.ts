import stringWidth from 'string-width';

/**
 * Terminal columns of one UTF-16 code unit that is a whole grapheme of fixed width, or -1. Every
 * character here has Grapheme_Cluster_Break=Other (never joins its neighbours), is no control,
 * combining, zero-width or emoji character, and string-width gives it this width
 * (test/unit/text-width.test.ts checks each one).
 */
function simpleWidth(c: number): number {
  if (c >= 0x20 && c <= 0x7e) return 1;
  if (c >= 0x4e00 && c <= 0x9fff) return 2; // CJK unified ideographs
  if (c >= 0x3000 && c <= 0x3029) return 2; // CJK punctuation (、。《》「」…), before the tone marks
  if (c >= 0xff01 && c <= 0xff60) return 2; // full-width forms (，：；（）％)
  if (c >= 0xffe0 && c <= 0xffe6) return 2;
  if (c >= 0x2010 && c <= 0x2027) return 1; // dashes, quotes, …
  if (c === 0xb7 || c === 0xd7) return 1; // · ×
  return -1;
}

/**
 * The width of `text` in terminal columns, as string-width measures it. Text made only of
 * ASCII, Chinese characters and their punctuation is counted directly: string-width splits text
 * into graphemes with an Intl.Segmenter, and building one costs a new process more time than
 * checking a report does.
 */
export function textWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const w = simpleWidth(text.charCodeAt(i));
    if (w < 0) return stringWidth(text);
    width += w;
  }
  return width;
}
