import type { Range } from '../model/range.js';
import { firstNotBefore } from '../text/bisect.js';
import { CHINESE_NUMERAL_CODES } from './numbers/chinese-numeral.js';

/** What a marked unit may matter to: sentence splitting, running enumerations, the figure scanner, quote context. */
export const Mark = { Sentence: 1, Enumeration: 2, Figure: 4, Quote: 8 } as const;

/** Marks by UTF-16 unit, made once, at load. */
const MARK_OF: Uint8Array = (() => {
  const t = new Uint8Array(0x10000);
  const set = (chars: string, mark: number): void => {
    for (let i = 0; i < chars.length; i++) t[chars.charCodeAt(i)]! |= mark;
  };
  set('(《“)》”。!?', Mark.Sentence);
  set('是第(', Mark.Enumeration);
  for (const c of CHINESE_NUMERAL_CODES) t[c]! |= Mark.Figure;
  set('0123456789第前', Mark.Figure);
  set('“”"《》', Mark.Quote);
  return t;
})();

/** The marks of a UTF-16 unit (0 for most). */
export function marksOf(c: number): number {
  return MARK_OF[c]!;
}

/** Smallest buffer of positions, so that a short text never grows it. */
const MIN_CAPACITY = 1024;

/** `positions` copied into a buffer twice as long (never longer than `total`, the most there can be). */
function grown(positions: Int32Array, total: number): Int32Array {
  const next = new Int32Array(Math.min(total, 2 * positions.length));
  next.set(positions);
  return next;
}

/**
 * Where the units that sentence splitting, enumerations, quote context and the figure scanner act on stand in the
 * body, found in one pass: each of them then visits only these positions instead of reading every
 * unit of the body again. Ranges must come in order and not overlap.
 */
export class Marks {
  /** Offsets of marked units, ascending; the first `length` are used. */
  readonly positions: Int32Array;
  readonly length: number;

  constructor(norm: string, ranges: readonly Range[]) {
    let total = 0;
    for (const r of ranges) total += Math.max(0, r.end - r.start);
    // About one unit in eight is marked in reports (digits, sentence and quotation marks): a
    // buffer the size of the body would be four bytes per unit of mostly untouched memory, which
    // for a long report is fresh pages the system must map, so it starts smaller and doubles.
    let positions: Int32Array = new Int32Array(Math.min(total, MIN_CAPACITY + (total >>> 3)));
    let n = 0;
    for (const r of ranges) {
      for (let i = r.start; i < r.end; i++) {
        if (MARK_OF[norm.charCodeAt(i)] === 0) continue;
        if (n === positions.length) positions = grown(positions, total);
        positions[n++] = i;
      }
    }
    this.positions = positions;
    this.length = n;
  }

  /** Index of the first marked position at or after `offset`. */
  from(offset: number): number {
    const positions = this.positions;
    return firstNotBefore(this.length, (k) => positions[k]! < offset);
  }
}
