import { textWidth } from './text-width.js';

/** Characters of context shown on each side of a finding in a code frame. */
const CONTEXT = 24;

const isBreak = (c: number): boolean => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;

/**
 * The line of `text` holding `[start, end)`, cut to some context around it, with a caret line
 * under the range. Widths are terminal columns, so carets line up under Chinese characters
 * (two columns each).
 */
export function codeFrame(text: string, start: number, end: number): { line: string; carets: string } {
  let lineStart = Math.min(start, text.length);
  while (lineStart > 0 && !isBreak(text.charCodeAt(lineStart - 1))) lineStart--;
  let lineEnd = lineStart;
  while (lineEnd < text.length && !isBreak(text.charCodeAt(lineEnd))) lineEnd++;
  const at = Math.min(start, lineEnd);
  const rangeEnd = Math.min(Math.max(end, at + 1), lineEnd);
  const from = Math.max(lineStart, at - CONTEXT);
  const to = Math.min(lineEnd, rangeEnd + CONTEXT);
  const head = from > lineStart ? '…' : '';
  const tail = to < lineEnd ? '…' : '';
  // Tabs and wide or invisible spaces would throw the carets off; show them as one space.
  const clean = (s: string): string => s.replace(/[\t\u00a0\u3000\ue000-\uf8ff]/g, ' ');
  const before = head + clean(text.slice(from, at));
  const marked = clean(text.slice(at, rangeEnd));
  return {
    line: before + marked + clean(text.slice(rangeEnd, to)) + tail,
    carets: ' '.repeat(textWidth(before)) + '^'.repeat(Math.max(1, textWidth(marked))),
  };
}
