/**
 * Reads a Word .docx as a report: the text of every paragraph of the main document part, in body
 * order, one line per paragraph, and the title from the core properties. Findings in a .docx
 * are reported as "paragraph and character within it". Browser-safe: fflate unzips, htmlparser2
 * tokenizes the XML as a stream (no tree, no recursion).
 *
 * Word's automatic list numbering (`w:numPr`: "1.", "(一)" drawn by Word) is not text in the
 * file and is not reproduced; only numbering typed into the paragraph is seen.
 */
import { unzipSync } from 'fflate';
import { Parser } from 'htmlparser2';
import type { SourceCell, SourceTable } from '../model/table.js';
import { paragraphLocate } from './locate.js';
import type { LoadedSource, PageMetadata } from './source.js';
import { spanCount } from './spans.js';

/** What a refused .docx would have decompressed to: the part that passed the limit, in bytes. */
export interface DocxSizeRefusal {
  /** The part whose size took the total over the limit, e.g. `word/document.xml`. */
  part: string;
  /** The decompressed size of the parts read, counting that part, as the archive declares it. */
  size: number;
  /** The limit on the decompressed size of the XML read. */
  limit: number;
  /** The size of the .docx file itself. */
  fileSize: number;
}

/** Why bytes could not be read as a .docx report. */
export class DocxError extends Error {
  constructor(
    message: string,
    /** `changed`: the file's text is not the text a commented copy's notes were placed in. */
    readonly code: 'not-docx' | 'damaged' | 'too-large' | 'changed',
    /** For `too-large`: what was refused and why. */
    readonly refusal?: DocxSizeRefusal,
  ) {
    super(message);
    this.name = 'DocxError';
  }
}

/** The text of a .docx: its paragraphs, their join with `\n`, where each starts, and its title. */
export interface DocxText {
  paragraphs: string[];
  text: string;
  paragraphStarts: number[];
  page: PageMetadata | null;
  /** The Word tables (`w:tbl`), cells placed in `text`, merged cells as spans. */
  tables: SourceTable[];
}

const DOCUMENT = 'word/document.xml';
const CORE = 'docProps/core.xml';
/**
 * Most bytes the XML parts read may decompress to. A zip entry can inflate a thousandfold, so a
 * small file can stand for gigabytes; the sizes the archive declares are checked before
 * anything is inflated (fflate never inflates past a declared size).
 */
const MAX_DOCX_XML_BYTES = 64 * 1024 * 1024;
/** Smallest central directory entry: a bound on how many entries a zip of n bytes can hold. */
const MIN_ENTRY = 46;

/** Elements whose whole content is not document text. */
const SKIP = new Set([
  'w:delText', // tracked deletion (inside w:del)
  'w:del', // a tracked deletion: deleted runs, tabs and breaks alike
  'w:moveFrom', // text moved away (shown again at its w:moveTo)
  'w:instrText', // field code, not the field's result
  'w:delInstrText',
  'w:rPr', // run properties (and their tracked changes)
  'w:pPr', // paragraph properties (tab stops, list numbering, paragraph-mark changes)
  'w:sdtPr', // content control properties
]);

function unzipParts(bytes: Uint8Array): Record<string, Uint8Array> {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) {
    throw new DocxError('not a .docx file (not a zip archive)', 'not-docx');
  }
  const maxEntries = Math.floor(bytes.length / MIN_ENTRY) + 1;
  let entries = 0;
  let total = 0;
  try {
    return unzipSync(bytes, {
      filter(file) {
        // A corrupt end record can claim billions of entries; stop before looping over them.
        if (++entries > maxEntries) throw new DocxError('the .docx file is truncated or damaged: its zip directory is corrupt', 'damaged');
        if (file.name !== DOCUMENT && file.name !== CORE) return false;
        total += file.compression === 0 ? file.size : file.originalSize;
        if (total > MAX_DOCX_XML_BYTES) {
          const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);
          throw new DocxError(
            `the .docx file was refused: ${file.name} would decompress to ${mb(total)} MB, over the ${mb(MAX_DOCX_XML_BYTES)} MB limit for its XML (the file itself is ${bytes.length} bytes)`,
            'too-large',
            { part: file.name, size: total, limit: MAX_DOCX_XML_BYTES, fileSize: bytes.length },
          );
        }
        return true;
      },
    });
  } catch (e) {
    if (e instanceof DocxError) throw e;
    const why = e instanceof Error ? e.message : String(e);
    throw new DocxError(`the .docx file is truncated or damaged: ${why}`, 'damaged');
  }
}

function decodeXml(bytes: Uint8Array): string {
  return decodeXmlPart(bytes).text;
}

/** How a part's XML was encoded, so that a part written back keeps it. */
export type XmlEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

/** @internal A part's XML as text (a byte-order mark says UTF-16), with the encoding it was in. */
export function decodeXmlPart(bytes: Uint8Array): { text: string; encoding: XmlEncoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { text: new TextDecoder('utf-8').decode(bytes), encoding: bom ? 'utf-8-bom' : 'utf-8' };
}

/** One open `w:p`: its text so far, and the finished paragraphs nested in it (text boxes). */
interface OpenParagraph {
  parts: string[];
  nested: FinishedParagraph[];
  /** Recording positions only: the paragraph's pieces, its length so far, its span and depth. */
  pieces: DocxTextPiece[] | null;
  length: number;
  span: DocxParagraphSpan | null;
  depth: number;
}

/** A closed `w:p` not yet numbered (it may sit in another paragraph, whose number comes first). */
interface FinishedParagraph {
  text: string;
  pieces: DocxTextPiece[] | null;
  span: DocxParagraphSpan | null;
}

/**
 * Where one piece of a paragraph's text comes from in `word/document.xml`: the text of a `w:t`
 * between tags and entities, or one element (`w:tab`, `w:br`, `w:sym`…). Offsets in the XML are
 * UTF-16 offsets in the decoded XML string. Read by the commenting writer (docx-annotate.ts), so
 * that its positions come from the very walk that made the text.
 * @internal
 */
export interface DocxTextPiece {
  /** The paragraph (index in `paragraphs`). */
  paragraph: number;
  /** The offset of the piece's first character in its paragraph. */
  offset: number;
  /** Its characters in the extracted text (UTF-16 units, at least 1). */
  length: number;
  /** The XML it stands for, `[xmlStart, xmlEnd)`: raw text, or a whole element. */
  xmlStart: number;
  xmlEnd: number;
  /** Text whose characters are the XML's one for one (no entity): character k sits at `xmlStart + k`. */
  exact: boolean;
  /** For text inside a `w:t`: that element's start tag `[start, end)` and end tag `[closeStart, closeEnd)`; null for an element or math. */
  textTag: DocxTextElement | null;
  /** The innermost `w:r` holding the piece (in math: the outermost math element), or null. */
  run: DocxRunSpan | null;
}

/** A `w:t` in `word/document.xml`: its start tag and its end tag. @internal */
export interface DocxTextElement {
  start: number;
  end: number;
  closeStart: number;
  closeEnd: number;
}

/** A `w:r` (or a whole math zone) in `word/document.xml`. @internal */
export interface DocxRunSpan {
  start: number;
  end: number;
  /** The run's own `w:rPr` element as written, or ''. */
  props: string;
  /** Math: only to be marked beside, never split. */
  atomic: boolean;
}

/** A `w:p` in `word/document.xml`. @internal */
export interface DocxParagraphSpan {
  start: number;
  end: number;
  /** Where the paragraph's content may begin (after its start tag and `w:pPr`); -1 for `<w:p/>`. */
  contentStart: number;
}

/** The paragraphs of a document part with where each piece of their text is in the XML. @internal */
export interface DocxLayout {
  paragraphs: string[];
  /** In the order of the extracted text (paragraph, then offset). */
  pieces: DocxTextPiece[];
  /** One per paragraph. */
  spans: DocxParagraphSpan[];
}

/**
 * The paragraphs of `word/document.xml`, in body order. Each `w:p` is one paragraph, also in
 * table cells and text boxes; empty paragraphs stay, so numbers match Word's paragraph count.
 * A paragraph nested in another (a text box anchored in a run) becomes its own paragraph
 * right after the one it sits in, whose text continues past the text box. A tracked deleted
 * paragraph mark still ends its paragraph (paragraphs are counted as `w:p`, not as merged).
 */
function documentParagraphs(
  xml: string,
  record = false,
): { paragraphs: string[]; tables: DocxTable[]; pieces: DocxTextPiece[]; spans: DocxParagraphSpan[] } {
  const paragraphs: string[] = [];
  // Recording only: the pieces and spans of numbered paragraphs, the open runs (innermost
  // last), the open math zone, the open w:t's start tag and an element piece awaiting its end.
  const pieces: DocxTextPiece[] = [];
  const spans: DocxParagraphSpan[] = [];
  const runs: Array<{ span: DocxRunSpan; depth: number }> = [];
  let math: { span: DocxRunSpan; depth: number } | null = null;
  let textTag: DocxTextElement | null = null;
  let pendingElement: { piece: DocxTextPiece; depth: number } | null = null;
  let propsStart = -1;
  const number = (f: FinishedParagraph): void => {
    paragraphs.push(f.text);
    if (!record) return;
    const index = paragraphs.length - 1;
    for (const piece of f.pieces!) {
      piece.paragraph = index;
      pieces.push(piece);
    }
    spans.push(f.span!);
  };
  // Tables being read (innermost last) and the tables read; cells hold paragraph indices.
  const tables: DocxTable[] = [];
  const done: DocxTable[] = [];
  const openTable = (): DocxTable | null => (tables.length > 0 ? tables[tables.length - 1]! : null);
  const open: OpenParagraph[] = [];
  /** For each open mc:AlternateContent, whether one mc:Choice has been taken. */
  const alternates: boolean[] = [];
  let depth = 0;
  /** Depth of the element being skipped with all its content, or -1. */
  let skipAt = -1;
  let inText = 0;

  /** Adds text to the open paragraph; when recording, `element` says the text is a whole element's, not raw text. */
  const emit = (s: string, element = false): DocxTextPiece | null => {
    const top = open[open.length - 1];
    if (!top) return null;
    top.parts.push(s);
    if (!top.pieces || s.length === 0) return null;
    const xmlStart = parser.startIndex;
    const xmlEnd = parser.endIndex + 1;
    // Raw text without an entity is one XML character per character (line feeds become spaces
    // one for one); an entity is several XML characters for one or two.
    const exact = !element && xmlEnd - xmlStart === s.length && !xml.slice(xmlStart, xmlEnd).includes('&');
    const piece: DocxTextPiece = {
      paragraph: -1,
      offset: top.length,
      length: s.length,
      xmlStart,
      xmlEnd,
      exact,
      textTag: element || math ? null : textTag,
      run: math ? math.span : (runs[runs.length - 1]?.span ?? null),
    };
    top.pieces.push(piece);
    top.length += s.length;
    return piece;
  };
  /** Records the element just opened as a piece awaiting its end tag. */
  const emitElement = (s: string): void => {
    const piece = emit(s, true);
    if (piece) pendingElement = { piece, depth };
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        depth++;
        if (skipAt >= 0) return;
        if (SKIP.has(name)) {
          skipAt = depth;
          if (record && name === 'w:rPr' && runs.length > 0 && runs[runs.length - 1]!.depth === depth - 1) propsStart = parser.startIndex;
          return;
        }
        switch (name) {
          case 'w:p': {
            let span: DocxParagraphSpan | null = null;
            if (record) {
              const selfClosing = xml.charCodeAt(parser.endIndex - 1) === 0x2f; // '/'
              span = { start: parser.startIndex, end: -1, contentStart: selfClosing ? -1 : parser.endIndex + 1 };
            }
            open.push({ parts: [], nested: [], pieces: record ? [] : null, length: 0, span, depth });
            break;
          }
          case 'w:r':
            if (record) runs.push({ span: { start: parser.startIndex, end: -1, props: '', atomic: false }, depth });
            break;
          case 'm:oMathPara':
          case 'm:oMath':
            if (record && math === null) math = { span: { start: parser.startIndex, end: -1, props: '', atomic: true }, depth };
            break;
          case 'w:tbl': {
            const outer = openTable();
            if (outer !== null && outer.cell !== null) outer.nested = true;
            tables.push({ rows: [], cell: null, nested: false });
            break;
          }
          case 'w:tr':
            openTable()?.rows.push({ before: 0, cells: [] });
            break;
          case 'w:gridBefore': {
            const row = openTable()?.rows.at(-1);
            if (row) row.before = spanCount(attribs['w:val']);
            break;
          }
          case 'w:tc': {
            const t = openTable();
            if (t === null) break;
            if (t.rows.length === 0) t.rows.push({ before: 0, cells: [] });
            const cell: DocxCell = { first: paragraphs.length, last: paragraphs.length, gridSpan: 1, vMerge: null };
            t.rows[t.rows.length - 1]!.cells.push(cell);
            t.cell = cell;
            break;
          }
          case 'w:gridSpan': {
            const cell = openTable()?.cell;
            if (cell) cell.gridSpan = spanCount(attribs['w:val']);
            break;
          }
          case 'w:vMerge': {
            const cell = openTable()?.cell;
            // No value, or `continue`, carries the cell above down; `restart` starts a merge.
            if (cell) cell.vMerge = attribs['w:val'] === 'restart' ? 'restart' : 'continue';
            break;
          }
          case 'w:t':
          case 'm:t':
            inText++;
            if (record && name === 'w:t') textTag = { start: parser.startIndex, end: parser.endIndex + 1, closeStart: -1, closeEnd: -1 };
            break;
          case 'w:tab':
          case 'w:ptab':
            emitElement('\t');
            break;
          case 'w:br':
          case 'w:cr':
            emitElement('\n');
            break;
          case 'w:noBreakHyphen':
            emitElement('-');
            break;
          case 'w:sym': {
            const hex = attribs['w:char'] ?? '';
            const code = /^[0-9A-Fa-f]{1,6}$/.test(hex) ? parseInt(hex, 16) : -1;
            if (code >= 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)) emitElement(String.fromCodePoint(code));
            break;
          }
          case 'mc:AlternateContent':
            alternates.push(false);
            break;
          case 'mc:Choice':
            // Consumers show the first choice they understand; every choice repeats the content.
            if (alternates.length > 0 && alternates[alternates.length - 1]) skipAt = depth;
            else if (alternates.length > 0) alternates[alternates.length - 1] = true;
            break;
          case 'mc:Fallback':
            // The fallback repeats the chosen content (a VML copy of a text box, say).
            if (alternates.length > 0 && alternates[alternates.length - 1]) skipAt = depth;
            break;
        }
      },
      ontext(data) {
        // Line feeds inside w:t are XML white space to Word; keep one line per paragraph.
        if (skipAt < 0 && inText > 0) emit(data.replace(/[\r\n]/g, ' '));
      },
      onclosetag(name) {
        if (skipAt >= 0) {
          if (skipAt === depth) {
            skipAt = -1;
            if (record) {
              const end = parser.endIndex + 1;
              if (name === 'w:rPr' && propsStart >= 0) runs[runs.length - 1]!.span.props = xml.slice(propsStart, end);
              const top = open[open.length - 1];
              if (name === 'w:pPr' && top?.span && top.depth === depth - 1 && top.span.contentStart >= 0) top.span.contentStart = end;
              propsStart = -1;
            }
          }
          depth--;
          return;
        }
        if (pendingElement !== null && pendingElement.depth === depth) {
          pendingElement.piece.xmlEnd = parser.endIndex + 1;
          pendingElement = null;
        }
        if (record) {
          if (name === 'w:r' && runs.length > 0 && runs[runs.length - 1]!.depth === depth) runs.pop()!.span.end = parser.endIndex + 1;
          if (math !== null && math.depth === depth) {
            math.span.end = parser.endIndex + 1;
            math = null;
          }
          if (name === 'w:t' && textTag !== null) {
            textTag.closeStart = parser.startIndex;
            textTag.closeEnd = parser.endIndex + 1;
            textTag = null;
          }
        }
        depth--;
        switch (name) {
          case 'w:p': {
            const done = open.pop();
            if (!done) break;
            if (done.span) done.span.end = parser.endIndex + 1;
            const outer = open[open.length - 1];
            const finished: FinishedParagraph = { text: done.parts.join(''), pieces: done.pieces, span: done.span };
            if (outer) {
              outer.nested.push(finished);
              for (const p of done.nested) outer.nested.push(p);
            } else {
              number(finished);
              for (const p of done.nested) number(p);
            }
            break;
          }
          case 'w:t':
          case 'm:t':
            if (inText > 0) inText--;
            break;
          case 'mc:AlternateContent':
            alternates.pop();
            break;
          case 'w:tc': {
            const t = openTable();
            if (t?.cell) {
              t.cell.last = paragraphs.length;
              t.cell = null;
            }
            break;
          }
          case 'w:tbl': {
            const t = tables.pop();
            if (t) done.push(t);
            break;
          }
        }
      },
    },
    { xmlMode: true },
  );
  parser.end(xml);
  return { paragraphs, tables: done, pieces, spans };
}

/**
 * The paragraphs of a `word/document.xml` (decoded) as `extractDocx` reads them, with where each
 * piece of their text is in the XML: the same walk, so positions cannot drift from the text.
 * @internal
 */
export function documentLayout(xml: string): DocxLayout {
  const { paragraphs, pieces, spans } = documentParagraphs(xml, true);
  return { paragraphs, pieces, spans };
}

/** A cell of a Word table: its paragraphs `[first, last)`, its `w:gridSpan` and `w:vMerge`. */
interface DocxCell {
  first: number;
  last: number;
  gridSpan: number;
  vMerge: 'restart' | 'continue' | null;
}

/** A Word table being read: rows (with their `w:gridBefore`), the open cell, whether a table sits inside it. */
interface DocxTable {
  rows: Array<{ before: number; cells: DocxCell[] }>;
  cell: DocxCell | null;
  nested: boolean;
}

/**
 * The Word tables as tables of the text: a cell spans from its first paragraph's start to its last
 * paragraph's end; `w:gridSpan` is its column span; a run of `w:vMerge` cells is one cell spanning
 * those rows (the continuing cells are not cells of their own, as in HTML). Layout tables (a table
 * inside a cell) and tables of one row or one column are left out.
 */
function sourceTables(tables: readonly DocxTable[], paragraphs: readonly string[], starts: readonly number[]): SourceTable[] {
  const out: SourceTable[] = [];
  const startOf = (i: number): number => starts[i] ?? starts[starts.length - 1] ?? 0;
  for (const t of tables) {
    if (t.nested) continue;
    const rows: SourceCell[][] = [];
    // For each grid column, the cell a vertical merge is carrying down, and its row.
    const merging = new Map<number, SourceCell>();
    for (const row of t.rows) {
      const cells: SourceCell[] = [];
      let col = 0;
      if (row.before > 0) {
        const at = row.cells[0] ? startOf(row.cells[0].first) : 0;
        cells.push({ range: { start: at, end: at }, colSpan: row.before, rowSpan: 1, header: false });
        col += row.before;
      }
      for (const c of row.cells) {
        const carried = c.vMerge === 'continue' ? merging.get(col) : undefined;
        if (carried) {
          carried.rowSpan++;
        } else {
          const start = startOf(c.first);
          const end = c.last > c.first ? startOf(c.last - 1) + paragraphs[c.last - 1]!.length : start;
          const cell: SourceCell = { range: { start, end }, colSpan: c.gridSpan, rowSpan: 1, header: false };
          cells.push(cell);
          for (let k = 0; k < c.gridSpan; k++) {
            if (c.vMerge === 'restart') merging.set(col + k, cell);
            else merging.delete(col + k);
          }
        }
        col += c.gridSpan;
      }
      rows.push(cells);
    }
    // A loop, not Math.max(...rows): a table of 150 000 rows would overflow the call stack.
    let width = 0;
    for (const r of t.rows) width = Math.max(width, r.before + r.cells.reduce((n, c) => n + c.gridSpan, 0));
    if (rows.filter((r) => r.length > 0).length >= 2 && width >= 2) out.push({ rows });
  }
  return out;
}

/** The `dc:title` of `docProps/core.xml`, trimmed, or undefined. */
function coreTitle(xml: string): string | undefined {
  let inTitle = 0;
  let done = false;
  const parts: string[] = [];
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === 'dc:title' && !done) inTitle++;
      },
      ontext(data) {
        if (inTitle > 0) parts.push(data);
      },
      onclosetag(name) {
        if (name === 'dc:title' && inTitle > 0 && --inTitle === 0) done = true;
      },
    },
    { xmlMode: true },
  );
  parser.end(xml);
  const title = parts.join('').trim();
  return title === '' ? undefined : title;
}

/** Extracts the paragraphs, text and title of a .docx, or throws a `DocxError` saying why not. */
export function extractDocx(bytes: Uint8Array): DocxText {
  const files = unzipParts(bytes);
  const doc = files[DOCUMENT];
  if (!doc) throw new DocxError(`not a .docx file (the zip archive has no ${DOCUMENT})`, 'not-docx');
  const { paragraphs, tables } = documentParagraphs(decodeXml(doc));
  const core = files[CORE];
  const title = core ? coreTitle(decodeXml(core)) : undefined;
  const paragraphStarts: number[] = [];
  let at = 0;
  for (const p of paragraphs) {
    paragraphStarts.push(at);
    at += p.length + 1;
  }
  return {
    paragraphs,
    text: paragraphs.join('\n'),
    paragraphStarts,
    page: title === undefined ? null : { title },
    tables: sourceTables(tables, paragraphs, paragraphStarts),
  };
}

// Positions are paragraph (line, 1-based) and character within it (column); an end offset at a
// paragraph boundary belongs to the paragraph before it.
/** A .docx as a report source, located by paragraph and character. */
export function loadDocx(path: string, bytes: Uint8Array): LoadedSource {
  const { text, paragraphStarts, page, tables } = extractDocx(bytes);
  const starts = paragraphStarts.length > 0 ? paragraphStarts : [0];
  return {
    path,
    format: 'docx',
    encoding: null,
    text,
    sourceText: text,
    page,
    tables,
    locate: paragraphLocate(text, starts),
  };
}
