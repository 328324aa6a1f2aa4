/**
 * Tables whose structure the file gives (HTML `<table>`, Word `w:tbl`): merged cells are resolved
 * into a grid, the rows above the first row of figures are the header, the leading columns that
 * hold only words are the row labels. Every value cell then knows its row's label path (the label
 * cells covering it, spans included) and its column's header path (every header level over it).
 * Linear in the number of grid slots; spans are capped so a hostile `colspan` cannot blow it up.
 */
import type { SpannedText } from '../../model/range.js';
import type { SourceCell, SourceTable, TableCell, TableRow } from '../../model/table.js';
import { labelPath, analyseHeader, tableSpan, type TableDraft } from './assemble.js';
import { isValueKind, namesTotalHeader, rawCell, toCell, type RawCell } from './cells.js';

/** Widest and longest spans honoured: real tables have a few dozen columns at most. */
const MAX_COLUMNS = 64;
const MAX_ROW_SPAN = 1000;
/** Most grid slots a table may fill; a larger one is read as unreadable rather than slowly. */
const MAX_SLOTS = 200_000;

/** A resolved cell: the source cell read from the text, and the grid slot it starts in. */
interface Placed {
  raw: RawCell;
  row: number;
  col: number;
  colSpan: number;
  rowSpan: number;
}

/** The grid: for each row, the placed cell covering each column (null where none does). */
type Grid = Array<Array<Placed | null>>;

/** Places the cells of a source table, resolving `colspan` and `rowspan` (HTML's table model). */
function resolve(norm: string, table: SourceTable): { grid: Grid; width: number } | null {
  const grid: Grid = [];
  let width = 0;
  let slots = 0;
  const rowAt = (r: number): Array<Placed | null> => {
    while (grid.length <= r) grid.push([]);
    return grid[r]!;
  };
  for (let r = 0; r < table.rows.length && slots <= MAX_SLOTS; r++) {
    const cells = table.rows[r]!;
    const row = rowAt(r);
    let c = 0;
    for (const cell of cells) {
      while (row[c]) c++;
      if (c >= MAX_COLUMNS) break;
      const colSpan = Math.min(cell.colSpan, MAX_COLUMNS - c);
      const rowSpan = Math.min(cell.rowSpan, MAX_ROW_SPAN, table.rows.length - r);
      slots += colSpan * rowSpan;
      if (slots > MAX_SLOTS) break;
      const placed: Placed = { raw: readCell(norm, cell), row: r, col: c, colSpan, rowSpan };
      for (let dr = 0; dr < rowSpan; dr++) {
        const target = rowAt(r + dr);
        for (let dc = 0; dc < colSpan; dc++) target[c + dc] = placed;
      }
      c += colSpan;
      width = Math.max(width, c);
    }
  }
  if (slots > MAX_SLOTS) return null;
  for (const row of grid) while (row.length < width) row.push(null);
  return { grid, width };
}

/**
 * A source cell's text. Lines inside a cell (商业<br>企业) are one label: white space between two
 * Chinese characters is dropped from the text the cell is matched by, its range stays the source's.
 */
function readCell(norm: string, cell: SourceCell): RawCell {
  const raw = rawCell(norm, cell.range.start, cell.range.end);
  if (!/\s/.test(raw.text)) return raw;
  const text = raw.text.replace(/\s+/g, (gap, at: number, all: string) => (isWide(all.charCodeAt(at - 1)) && isWide(all.charCodeAt(at + gap.length)) ? '' : ' '));
  const joined = rawCell(text, 0, text.length);
  return { text: joined.text, range: raw.range, kind: joined.kind };
}

function isWide(code: number): boolean {
  return code >= 0x2e80;
}

/** Whether a grid row holds a figure (a number, a share or a dash) in any cell it starts. */
function holdsValue(row: Array<Placed | null>, r: number): boolean {
  return row.some((p) => p !== null && p.row === r && isValueKind(p.raw.kind));
}

/**
 * The first column of values: after the last column that, in some row of figures, holds words
 * before that row's first figure. Columns before it are the row labels.
 */
function firstValueColumn(grid: Grid, dataRows: number[], width: number): number {
  let first = 0;
  for (const r of dataRows) {
    const row = grid[r]!;
    for (let c = 0; c < width; c++) {
      const p = row[c];
      if (!p) continue;
      if (isValueKind(p.raw.kind)) break;
      // A label cell that spans into value columns of other rows (一、本年新收… over three label
      // columns) ends where it ends.
      if (p.raw.kind === 'text') first = Math.max(first, p.col + p.colSpan);
    }
  }
  return Math.min(first, width);
}

/**
 * Distinct non-empty cells along a line of slots, in order. A merged cell is a rectangle of the
 * grid, so along any line its slots are contiguous: comparing with the last one taken is enough.
 */
function distinct(cells: Array<Placed | null>): Placed[] {
  const out: Placed[] = [];
  for (const p of cells) if (p && p.raw.kind !== 'blank' && out[out.length - 1] !== p) out.push(p);
  return out;
}

const spanned = (p: Placed): SpannedText => ({ text: p.raw.text, range: p.raw.range });

/**
 * Builds the tables of one source table. A table of figures whose header rows and label columns
 * can be told apart is one `grid` table; a table with no row of figures (a layout table, a list
 * of links) gives none. Rows that start a new header after rows of figures (the four captioned
 * sub-tables of a 主动公开 table) start a new table.
 */
export function gridTables(norm: string, source: SourceTable, quantityAt: ReadonlyMap<number, number>): TableDraft[] {
  const resolved = resolve(norm, source);
  if (!resolved) return [];
  const { grid, width } = resolved;
  if (width < 2) return [];
  // Blocks: header rows, then rows of figures (and label-only rows among them).
  const blocks: Array<{ header: number[]; rows: number[] }> = [];
  let block: { header: number[]; rows: number[] } = { header: [], rows: [] };
  // Where the block's figures start: a row's own cells there are header words, not labels.
  let valuesFrom = width;
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r]!;
    const value = holdsValue(row, r);
    if (!value && block.rows.length > 0 && startsHeader(row, r, width, valuesFrom)) {
      blocks.push(block);
      block = { header: [], rows: [] };
      valuesFrom = width;
    }
    if (value) valuesFrom = Math.min(valuesFrom, firstValueAt(row, r));
    if (value || block.rows.length > 0) block.rows.push(r);
    else block.header.push(r);
  }
  blocks.push(block);
  const out: TableDraft[] = [];
  for (const b of blocks) {
    const dataRows = b.rows.filter((r) => holdsValue(grid[r]!, r));
    if (dataRows.length === 0) continue;
    const t = buildTable(grid, width, b.header, b.rows, dataRows, quantityAt);
    if (t) out.push(t);
  }
  return out;
}

/**
 * Whether a row without figures after rows of figures starts another sub-table: a caption of its
 * own across the whole table (第二十条第(五)项), or words of its own over the columns where the
 * figures stood (信息内容 | 本年处理决定数量). A row whose own cells are only labels, with its
 * figures left blank ((五)不予处理 | 1.信访举报投诉类申请 | blanks), is a row of the table.
 */
function startsHeader(row: Array<Placed | null>, r: number, width: number, valuesFrom: number): boolean {
  const own = distinct(row).filter((p) => p.row === r);
  if (own.length === 0) return false;
  if (own.some((p) => p.colSpan === width)) return true;
  return own.length > 1 && own.some((p) => p.raw.kind === 'text' && p.col >= valuesFrom);
}

/** The column of the first figure a row holds in a cell of its own. */
function firstValueAt(row: Array<Placed | null>, r: number): number {
  for (let c = 0; c < row.length; c++) {
    const p = row[c];
    if (p && p.row === r && isValueKind(p.raw.kind)) return c;
  }
  return row.length;
}

function buildTable(
  grid: Grid,
  width: number,
  headerRows: number[],
  rows: number[],
  dataRows: number[],
  quantityAt: ReadonlyMap<number, number>,
): TableDraft | null {
  const first = firstValueColumn(grid, dataRows, width);
  const n = width - first;
  if (n <= 0) return null;
  const cell = (p: Placed): TableCell => toCell(p.raw, quantityAt);
  // The header's levels over each value column, top first.
  const paths: SpannedText[][] = [];
  const leaves: Array<Placed | null> = [];
  for (let c = first; c < width; c++) {
    const over = distinct(headerRows.map((r) => grid[r]![c] ?? null)).filter((p) => p.col >= first || p.col + p.colSpan > first);
    paths.push(over.map(spanned));
    leaves.push(over[over.length - 1] ?? null);
  }
  const headerCells = headerRows.map((r) => distinct(grid[r]!).filter((p) => p.row === r).map((p) => p.raw));
  const header = analyseHeader(headerCells, n);
  const known = leaves.every((p) => p !== null);
  // Label paths: the label cells covering each row, left to right, spans included. With one label
  // column the numbering (三、 → (一) → 1.) says the levels, as in pasted text.
  const structural = first > 1;
  let prevPath: SpannedText[] = [];
  let prevKinds: string[] = [];
  const tableRows: TableRow[] = [];
  for (const r of rows) {
    const row = grid[r]!;
    const labelCells = distinct(row.slice(0, first));
    let path: SpannedText[];
    if (structural) path = labelCells.map(spanned);
    else {
      const own = labelCells.filter((p) => p.row === r).map((p) => p.raw);
      ({ path, kinds: prevKinds } = labelPath(prevPath, prevKinds, own));
      prevPath = path;
    }
    const values = row.slice(first);
    // A cell spanning several value columns or rows is one figure: it stands where it starts only.
    // Every other slot is blank, placed after the cell covering it (or at the row's first cell).
    const cells: TableCell[] = values.map((p, j) => {
      if (p && p.row === r && p.col === first + j) return cell(p);
      const at = p ? p.raw.range.end : (row.find((q) => q)?.raw.range.start ?? 0);
      return { text: '', range: { start: at, end: at }, kind: 'blank', figure: null };
    });
    const label = path.length > 0 ? path[path.length - 1]! : null;
    // A row spans the cells it starts: a label spanning rows from above belongs to its first row,
    // so rows stay in text order for look-ups by offset.
    let start = Infinity;
    let end = 0;
    for (const p of row) {
      if (p === null || p.row !== r) continue;
      start = Math.min(start, p.raw.range.start);
      end = Math.max(end, p.raw.range.end);
    }
    // A row of no cell of its own (a merge carried down across it) sits where the row above ended.
    if (!Number.isFinite(start)) start = end = tableRows.length > 0 ? tableRows[tableRows.length - 1]!.range.end : (label?.range.end ?? 0);
    tableRows.push({
      range: { start, end },
      label,
      labelPath: path,
      serial: null,
      cells,
      columnHeaders: leaves.map((p) => (p ? cell(p) : null)),
      columnPaths: paths,
    });
  }
  const headerTable = headerCells.map((r) => r.filter((c) => c.kind !== 'blank').map((c) => toCell(c, quantityAt))).filter((r) => r.length > 0);
  return {
    range: tableSpan(headerTable, tableRows),
    shape: 'grid',
    readable: true,
    unreadableReason: null,
    headerRows: headerTable,
    headerLayout: known ? 'aligned' : header.layout,
    columnCount: n,
    columnHeaders: known ? leaves.map((p) => cell(p!)) : [],
    totalHeaders: leaves.filter((p): p is Placed => p !== null && namesTotalHeader(p.raw.text)).map(cell),
    rows: tableRows,
  };
}
