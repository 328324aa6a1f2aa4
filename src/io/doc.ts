/**
 * Reads a legacy Word binary file (.doc, Word 97 and later; and WPS Writer's .wps, which keeps
 * the same layout) as a report: the main document text, one line per paragraph, positions said
 * as paragraph and character like a .docx. The text comes from word-extractor, imported only
 * when such a file is read. Node only: word-extractor is built on Node's `Buffer` and streams.
 *
 * Before word-extractor sees the bytes, the OLE container is checked here: word-extractor
 * follows sector chains and directory links as the file states them, so a chain that loops
 * would never end, and a directory whose entries share children would be walked exponentially.
 * The check also tells a Word file from the other OLE files (.xls, .ppt, Works) that share its
 * magic number, and refuses encrypted and Word 95 files, which would read as garbage.
 *
 * word-extractor's known limits: a table row is one line (cells separated by tabs); a manual
 * line break or page break starts a new line, so such a line counts as a paragraph here; text
 * boxes, headers, footers and footnotes are not read.
 */
import { DecodeError } from './decode.js';
import { paragraphLocate } from './locate.js';
import type { LoadedSource } from './source.js';
import { isOle } from './formats/ole.js';

const FREE = -1;
const END_OF_CHAIN = -2;
const NO_STREAM = -1;

function damaged(why: string): DecodeError {
  return new DecodeError(`the Word file is damaged: ${why}`, 'damaged-doc');
}

/** A directory entry of an OLE file. */
interface OleEntry {
  name: string;
  type: number;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

/** What the check of an OLE file found: the names of the root's streams and the start of `WordDocument`. */
interface OleInfo {
  streams: string[];
  /** The first bytes of the `WordDocument` stream (its FIB), or null when there is none. */
  fib: Uint8Array | null;
}

/**
 * Fails when following `table` from some entry would loop: every chain must end. One pass over
 * the table, each entry coloured by the walk that first reached it.
 */
function assertChainsEnd(table: Int32Array, what: string): void {
  const seenBy = new Int32Array(table.length).fill(-1);
  for (let i = 0; i < table.length; i++) {
    let at = i;
    while (at >= 0 && at < table.length && seenBy[at] === -1) {
      seenBy[at] = i;
      at = table[at]!;
    }
    if (at >= 0 && at < table.length && seenBy[at] === i) throw damaged(`its ${what} has a sector chain that loops`);
  }
}

/** Checks an OLE compound file's structure as far as word-extractor will walk it. */
function inspectOle(bytes: Uint8Array): OleInfo {
  if (!isOle(bytes)) throw new DecodeError('not a Word file (no OLE header)', 'not-word');
  if (bytes.length < 512) throw damaged('it is shorter than an OLE header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number): number => view.getUint16(at, true);
  const i32 = (at: number): number => view.getInt32(at, true);
  const shift = u16(0x1e);
  if (u16(0x1c) !== 0xfffe || (shift !== 9 && shift !== 12) || u16(0x20) !== 6 || i32(0x38) !== 4096) throw damaged('its OLE header is not valid');
  const sectorSize = 1 << shift;
  // Sector n starts after the header's sector; a last sector cut short is still read (as zeros).
  const sectors = Math.max(0, Math.ceil((bytes.length - sectorSize) / sectorSize));
  const sectorAt = (n: number): number => (n + 1) * sectorSize;
  const perSector = sectorSize / 4;

  const fatCount = i32(0x2c);
  const difatCount = i32(0x48);
  if (fatCount < 1 || fatCount > sectors || difatCount < 0 || difatCount > sectors) throw damaged('its sector table size is not valid');
  const fatSectors: number[] = [];
  for (let i = 0; i < 109 && fatSectors.length < fatCount; i++) fatSectors.push(i32(0x4c + i * 4));
  let difat = i32(0x44);
  for (let n = 0; n < difatCount && fatSectors.length < fatCount; n++) {
    if (difat < 0 || difat >= sectors) throw damaged('its sector table list is cut short');
    const base = sectorAt(difat);
    for (let i = 0; i < perSector - 1 && fatSectors.length < fatCount; i++) fatSectors.push(i32(base + i * 4));
    difat = i32(base + (perSector - 1) * 4);
  }
  if (fatSectors.length < fatCount || fatSectors.some((s) => s < 0 || s >= sectors)) throw damaged('its sector table is missing');

  const readInt32s = (chain: readonly number[], count: number): Int32Array => {
    const out = new Int32Array(count);
    let k = 0;
    for (const s of chain) {
      const base = sectorAt(s);
      for (let i = 0; i < perSector && k < count; i++, k++) out[k] = base + i * 4 + 4 <= bytes.length ? i32(base + i * 4) : FREE;
    }
    return out;
  };
  const fat = readInt32s(fatSectors, fatCount * perSector);
  assertChainsEnd(fat, 'sector table');
  const chain = (start: number): number[] => {
    const out: number[] = [];
    for (let s = start; s >= 0; s = fat[s]!) {
      if (s >= sectors || s >= fat.length) throw damaged('a sector chain runs past the end of the file');
      out.push(s);
    }
    return out;
  };

  // The directory: 128-byte entries, a red-black tree of names under each storage.
  const dirChain = chain(i32(0x30));
  const entries: OleEntry[] = [];
  for (const s of dirChain) {
    for (let base = sectorAt(s); base + 128 <= Math.min(sectorAt(s) + sectorSize, bytes.length); base += 128) {
      const nameBytes = Math.max(0, Math.min(64, u16(base + 64)) - 2);
      let name = '';
      for (let i = 0; i + 1 < nameBytes; i += 2) name += String.fromCharCode(u16(base + i));
      entries.push({ name, type: bytes[base + 66]!, left: i32(base + 68), right: i32(base + 72), child: i32(base + 76), start: i32(base + 116), size: i32(base + 120) });
    }
  }
  const root = entries.find((e) => e.type === 5);
  if (!root) throw damaged('it has no root directory entry');
  // Every entry is reached at most once from the root (a tree), so walking it ends and is linear.
  const reached = new Uint8Array(entries.length);
  const rootStreams = new Map<string, OleEntry>();
  const pending: Array<{ id: number; top: boolean }> = [];
  if (root.child !== NO_STREAM) pending.push({ id: root.child, top: true });
  while (pending.length > 0) {
    const { id, top } = pending.pop()!;
    const e = entries[id];
    if (!e || reached[id]) throw damaged('its directory is not a tree');
    reached[id] = 1;
    if (top && e.type === 2) rootStreams.set(e.name, e);
    if (e.left !== NO_STREAM) pending.push({ id: e.left, top });
    if (e.right !== NO_STREAM) pending.push({ id: e.right, top });
    if (e.type === 1 && e.child !== NO_STREAM) pending.push({ id: e.child, top: false });
  }

  // The mini stream (streams under 4096 bytes live in it, in 64-byte sectors) and its table.
  const miniChain = chain(i32(0x3c));
  const mini = readInt32s(miniChain, miniChain.length * perSector);
  assertChainsEnd(mini, 'short sector table');
  const miniStream = root.start === END_OF_CHAIN ? [] : chain(root.start);

  const word = rootStreams.get('WordDocument');
  let fib: Uint8Array | null = null;
  if (word) {
    if (word.size < 0) throw damaged('its WordDocument stream has no valid size');
    let at: number;
    if (word.size >= 4096) {
      if (word.start < 0 || word.start >= sectors) throw damaged('its WordDocument stream is missing');
      at = sectorAt(word.start);
    } else {
      const pos = word.start * 64;
      const s = miniStream[Math.floor(pos / sectorSize)];
      if (word.start < 0 || s === undefined) throw damaged('its WordDocument stream is missing');
      at = sectorAt(s) + (pos % sectorSize);
    }
    fib = bytes.subarray(at, Math.min(bytes.length, at + 64));
  }
  return { streams: [...rootStreams.keys()], fib };
}

/** What an OLE file without a Word document is, by the streams it holds. */
function otherOle(streams: readonly string[]): string {
  if (streams.includes('Workbook') || streams.includes('Book')) return 'an Excel workbook';
  if (streams.includes('PowerPoint Document')) return 'a PowerPoint presentation';
  if (streams.includes('CONTENTS') || streams.includes('MatOST')) return 'a Microsoft Works file';
  return 'an OLE file of another program';
}

/**
 * Checks that the bytes hold a Word 97+ document that can be read without a password: throws a
 * `DecodeError` saying why not (not Word, Word 95, encrypted, damaged).
 */
function assertReadableWord(bytes: Uint8Array): void {
  let info: OleInfo;
  try {
    info = inspectOle(bytes);
  } catch (e) {
    // A field pointing past the end of the file (a DataView range error) is damage too.
    if (e instanceof DecodeError) throw e;
    throw damaged(e instanceof Error ? e.message : String(e));
  }
  const { streams, fib } = info;
  if (fib === null) throw new DecodeError(`not a Word file: it is ${otherOle(streams)}`, 'not-word');
  if (fib.length < 12) throw damaged('its WordDocument stream is cut short');
  const ident = fib[0]! | (fib[1]! << 8);
  if (ident !== 0xa5ec && ident !== 0xa5dc) throw damaged('its WordDocument stream does not start as Word writes it');
  const nFib = fib[2]! | (fib[3]! << 8);
  // Word 97 wrote nFib 193 (0xC1); Word 6 and 95 wrote about 101–105, in another layout.
  if (ident === 0xa5dc || nFib < 0xc1) throw new DecodeError('the file is a Word 6/95 (or older) document, which cannot be read', 'old-word');
  const flags = fib[10]! | (fib[11]! << 8);
  // fEncrypted (0x0100) and fObfuscated (0x8000): the text is scrambled without the password.
  if (flags & 0x0100 || flags & 0x8000) throw new DecodeError('the Word file is encrypted: it needs a password to open', 'encrypted');
}

/**
 * Word's text made into lines: the final paragraph mark dropped (every paragraph ends with one),
 * a non-breaking hyphen written as `-` (as the .docx reader does) and the control characters
 * word-extractor leaves (object anchors, footnote marks) removed.
 */
function wordLines(body: string): string {
  return (
    body
      .replace(/\r\n?/g, '\n')
      .replace(/\u001e/g, '-')
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
      .replace(/\n$/, '')
  );
}

/** The text of a .doc, one line per paragraph, or a `DecodeError` saying why it cannot be read. */
export async function extractDoc(bytes: Uint8Array): Promise<string> {
  assertReadableWord(bytes);
  const { default: WordExtractor } = await import('word-extractor');
  const { Buffer } = await import('node:buffer');
  let body: string;
  try {
    const doc = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    // filterUnicode false: keep “”, —— and ‘’ as written (its default makes them ASCII).
    body = (doc.getBody as (options?: { filterUnicode?: boolean }) => string).call(doc, { filterUnicode: false });
  } catch (e) {
    throw damaged(e instanceof Error ? e.message : String(e));
  }
  return wordLines(body);
}

// Positions are paragraph (line, 1-based) and character within it (column), as for a .docx; an
// end offset at a paragraph boundary belongs to the paragraph before it.
/** A .doc (or WPS .wps) as a report source, located by paragraph and character. */
export async function loadDoc(path: string, bytes: Uint8Array): Promise<LoadedSource> {
  const text = await extractDoc(bytes);
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return {
    path,
    format: 'doc',
    encoding: null,
    text,
    sourceText: text,
    page: null,
    locate: paragraphLocate(text, starts),
  };
}
