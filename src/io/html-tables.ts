/**
 * The tables of an HTML page, followed while its elements are walked: each `<table>`'s rows and
 * cells with their `colspan`/`rowspan`, and where each cell's text lies in the text being written.
 * At the end, the tables of figures among them (not layout tables) are the page's `SourceTable`s.
 * Elements are told apart by their frame (any object the walk keeps per open element).
 */
import type { SourceTable } from '../model/table.js';
import { spanCount } from './spans.js';

/** Follows `<table>`, `<tr>`, `<td>` and `<th>` into the tables being read. */
export class TableCollector {
  /** Tables being read, innermost last. */
  private readonly open: OpenTable[] = [];
  /** Tables read, in the order they ended. */
  private readonly done: OpenTable[] = [];

  /** The cell text is being written into, if any. */
  get cell(): OpenCell | null {
    return this.open.length > 0 ? this.open[this.open.length - 1]!.cell : null;
  }

  /** Text was written at `[start, end)` of the output: it is the open cell's, if any. */
  wrote(start: number, end: number): void {
    const cell = this.cell;
    if (cell === null) return;
    if (cell.start < 0) cell.start = start;
    cell.end = end;
  }

  /** An element `name` opened, with its attributes and the walk's frame for it; `at` is the output's length. */
  opened(name: string, attrs: ReadonlyMap<string, string>, frame: object, at: number): void {
    const table = this.open.length > 0 ? this.open[this.open.length - 1]! : null;
    if (name === 'table') {
      // A table inside a cell makes the outer one a layout table.
      if (table !== null) table.nested = true;
      this.open.push({ frame, rows: [], cell: null, cellFrame: null, nested: false, takenBack: false });
    } else if (table === null) return;
    else if (name === 'tr') {
      closeCell(table, at);
      table.rows.push([]);
    } else if (name === 'td' || name === 'th') {
      closeCell(table, at);
      if (table.rows.length === 0) table.rows.push([]);
      const cell: OpenCell = { start: -1, end: -1, colSpan: spanCount(attrs.get('colspan')), rowSpan: spanCount(attrs.get('rowspan')), header: name === 'th' };
      table.rows[table.rows.length - 1]!.push(cell);
      table.cell = cell;
      table.cellFrame = frame;
    }
  }

  /** The element of `frame` closed; `at` is the output's length. */
  closed(frame: object, at: number): void {
    const table = this.open.length > 0 ? this.open[this.open.length - 1]! : null;
    if (table === null) return;
    if (table.cellFrame === frame) closeCell(table, at);
    else if (table.frame === frame) {
      closeCell(table, at);
      this.open.pop();
      this.done.push(table);
    }
  }

  /**
   * The text from `length` on was taken back (a list of links): a table with a cell there is
   * not part of the page's text, and is not read.
   */
  takeBack(length: number): void {
    // Cells are written in text order, so a table reaches past `length` when its last cell does.
    const reaches = (t: OpenTable): boolean => {
      for (let r = t.rows.length - 1; r >= 0; r--) {
        const row = t.rows[r]!;
        for (let k = row.length - 1; k >= 0; k--) {
          const c = row[k]!;
          if (c.start >= 0) return c.end > length || c.start >= length; // the last cell written yet
        }
      }
      return false;
    };
    for (const t of this.open) if (reaches(t)) t.takenBack = true;
    // Tables ended in text order: walking back from the last, the first one wholly before `length` ends the walk.
    for (let k = this.done.length - 1; k >= 0; k--) {
      const t = this.done[k]!;
      if (!reaches(t)) break;
      t.takenBack = true;
    }
  }

  /** The tables of figures read, their cells within the first `textLength` units of the text. */
  tables(textLength: number): SourceTable[] {
    return dataTables(this.done, textLength);
  }
}

/** Ends the open cell of a table; an empty cell sits where the next text would start (`at`). */
function closeCell(table: OpenTable, at: number): void {
  const cell = table.cell;
  if (cell === null) return;
  if (cell.start < 0) cell.start = cell.end = at;
  table.cell = null;
  table.cellFrame = null;
}

/** A cell being read: its text's place in the output (-1 before any), its spans, whether `<th>`. */
export interface OpenCell {
  start: number;
  end: number;
  colSpan: number;
  rowSpan: number;
  header: boolean;
}

/** A `<table>` being read: its element, rows of cells, the open cell, whether a table sits inside it. */
interface OpenTable {
  frame: object;
  rows: OpenCell[][];
  cell: OpenCell | null;
  cellFrame: object | null;
  nested: boolean;
  /** Text it held was taken back (it sat in a list of links). */
  takenBack: boolean;
}

/** Longest text a data cell holds: a cell holding paragraphs is a layout table's. */
const MAX_CELL_TEXT = 200;

/**
 * The tables of figures among the tables read: not a layout table (one with a table inside, or
 * with a cell of paragraphs), at least two rows and two columns, every cell within the text kept.
 */
function dataTables(read: readonly OpenTable[], textLength: number): SourceTable[] {
  const out: SourceTable[] = [];
  for (const t of read) {
    if (t.nested || t.takenBack) continue;
    // Empty rows stay: a rowspan counts them (HTML's table model), so dropping one would move cells.
    const rows = t.rows;
    const filled = rows.filter((r) => r.length > 0);
    if (filled.length < 2 || !filled.some((r) => r.reduce((n, c) => n + c.colSpan, 0) >= 2)) continue;
    const cells = filled.flat();
    if (cells.some((c) => c.start < 0 || c.end > textLength || c.end - c.start > MAX_CELL_TEXT)) continue;
    out.push({ rows: rows.map((r) => r.map((c) => ({ range: { start: c.start, end: c.end }, colSpan: c.colSpan, rowSpan: c.rowSpan, header: c.header }))) });
  }
  const firstStart = (t: SourceTable): number => t.rows.find((r) => r.length > 0)![0]!.range.start;
  out.sort((a, b) => firstStart(a) - firstStart(b));
  return out;
}

/**
 * The text with each row of a data table on one line: line breaks inside and between the cells of
 * a row (a `<p>` in a cell, `<br>` in 商业<br>企业) become spaces. One unit for one unit, so the
 * offset map stays as it is.
 */
export function oneLinePerRow(text: string, tables: readonly SourceTable[]): string {
  // The breaks to turn into spaces, found with indexOf within each row's span; the text is then
  // rebuilt from slices once (no array of every unit of a large page).
  const breaks: number[] = [];
  for (const t of tables) {
    for (const row of t.rows) {
      let start = Infinity;
      let end = -1;
      for (const c of row) {
        if (c.range.end > c.range.start) {
          start = Math.min(start, c.range.start);
          end = Math.max(end, c.range.end);
        }
      }
      for (let i = end < 0 ? -1 : text.indexOf('\n', start); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) breaks.push(i);
    }
  }
  if (breaks.length === 0) return text;
  breaks.sort((a, b) => a - b);
  const parts: string[] = [];
  let from = 0;
  for (const i of breaks) {
    if (i < from) continue;
    parts.push(text.slice(from, i), ' ');
    from = i + 1;
  }
  parts.push(text.slice(from));
  return parts.join('');
}
