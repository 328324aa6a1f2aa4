import { lastAtOrBefore } from './search.js';

/** A 1-based line and column; the column counts UTF-16 code units. */
export interface LineColumn {
  line: number;
  column: number;
}

/** Whether `text` breaks lines only with `\n` (no `\r`, U+2028 or U+2029), so native search finds every break. */
export function onlyLineFeeds(text: string): boolean {
  return text.indexOf('\r') < 0 && text.indexOf('\u2028') < 0 && text.indexOf('\u2029') < 0;
}

/**
 * Maps offsets to lines and columns. Line breaks are `\n`, `\r\n`, a lone `\r` and the
 * Unicode line and paragraph separators (as the parser splits lines), so a CRLF file reports
 * the same lines as its LF twin.
 */
export class LineIndex {
  /** Offset at which each line starts. */
  readonly lineStarts: readonly number[];

  constructor(readonly text: string) {
    const starts = [0];
    if (onlyLineFeeds(text)) {
      // Native search finds each break without reading every unit here.
      for (let br = text.indexOf('\n'); br >= 0; br = text.indexOf('\n', br + 1)) starts.push(br + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || c === 0x2028 || c === 0x2029) starts.push(i + 1);
        else if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        }
      }
    }
    this.lineStarts = starts;
  }

  /** Number of lines (a text with no break has one). */
  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The 1-based line and column of an offset (clamped to the text). */
  position(offset: number): LineColumn {
    const off = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.lineStarts;
    const lo = lastAtOrBefore(starts, off);
    return { line: lo + 1, column: off - starts[lo]! + 1 };
  }

  /** The offset of a 1-based line and column. */
  offset(line: number, column: number): number {
    const start = this.lineStarts[Math.max(0, Math.min(line - 1, this.lineStarts.length - 1))]!;
    return Math.min(this.text.length, start + column - 1);
  }
}

/** The 1-based line and column of `offset` in `text`; build a `LineIndex` for many look-ups. */
export function lineColumn(text: string, offset: number): LineColumn {
  return new LineIndex(text).position(offset);
}
