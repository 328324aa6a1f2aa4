/**
 * What the line readers hand to the assembler: header rows and proto-rows (a label run and its
 * value run), in the order the text gives them. Also the cell stream that turns one-cell-per-line
 * text into proto-rows, since there a row is only "words, then their run of figures".
 */
import { isValueKind, type RawCell } from './cells.js';

/** A row as read, before its header and label path are known. */
export interface ProtoRow {
  /** Words before the values: header cells (one cell per line), parent labels and the label. */
  labels: RawCell[];
  /** Value cells in order; blanks inside kept, blanks at the end moved to `trailingBlanks`. */
  values: RawCell[];
  /** Blank cells after the last value of a row line: real blanks or fillers, told apart by width. */
  trailingBlanks: RawCell[];
  /** Written as one line of cells (so blanks are visible), not one cell per line. */
  line: boolean;
  /** A serial number (序号) written before the label. */
  serial: RawCell | null;
}

/** One item of a table region: a header row, or a row with values. */
export type RegionItem = { kind: 'header'; cells: RawCell[] } | { kind: 'row'; row: ProtoRow };

/**
 * Groups a stream of non-empty cells (one cell per line) into proto-rows: a row is a run of words
 * followed by its run of values. Empty cells carry no information here (a lone `|` is as often a
 * row border as an empty cell), so the caller passes only non-empty ones.
 */
export class CellStream {
  private labels: RawCell[] = [];
  private values: RawCell[] = [];

  constructor(private readonly out: RegionItem[]) {}

  /** Adds the next cell. */
  push(cell: RawCell): void {
    if (cell.kind === 'blank') return;
    if (isValueKind(cell.kind)) {
      this.values.push(cell);
      return;
    }
    if (this.values.length > 0) this.flush();
    this.labels.push(cell);
  }

  /** Ends the current row: words with no values become a header row. */
  flush(): void {
    if (this.values.length > 0) {
      this.out.push({ kind: 'row', row: { labels: this.labels, values: this.values, trailingBlanks: [], line: false, serial: null } });
    } else if (this.labels.length > 0) {
      this.out.push({ kind: 'header', cells: this.labels });
    }
    this.labels = [];
    this.values = [];
  }
}

/** Whether a cell is a whole number that could be a serial (1, 2, 3 …). */
function serialValue(cell: RawCell | undefined): number | null {
  if (!cell || cell.kind !== 'number' || !/^\d{1,4}$/.test(cell.text)) return null;
  return Number(cell.text);
}

/**
 * Moves serial numbers (序号) to the rows they belong to. Written one cell per line, a row's serial
 * comes before its label, so the stream attaches it to the end of the previous row's values:
 * `… | 9% | 2 | 公安局 | 77 …`. When the last value before each of two or more consecutive labelled
 * rows counts 1, 2, 3 …, those values are serials. Linear.
 */
export function moveSerials(items: RegionItem[]): void {
  let run: number[] = [];
  const apply = (): void => {
    if (run.length >= 2) {
      for (const k of run) {
        const prev = items[k - 1] as { kind: 'row'; row: ProtoRow };
        const serial = prev.row.values.pop() ?? null;
        const cur = items[k]!;
        if (cur.kind === 'row') cur.row.serial = serial;
      }
    }
    run = [];
  };
  for (let k = 1; k < items.length; k++) {
    const prev = items[k - 1]!;
    const cur = items[k]!;
    // The text may stop right after a serial and its label (an excerpt cut mid-table).
    const cutOff = cur.kind === 'header' && k === items.length - 1 && run.length > 0;
    const ok = prev.kind === 'row' && !prev.row.line && (cutOff || (cur.kind === 'row' && !cur.row.line && cur.row.labels.length > 0));
    const value = ok ? serialValue(prev.row.values[prev.row.values.length - 1]) : null;
    if (value !== null && value === run.length + 1) {
      run.push(k);
      continue;
    }
    apply();
    if (value === 1) run.push(k);
  }
  apply();
  // A row left with no values (its only value was the first serial) was a header after all.
  for (let k = 0; k < items.length; k++) {
    const it = items[k]!;
    if (it.kind === 'row' && it.row.values.length === 0) items[k] = { kind: 'header', cells: it.row.labels };
  }
}
