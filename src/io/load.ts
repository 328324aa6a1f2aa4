/**
 * Reads report files of every supported format from disk (never writing to them). Each format is
 * declared in src/io/formats/; its reader is imported only when such a file is read, so plain-text
 * runs start fast.
 */
import { readFile, stat } from 'node:fs/promises';
import { DecodeError } from './decode.js';
import { chooseFormat, formatOfName } from './formats/index.js';
import { NODE_INPUT_FORMATS } from './formats/node.js';
import { MAX_INPUT_BYTES } from './limits.js';
import { looksLikeHtml } from './formats/html.js';
import type { LoadedSource, SourceFormat } from './source.js';

export { looksLikeHtml };

export { MAX_INPUT_BYTES };

/** File extensions jiaohe reads, by format. */
export const EXTENSIONS: Readonly<Record<SourceFormat, readonly string[]>> = Object.fromEntries(NODE_INPUT_FORMATS.map((f) => [f.name, f.extensions])) as Record<SourceFormat, readonly string[]>;

/** The format a file name says, or null when its extension is not one jiaohe reads. */
export function formatOfPath(path: string): SourceFormat | null {
  return formatOfName(path, NODE_INPUT_FORMATS)?.name ?? null;
}

/**
 * Turns a file's bytes into a source. `format` comes from the file name; which reader reads the
 * bytes is `chooseFormat`'s rule (a magic number wins over the name).
 */
export async function loadSourceBytes(path: string, bytes: Uint8Array, format?: SourceFormat): Promise<LoadedSource> {
  if (bytes.length > MAX_INPUT_BYTES) throw new DecodeError('the file is too large', 'too-large');
  const named = format === undefined ? null : (NODE_INPUT_FORMATS.find((f) => f.name === format) ?? null);
  return hasText(await chooseFormat(bytes, named, NODE_INPUT_FORMATS).load(path, bytes));
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
