/** Character classes shared by the parser. All take a UTF-16 unit of the normalised view. */

/** `0`–`9`. */
export function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** `A`–`Z`, `a`–`z`. */
export function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** CJK unified ideographs (BMP blocks used in running text). */
export function isCjk(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

/** Space, tab or other folded blank (not a line break). */
export function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

/** Sentence-ending punctuation: `。` `！` `？` and their half-width forms. */
export function isSentenceEnd(c: number): boolean {
  return c === 0x3002 || c === 0x21 || c === 0x3f;
}

/** Circled numbers ①–⑳. */
export function circledNumber(c: number): number {
  return c >= 0x2460 && c <= 0x2473 ? c - 0x2460 + 1 : 0;
}

/** The UTF-16 units of `chars` as a set, for membership tests on codes instead of one-character strings. */
export function codeSet(chars: string): ReadonlySet<number> {
  const set = new Set<number>();
  for (let i = 0; i < chars.length; i++) set.add(chars.charCodeAt(i));
  return set;
}
