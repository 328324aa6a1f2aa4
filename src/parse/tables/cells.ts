/**
 * Reading one table cell: what it holds (a number, a share, a blank, a dash, words) and the
 * figure inside it. Shared by every table shape.
 */
import { Decimal } from 'decimal.js';
import type { Range } from '../../model/range.js';
import type { TableCell, TableCellKind, TableFigure } from '../../model/table.js';

/** A cell before it is placed in a row: its trimmed text and place in the normalised view. */
export interface RawCell {
  text: string;
  range: Range;
  kind: TableCellKind;
}

/** Count units a cell may carry after its number (`12件`); anything else makes the cell words. */
const CELL_UNITS = ['人次', '万元', '件', '人', '个', '次', '条', '家', '宗', '项', '元', '起', '批', '篇', '户', '场'];

/** Marks written in a cell to say "not applicable" (a dash after normalisation, a slash, 无). */
const NOT_APPLICABLE = new Set(['-', '--', '/', '\\', '无', '—', '——', '*']);

/**
 * A number alone in a cell: sign, digits with optional thousands commas, decimals, then a `%`
 * or a count unit. Each part is matched once, so the pattern cannot backtrack badly.
 */
const NUMBER_CELL = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?[ ]?(%|[\u4e00-\u9fff]{1,2})?$/;

/** Whether `s` is a cell that holds only a figure, and which kind. */
export function cellKind(text: string): TableCellKind {
  if (text.length === 0) return 'blank';
  if (NOT_APPLICABLE.has(text)) return 'notApplicable';
  if (text.length > 24) return 'text';
  const m = NUMBER_CELL.exec(text);
  if (!m) return 'text';
  const unit = m[4];
  if (unit === undefined) return 'number';
  if (unit === '%') return 'percent';
  return CELL_UNITS.includes(unit) ? 'number' : 'text';
}

/** Place values by number of decimals, made once: tables can hold many thousand cells. */
const STEPS: Array<{ step: Decimal; half: Decimal }> = [];

function stepOf(places: number): { step: Decimal; half: Decimal } {
  let s = STEPS[places];
  if (!s) {
    const step = new Decimal(10).pow(-places);
    s = { step, half: step.div(2) };
    STEPS[places] = s;
  }
  return s;
}

/**
 * The figure of a `number` or `percent` cell. A whole count shown in full is exact (its interval
 * is one value, as for the counts in prose); a decimal or a share stands for ± half its last place.
 */
export function cellFigure(cell: RawCell, quantityAt: ReadonlyMap<number, number>): TableFigure | null {
  if (cell.kind !== 'number' && cell.kind !== 'percent') return null;
  const m = NUMBER_CELL.exec(cell.text);
  if (!m) return null;
  const sign = m[1] === '-' ? '-' : '';
  const digits = m[2]!.replace(/,/g, '');
  const decimals = m[3] ?? '';
  const value = new Decimal(`${sign}${digits}${decimals ? `.${decimals}` : ''}`);
  const { step, half } = stepOf(decimals.length);
  const unit = m[4] ?? null;
  const exactCount = unit !== '%' && decimals.length === 0;
  const interval = exactCount ? { lo: value, hi: value } : { lo: value.minus(half), hi: value.plus(half) };
  return {
    value,
    unit,
    step,
    interval,
    range: cell.range,
    quantity: quantityAt.get(cell.range.start) ?? null,
  };
}

/** A placed cell with its figure. */
export function toCell(cell: RawCell, quantityAt: ReadonlyMap<number, number>): TableCell {
  return { text: cell.text, range: cell.range, kind: cell.kind, figure: cellFigure(cell, quantityAt) };
}

/** Whether a cell holds a value a row carries (a figure, a dash), as opposed to words. */
export function isValueKind(kind: TableCellKind): boolean {
  return kind === 'number' || kind === 'percent' || kind === 'notApplicable';
}

/** A raw cell from `[start, end)` of the normalised view, trimmed of spaces. */
export function rawCell(norm: string, start: number, end: number): RawCell {
  let a = start;
  let b = end;
  while (a < b && norm.charCodeAt(a) === 0x20) a++;
  while (b > a && norm.charCodeAt(b - 1) === 0x20) b--;
  const text = norm.slice(a, b);
  // A blank cell keeps the gap between its separators, so it still has a place to point at.
  return { text, range: a < b ? { start: a, end: b } : { start, end }, kind: cellKind(text) };
}

/** Words in a header cell that name a total column. */
const TOTAL_HEADER_WORDS = ['总计', '合计', '小计', '总量', '总数'];
/** Header cells that are a total and nothing else (a unit in brackets aside). */
const PLAIN_TOTALS = new Set(['总计', '合计', '小计', '总量', '总数', '总', '计']);

/**
 * Whether a header cell names a total: `plain` when the cell is only 总计/合计/小计/总量 (a cell
 * that is only 总 or 计 is such a name split over two lines by a PDF), `qualified` when the word
 * is part of a longer name (派遣案件总数, 对外公开总数量), which may count something else than the
 * columns beside it; null when it names no total.
 */
export function totalHeaderKind(text: string): 'plain' | 'qualified' | null {
  const t = text.replace(/\s+/g, '').replace(/\([^)]*\)$/, '').replace(/[:：]$/, '');
  if (PLAIN_TOTALS.has(t)) return 'plain';
  return TOTAL_HEADER_WORDS.some((w) => t.includes(w)) ? 'qualified' : null;
}

/** Whether a header cell names a total, plainly or as part of a longer name. */
export function namesTotalHeader(text: string): boolean {
  return totalHeaderKind(text) !== null;
}

/** Words in a row label that make the row a total of the rows above it. */
const TOTAL_ROW_WORDS = ['总计', '合计', '小计', '总量'];

/** Whether a row label names a total row (总计, 合计, 小计); `其中…` rows are parts, never totals. */
export function namesTotalRow(label: string): boolean {
  const t = label.replace(/\s+/g, '');
  if (t.startsWith('其中')) return false;
  return TOTAL_ROW_WORDS.some((w) => t.includes(w));
}

/** Whether a row label names a subtotal (小计): its members end at the previous subtotal. */
export function namesSubtotal(label: string): boolean {
  return label.includes('小计');
}

/**
 * Words in a column header that make the column another measure than the counts it stands
 * beside (a rate, a change, last year's figure, a running total): such a column is never a
 * member of a row total.
 */
const NOT_MEMBER_WORDS = ['率', '比', '增', '减', '上年', '去年', '同期', '累计', '平均', '占'];

/** Whether a column header names another measure than a count to be added up. */
export function namesOtherMeasure(header: string): boolean {
  return NOT_MEMBER_WORDS.some((w) => header.includes(w));
}

/** A marker written alone in a cell, its label in the next cell: `(三)` then `不予公开`. */
const BARE_MARKER = /^(?:\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、]|\(\d{1,2}\))$/;

/** Whether a cell is only a numbering marker. */
export function isBareMarker(text: string): boolean {
  return BARE_MARKER.test(text);
}

/** The kind of numbering a row label starts with, or `none`; labels of one kind are siblings. */
export function labelMarkerKind(text: string): string {
  const c = text.charAt(0);
  if (c === '(') {
    if (/^\([一二三四五六七八九十]{1,3}\)/.test(text)) return 'chinese-paren';
    if (/^\(\d{1,2}\)/.test(text)) return 'arabic-paren';
    return 'none';
  }
  if (/^[一二三四五六七八九十]{1,3}、/.test(text)) return 'chinese-dun';
  if (/^\d{1,2}[.、](?!\d)/.test(text)) return 'arabic-dot';
  if (/^[\u2460-\u2473]/.test(text)) return 'circled';
  return 'none';
}
