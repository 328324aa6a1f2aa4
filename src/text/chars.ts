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

/**
 * A bit per UTF-16 unit of `chars` (8 KB): a loop over every unit of a text tests one bit and
 * moves on, instead of comparing each unit with every character it looks for.
 */
export function codeBits(chars: string): Int32Array {
  const bits = new Int32Array(0x10000 >>> 5);
  for (let i = 0; i < chars.length; i++) addBit(bits, chars.charCodeAt(i));
  return bits;
}

/** Sets the bit of the UTF-16 unit `c` in `bits` (see `codeBits`). */
export function addBit(bits: Int32Array, c: number): void {
  bits[c >>> 5]! |= 1 << (c & 31);
}

/** Whether the UTF-16 unit `c` (a code, not NaN) has its bit in `bits` (see `codeBits`). */
export function inBits(bits: Int32Array, c: number): boolean {
  return ((bits[c >>> 5]! >>> (c & 31)) & 1) === 1;
}

/**
 * Entries of `list` grouped by the first UTF-16 unit of their word, in list order: a lookup at a
 * position tries only the entries that can start with the unit standing there. Built once per list.
 */
export function byFirstUnit<T = string>(list: readonly T[], word: (entry: T) => string = String): ReadonlyMap<number, readonly T[]> {
  const map = new Map<number, T[]>();
  for (const entry of list) {
    const key = word(entry).charCodeAt(0);
    const group = map.get(key);
    if (group) group.push(entry);
    else map.set(key, [entry]);
  }
  return map;
}
