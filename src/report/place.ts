/**
 * Where a finding is, said as a person finds it in the file: line and column in a text or web
 * page, paragraph in a Word file (第3段), page and line in a PDF (第2页第5行). Used by every
 * output a person reads (HTML and CSV reports, Word comments) and by SARIF's logical locations.
 * Browser-safe.
 */
import type { Locale } from '../engine/messages.js';
import { countsParagraphs } from '../io/formats/facts.js';
import type { Range } from '../model/range.js';
import type { CheckedDocument } from './document.js';
import { lastAtOrBefore } from '../text/search.js';

/** A position in a document, in the unit its format is read in. */
export type Place =
  | { kind: 'line'; line: number; column: number }
  | { kind: 'paragraph'; paragraph: number; column: number }
  | { kind: 'page'; page: number; line: number; column: number };

/** The page (1-based) holding `offset`, given each page's start offset, ascending. */
export function pageOf(pageStarts: readonly number[], offset: number): number {
  return lastAtOrBefore(pageStarts, offset) + 1;
}

/** The 1-based line of `offset` in `text`, counting from `from`. */
function lineFrom(text: string, from: number, offset: number): number {
  let line = 1;
  for (let i = from; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 0x0a) line++;
  return line;
}

/**
 * The place of a finding that starts at `offset`, line `line` and column `column` of `doc`
 * (as a mapped diagnostic gives them). A .docx's lines are its paragraphs; a PDF's offset is
 * placed on its page.
 */
export function placeOf(doc: Pick<CheckedDocument, 'format' | 'pageStarts' | 'text'>, at: { offset: number; line: number; column: number }): Place {
  if (countsParagraphs(doc.format)) return { kind: 'paragraph', paragraph: at.line, column: at.column };
  if (isPaged(doc)) {
    const page = pageOf(doc.pageStarts!, at.offset);
    return { kind: 'page', page, line: lineFrom(doc.text, doc.pageStarts![page - 1]!, at.offset), column: at.column };
  }
  return { kind: 'line', line: at.line, column: at.column };
}

/** A place as a person reads it: `12:5`, `第3段`, `第2页第5行` (English: `paragraph 3`, `page 2, line 5`). */
export function placeText(place: Place, locale: Locale): string {
  switch (place.kind) {
    case 'line':
      return `${place.line}:${place.column}`;
    case 'paragraph':
      return locale === 'en' ? `paragraph ${place.paragraph}` : `第${place.paragraph}段`;
    case 'page':
      return locale === 'en' ? `page ${place.page}, line ${place.line}` : `第${place.page}页第${place.line}行`;
  }
}

/** Whether a document is paged (a PDF): its findings are placed on pages. */
export function isPaged(doc: Pick<CheckedDocument, 'pageStarts'>): boolean {
  return doc.pageStarts !== undefined && doc.pageStarts.length > 0;
}

/**
 * Whether the document's text is the file's own (plain text, a web page's source), so its
 * lines, columns and offsets are the file's and an edit of it is an edit of the file. Not so
 * for Word files and PDFs, whose text was extracted.
 */
export function isTextFile(doc: Pick<CheckedDocument, 'format' | 'pageStarts'>): boolean {
  const format = doc.format ?? 'text';
  return (format === 'text' || format === 'html') && !isPaged(doc);
}

/**
 * The replacement as it would be written into the file over `range`, or undefined when that is
 * not an edit of the file's own text: a .docx or PDF (its text was extracted), a range outside
 * the text, or, in a web page, a range that crosses markup or an entity (a tag would be deleted).
 * In a web page the replacement is escaped, as it becomes markup source.
 */
export function replacementInFile(doc: Pick<CheckedDocument, 'format' | 'pageStarts' | 'text'>, range: Range, replacement: string): string | undefined {
  if (!isTextFile(doc)) return undefined;
  if (range.start < 0 || range.end < range.start || range.end > doc.text.length) return undefined;
  if (doc.format !== 'html') return replacement;
  if (/[<>&]/.test(doc.text.slice(range.start, range.end))) return undefined;
  return replacement.replace(/[<>&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&amp;'));
}
