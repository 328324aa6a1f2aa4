/**
 * Reads report files of every supported format from disk (never writing to them). Each format is
 * declared in src/io/formats/; its reader is imported only when such a file is read, so plain-text
 * runs start fast.
 */
import { readFile, stat } from 'node:fs/promises';
import { decodeBytes, DecodeError } from './decode.js';
import { formatOfName, INPUT_FORMATS, sniffFormat, sniffTextFormat } from './formats/index.js';
import { looksLikeHtml } from './formats/html.js';
import type { LoadedSource, SourceFormat } from './source.js';

export { looksLikeHtml };

/**
 * The largest file read. A report is tens of kilobytes; checking is linear but takes about two
 * seconds and 150 MB per megabyte, so anything far larger is not a report.
 */
export const MAX_INPUT_BYTES = 8 * 1024 * 1024;

/** File extensions jiaohe reads, by format. */
export const EXTENSIONS: Readonly<Record<SourceFormat, readonly string[]>> = Object.fromEntries(INPUT_FORMATS.map((f) => [f.name, f.extensions])) as Record<SourceFormat, readonly string[]>;

/** The format a file name says, or null when its extension is not one jiaohe reads. */
export function formatOfPath(path: string): SourceFormat | null {
  return formatOfName(path)?.name ?? null;
}

/**
 * Turns a file's bytes into a source. `format` comes from the file name. The bytes' own magic
 * number wins over the name (报告.txt saved from Word is read as Word); without a name (standard
 * input, an unknown extension) markup is read as HTML.
 */
export async function loadSourceBytes(path: string, bytes: Uint8Array, format?: SourceFormat): Promise<LoadedSource> {
  if (bytes.length > MAX_INPUT_BYTES) throw new DecodeError('the file is too large', 'too-large');
  const named = format === undefined ? null : INPUT_FORMATS.find((f) => f.name === format) ?? null;
  let chosen = sniffFormat(bytes) ?? named;
  if (chosen === null) chosen = sniffTextFormat(decodeBytes(bytes).text);
  return hasText(await chosen.load(path, bytes));
}

/** A source with nothing to check (white space only, a page of scripts) is an error, not a clean report. */
function hasText(source: LoadedSource): LoadedSource {
  if (source.text.trim() === '') throw new DecodeError('the file has no report text', 'no-text');
  return source;
}

/** Reads and decodes one report file; its format comes from its extension, else from its bytes. */
export async function loadSourceFile(path: string): Promise<LoadedSource> {
  const info = await stat(path);
  // Devices and pipes never end (/dev/zero); a report is a regular file.
  if (!info.isFile()) throw Object.assign(new Error('not a regular file'), { code: info.isDirectory() ? 'EISDIR' : 'ENOTFILE' });
  if (info.size > MAX_INPUT_BYTES) throw new DecodeError('the file is too large', 'too-large');
  const buffer = await readFile(path);
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  return loadSourceBytes(path, bytes, formatOfPath(path) ?? undefined);
}
