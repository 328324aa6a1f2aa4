/**
 * Reads a PDF's text layer as a report, with pdf.js (through unpdf, which runs in Node and in
 * browsers alike). The shown text (`sourceText`) has one line per line of print, pages joined by
 * `\n`, and `pageStarts` says where each page starts, so findings are placed as page and line.
 * The checked text (`text`) is the same with the lines a paragraph wraps over joined again: a PDF
 * breaks a paragraph wherever the page's width ends, inside a figure (`12` / `0件`) as often as
 * between words, and the checker must read `120件` as one figure.
 *
 * unpdf is imported when a PDF is read, never before: it is most of a megabyte of pdf.js.
 * Fonts whose characters map to Unicode only through a predefined CJK CMap (no ToUnicode; rare
 * outside old print drivers) give no text here: pdf.js would need its CMap files, which are not
 * shipped.
 */
import { DecodeError } from './decode.js';
import { mappedSource, OffsetMap, type LoadedSource, type PageMetadata } from './source.js';

/** The part of pdf.js's text item read here (marked-content items have no `str`). */
interface PdfTextItem {
  str: string;
  /** The text matrix: `[a, b, c, d, x, y]`, x and y the start of the baseline. */
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

/** One line of print: its text and where it sits on the page (PDF units, y up). */
export interface PdfLine {
  text: string;
  /** Left and right edges of its text. */
  left: number;
  right: number;
  /** The baseline. */
  y: number;
  /** The font size (the text's height). */
  size: number;
}

/** Whether a character is set as wide in Chinese text: Han, CJK punctuation, full-width forms. */
function isWide(c: string | undefined): boolean {
  if (c === undefined || c === '') return false;
  const u = c.charCodeAt(0);
  return (
    (u >= 0x2e80 && u <= 0x9fff) || // radicals, CJK punctuation, kana, Han
    (u >= 0xf900 && u <= 0xfaff) || // compatibility ideographs
    (u >= 0xfe30 && u <= 0xfe4f) || // CJK compatibility forms
    (u >= 0xff00 && u <= 0xffef) || // full-width forms
    (u >= 0xd840 && u <= 0xd87f) || // high surrogates of the supplementary ideographic plane
    u === 0x2014 || // the dash Chinese text writes as ——
    u === 0x201c ||
    u === 0x201d ||
    u === 0x2018 ||
    u === 0x2019 ||
    u === 0x2026
  );
}

/**
 * A line's text made plain: controls dropped, blank runs folded to one space, and no space next
 * to a wide character. pdf.js inserts a space wherever glyphs stand apart (justified Chinese
 * text, a figure set in another font), and a space in Chinese text is never a word break.
 */
function tidyLine(raw: string): string {
  const folded = raw.replace(/[\u0000-\u0008\u000b-\u001f\u007f\u00ad\u200b\ufeff]/g, '').replace(/[ \u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, ' ');
  let out = '';
  for (let i = 0; i < folded.length; i++) {
    const c = folded[i]!;
    if (c === ' ' && (out === '' || isWide(out[out.length - 1]) || isWide(folded[i + 1]) || i === folded.length - 1 || out.endsWith('\t') || folded[i + 1] === '\t')) continue;
    out += c;
  }
  return out.trim();
}

/**
 * The text of one pdf.js item with letter-spacing undone. Letter-spaced glyphs (justified lines,
 * 分散对齐) stand a little apart, and pdf.js puts a space between them within the item: `1 2 0`
 * is the figure 120. A run of single digits (with . , %) joins up, and so does a run of three or
 * more single letters; `12 34` stays as it is. Only within an item: glyphs further apart than
 * pdf.js runs together (table columns) stay apart.
 */
function untrack(str: string): string {
  return str
    .replace(/(?<![\w.,%])[\d.,%](?: [\d.,%])+(?![\w.,%])/g, (run) => run.replace(/ /g, ''))
    .replace(/(?<![\w.,%])[A-Za-z](?: [A-Za-z]){2,}(?![\w.,%])/g, (run) => run.replace(/ /g, ''));
}

/**
 * The lines of one page, in the order pdf.js gives the text (the content stream's, which is the
 * reading order of the PDFs reports are: made from Word or WPS). A line ends where pdf.js says
 * one does (`hasEOL`) or where the baseline moves by more than half the font size; within a
 * line, a gap of over one em between glyphs is a tab (the columns of a table), a smaller one a
 * space between Latin letters or digits.
 */
export function pageLines(items: readonly PdfTextItem[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let cur: { parts: string[]; left: number; right: number; y: number; size: number } | null = null;
  let ended = false;
  const finish = (): void => {
    if (cur) {
      const text = tidyLine(cur.parts.join(''));
      if (text !== '') lines.push({ text, left: cur.left, right: cur.right, y: cur.y, size: cur.size });
    }
    cur = null;
  };
  for (const item of items) {
    const blank = item.str.trim() === '';
    if (!blank) {
      const [a = 1, b = 0, c = 0, d = 1, x = 0, y = 0] = item.transform;
      const size = item.height > 0 ? item.height : Math.hypot(c, d) || Math.hypot(a, b) || 1;
      if (cur !== null && (ended || Math.abs(y - cur.y) > Math.max(size, cur.size) / 2)) finish();
      if (cur === null) {
        cur = { parts: [untrack(item.str)], left: x, right: x + item.width, y, size };
      } else {
        const gap = x - cur.right;
        const before = cur.parts[cur.parts.length - 1]!;
        if (gap > Math.max(size, cur.size)) cur.parts.push('\t');
        else if (gap > 0.25 * size && !isWide(before[before.length - 1]) && !isWide(item.str[0])) cur.parts.push(' ');
        cur.parts.push(untrack(item.str));
        cur.left = Math.min(cur.left, x);
        cur.right = Math.max(cur.right, x + item.width);
        cur.size = Math.max(cur.size, size);
      }
      ended = false;
    }
    if (item.hasEOL) ended = true;
  }
  finish();
  return lines;
}

/** A line starting a numbered item (一、 (一) 1. 第一条), which starts a paragraph even when set flush left. */
const ITEM_START = /^(?:[一二三四五六七八九十]+、|[((][一二三四五六七八九十\d]+[))]|\d+[、..](?!\d)|第[一二三四五六七八九十百\d]+[章节条部分])/;

/**
 * Which line ends of a page are wraps inside a paragraph rather than its end: the line runs to
 * (within two and a half characters of) the right edge of the page's text, and the next one,
 * in the same size and no further below than the page's usual line spacing, starts at the left
 * edge (a new paragraph is indented, 首行缩进, or set apart by extra space) with no item number.
 * The right edge is the second furthest a line reaches, so that one wide line (a table row, a
 * stray footer) does not move it.
 */
export function wrappedLines(lines: readonly PdfLine[]): boolean[] {
  const wraps = lines.map(() => false);
  if (lines.length < 2) return wraps;
  const rights = lines.map((l) => l.right).sort((p, q) => q - p);
  const right = rights[1]!;
  let left = Infinity;
  for (const l of lines) left = Math.min(left, l.left);
  const sameSize = (a: PdfLine, b: PdfLine): boolean => Math.abs(a.size - b.size) <= 0.2 * a.size;
  // The usual distance between the baselines of two lines of a paragraph: the median.
  const gaps: number[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const gap = lines[i]!.y - lines[i + 1]!.y;
    if (gap > 0 && sameSize(lines[i]!, lines[i + 1]!)) gaps.push(gap);
  }
  gaps.sort((p, q) => p - q);
  const leading = gaps.length > 0 ? gaps[Math.floor((gaps.length - 1) / 2)]! : Infinity;
  for (let i = 0; i + 1 < lines.length; i++) {
    const a = lines[i]!;
    const b = lines[i + 1]!;
    const gap = a.y - b.y;
    const below = gap > 0 && gap <= Math.min(2.5 * a.size, leading * 1.25 + 0.5);
    const full = a.right >= right - 2.5 * a.size;
    const flush = b.left <= left + 0.5 * b.size;
    wraps[i] = sameSize(a, b) && below && full && flush && !a.text.includes('\t') && !b.text.includes('\t') && !ITEM_START.test(b.text);
  }
  return wraps;
}

/** A title worth showing: the info dict's, without the "Microsoft Word - 报告.docx" a printer driver writes. */
function cleanTitle(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const title = raw
    .replace(/^Microsoft (?:Word|PowerPoint|Excel) - /, '')
    .replace(/\.(?:docx?|wps|pdf)$/i, '')
    .trim();
  return title === '' ? undefined : title;
}

/** The text of a PDF: its shown text, its checked text (wraps joined) mapped back, page starts and title. */
export interface PdfText {
  sourceText: string;
  text: string;
  map: OffsetMap;
  pageStarts: number[];
  page: PageMetadata | null;
}

/**
 * Whether a PDF holds images (a scan is pages of them). An image is a stream object, never inside
 * a compressed object stream, so its dictionary is always in the file as written.
 */
function hasImages(bytes: Uint8Array): boolean {
  return /\/Subtype\s*\/Image\b/.test(new TextDecoder('latin1').decode(bytes));
}

/** What pdf.js throws for a file that needs a password to open. */
function isPasswordError(e: unknown): boolean {
  return (e as { name?: unknown } | null)?.name === 'PasswordException';
}

/** Extracts the text layer of a PDF, or throws a `DecodeError` saying why it cannot be read. */
export async function extractPdf(bytes: Uint8Array): Promise<PdfText> {
  const { getDocumentProxy } = await import('unpdf');
  // pdf.js may take ownership of (detach) the buffer it is given: the caller's bytes stay whole.
  const data = new Uint8Array(bytes);
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>> | undefined;
  const pages: PdfLine[][] = [];
  let title: string | undefined;
  try {
    // verbosity 0: errors only, so a damaged file does not print pdf.js's warnings on stderr.
    pdf = await getDocumentProxy(data, { verbosity: 0, stopAtErrors: false });
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      pages.push(pageLines(content.items.filter((i): i is typeof i & PdfTextItem => 'str' in i)));
      page.cleanup();
    }
    try {
      const meta = await pdf.getMetadata();
      title = cleanTitle((meta.info as Record<string, unknown> | undefined)?.Title);
    } catch {
      // A damaged info dictionary loses the title, not the text.
    }
  } catch (e) {
    if (e instanceof DecodeError) throw e;
    if (isPasswordError(e)) throw new DecodeError('the PDF is encrypted: it needs a password to open', 'encrypted');
    const why = e instanceof Error ? e.message : String(e);
    throw new DecodeError(`the PDF is damaged or not a PDF: ${why}`, 'damaged-pdf');
  } finally {
    await pdf?.destroy().catch(() => undefined);
  }

  const shown: string[] = [];
  const pageStarts: number[] = [];
  // Offsets in the shown text of the line ends that are wraps, dropped (or a space) in the checked text.
  const joins: number[] = [];
  let at = 0;
  pages.forEach((lines, p) => {
    if (p > 0) {
      shown.push('\n');
      at++;
    }
    pageStarts.push(at);
    const wraps = wrappedLines(lines);
    lines.forEach((line, i) => {
      if (i > 0) {
        shown.push('\n');
        at++;
      }
      shown.push(line.text);
      at += line.text.length;
      if (wraps[i]) joins.push(at);
    });
  });
  const sourceText = shown.join('');
  if (sourceText.trim() === '') {
    if (hasImages(bytes)) throw new DecodeError('the PDF has no text layer, only images (a scan?): there is no text to check', 'no-text-layer');
    throw new DecodeError('the PDF has no text', 'no-text');
  }

  // The checked text: each wrap's line break removed, or a space between two Latin letters (an
  // English word break the wrap stood for); every other unit maps to itself.
  const map = new OffsetMap();
  const parts: string[] = [];
  let from = 0;
  for (const j of joins) {
    parts.push(sourceText.slice(from, j));
    map.push(j - from, from, j);
    if (/[A-Za-z]/.test(sourceText[j - 1] ?? '') && /[A-Za-z]/.test(sourceText[j + 1] ?? '')) {
      parts.push(' ');
      map.push(1, j, j + 1);
    }
    from = j + 1;
  }
  parts.push(sourceText.slice(from));
  map.push(sourceText.length - from, from, sourceText.length);
  return { sourceText, text: parts.join(''), map, pageStarts, page: title === undefined ? null : { title } };
}

/** A PDF as a report source, located by line in its extracted text (and so by page and line). */
export async function loadPdf(path: string, bytes: Uint8Array): Promise<LoadedSource> {
  const { sourceText, text, map, pageStarts, page } = await extractPdf(bytes);
  return mappedSource({ path, format: 'pdf', encoding: null, text, sourceText, page, pageStarts }, map);
}
