/**
 * Reads report files of every supported format from disk (never writing to them). The HTML and
 * .docx readers are imported only when such a file is read, so plain-text runs start fast.
 */
import { readFile, stat } from 'node:fs/promises';
import { decodeBytes, DecodeError } from './decode.js';
import { textSource, type LoadedSource, type SourceFormat } from './source.js';

/**
 * The largest file read. A report is tens of kilobytes; checking is linear but takes about two
 * seconds and 150 MB per megabyte, so anything far larger is not a report.
 */
export const MAX_INPUT_BYTES = 8 * 1024 * 1024;

/** File extensions jiaohe reads, by format. */
export const EXTENSIONS: Readonly<Record<SourceFormat, readonly string[]>> = {
  text: ['.txt', '.md', '.text'],
  html: ['.html', '.htm', '.shtml', '.xhtml'],
  docx: ['.docx'],
};

/** The format a file name says, or null when its extension is not one jiaohe reads. */
export function formatOfPath(path: string): SourceFormat | null {
  const dot = path.lastIndexOf('.');
  if (dot < 0 || dot < Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'))) return null;
  const ext = path.slice(dot).toLowerCase();
  for (const [format, list] of Object.entries(EXTENSIONS) as Array<[SourceFormat, readonly string[]]>) {
    if (list.includes(ext)) return format;
  }
  return null;
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Whether decoded text is a web page rather than a report typed as text. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 256).trimStart().slice(0, 9).toLowerCase();
  return head.startsWith('<!doctype') || head.startsWith('<html') || head.startsWith('<head') || head.startsWith('<body');
}

/**
 * Turns a file's bytes into a source. `format` comes from the file name; without one (standard
 * input, an unknown extension) a zip is read as .docx and markup as HTML.
 */
export async function loadSourceBytes(path: string, bytes: Uint8Array, format?: SourceFormat): Promise<LoadedSource> {
  if (bytes.length > MAX_INPUT_BYTES) throw new DecodeError('the file is too large', 'too-large');
  // A Word file is read as one whatever its name says (报告.txt saved from Word as .docx).
  if (format === 'docx' || isZip(bytes)) {
    if (bytes.length === 0) throw new DecodeError('the file is empty', 'empty');
    const { loadDocx } = await import('./docx.js');
    return hasText(loadDocx(path, bytes));
  }
  const { text, encoding } = decodeBytes(bytes);
  if (format === 'html' || (format === undefined && looksLikeHtml(text))) {
    const { loadHtml } = await import('./html.js');
    return hasText(loadHtml(path, text, encoding));
  }
  return hasText(textSource(path, text, encoding));
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
