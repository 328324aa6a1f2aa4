import type { Range } from '../../model/range.js';

/** Where a position sits: running text, a short quoted name, or a book title. */
export const Context = { Text: 0, Quoted: 1, Title: 2 } as const;

/** Marks positions inside short quoted names and book titles (linear, via a difference array). */
export function buildContext(norm: string, paragraphs: readonly Range[], maxQuoted = 30): Uint8Array {
  const n = norm.length;
  const quoted = new Int32Array(n + 1);
  const titled = new Int32Array(n + 1);
  for (const para of paragraphs) {
    const quoteStack: number[] = [];
    const titleStack: number[] = [];
    let asciiQuote = -1;
    for (let i = para.start; i < para.end; i++) {
      const c = norm.charCodeAt(i);
      if (c === 0x201c /* “ */) quoteStack.push(i);
      else if (c === 0x201d /* ” */) {
        const open = quoteStack.pop();
        if (open !== undefined && i - open - 1 <= maxQuoted) {
          quoted[open]!++;
          quoted[i + 1]!--;
        }
      } else if (c === 0x22 /* " */) {
        if (asciiQuote < 0) asciiQuote = i;
        else {
          if (i - asciiQuote - 1 <= maxQuoted) {
            quoted[asciiQuote]!++;
            quoted[i + 1]!--;
          }
          asciiQuote = -1;
        }
      } else if (c === 0x300a /* 《 */) titleStack.push(i);
      else if (c === 0x300b /* 》 */) {
        const open = titleStack.pop();
        if (open !== undefined) {
          titled[open]!++;
          titled[i + 1]!--;
        }
      }
    }
  }
  const out = new Uint8Array(n);
  let q = 0;
  let t = 0;
  for (let i = 0; i < n; i++) {
    q += quoted[i]!;
    t += titled[i]!;
    out[i] = t > 0 ? Context.Title : q > 0 ? Context.Quoted : Context.Text;
  }
  return out;
}
