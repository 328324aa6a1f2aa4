/**
 * Finding a table's rows and cells by their words, for the claims and rules that read tables
 * (totals, a kind's identities, restatements, carry-overs between years): labels compared without
 * white space and punctuation, count cells told from cells that state nothing.
 */
import type { TableCell, TableRow, Table } from '../model/table.js';

/** A label or header as compared: white space and punctuation dropped, brackets kept ((一) stays a marker). */
export function bareLabel(text: string): string {
  return text.replace(/[\s,,、.。:;;“”"'·]/g, '');
}

/** The rows whose own label holds `words` (compared as `bareLabel`). */
export function rowsLabelled(table: Table, words: string): TableRow[] {
  const w = bareLabel(words);
  return table.rows.filter((r) => r.label !== null && bareLabel(r.label.text).includes(w));
}

/** Whether a cell holds a count (a figure that is not a share). */
export function isCountCell(cell: TableCell | undefined): cell is TableCell {
  return cell !== undefined && cell.kind === 'number' && cell.figure !== null && cell.figure.unit !== '%';
}

/** Whether a cell states nothing: blank, a dash, or missing at the end of a cut-off row. */
export function isMissingCell(cell: TableCell | undefined): boolean {
  return cell === undefined || cell.kind === 'blank' || cell.kind === 'notApplicable';
}
