/**
 * Finds the tables pasted into a report as text, in one pass over its lines: regions of lines
 * with ` | ` (a row per line, or a cell per line), regions of short lines that hold one cell each,
 * and rows whose cells are separated by tabs or runs of spaces. The model is src/model/table.ts.
 */
import type { Range } from '../../model/range.js';
import { splitLines } from '../lines.js';
import type { Quantity } from '../../model/quantity.js';
import type { SourceTable, Table } from '../../model/table.js';
import { gridTables } from './grid.js';
import { assembleRegion, type TableDraft } from './assemble.js';
import { isValueKind, rawCell } from './cells.js';
import { CellStream, moveSerials, type RegionItem } from './items.js';
import { lineItem, pipeCells } from './pipe.js';
import { headerTokens, spacedRow } from './spaced.js';

export { tableAt, tableCellAt, tableRanges, tablesWithin } from './lookup.js';

/** A line of the normalised view: its trimmed span and what it looks like. */
interface Line {
  start: number;
  end: number;
  kind: 'blank' | 'pipe' | 'spaced' | 'bare' | 'prose';
}

/** Longest line that can hold one cell alone; longer lines are prose. */
const MAX_BARE_CELL = 60;
/** Lines above a spaced row searched for its header. */
const HEADER_LOOKBACK = 6;
/** Figures a region of bare one-cell lines needs before it is read as a table. */
const MIN_BARE_FIGURES = 3;

function classify(text: string, norm: string, start: number, end: number): Line['kind'] {
  if (start >= end) return 'blank';
  // One pass for bars, tabs and blanks: most lines are prose with none of them.
  let hasTab = false;
  let hasBlank = false;
  for (let i = start; i < end; i++) {
    const c = norm.charCodeAt(i);
    if (c === 0x7c) return 'pipe';
    if (c === 0x20) {
      hasBlank = true;
      if (text.charCodeAt(i) === 0x09) hasTab = true;
    }
  }
  return kindOf(norm, start, end, hasBlank, hasTab);
}

/** The kind of a non-blank line without bars, from whether it holds blanks and tabs. */
function kindOf(norm: string, start: number, end: number, hasBlank: boolean, hasTab: boolean): Line['kind'] {
  // Cells separated by blanks need a blank (tabs are folded to blanks in the normalised view).
  if (hasBlank && spacedRow(norm, start, end, hasTab)) return 'spaced';
  if (end - start > MAX_BARE_CELL) return 'prose';
  const cell = rawCell(norm, start, end);
  if (isValueKind(cell.kind)) return 'bare';
  return /[。!?]/.test(cell.text) ? 'prose' : 'bare';
}

/** The report's lines (trimmed, blank lines left out), each with its kind. Linear. */
function readLines(text: string, norm: string, ranges: readonly Range[]): Line[] {
  // Lines in order: the next bar, blank and tab are found by native search and kept while they
  // lie ahead, so each is searched for once over the whole text instead of unit by unit per line.
  for (let k = 1; k < ranges.length; k++) {
    if (ranges[k]!.start < ranges[k - 1]!.end) return ranges.map((r) => ({ start: r.start, end: r.end, kind: classify(text, norm, r.start, r.end) }));
  }
  let bar = -1;
  let blank = -1;
  let tab = -1;
  const seek = (found: number, ch: string, within: string, from: number): number => {
    if (found >= from || found === Infinity) return found;
    const at = within.indexOf(ch, from);
    return at < 0 ? Infinity : at;
  };
  const lines: Line[] = new Array<Line>(ranges.length);
  for (let k = 0; k < ranges.length; k++) {
    const { start, end } = ranges[k]!;
    let kind: Line['kind'];
    if (start >= end) kind = 'blank';
    else {
      bar = seek(bar, '|', norm, start);
      if (bar < end) kind = 'pipe';
      else {
        blank = seek(blank, ' ', norm, start);
        // A tab in the caller's text is a blank in the view.
        tab = seek(tab, '\t', text, start);
        kind = kindOf(norm, start, end, blank < end, tab < end);
      }
    }
    lines[k] = { start, end, kind };
  }
  return lines;
}

/** The kind of the next line that is not blank, from `k` on. */
function nextNonBlank(lines: Line[], k: number): Line['kind'] | null {
  for (let i = k; i < lines.length; i++) if (lines[i]!.kind !== 'blank') return lines[i]!.kind;
  return null;
}

/** Items of a region of lines with bars: row lines as rows, single cells through the stream. */
function pipeItems(norm: string, lines: Line[]): RegionItem[] {
  const items: RegionItem[] = [];
  const stream = new CellStream(items);
  for (const line of lines) {
    if (line.kind === 'blank') continue;
    if (line.kind === 'bare') {
      stream.push(rawCell(norm, line.start, line.end));
      continue;
    }
    const cells = pipeCells(norm, line.start, line.end);
    let words = 0;
    for (const c of cells) if (c.kind !== 'blank') words++;
    if (words >= 2) {
      stream.flush();
      const item = lineItem(cells);
      if (item) items.push(item);
    } else {
      for (const c of cells) stream.push(c);
    }
  }
  stream.flush();
  moveSerials(items);
  return items;
}

/** Items of a region of bare lines, one cell each. */
function bareItems(norm: string, lines: Line[]): RegionItem[] {
  const items: RegionItem[] = [];
  const stream = new CellStream(items);
  for (const line of lines) if (line.kind === 'bare') stream.push(rawCell(norm, line.start, line.end));
  stream.flush();
  moveSerials(items);
  return items;
}

/** Items of a run of spaced rows, with the header line found above them when there is one. */
function spacedItems(text: string, norm: string, all: Line[], from: number, to: number): RegionItem[] {
  const items: RegionItem[] = [];
  const rows: RegionItem[] = [];
  let width = 0;
  for (let k = from; k < to; k++) {
    const line = all[k]!;
    if (line.kind !== 'spaced') continue;
    const row = spacedRow(norm, line.start, line.end, text.slice(line.start, line.end).includes('\t'));
    if (!row) continue;
    if (width === 0) width = row.values.length;
    rows.push({ kind: 'row', row: { labels: row.label ? [row.label] : [], values: row.values, trailingBlanks: [], line: false, serial: null } });
  }
  // The nearest line above with a word for each column (and perhaps one over the labels).
  let seen = 0;
  for (let k = from - 1; k >= 0 && seen < HEADER_LOOKBACK; k--) {
    const line = all[k]!;
    if (line.kind === 'blank') continue;
    seen++;
    if (line.kind === 'pipe') break;
    const tokens = headerTokens(norm, line.start, line.end);
    if (tokens && (tokens.length === width || tokens.length === width + 1)) {
      items.push({ kind: 'header', cells: tokens });
      break;
    }
  }
  return items.concat(rows);
}

/**
 * Every table pasted into the text, in order. `quantities` are the report's figures, so each
 * cell's figure can name the quantity the scanner found at the same place; `lineRanges` are the
 * text's non-blank lines, when the caller has split them already. Linear in the text.
 */
export function readTables(
  text: string,
  norm: string,
  quantities: readonly Quantity[],
  lineRanges: readonly Range[] = splitLines(norm),
  given: GivenTables = NO_GIVEN_TABLES,
): Table[] {
  const lines = readLines(text, norm, lineRanges);
  // Tables the file gave as tables are read from their structure; their lines are not read again.
  markCovered(lines, given.spans, (line) => {
    line.kind = 'blank';
  });
  // Figures by where their numeral starts, built only when a table region is found.
  let byStart: Map<number, number> | null = null;
  const quantityAt = (): Map<number, number> => {
    if (!byStart) {
      byStart = new Map();
      for (const q of quantities) byStart.set(q.numberRange.start, q.index);
    }
    return byStart;
  };
  const drafts: TableDraft[] = [];
  let i = 0;
  while (i < lines.length) {
    const kind = lines[i]!.kind;
    if (kind === 'blank' || kind === 'prose') {
      i++;
      continue;
    }
    // A region: lines of this kind, blank lines allowed between them. A short line without a bar
    // between two lines with bars is a cell broken over lines (商业 / 企业 |) or a caption.
    let j = i;
    while (j < lines.length) {
      const k = lines[j]!.kind;
      if (k === kind || k === 'blank') j++;
      else if (kind === 'pipe' && k === 'bare' && nextNonBlank(lines, j + 1) === 'pipe') j++;
      else break;
    }
    const region = lines.slice(i, j);
    const add = (tables: TableDraft[]): void => {
      for (const t of tables) drafts.push(t);
    };
    if (kind === 'pipe') add(assembleRegion(pipeItems(norm, region), quantityAt()));
    else if (kind === 'spaced') add(assembleRegion(spacedItems(text, norm, lines, i, j), quantityAt(), true));
    else {
      let figures = 0;
      for (const l of region) if (l.kind === 'bare' && isValueKind(rawCell(norm, l.start, l.end).kind)) figures++;
      // Short lines with a few numbers among them are prose more often than a table: a table of
      // one cell per line needs several figures and at least two rows.
      if (figures >= MIN_BARE_FIGURES) {
        const found = assembleRegion(bareItems(norm, region), quantityAt());
        let rows = 0;
        for (const t of found) rows += t.rows.length;
        if (rows >= 2) add(found);
      }
    }
    i = j;
  }
  if (given.drafts.length > 0) {
    for (const d of given.drafts) drafts.push(d);
    drafts.sort((a, b) => a.range.start - b.range.start);
  }
  return drafts.map((d, index) => ({ index, ...d }));
}

/** Tables a file gave as tables, read from their structure before the text is laid out. */
export interface GivenTables {
  drafts: TableDraft[];
  /** The spans of the source tables that gave a table of figures: their lines are table rows, not prose. */
  spans: Range[];
}

const NO_GIVEN_TABLES: GivenTables = { drafts: [], spans: [] };

/**
 * Reads the tables a file gave as tables (see `grid.ts`). A source table that gives no table of
 * figures (words only, a layout) leaves its lines to the prose. Its cells' figures name no scanned
 * quantity: the lines of such tables are not scanned as prose.
 */
export function readGivenTables(norm: string, tables: readonly SourceTable[]): GivenTables {
  if (tables.length === 0) return NO_GIVEN_TABLES;
  const drafts: TableDraft[] = [];
  const spans: Range[] = [];
  const none = new Map<number, number>();
  for (const t of tables) {
    const span = spanOf(t);
    if (!span) continue;
    const read = gridTables(norm, t, none);
    if (read.length === 0) continue;
    for (const d of read) drafts.push(d);
    spans.push(span.range);
  }
  spans.sort((a, b) => a.start - b.start);
  return { drafts, spans };
}

/**
 * Calls `mark` for each item of `items` (ranges in text order) that overlaps one of `spans`
 * (sorted): both lists walked once.
 */
export function markCovered<T extends Range>(items: readonly T[], spans: readonly Range[], mark: (item: T, index: number) => void): void {
  if (spans.length === 0) return;
  let k = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    while (k < spans.length && spans[k]!.end <= item.start) k++;
    if (k < spans.length && spans[k]!.start < item.end) mark(item, i);
  }
}

/** The span of a source table's cells, or null for a table with no cell in the text. */
function spanOf(table: SourceTable): { table: SourceTable; range: Range } | null {
  let start = Infinity;
  let end = -1;
  for (const row of table.rows) {
    for (const c of row) {
      start = Math.min(start, c.range.start);
      end = Math.max(end, c.range.end);
    }
  }
  return end >= 0 ? { table, range: { start, end } } : null;
}
