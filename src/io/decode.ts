/**
 * Turns file bytes into text: UTF-8 (with or without BOM), UTF-16 with BOM, and GBK/GB18030.
 * Uses only `TextDecoder`, so it runs anywhere; file access lives in `read-file.ts`.
 */

/** Why bytes could not be read as report text. */
export class DecodeError extends Error {
  constructor(
    message: string,
    readonly code: 'empty' | 'binary' | 'undecodable',
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
