/**
 * Turns the items of one table region (header rows and proto-rows) into tables: splits the region
 * where a new header starts, works out each row's label path from the numbering of its labels,
 * reads the header's layout, and marks a table unreadable when its rows cannot be aligned.
 */
import type { Range, SpannedText } from '../../model/range.js';
import type { Table, TableCell, TableHeaderLayout, TableRow, TableShape } from '../../model/table.js';
import { isBareMarker, labelMarkerKind, namesTotalHeader, toCell, type RawCell } from './cells.js';
import type { ProtoRow, RegionItem } from './items.js';

/** A table before it is numbered. */
export type TableDraft = Omit<Table, 'index'>;

/** A row being built: its label path with the numbering kind of each level. */
interface DraftRow {
  path: SpannedText[];
  kinds: string[];
  serial: RawCell | null;
  values: RawCell[];
  trailingBlanks: RawCell[];
  line: boolean;
  /** Whether the last of its words might be a header cell rather than a label (first row of a block). */
  labelMayBeHeader: boolean;
}

interface Block {
  headerRows: RawCell[][];
  /** Texts of the header cells, to see a row repeat one. */
  headerTexts: Set<string>;
  rows: DraftRow[];
  /** How many rows (not counting a first row that may be headless) have each width. */
  widths: Map<number, number>;
  readable: boolean;
  reason: string | null;
}

const newBlock = (): Block => ({ headerRows: [], headerTexts: new Set(), rows: [], widths: new Map(), readable: true, reason: null });

function addHeaderRow(block: Block, cells: RawCell[]): void {
  block.headerRows.push(cells);
  for (const c of cells) block.headerTexts.add(c.text);
}

/** The most common width in a width count (the larger on a tie). */
function modeOf(widths: Map<number, number>): number {
  let best = 0;
  let bestCount = 0;
  for (const [w, c] of widths) {
    if (c > bestCount || (c === bestCount && w > best)) {
      best = w;
      bestCount = c;
    }
  }
  return best;
}

/** `(三)` alone in a cell followed by `不予公开`: one label, spanning both cells. */
function mergeBareMarkers(labels: RawCell[]): RawCell[] {
  const out: RawCell[] = [];
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i]!;
    const next = labels[i + 1];
    if (next && isBareMarker(c.text) && labelMarkerKind(next.text) === 'none') {
      out.push({ text: c.text + next.text, range: { start: c.range.start, end: next.range.end }, kind: 'text' });
      i++;
      continue;
    }
    out.push(c);
  }
  return out;
}

/** Whether a word before a row's label is a parent label (numbered, or a 其中 part) rather than a header cell. */
function isPathLabel(cell: RawCell): boolean {
  return labelMarkerKind(cell.text) !== 'none';
}

/**
 * The label path of a row from the previous row's path and this row's labels. The first label
 * takes the place of the nearest earlier label of the same numbering (1. after 1., (四) after
 * (三)), so parent labels carry over to rows that do not repeat them; unnumbered labels are
 * siblings of unnumbered labels; `其中…` hangs below the row before. Further labels are children.
 */
export function labelPath(prevPath: SpannedText[], prevKinds: string[], labels: RawCell[]): { path: SpannedText[]; kinds: string[] } {
  if (labels.length === 0) return { path: prevPath, kinds: prevKinds };
  let path = prevPath.slice();
  let kinds = prevKinds.slice();
  labels.forEach((cell, j) => {
    const kind = labelMarkerKind(cell.text);
    const entry = { text: cell.text, range: cell.range };
    if (j === 0 && !cell.text.startsWith('其中')) {
      const d = kinds.lastIndexOf(kind);
      if (d >= 0) {
        path = path.slice(0, d);
        kinds = kinds.slice(0, d);
      } else if (kind === 'none') {
        path = [];
        kinds = [];
      }
    }
    path.push(entry);
    kinds.push(kind);
  });
  return { path, kinds };
}

/** The header's layout and, when one row names every value column, each column's header cell. */
export function analyseHeader(
  headerRows: RawCell[][],
  n: number,
): { layout: TableHeaderLayout; columnHeaders: Array<RawCell | null>; totals: RawCell[] } {
  const rows = headerRows.map((r) => r.filter((c) => c.kind !== 'blank')).filter((r) => r.length > 0);
  const totals = rows.flat().filter((c) => namesTotalHeader(c.text));
  if (rows.length === 0 || n === 0) return { layout: 'none', columnHeaders: [], totals };
  // One row with a cell for each value column (and perhaps one over the labels): aligned.
  for (let r = rows.length - 1; r >= 0; r--) {
    const row = rows[r]!;
    if (row.length === n || row.length === n + 1) return { layout: 'aligned', columnHeaders: row.slice(row.length - n), totals };
  }
  // A row with the total and one or two group cells over the row below: the leaf columns are
  // the other cells of the upper row and all of the lower one, in an order the text lost.
  for (let r = 0; r + 1 < rows.length; r++) {
    const upper = rows[r]!;
    const lower = rows[r + 1]!;
    if (!upper.some((c) => namesTotalHeader(c.text))) continue;
    if (upper.length - 1 + lower.length === n || upper.length - 2 + lower.length === n) return { layout: 'twoLevel', columnHeaders: [], totals };
  }
  return { layout: 'flat', columnHeaders: [], totals };
}

/** The most common number of values among the rows (the larger on a tie). */
function modalWidth(rows: DraftRow[]): number {
  const counts = new Map<number, number>();
  for (const r of rows) counts.set(r.values.length, (counts.get(r.values.length) ?? 0) + 1);
  return modeOf(counts);
}

/** Builds the tables of one region. `quantityAt` maps a numeral's start to its quantity index. */
export function assembleRegion(
  items: RegionItem[],
  quantityAt: ReadonlyMap<number, number>,
  spaced = false,
): TableDraft[] {
  const out: TableDraft[] = [];
  let block = newBlock();
  let prevPath: SpannedText[] = [];
  let prevKinds: string[] = [];
  const close = (): void => {
    const t = finish(block, quantityAt, spaced);
    if (t) out.push(t);
    block = newBlock();
    prevPath = [];
    prevKinds = [];
  };
  const lastRowItem = items.reduce((last, it, k) => (it.kind === 'row' ? k : last), -1);
  items.forEach((item, k) => {
    if (item.kind === 'header') {
      if (block.rows.length > 0) close();
      addHeaderRow(block, item.cells);
      return;
    }
    const row: ProtoRow = item.row;
    let labels = mergeBareMarkers(row.labels);
    // One cell per line, the words before a row's values may begin with header cells: all but
    // the label itself, unless they are numbered parent labels (三、本年度办理结果).
    // Numbered words right before the label are its parents; words before those are the header.
    if (!row.line && labels.length > 1) {
      let p = labels.length - 1;
      while (p > 0 && isPathLabel(labels[p - 1]!)) p--;
      if (p > 0) {
        if (block.rows.length > 0) close();
        addHeaderRow(block, labels.slice(0, p));
        labels = labels.slice(p);
      }
    }
    // A row that repeats a header word of its block (信息内容) starts a sub-table.
    if (!row.line && block.rows.length > 0 && labels.some((l) => block.headerTexts.has(l.text))) {
      const words = labels.slice(0, -1);
      close();
      if (words.length > 0) addHeaderRow(block, words);
      labels = labels.slice(-1);
    }
    const { path, kinds } = labelPath(prevPath, prevKinds, labels);
    prevPath = path;
    prevKinds = kinds;
    const draft: DraftRow = {
      path,
      kinds,
      serial: row.serial,
      values: row.values,
      trailingBlanks: row.trailingBlanks,
      line: row.line,
      labelMayBeHeader: !spaced && !row.line && block.rows.length === 0 && block.headerRows.length > 0 && labels.length > 0,
    };
    if (!row.line && block.rows.length > 0) {
      const first = block.rows[0]!;
      const width = block.rows.length === 1 ? first.values.length : modeOf(block.widths);
      if (draft.values.length !== width) {
        // A first row of another width, right after the header, is a row with no label of its
        // own (a cell spanning rows, like 受理总量 over the whole table): its "label" was a header cell.
        if (block.rows.length === 1 && first.labelMayBeHeader && first.values.length < draft.values.length) {
          const label = first.path[first.path.length - 1]!;
          block.headerRows[block.headerRows.length - 1]!.push({ text: label.text, range: label.range, kind: 'text' });
          block.headerTexts.add(label.text);
          first.path = [];
          first.kinds = [];
          block.widths.clear();
        } else if (k !== lastRowItem) {
          // The text ends mid-row in excerpts; any other row of another width lost empty cells.
          block.readable = false;
          block.reason = `rows of ${width} and ${draft.values.length} values under one header: empty cells were dropped, so the columns cannot be known`;
        }
      }
    }
    block.rows.push(draft);
    // The first row's width counts once a second row agrees with it or it is known to have a label.
    if (block.rows.length === 2 && block.rows[0]!.path.length > 0) block.widths.set(block.rows[0]!.values.length, 1);
    if (block.rows.length >= 2) block.widths.set(draft.values.length, (block.widths.get(draft.values.length) ?? 0) + 1);
  });
  close();
  return out;
}

/** The header cell over each value of a row, when the header is aligned. */
function cellHeaders(columnHeaders: Array<RawCell | null>, width: number, headless: boolean, flatHeader: RawCell[]): Array<RawCell | null> {
  if (columnHeaders.length > 0) return Array.from({ length: width }, (_, j) => columnHeaders[j] ?? null);
  // A row with no label right under a one-line header sits under the header's first cells.
  if (headless) return Array.from({ length: width }, (_, j) => flatHeader[j] ?? null);
  return Array.from({ length: width }, () => null);
}

/**
 * Where a table stands in the text: from its first header cell or row label (a parent label may
 * stand rows above the row it names) to the end of its last row. A table of no cells is empty at
 * its end.
 */
export function tableSpan(headerRows: readonly TableCell[][], rows: readonly TableRow[]): Range {
  let start = Infinity;
  let end = 0;
  for (const r of headerRows) for (const c of r) start = Math.min(start, c.range.start);
  for (const r of rows) {
    start = Math.min(start, r.range.start, r.labelPath[0]?.range.start ?? Infinity);
    end = Math.max(end, r.range.end);
  }
  return { start: Number.isFinite(start) ? start : end, end };
}

function finish(block: Block, quantityAt: ReadonlyMap<number, number>, spaced: boolean): TableDraft | null {
  const rows = block.rows;
  if (rows.length === 0) return null;
  const lineShape = rows.some((r) => r.line);
  const body = rows.filter((r) => r.path.length > 0 || r.line);
  // Blanks at the end of a line are real cells when other rows have values there.
  let widest = 0;
  for (const r of rows) widest = Math.max(widest, r.values.length);
  const n = lineShape ? widest : modalWidth(body.length > 0 ? body : rows);
  for (const r of rows) {
    if (r.line && r.values.length < n) r.values = r.values.concat(r.trailingBlanks.slice(0, n - r.values.length));
  }
  const header = analyseHeader(block.headerRows, n);
  const flatHeader = block.headerRows.length === 1 ? block.headerRows[0]!.filter((c) => c.kind !== 'blank') : [];
  const cell = (c: RawCell): TableCell => toCell(c, quantityAt);
  const tableRows: TableRow[] = rows.map((r) => {
    const cells = r.values.map(cell);
    const label = r.path.length > 0 ? r.path[r.path.length - 1]! : null;
    // A row starts at its serial, else its own label (parents may stand rows above), else its first value.
    const start = Math.min(r.serial?.range.start ?? Infinity, label?.range.start ?? Infinity, r.values[0]?.range.start ?? Infinity);
    const end = Math.max(r.values[r.values.length - 1]?.range.end ?? 0, label?.range.end ?? 0);
    const heads = cellHeaders(header.columnHeaders, cells.length, label === null, flatHeader);
    return {
      range: { start: Number.isFinite(start) ? start : end, end },
      label,
      labelPath: r.path,
      serial: r.serial ? cell(r.serial) : null,
      cells,
      columnHeaders: heads.map((h) => (h ? cell(h) : null)),
      // Text tables have one header level: a column's path is its header cell.
      columnPaths: heads.map((h) => (h ? [{ text: h.text, range: h.range }] : [])),
    };
  });
  const headerRows = block.headerRows.map((r) => r.filter((c) => c.kind !== 'blank').map(cell)).filter((r) => r.length > 0);
  return {
    range: tableSpan(headerRows, tableRows),
    shape: (spaced ? 'spaced' : lineShape ? 'pipeRows' : 'cellPerLine') as TableShape,
    readable: block.readable,
    unreadableReason: block.reason,
    headerRows,
    headerLayout: header.layout,
    columnCount: n,
    columnHeaders: header.columnHeaders.map((h) => (h ? cell(h) : null)),
    totalHeaders: header.totals.map(cell),
    rows: tableRows,
  };
}
