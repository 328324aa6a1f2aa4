/**
 * The input formats jiaohe reads, as a registry: adding one is a module in this folder (its
 * `InputFormat`), one line in `INPUT_FORMATS` (or, for a format only Node can read, in
 * `NODE_INPUT_FORMATS` of node.ts), and its name, MIME type and position unit in facts.ts: all in
 * this folder. Browser-safe: the web page
 * reads files through this registry too.
 */
import { decodeBytes } from '../decode.js';
import type { SourceFormat } from '../source.js';
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
export const INPUT_FORMATS: readonly InputFormat[] = [docxFormat, pdfFormat, htmlFormat, textFormat];

/** The format of a name. */
export function inputFormat(name: SourceFormat, formats: readonly InputFormat[] = INPUT_FORMATS): InputFormat {
  const found = formats.find((f) => f.name === name);
  if (!found) throw new Error(`no input format named ${name}`);
  return found;
}

/** The format a file name's extension says, or null when jiaohe reads no such file. */
export function formatOfName(path: string, formats: readonly InputFormat[] = INPUT_FORMATS): InputFormat | null {
  const dot = path.lastIndexOf('.');
  if (dot < 0 || dot < Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'))) return null;
  const ext = path.slice(dot).toLowerCase();
  return formats.find((f) => f.extensions.includes(ext)) ?? null;
}

/** The binary format whose magic number the bytes start with, or null. */
export function sniffFormat(bytes: Uint8Array, formats: readonly InputFormat[] = INPUT_FORMATS): InputFormat | null {
  return formats.find((f) => f.sniff?.(bytes)) ?? null;
}

/** The text format decoded text of an unnamed file is (a web page, else plain text). */
export function sniffTextFormat(text: string, formats: readonly InputFormat[] = INPUT_FORMATS): InputFormat {
  return formats.find((f) => f.sniffText?.(text)) ?? textFormat;
}

/**
 * Which format reads `bytes`, named `named` by its file name (or not named): a magic number wins over
 * the name (a Word file saved as 报告.txt is read as Word). A file named as a binary format whose
 * bytes are not that format is read as a web page when they are markup (Word's "网页" and CMS
 * exports saved as 报告.doc), else handed to the named format, whose reader says why it cannot
 * read it. A file with no name that says a format is decoded and read as HTML or text.
 */
export function chooseFormat(bytes: Uint8Array, named: InputFormat | null, formats: readonly InputFormat[] = INPUT_FORMATS): InputFormat {
  const sniffed = sniffFormat(bytes, formats);
  if (sniffed) return sniffed;
  if (named && !named.sniff) return named;
  const text = sniffTextFormat(decodeText(bytes), formats);
  if (named && text.name === 'text') return named;
  return text;
}

/**
 * The bytes decoded for a look at what they are (whole: a cut could split a character and make
 * good text look undecodable); undecodable bytes read as no text.
 */
function decodeText(bytes: Uint8Array): string {
  try {
    return decodeBytes(bytes).text;
  } catch {
    return '';
  }
}
