/**
 * Lines with ` | ` between cells: a whole row on one line (`规章 | 0 | 0 | 0 |`), or one cell per
 * line (`规章 |`), or runs of empty cells left by merged headers (`||||`).
 */
import { isValueKind, rawCell, type RawCell } from './cells.js';
import type { ProtoRow, RegionItem } from './items.js';

/**
 * The cells of a line. A `|` that opens the line is a border, not the end of a cell; the text
 * after the last `|` is a cell only when it is not blank. Blank cells between bars are kept.
 */
export function pipeCells(norm: string, start: number, end: number): RawCell[] {
  const cells: RawCell[] = [];
  let segStart = start;
  let first = true;
  for (let i = start; i < end; i++) {
    if (norm.charCodeAt(i) !== 0x7c /* | */) continue;
    const cell = rawCell(norm, segStart, i);
    // The segment before the first bar is a cell only when it has text (`规章 |`); a line that
    // starts with a bar has a border there.
    if (!first || cell.kind !== 'blank') cells.push(cell);
    first = false;
    segStart = i + 1;
  }
  const last = rawCell(norm, segStart, end);
  if (last.kind !== 'blank') cells.push(last);
  return cells;
}

/** Whether a cell is a whole number that can be a serial before a label. */
function isSerial(cell: RawCell | undefined): boolean {
  return cell !== undefined && cell.kind === 'number' && /^\d{1,4}$/.test(cell.text);
}

/**
 * A row written on one line: blank fillers, an optional serial, the label cells, then the values.
 * Words after the first value stay in the values (a text cell in a figure column). Blank cells at
 * the end are kept apart: they may be real blanks or fillers of a wider header.
 */
export function lineItem(cells: RawCell[]): RegionItem | null {
  let i = 0;
  while (i < cells.length && cells[i]!.kind === 'blank') i++;
  let serial: RawCell | null = null;
  if (isSerial(cells[i]) && cells[i + 1] !== undefined && cells[i + 1]!.kind === 'text') serial = cells[i++]!;
  const labels: RawCell[] = [];
  while (i < cells.length && cells[i]!.kind === 'text') labels.push(cells[i++]!);
  const values = cells.slice(i);
  const trailingBlanks: RawCell[] = [];
  while (values.length > 0 && values[values.length - 1]!.kind === 'blank') trailingBlanks.unshift(values.pop()!);
  if (!values.some((c) => isValueKind(c.kind))) {
    const words = cells.filter((c) => c.kind !== 'blank');
    return words.length > 0 ? { kind: 'header', cells: words } : null;
  }
  const row: ProtoRow = { labels, values, trailingBlanks, line: true, serial };
  return { kind: 'row', row };
}
