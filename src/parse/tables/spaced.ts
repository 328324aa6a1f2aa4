/**
 * Rows whose cells are separated by tabs or runs of spaces, as PDF and spreadsheet copies give
 * them: `四、结转下年度继续办理 0 0 0 0 0 0 0`. A row is a label (possibly empty) and three or more
 * values at the end of its line (two when the line has a tab). Blank cells leave no trace in this
 * shape, so rows of different widths make the table unreadable.
 */
import { cellKind, isValueKind, rawCell, type RawCell } from './cells.js';

/** The whitespace-separated tokens of a line, as cells. */
export function spacedTokens(norm: string, start: number, end: number): RawCell[] {
  const out: RawCell[] = [];
  let i = start;
  while (i < end) {
    while (i < end && norm.charCodeAt(i) === 0x20) i++;
    if (i >= end) break;
    const a = i;
    while (i < end && norm.charCodeAt(i) !== 0x20) i++;
    const text = norm.slice(a, i);
    out.push({ text, range: { start: a, end: i }, kind: cellKind(text) });
  }
  return out;
}

/** A spaced row: its label cell (null when the line is only values) and its values. */
export interface SpacedRow {
  label: RawCell | null;
  values: RawCell[];
}

/** Longest label a spaced row may have: longer text before the numbers is prose. */
const MAX_LABEL = 40;

/**
 * Reads a line as a spaced row, or returns null. `hasTab` says the original line had a tab, which
 * makes two values enough. Sentences (a `。`, a `,` in the label) are never rows.
 */
export function spacedRow(norm: string, start: number, end: number, hasTab: boolean): SpacedRow | null {
  const tokens = spacedTokens(norm, start, end);
  let k = tokens.length;
  while (k > 0 && isValueKind(tokens[k - 1]!.kind)) k--;
  const values = tokens.slice(k);
  const figures = values.filter((v) => v.kind !== 'notApplicable').length;
  if (figures < (hasTab ? 2 : 3) || figures < values.length - 1) return null;
  if (k === 0) return { label: null, values };
  const label = rawCell(norm, tokens[0]!.range.start, tokens[k - 1]!.range.end);
  if (label.text.length > MAX_LABEL || /[。;!?]/.test(label.text)) return null;
  return { label: { ...label, kind: 'text' }, values };
}

/** Whether a line's tokens are all words (a header line of a spaced table). */
export function headerTokens(norm: string, start: number, end: number): RawCell[] | null {
  if (end - start > 200) return null;
  const tokens = spacedTokens(norm, start, end);
  if (tokens.length === 0 || tokens.some((t) => t.kind !== 'text')) return null;
  return tokens;
}
