import stringWidth from 'string-width';

/** Characters of context shown on each side of a finding in a code frame. */
const CONTEXT = 24;

/**
 * One line of text around `[start, end)` with a caret line under the range. Widths are terminal
 * columns, so carets line up under Chinese characters (two columns each).
 */
export function codeFrame(text: string, lineStart: number, start: number, end: number): { line: string; carets: string } {
  let lineEnd = text.indexOf('\n', lineStart);
  if (lineEnd < 0) lineEnd = text.length;
  if (text[lineEnd - 1] === '\r') lineEnd--;
  const rangeEnd = Math.min(Math.max(end, start + 1), lineEnd);
  const from = Math.max(lineStart, start - CONTEXT);
  const to = Math.min(lineEnd, rangeEnd + CONTEXT);
  const head = from > lineStart ? '…' : '';
  const tail = to < lineEnd ? '…' : '';
  const clean = (s: string): string => s.replace(/[\t\u00a0\u3000\ue000-\uf8ff]/g, ' ');
  const before = head + clean(text.slice(from, start));
  const marked = clean(text.slice(start, rangeEnd));
  return {
    line: before + marked + clean(text.slice(rangeEnd, to)) + tail,
    carets: ' '.repeat(stringWidth(before)) + '^'.repeat(Math.max(1, stringWidth(marked))),
  };
}
