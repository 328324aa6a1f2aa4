/**
 * Turns file bytes into text: UTF-8 (with or without BOM), UTF-16 with BOM, and GBK/GB18030.
 * Uses only `TextDecoder`, so it runs anywhere; file access lives in `read-file.ts`.
 */

/** Why bytes could not be read as report text. */
export class DecodeError extends Error {
  constructor(
    message: string,
    readonly code:
      | 'empty'
      | 'binary'
      | 'undecodable'
      | 'no-text'
      | 'too-large'
      /** A PDF of page images only (a scan): no text to read. */
      | 'no-text-layer'
      /** A PDF or Word file that needs a password to open. */
      | 'encrypted'
      /** Bytes that start as a PDF but cannot be read as one. */
      | 'damaged-pdf'
      /** An OLE file with a Word document in it that cannot be read. */
      | 'damaged-doc'
      /** An OLE file (.xls, .ppt, a Works file) with no Word document in it. */
      | 'not-word'
      /** A Word 6/95 (or older) binary file, whose layout the .doc reader does not know. */
      | 'old-word'
      /** A Rich Text Format file saved under a Word name (报告.doc), which no reader here reads. */
      | 'rtf',
  ) {
    super(message);
    this.name = 'DecodeError';
  }
}

/** The text of some bytes and the encoding it was read as. */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
}

/** Whether a UTF-16 code unit is one a Chinese report is made of. */
function plausibleUnit(u: number): boolean {
  return (
    (u >= 0x20 && u <= 0x7e) ||
    u === 9 ||
    u === 10 ||
    u === 13 ||
    (u >= 0x2000 && u <= 0x206f) ||
    (u >= 0x3000 && u <= 0x303f) ||
    (u >= 0x4e00 && u <= 0x9fff) ||
    (u >= 0xff00 && u <= 0xffef)
  );
}

/**
 * UTF-16 written without a BOM: there are zero bytes (text in UTF-8 or GBK has none), and read
 * in one byte order nearly every code unit is ASCII, CJK or CJK punctuation.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0 || !bytes.includes(0)) return null;
  const n = Math.min(bytes.length, 8192) & ~1;
  let le = 0;
  let be = 0;
  for (let i = 0; i < n; i += 2) {
    if (plausibleUnit(bytes[i]! | (bytes[i + 1]! << 8))) le++;
    if (plausibleUnit((bytes[i]! << 8) | bytes[i + 1]!)) be++;
  }
  const units = n / 2;
  if (le >= units * 0.95 && le > be) return 'utf-16le';
  if (be >= units * 0.95 && be > le) return 'utf-16be';
  return null;
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control > n / 20;
}

/** Decodes report bytes, or throws a `DecodeError` saying why not. */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) throw new DecodeError('the file is empty', 'empty');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const bomless = utf16WithoutBom(bytes);
  if (bomless) {
    try {
      return { text: new TextDecoder(bomless, { fatal: true }).decode(bytes), encoding: bomless };
    } catch {
      // Not valid UTF-16 after all: judged as binary below.
    }
  }
  if (looksBinary(bytes)) throw new DecodeError('the file is binary, not text', 'binary');
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start)), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: government offices still write GBK, which GB18030 contains.
  }
  try {
    return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'gb18030' };
  } catch {
    throw new DecodeError('the bytes are neither UTF-8, UTF-16 nor GBK/GB18030 text', 'undecodable');
  }
}
