/**
 * Where the tables are: lets prose readers skip figures that sit in table cells, and lets
 * anything find the table, row and cell at an offset. Binary searches over the tables, which
 * are in text order and do not overlap.
 */
import type { Range } from '../../model/range.js';
import type { Report } from '../../model/report.js';
import type { Table, TableCell, TableRow } from '../../model/table.js';

/** The span of every table of a report, in text order (sorted, not overlapping). */
export function tableRanges(report: Pick<Report, 'tables'>): Range[] {
  return (report.tables ?? []).map((t) => t.range);
}

/** Index of the last item whose start is at or before `offset`, or -1. */
function lastStartingAtOrBefore<T>(items: readonly T[], offset: number, startOf: (t: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (startOf(items[mid]!) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** The table whose span holds `offset` (header, labels and cells alike), or null. */
export function tableAt(report: Pick<Report, 'tables'>, offset: number): Table | null {
  const tables = report.tables ?? [];
  const k = lastStartingAtOrBefore(tables, offset, (t) => t.range.start);
  const t = k >= 0 ? tables[k]! : null;
  return t && offset < t.range.end ? t : null;
}

/** A cell found at an offset, with its table and row (null for a header cell). */
export interface CellHit {
  table: Table;
  row: TableRow | null;
  cell: TableCell;
}

/**
 * The table cell (value, serial or header cell) that holds `offset`, or null when the offset is
 * in no cell: prose, or a table's label or padding. Prose claim readers skip figures for which
 * `tableAt` is non-null; this finer lookup is for evidence and messages.
 */
export function tableCellAt(report: Pick<Report, 'tables'>, offset: number): CellHit | null {
  const table = tableAt(report, offset);
  if (!table) return null;
  const inside = (c: TableCell | null): c is TableCell => c !== null && c.range.start <= offset && offset < c.range.end;
  for (const row of table.headerRows) {
    for (const cell of row) if (inside(cell)) return { table, row: null, cell };
  }
  const k = lastStartingAtOrBefore(table.rows, offset, (r) => r.range.start);
  for (let r = k; r >= 0 && r >= k - 1; r--) {
    const row = table.rows[r]!;
    for (const cell of row.cells) if (inside(cell)) return { table, row, cell };
    if (inside(row.serial)) return { table, row, cell: row.serial! };
  }
  return null;
}

/** The tables lying within `range` (a section's span, say), in text order. */
export function tablesWithin(report: Pick<Report, 'tables'>, range: Range): Table[] {
  const tables = report.tables ?? [];
  const out: Table[] = [];
  for (let k = Math.max(0, lastStartingAtOrBefore(tables, range.start - 1, (t) => t.range.start) + 1); k < tables.length; k++) {
    const t = tables[k]!;
    if (t.range.start >= range.end) break;
    if (t.range.start >= range.start && t.range.end <= range.end) out.push(t);
  }
  return out;
}
