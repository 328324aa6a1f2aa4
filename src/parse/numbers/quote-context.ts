import type { Range } from '../../model/range.js';
import { Mark, marksOf, type Marks } from '../marks.js';

/** Where a position sits: running text, a short quoted name, or a book title. */
export const Context = { Text: 0, Quoted: 1, Title: 2 } as const;

/**
 * Spans closed so far, kept as the outermost ones only: marks matched on a stack nest or stand
 * apart, so a span that closes covers every recorded span opened after it. Filling only the
 * outermost spans keeps the work linear however deep titles nest.
 */
class Outermost {
  readonly starts: number[] = [];
  readonly ends: number[] = [];

  /** Records `[start, end)`; a span opened after `start` is inside it. */
  add(start: number, end: number): void {
    const { starts, ends } = this;
    while (starts.length > 0 && starts[starts.length - 1]! > start && ends[ends.length - 1]! <= end) {
      starts.pop();
      ends.pop();
    }
    starts.push(start);
    ends.push(end);
  }

  fill(out: Uint8Array, value: number): void {
    for (let k = 0; k < this.starts.length; k++) out.fill(value, this.starts[k], this.ends[k]);
  }
}

/**
 * Marks positions inside short quoted names and book titles. Linear: only the quotation and title
 * marks among `marks` (built over `paragraphs`) are visited.
 */
export function buildContext(norm: string, paragraphs: readonly Range[], marks: Marks, maxQuoted = 30): Uint8Array {
  const quotedCurly = new Outermost();
  const quotedAscii = new Outermost();
  const titled = new Outermost();
  const quoteStack: number[] = [];
  const titleStack: number[] = [];
  const positions = marks.positions;
  for (const para of paragraphs) {
    quoteStack.length = 0;
    titleStack.length = 0;
    let asciiQuote = -1;
    for (let k = marks.from(para.start); k < marks.length; k++) {
      const i = positions[k]!;
      if (i >= para.end) break;
      const c = norm.charCodeAt(i);
      if ((marksOf(c) & Mark.Quote) === 0) continue;
      if (c === 0x201c /* “ */) quoteStack.push(i);
      else if (c === 0x201d /* ” */) {
        const open = quoteStack.pop();
        if (open !== undefined && i - open - 1 <= maxQuoted) quotedCurly.add(open, i + 1);
      } else if (c === 0x22 /* " */) {
        if (asciiQuote < 0) asciiQuote = i;
        else {
          if (i - asciiQuote - 1 <= maxQuoted) quotedAscii.add(asciiQuote, i + 1);
          asciiQuote = -1;
        }
      } else if (c === 0x300a /* 《 */) titleStack.push(i);
      else {
        const open = titleStack.pop();
        if (open !== undefined) titled.add(open, i + 1);
      }
    }
  }
  const out = new Uint8Array(norm.length);
  quotedCurly.fill(out, Context.Quoted);
  quotedAscii.fill(out, Context.Quoted);
  // A title wins over a quotation it overlaps.
  titled.fill(out, Context.Title);
  return out;
}
