/**
 * Writes a commented copy of a Word .docx: one Word comment (批注) per note, anchored on the
 * characters of the note's range in the text `extractDocx` reads from the same bytes. Only
 * `word/document.xml`, the comments part, `word/_rels/document.xml.rels` and
 * `[Content_Types].xml` change; every other part is copied as it was. Browser-safe: fflate
 * unzips and zips, htmlparser2 reads the few XML attributes needed.
 *
 * Positions come from docx.ts's own walk (`documentLayout`), so a note's range lands on exactly
 * the characters that walk produced, through runs, entities, tabs, hyperlinks and table cells.
 */
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { Parser } from 'htmlparser2';
import { decodeXmlPart, documentLayout, DocxError, type DocxLayout, type DocxRunSpan, type DocxTextElement, type XmlEncoding } from './docx.js';
import { firstNotBefore } from '../text/bisect.js';
import { lastAtOrBefore } from '../text/search.js';

/** One comment to place: `range` is in the text `extractDocx` (src/io/docx.ts) gives for the same bytes. */
export interface DocxNote {
  range: { start: number; end: number };
  /** The comment's body; `\n` separates its paragraphs. */
  text: string;
}

/** Who wrote the comments and when, as Word shows them. */
export interface AnnotateOptions {
  /** The comments' author (default `jiaohe`). */
  author?: string;
  /** The author's initials (default `JH`). */
  initials?: string;
  /** When the comments were made, ISO 8601 (e.g. `2024-03-01T09:00:00Z`); none written by default. */
  date?: string;
  /**
   * The text the notes' ranges were read in (`extractDocx(bytes).text` when they were found): a
   * file whose text differs, changed since it was checked, is refused (`DocxError` code `changed`)
   * rather than commented in the wrong places. Compared on the walk the comments are placed with.
   */
  expectedText?: string;
}

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const COMMENTS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const STYLES_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles';
/** Strict Open XML (Word's "Strict Open XML Document") names the same things otherwise. */
const STRICT_W_NS = 'http://purl.oclc.org/ooxml/wordprocessingml/main';
const STRICT_COMMENTS_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships/comments';
const STRICT_STYLES_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships/styles';
const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';
const DOCUMENT = 'word/document.xml';
const DOCUMENT_RELS = 'word/_rels/document.xml.rels';
const CONTENT_TYPES = '[Content_Types].xml';
/**
 * Most bytes the whole package may decompress to. Every part has to be inflated to be written
 * again (fflate cannot copy a compressed entry as it is), pictures included, so the bound is
 * wider than the reader's 64 MB of XML but still stops a zip bomb before it is inflated.
 */
const MAX_PACKAGE_BYTES = 256 * 1024 * 1024;
/** Smallest central directory entry: a bound on how many entries a zip of n bytes can hold. */
const MIN_ENTRY = 46;

/** A part of the package as read: its bytes and whether it was stored uncompressed. */
interface Part {
  name: string;
  data: Uint8Array;
  stored: boolean;
}

/** The same .docx with one Word comment per note. */
export function annotateDocx(bytes: Uint8Array, notes: readonly DocxNote[], options: AnnotateOptions = {}): Uint8Array {
  const parts = readPackage(bytes);
  const byName = new Map<string, Part>();
  for (const p of parts) byName.set(p.name.toLowerCase(), p);
  const docPart = byName.get(DOCUMENT);
  if (!docPart) throw new DocxError(`not a .docx file (the zip archive has no ${DOCUMENT})`, 'not-docx');
  const typesPart = byName.get(CONTENT_TYPES.toLowerCase());
  if (!typesPart) throw new DocxError(`the .docx file is damaged: it has no ${CONTENT_TYPES}`, 'damaged');

  const doc = decodeXmlPart(docPart.data);
  const layout = documentLayout(doc.text);
  if (options.expectedText !== undefined && layout.paragraphs.join('\n') !== options.expectedText) {
    throw new DocxError('the document is not the one its notes were read from: its text has changed', 'changed');
  }
  const strict = rootAttributes(doc.text)['xmlns:w'] === STRICT_W_NS;
  const wNs = strict ? STRICT_W_NS : W_NS;
  const commentsType = strict ? STRICT_COMMENTS_REL : COMMENTS_REL;
  const relsPart = byName.get(DOCUMENT_RELS);
  const relsXml = relsPart ? decodeXmlPart(relsPart.data) : null;
  const rels = relsXml ? readRelationships(relsXml.text) : null;

  // The comments part already referenced by the document, if any: new comments join it.
  const commentsRel = rels?.list.find((r) => (r.type === COMMENTS_REL || r.type === STRICT_COMMENTS_REL) && !r.external) ?? null;
  const existingName = commentsRel ? resolveTarget(commentsRel.target) : null;
  const existing = existingName ? byName.get(existingName.toLowerCase()) ?? null : null;
  const existingXml = existing ? decodeXmlPart(existing.data) : null;

  const stylesRel = rels?.list.find((r) => (r.type === STYLES_REL || r.type === STRICT_STYLES_REL) && !r.external);
  const stylesName = stylesRel ? resolveTarget(stylesRel.target) : null;
  const stylesPart = stylesName ? byName.get(stylesName.toLowerCase()) : undefined;
  const styles = stylesPart ? definedStyles(decodeXmlPart(stylesPart.data).text) : new Set<string>();

  // No note, no comment: the package as it came (checked above to be a .docx).
  if (notes.length === 0) return new Uint8Array(bytes);
  const firstId = Math.max(largestCommentId(doc.text), existingXml ? largestCommentId(existingXml.text) : -1) + 1;
  const placed = placeNotes(layout, notes, firstId);
  const newDoc = writeMarkers(doc.text, placed, styles.has('CommentReference'));

  const author = attributeText(options.author ?? 'jiaohe');
  const initials = attributeText(options.initials ?? 'JH');
  const date = options.date === undefined ? null : isoDate(options.date);
  const comments = placed
    .map((p) => p.note)
    .sort((a, b) => a.id - b.id)
    .map((n) => commentXml(n.id, n.text, author, initials, date, styles));

  const changed = new Map<string, Uint8Array>();
  changed.set(docPart.name, encodeXml(newDoc, doc.encoding));
  let added: Part | null = null;
  if (existing && existingXml) {
    changed.set(existing.name, encodeXml(appendComments(existingXml.text, comments.join(''), wNs), existingXml.encoding));
  } else {
    // A relationship to a comments part the zip lacks is mended by writing the part it names,
    // not by a second relationship.
    const name = existingName ?? freshPartName(byName);
    const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:comments xmlns:w="${wNs}">${comments.join('')}</w:comments>`;
    added = { name, data: new TextEncoder().encode(xml), stored: false };
    const target = name.slice('word/'.length);
    if (existingName) {
      // Already related.
    } else if (relsPart && relsXml && rels) {
      changed.set(relsPart.name, encodeXml(addRelationship(relsXml.text, rels, target, commentsType), relsXml.encoding));
    } else {
      const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="${REL_NS}"><Relationship Id="rId1" Type="${commentsType}" Target="${target}"/></Relationships>`;
      parts.push({ name: DOCUMENT_RELS, data: new TextEncoder().encode(xml), stored: false });
    }
  }
  const commentsName = existing ? existing.name : added!.name;
  const types = decodeXmlPart(typesPart.data);
  const newTypes = addOverride(types.text, `/${commentsName}`);
  if (newTypes !== types.text) changed.set(typesPart.name, encodeXml(newTypes, types.encoding));
  if (added) parts.push(added);

  const out: Zippable = {};
  for (const p of parts) {
    const data = changed.get(p.name) ?? p.data;
    out[p.name] = [data, { level: p.stored ? 0 : 6 }];
  }
  return zipSync(out);
}

// ---------------------------------------------------------------------------------------------
// Reading and writing the package

/** Every part of the zip, in archive order, refusing what is not a zip or would inflate too far. */
function readPackage(bytes: Uint8Array): Part[] {
  if (!(bytes instanceof Uint8Array) || bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) {
    throw new DocxError('not a .docx file (not a zip archive)', 'not-docx');
  }
  const maxEntries = Math.floor(bytes.length / MIN_ENTRY) + 1;
  const stored = new Map<string, boolean>();
  let entries = 0;
  let total = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter(file) {
        if (++entries > maxEntries) throw new DocxError('the .docx file is truncated or damaged: its zip directory is corrupt', 'damaged');
        total += file.compression === 0 ? file.size : file.originalSize;
        if (total > MAX_PACKAGE_BYTES) {
          const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);
          throw new DocxError(
            `the .docx file was refused: its parts would decompress to ${mb(total)} MB, over the ${mb(MAX_PACKAGE_BYTES)} MB limit`,
            'too-large',
            { part: file.name, size: total, limit: MAX_PACKAGE_BYTES, fileSize: bytes.length },
          );
        }
        stored.set(file.name, file.compression === 0);
        return true;
      },
    });
  } catch (e) {
    if (e instanceof DocxError) throw e;
    const why = e instanceof Error ? e.message : String(e);
    throw new DocxError(`the .docx file is truncated or damaged: ${why}`, 'damaged');
  }
  return Object.keys(files).map((name) => ({ name, data: files[name]!, stored: stored.get(name) ?? false }));
}

/** XML written back in the encoding its part was read in (decodeXmlPart). */
function encodeXml(text: string, encoding: XmlEncoding): Uint8Array {
  if (encoding === 'utf-8') return new TextEncoder().encode(text);
  if (encoding === 'utf-8-bom') {
    const body = new TextEncoder().encode(text);
    const out = new Uint8Array(body.length + 3);
    out.set([0xef, 0xbb, 0xbf]);
    out.set(body, 3);
    return out;
  }
  const out = new Uint8Array(2 + text.length * 2);
  const le = encoding === 'utf-16le';
  out[0] = le ? 0xff : 0xfe;
  out[1] = le ? 0xfe : 0xff;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + 2 * i] = le ? c & 0xff : c >> 8;
    out[3 + 2 * i] = le ? c >> 8 : c & 0xff;
  }
  return out;
}

/** A relationship of `document.xml.rels`. */
interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** The relationships and the root element's name (its prefix is reused for a new one). */
function readRelationships(xml: string): { list: Relationship[]; root: string } {
  const list: Relationship[] = [];
  let root = '';
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (root === '') root = name;
        if (localName(name) === 'Relationship') {
          list.push({ id: attribs.Id ?? '', type: attribs.Type ?? '', target: attribs.Target ?? '', external: attribs.TargetMode === 'External' });
        }
      },
    },
    { xmlMode: true },
  );
  parser.end(xml);
  return { list, root };
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** A relationship target of `word/document.xml` as a part name (relative to `word/`, or absolute). */
function resolveTarget(target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : `word/${target}`;
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

/** `word/comments.xml`, or a name no part has yet (a stray comments part nobody references). */
function freshPartName(byName: ReadonlyMap<string, Part>): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? 'word/comments.xml' : `word/comments${n}.xml`;
    if (!byName.has(name)) return name;
  }
}

/** The rels XML with a comments relationship added under an id none has. */
function addRelationship(xml: string, rels: { list: Relationship[]; root: string }, target: string, type: string): string {
  if (rels.root === '') throw new DocxError(`the .docx file is damaged: its ${DOCUMENT_RELS} has no root element`, 'damaged');
  const used = new Set(rels.list.map((r) => r.id));
  let n = 1;
  for (const r of rels.list) {
    const m = /^rId(\d+)$/.exec(r.id);
    if (m) n = Math.max(n, Number(m[1]) + 1);
  }
  while (used.has(`rId${n}`)) n++;
  const prefix = rels.root.includes(':') ? rels.root.slice(0, rels.root.indexOf(':') + 1) : '';
  const element = `<${prefix}Relationship Id="rId${n}" Type="${type}" Target="${escapeXml(target)}"/>`;
  return insertBeforeRootEnd(xml, rels.root, element);
}

/** `[Content_Types].xml` with an Override for the part, unless it has one already. */
function addOverride(xml: string, partName: string): string {
  let root = '';
  let has = false;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (root === '') root = name;
        if (localName(name) === 'Override' && (attribs.PartName ?? '').toLowerCase() === partName.toLowerCase()) has = true;
      },
    },
    { xmlMode: true },
  );
  parser.end(xml);
  if (has) return xml;
  if (root === '') throw new DocxError(`the .docx file is damaged: its ${CONTENT_TYPES} has no root element`, 'damaged');
  const prefix = root.includes(':') ? root.slice(0, root.indexOf(':') + 1) : '';
  return insertBeforeRootEnd(xml, root, `<${prefix}Override PartName="${escapeXml(partName)}" ContentType="${COMMENTS_TYPE}"/>`);
}

/** Inserts XML as the last child of the root element, opening an empty `<root/>` if need be. */
function insertBeforeRootEnd(xml: string, root: string, content: string): string {
  const close = `</${root}>`;
  const at = xml.lastIndexOf(close);
  if (at >= 0) return xml.slice(0, at) + content + xml.slice(at);
  // An empty root written as `<root …/>`: the last `/>` closes it (nothing follows but white space).
  const selfClose = xml.lastIndexOf('/>');
  if (selfClose >= 0 && xml.slice(selfClose + 2).trim() === '') return `${xml.slice(0, selfClose)}>${content}${close}${xml.slice(selfClose + 2)}`;
  throw new DocxError(`the .docx file is damaged: a part has no closing </${root}>`, 'damaged');
}

/** An existing comments part with more comments at its end; they bring their own `w` binding when the root's differs. */
function appendComments(xml: string, comments: string, wNs: string): string {
  const root = rootName(xml);
  if (root === '') throw new DocxError('the .docx file is damaged: its comments part has no root element', 'damaged');
  const wBound = rootAttributes(xml)['xmlns:w'] === wNs;
  const content = wBound ? comments : comments.replace(/<w:comment /g, `<w:comment xmlns:w="${wNs}" `);
  return insertBeforeRootEnd(xml, root, content);
}

/** The name of a part's root element, or ''. */
function rootName(xml: string): string {
  return firstElement(xml).name;
}

/** The attributes of a part's root element (namespace declarations included). */
function rootAttributes(xml: string): Record<string, string> {
  return firstElement(xml).attribs;
}

function firstElement(xml: string): { name: string; attribs: Record<string, string> } {
  let found: { name: string; attribs: Record<string, string> } | null = null;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (found === null) {
          found = { name, attribs };
          // Only the root is wanted: stop reading a part that may be megabytes long.
          parser.pause();
        }
      },
    },
    { xmlMode: true },
  );
  parser.end(xml);
  return found ?? { name: '', attribs: {} };
}

/** The largest comment id used in a part (markers or comments), or -1. */
function largestCommentId(xml: string): number {
  let max = -1;
  const re = /<w:comment(?:RangeStart|RangeEnd|Reference)?\b[^>]*?\bw:id\s*=\s*["'](-?\d+)["']/g;
  for (let m = re.exec(xml); m !== null; m = re.exec(xml)) max = Math.max(max, Number(m[1]));
  return max;
}

/** The style ids a styles part defines. */
function definedStyles(xml: string): Set<string> {
  const ids = new Set<string>();
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === 'w:style' && attribs['w:styleId']) ids.add(attribs['w:styleId']);
      },
    },
    { xmlMode: true },
  );
  parser.end(xml);
  return ids;
}

// ---------------------------------------------------------------------------------------------
// Comments

/** Characters XML 1.0 cannot hold (controls but tab and line breaks, U+FFFE/U+FFFF); surrogate pairs are matched whole to keep them. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]/g;

function escapeXml(s: string): string {
  // A pair is kept; a lone surrogate goes (no lookbehind: older Safari cannot parse one).
  return s
    .replace(NOT_XML, (m) => (m.length === 2 ? m : ''))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** An attribute value: escaped, on one line. */
function attributeText(s: string): string {
  return escapeXml(s.replace(/[\t\r\n]+/g, ' '));
}

/** An ISO date as Word writes it (`2024-03-01T09:00:00Z`): a date alone is midnight UTC, fractions of a second dropped. */
function isoDate(date: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(:\d{2})?(?:\.\d+)?(Z|[+-]\d{2}:\d{2})?)?$/.exec(date.trim());
  if (!m) throw new RangeError(`annotateDocx: date must be an ISO 8601 date or date and time, not ${JSON.stringify(date)}`);
  if (m[2] === undefined) return `${m[1]}T00:00:00Z`;
  return `${m[1]}T${m[2]}${m[3] ?? ':00'}${m[4] ?? ''}`;
}

/** One `w:comment`: a paragraph per line, the first led by the annotation mark as Word writes it. */
function commentXml(id: number, text: string, author: string, initials: string, date: string | null, styles: ReadonlySet<string>): string {
  const pPr = styles.has('CommentText') ? '<w:pPr><w:pStyle w:val="CommentText"/></w:pPr>' : '';
  const refPr = styles.has('CommentReference') ? '<w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>' : '';
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const paragraphs = lines.map((line, i) => {
    const lead = i === 0 ? `<w:r>${refPr}<w:annotationRef/></w:r>` : '';
    // A tab is an element in a run, not a character of w:t.
    const runs = line === '' ? '' : `<w:r>${line.split('\t').map((piece, k) => (k > 0 ? '<w:tab/>' : '') + (piece === '' ? '' : `<w:t xml:space="preserve">${escapeXml(piece)}</w:t>`)).join('')}</w:r>`;
    return `<w:p>${pPr}${lead}${runs}</w:p>`;
  });
  const dateAttr = date === null ? '' : ` w:date="${escapeXml(date)}"`;
  return `<w:comment w:id="${id}" w:author="${author}"${dateAttr} w:initials="${initials}">${paragraphs.join('')}</w:comment>`;
}

// ---------------------------------------------------------------------------------------------
// Anchoring

/**
 * A place in the document XML where markers go. `outside`: between runs (beside a run, or at a
 * paragraph's content start); `between`: between two children of a run, which is split there;
 * `text`: inside a `w:t`'s text, where the `w:t` and its run are split.
 */
interface Point {
  at: number;
  mode: 'outside' | 'between' | 'text';
  run: DocxRunSpan | null;
  textTag: DocxTextElement | null;
}

interface PlacedNote {
  note: { id: number; text: string };
  start: Point;
  end: Point;
}

/**
 * Where each note's comment starts and ends. Ids follow document order (start, then the longer
 * range first, then the order given) so nested ranges open outer-first, and comments.xml lists
 * them as they read.
 */
function placeNotes(layout: DocxLayout, notes: readonly DocxNote[], firstId: number): PlacedNote[] {
  const { paragraphs, pieces, spans } = layout;
  const starts: number[] = [];
  let at = 0;
  for (const p of paragraphs) {
    starts.push(at);
    at += p.length + 1;
  }
  const textLength = Math.max(0, at - 1);
  const globalStart = pieces.map((p) => starts[p.paragraph]! + p.offset);
  // The first and last piece of each run: a boundary there goes beside the run, not into it.
  const first = new Map<DocxRunSpan, number>();
  const last = new Map<DocxRunSpan, number>();
  pieces.forEach((p, i) => {
    if (!p.run) return;
    if (!first.has(p.run)) first.set(p.run, i);
    last.set(p.run, i);
  });
  // Pieces of each paragraph, [from, to): for a note anchored on a whole paragraph.
  const paragraphPieces = paragraphs.map(() => ({ from: -1, to: -1 }));
  pieces.forEach((p, i) => {
    const r = paragraphPieces[p.paragraph]!;
    if (r.from < 0) r.from = i;
    r.to = i + 1;
  });

  // A boundary inside an entity moves to its edge, covering the whole entity: the start back,
  // the end forward. At the edge of a w:t's text the run is cut beside the w:t, not inside it
  // (no empty w:t), and at the edge of the run the markers go beside the run.
  const startPoint = (i: number, k: number): Point => {
    const p = pieces[i]!;
    // Text outside any run (not valid WordprocessingML, but read) is marked beside its w:t.
    if (!p.run || p.run.atomic) return outside(p.run ? p.run.start : (p.textTag?.start ?? p.xmlStart));
    if (k > 0 && p.exact) return { at: p.xmlStart + k, mode: 'text', run: p.run, textTag: p.textTag };
    if (first.get(p.run) === i) return outside(p.run.start);
    if (!p.textTag) return { at: p.xmlStart, mode: 'between', run: p.run, textTag: null };
    if (p.xmlStart === p.textTag.end) return { at: p.textTag.start, mode: 'between', run: p.run, textTag: null };
    return { at: p.xmlStart, mode: 'text', run: p.run, textTag: p.textTag };
  };
  const endPoint = (i: number, k: number): Point => {
    const p = pieces[i]!;
    if (!p.run || p.run.atomic) return outside(p.run ? p.run.end : (p.textTag?.closeEnd ?? p.xmlEnd));
    if (k < p.length && p.exact) return { at: p.xmlStart + k, mode: 'text', run: p.run, textTag: p.textTag };
    if (last.get(p.run) === i) return outside(p.run.end);
    if (!p.textTag) return { at: p.xmlEnd, mode: 'between', run: p.run, textTag: null };
    if (p.xmlEnd === p.textTag.closeStart) return { at: p.textTag.closeEnd, mode: 'between', run: p.run, textTag: null };
    return { at: p.xmlEnd, mode: 'text', run: p.run, textTag: p.textTag };
  };
  /** The first piece starting at or after `offset`. */
  const pieceFrom = (offset: number): number => firstNotBefore(pieces.length, (i) => globalStart[i]! < offset);
  /** The first piece ending after `offset`. */
  const pieceAfter = (offset: number): number => firstNotBefore(pieces.length, (i) => globalStart[i]! + pieces[i]!.length <= offset);
  const paragraphAt = (offset: number): number => {
    return lastAtOrBefore(starts, offset);
  };
  /** The whole paragraph holding the offset, or the nearest one with text before it, else after. */
  const wholeParagraph = (offset: number): { start: Point; end: Point } => {
    if (pieces.length === 0) {
      // No text anywhere: an empty comment at the first paragraph that can hold one.
      const span = spans.find((s) => s.contentStart >= 0);
      if (!span) throw new DocxError('the .docx document has no paragraph a comment could be placed in', 'damaged');
      return { start: outside(span.contentStart), end: outside(span.contentStart) };
    }
    const p = paragraphAt(offset);
    let q = -1;
    for (let j = p; j >= 0 && q < 0; j--) if (paragraphPieces[j]!.from >= 0) q = j;
    for (let j = p + 1; j < paragraphs.length && q < 0; j++) if (paragraphPieces[j]!.from >= 0) q = j;
    const { from, to } = paragraphPieces[q]!;
    return { start: startPoint(from, 0), end: endPoint(to - 1, pieces[to - 1]!.length) };
  };

  const order = notes
    .map((note, index) => {
      const a = clampOffset(note.range.start, textLength);
      const b = clampOffset(note.range.end, textLength);
      return { note, index, start: Math.min(a, b), end: Math.max(a, b) };
    })
    .sort((x, y) => x.start - y.start || y.end - x.end || x.index - y.index);
  return order.map((n, k) => {
    const id = firstId + k;
    const text = String(n.note.text ?? '');
    const i = pieceAfter(n.start);
    if (n.start < n.end && i < pieces.length && globalStart[i]! < n.end) {
      // The last piece starting before the end (the end may fall on a paragraph break).
      const j = pieceFrom(n.end) - 1;
      const start = startPoint(i, n.start - globalStart[i]!);
      let end = endPoint(j, Math.min(pieces[j]!.length, n.end - globalStart[j]!));
      // Text order is not XML order around a text box (its paragraphs follow the paragraph it
      // sits in): a range from after one into it would end before it starts. Word wants the
      // start first, so such a range keeps only its first piece.
      if (end.at <= start.at) end = endPoint(i, pieces[i]!.length);
      return { note: { id, text }, start, end };
    }
    return { note: { id, text }, ...wholeParagraph(n.start) };
  });
}

function outside(at: number): Point {
  return { at, mode: 'outside', run: null, textTag: null };
}

function clampOffset(n: number, max: number): number {
  if (!Number.isFinite(n)) throw new RangeError(`annotateDocx: a note's range must be of finite offsets, not ${String(n)}`);
  return Math.max(0, Math.min(Math.trunc(n), max));
}

/** The document XML with every note's markers in place and the runs split where they must be. */
function writeMarkers(xml: string, placed: readonly PlacedNote[], referenceStyle: boolean): string {
  interface Slot {
    point: Point;
    /** Ends of comments that started at another point (inner first), starts (outer first), ends of empty ones. */
    ends: number[];
    begins: number[];
    empties: number[];
  }
  const slots = new Map<number, Slot>();
  const slot = (p: Point): Slot => {
    let s = slots.get(p.at);
    if (!s) {
      s = { point: p, ends: [], begins: [], empties: [] };
      slots.set(p.at, s);
    }
    return s;
  };
  for (const { note, start, end } of placed) {
    if (start.at === end.at) {
      slot(start).empties.push(note.id);
    } else {
      slot(start).begins.push(note.id);
      slot(end).ends.push(note.id);
    }
  }
  const refPr = referenceStyle ? '<w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>' : '';
  const rangeEnd = (id: number): string => `<w:commentRangeEnd w:id="${id}"/><w:r>${refPr}<w:commentReference w:id="${id}"/></w:r>`;
  const rangeStart = (id: number): string => `<w:commentRangeStart w:id="${id}"/>`;

  const edits: Array<{ at: number; remove: number; insert: string }> = [];
  const preserved = new Set<number>();
  for (const s of slots.values()) {
    const markers =
      [...s.ends].sort((a, b) => b - a).map(rangeEnd).join('') +
      [...s.begins].sort((a, b) => a - b).map(rangeStart).join('') +
      [...s.empties].sort((a, b) => a - b).map((id) => rangeStart(id) + rangeEnd(id)).join('');
    const { point } = s;
    let insert = markers;
    if (point.mode === 'between') {
      insert = `</w:r>${markers}<w:r>${point.run!.props}`;
    } else if (point.mode === 'text') {
      insert = `</w:t></w:r>${markers}<w:r>${point.run!.props}<w:t xml:space="preserve">`;
      const tag = point.textTag!;
      if (!preserved.has(tag.start)) {
        preserved.add(tag.start);
        // The first half keeps its own start tag: it must keep spaces at its new end too.
        const old = xml.slice(tag.start, tag.end);
        const fixed = preserveSpaces(old);
        if (fixed !== old) edits.push({ at: tag.start, remove: tag.end - tag.start, insert: fixed });
      }
    }
    edits.push({ at: point.at, remove: 0, insert });
  }
  // At one position an insertion goes before a replaced start tag: a cut between two w:t of a
  // run sits just before the second w:t's tag, which another cut inside its text may rewrite.
  edits.sort((a, b) => a.at - b.at || a.remove - b.remove);
  const out: string[] = [];
  let pos = 0;
  for (const e of edits) {
    out.push(xml.slice(pos, e.at), e.insert);
    pos = e.at + e.remove;
  }
  out.push(xml.slice(pos));
  return out.join('');
}

/** A `w:t` start tag with `xml:space="preserve"`. */
function preserveSpaces(tag: string): string {
  if (/\bxml:space\s*=\s*(["'])preserve\1/.test(tag)) return tag;
  if (/\bxml:space\s*=/.test(tag)) return tag.replace(/\bxml:space\s*=\s*(["'])[^"']*\1/, 'xml:space="preserve"');
  return tag.replace(/\s*>$/, ' xml:space="preserve">');
}

