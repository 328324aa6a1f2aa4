/**
 * A report file as the checker sees it: the text it reads, and how positions in that text map
 * back to the file the user gave (a plain text file maps one to one; an HTML page maps through
 * its tags and entities; a .docx maps to paragraph and character). Browser-safe.
 */
import { z } from 'zod';
import type { Range } from '../model/range.js';
import type { SourceTable } from '../model/table.js';
import { LineIndex } from '../text/line-index.js';

import type { SourceFormat } from './formats/facts.js';

export { SourceFormatSchema, type SourceFormat } from './formats/facts.js';

/**
 * Metadata a file carries outside the report's text: a government page's info table and meta
 * tags (名称, 发布机构, 成文日期, 发布日期, 索引号, 文号), or a .docx's core properties.
 */
export const PageMetadataSchema = z.object({
  /** 名称: the document's name. */
  title: z.string().optional(),
  /** 发布机构: the body that published it. */
  publisher: z.string().optional(),
  /** 成文日期, as written on the page. */
  dateWritten: z.string().optional(),
  /** 发布日期, as written on the page. */
  datePublished: z.string().optional(),
  /** 索引号: the government information disclosure index number. */
  indexNumber: z.string().optional(),
  /** 文号: the document number. */
  documentNumber: z.string().optional(),
});
/** Metadata a file carries outside the report's text. */
export type PageMetadata = z.infer<typeof PageMetadataSchema>;

/** A place in the file the user gave: UTF-16 offset and 1-based line and column. */
export interface SourceLocation {
  offset: number;
  line: number;
  column: number;
}

/** A report file ready to check. */
export interface LoadedSource {
  /** The path the user gave (or `<stdin>`). */
  path: string;
  format: SourceFormat;
  /** How the bytes were decoded (`utf-8`, `gb18030`, …); null for .docx. */
  encoding: string | null;
  /** The text the checker reads. */
  text: string;
  /**
   * The text positions are reported in and code frames show: the file's own text for plain
   * text and HTML; for a .docx (which is not text) the extracted text, one line per paragraph.
   */
  sourceText: string;
  /** Metadata found outside the report's text, or null. */
  page: PageMetadata | null;
  /** Tables the file gives as tables (HTML `<table>`), cells placed in `text`; absent for plain text. */
  tables?: SourceTable[];
  /**
   * For a paged file (PDF): the offset in `sourceText` where each page starts, ascending, the
   * first 0. Positions are then said as page and line within the page (see `report/place.ts`).
   */
  pageStarts?: number[];
  /**
   * Where an offset of `text` sits in the file. `side` says whether the offset starts a range
   * (maps to where that character starts) or ends one (maps to where the previous one ends).
   */
  locate(offset: number, side: 'start' | 'end'): SourceLocation;
}

/** A plain text file: positions in the checked text are positions in the file. */
export function textSource(path: string, text: string, encoding: string | null = 'utf-8'): LoadedSource {
  let index: LineIndex | undefined;
  return {
    path,
    format: 'text',
    encoding,
    text,
    sourceText: text,
    page: null,
    locate(offset) {
      index ??= new LineIndex(text);
      return { offset, ...index.position(offset) };
    },
  };
}

/**
 * Where each unit of an extracted text came from in its file: for every UTF-16 unit, the file
 * offsets where it starts and ends. Built in one pass while extracting, so look-ups are O(1)
 * whatever was folded on the way (entities, collapsed white space, inserted line breaks).
 */
export class OffsetMap {
  private starts = new Uint32Array(1024);
  private ends = new Uint32Array(1024);
  private size = 0;

  /** Number of text units mapped so far. */
  get length(): number {
    return this.size;
  }

  /**
   * Maps the next `count` text units. When `count` equals `sourceEnd - sourceStart` each unit
   * maps to its own source unit; otherwise (an entity, a folded run, an inserted break) every
   * unit maps to the whole source span.
   */
  push(count: number, sourceStart: number, sourceEnd: number): void {
    if (count <= 0) return;
    this.grow(this.size + count);
    const oneToOne = count === sourceEnd - sourceStart;
    for (let i = 0; i < count; i++) {
      this.starts[this.size] = oneToOne ? sourceStart + i : sourceStart;
      this.ends[this.size] = oneToOne ? sourceStart + i + 1 : sourceEnd;
      this.size++;
    }
  }

  /** Drops mapped units after `length` (when extracted text is trimmed). */
  truncate(length: number): void {
    this.size = Math.min(this.size, Math.max(0, length));
  }

  /** The file offset for a text offset that starts (`start`) or ends (`end`) a range. */
  toSource(offset: number, side: 'start' | 'end'): number {
    if (this.size === 0) return 0;
    const o = Math.max(0, Math.min(offset, this.size));
    if (side === 'start') return o < this.size ? this.starts[o]! : this.ends[this.size - 1]!;
    return o > 0 ? this.ends[o - 1]! : this.starts[0]!;
  }

  private grow(needed: number): void {
    if (needed <= this.starts.length) return;
    let cap = this.starts.length;
    while (cap < needed) cap *= 2;
    const s = new Uint32Array(cap);
    s.set(this.starts.subarray(0, this.size));
    const e = new Uint32Array(cap);
    e.set(this.ends.subarray(0, this.size));
    this.starts = s;
    this.ends = e;
  }
}

/** A file whose text was extracted from markup: positions map through `map` into `sourceText`. */
export function mappedSource(fields: Omit<LoadedSource, 'locate'>, map: OffsetMap): LoadedSource {
  let index: LineIndex | undefined;
  return {
    ...fields,
    locate(offset, side) {
      index ??= new LineIndex(fields.sourceText);
      const at = map.toSource(offset, side);
      return { offset: at, ...index.position(at) };
    },
  };
}

/** A range of checked text located in the file: start and end offsets, lines and columns. */
export interface LocatedRange {
  range: Range;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Locates a range of the checked text in the file. */
export function locateRange(source: LoadedSource, range: Range): LocatedRange {
  const start = source.locate(range.start, 'start');
  const end = range.end > range.start ? source.locate(range.end, 'end') : start;
  return { range: { start: start.offset, end: Math.max(start.offset, end.offset) }, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}
