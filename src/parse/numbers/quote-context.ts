import type { Range } from '../../model/range.js';
import { Mark, marksOf, type Marks } from '../marks.js';

/** Where a position sits: running text, a short quoted name, or a book title. */
export const Context = { Text: 0, Quoted: 1, Title: 2 } as const;

/** The marks that open and close names and titles, searched for natively rather than read one unit at a time. */
const MARKS = ['“', '”', '"', '《', '》'] as const;

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
 * marks are visited, found by native search or, when given, from `marks` built over `paragraphs`.
 */
export function buildContext(norm: string, paragraphs: readonly Range[], maxQuoted = 30, marks?: Marks): Uint8Array {
  if (marks) return markedContext(norm, paragraphs, maxQuoted, marks);
  const n = norm.length;
  // Next position of each mark at or after the paragraph being read (n when there is none).
  const next = [n, n, n, n, n];
  const seek = (k: number, from: number): void => {
    const at = norm.indexOf(MARKS[k]!, from);
    next[k] = at < 0 ? n : at;
  };
  for (let k = 0; k < MARKS.length; k++) seek(k, 0);
  const quotedCurly = new Outermost();
  // ASCII-quoted spans pair off in turn and never overlap one another.
  const quotedAscii = new Outermost();
  const titled = new Outermost();
  const quoteStack: number[] = [];
  const titleStack: number[] = [];
  let lastStart = 0;
  for (const para of paragraphs) {
    quoteStack.length = 0;
    titleStack.length = 0;
    let asciiQuote = -1;
    // Paragraphs come in order; one out of order makes every search start again.
    const back = para.start < lastStart;
    lastStart = para.start;
    for (let k = 0; k < MARKS.length; k++) if (back || next[k]! < para.start) seek(k, para.start);
    for (;;) {
      let k = 0;
      for (let m = 1; m < MARKS.length; m++) if (next[m]! < next[k]!) k = m;
      const i = next[k]!;
      if (i >= para.end) break;
      seek(k, i + 1);
      if (k === 0 /* “ */) quoteStack.push(i);
      else if (k === 1 /* ” */) {
        const open = quoteStack.pop();
        if (open !== undefined && i - open - 1 <= maxQuoted) quotedCurly.add(open, i + 1);
      } else if (k === 2 /* " */) {
        if (asciiQuote < 0) asciiQuote = i;
        else {
          if (i - asciiQuote - 1 <= maxQuoted) quotedAscii.add(asciiQuote, i + 1);
          asciiQuote = -1;
        }
      } else if (k === 3 /* 《 */) titleStack.push(i);
      else {
        const open = titleStack.pop();
        if (open !== undefined) titled.add(open, i + 1);
      }
    }
  }
  const out = new Uint8Array(n);
  quotedCurly.fill(out, Context.Quoted);
  quotedAscii.fill(out, Context.Quoted);
  // A title wins over a quotation it overlaps.
  titled.fill(out, Context.Title);
  return out;
}

/** `buildContext` from the marked positions of the paragraphs (see marks.ts). */
function markedContext(norm: string, paragraphs: readonly Range[], maxQuoted: number, marks: Marks): Uint8Array {
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
  titled.fill(out, Context.Title);
  return out;
}
