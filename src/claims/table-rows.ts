/**
 * Finding a table's rows and cells by their words, for the claims and rules that read tables
 * (totals, a kind's identities, restatements, carry-overs between years): labels compared without
 * white space and punctuation, count cells told from cells that state nothing.
 */
import { intervalStrings } from '../arithmetic/interval.js';
import type { FigureRef } from '../engine/diagnostic.js';
import type { Report } from '../model/report.js';
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

/** A count cell's figure as evidence, in the role it played (`total`, `part`, `left` …). */
export function cellRef(report: Report, cell: TableCell, role: string): FigureRef {
  const f = cell.figure!;
  return { role, text: report.text.slice(f.range.start, f.range.end), value: f.value.toString(), interval: intervalStrings(f.interval), range: f.range };
}
