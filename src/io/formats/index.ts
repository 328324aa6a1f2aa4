/**
 * The input formats jiaohe reads, as a registry: adding one is a module in this folder (its
 * `InputFormat`), one line in `INPUT_FORMATS` and its name in `SourceFormatSchema`. Browser-safe.
 */
import type { SourceFormat } from '../source.js';
import { docFormat } from './doc.js';
import { docxFormat } from './docx.js';
import { htmlFormat } from './html.js';
import { pdfFormat } from './pdf.js';
import { textFormat } from './text.js';
import type { InputFormat } from './types.js';

export type { InputFormat } from './types.js';

/**
 * Every input format. Binary formats come first: their magic numbers are tried before a file is
 * decoded as text, so a Word file saved under a .txt name is still read as Word.
 */
export const INPUT_FORMATS: readonly InputFormat[] = [docxFormat, pdfFormat, docFormat, htmlFormat, textFormat];

/** The format of a name. */
export function inputFormat(name: SourceFormat): InputFormat {
  const found = INPUT_FORMATS.find((f) => f.name === name);
  if (!found) throw new Error(`no input format named ${name}`);
  return found;
}

/** The format a file name's extension says, or null when jiaohe reads no such file. */
export function formatOfName(path: string): InputFormat | null {
  const dot = path.lastIndexOf('.');
  if (dot < 0 || dot < Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'))) return null;
  const ext = path.slice(dot).toLowerCase();
  return INPUT_FORMATS.find((f) => f.extensions.includes(ext)) ?? null;
}

/** The binary format whose magic number the bytes start with, or null. */
export function sniffFormat(bytes: Uint8Array): InputFormat | null {
  return INPUT_FORMATS.find((f) => f.sniff?.(bytes)) ?? null;
}

/** The text format decoded text of an unnamed file is (a web page, else plain text). */
export function sniffTextFormat(text: string): InputFormat {
  return INPUT_FORMATS.find((f) => f.sniffText?.(text)) ?? textFormat;
}
