/** Smallest buffer of positions, so that a short text never grows it. */
const MIN_CAPACITY = 1024;

/**
 * Ascending offsets into a text of `total` units, collected in one pass. About one unit in eight
 * is collected in reports (digits, sentence and quotation marks): a buffer the size of the text
 * would be four bytes per unit of mostly untouched memory, which for a long report is fresh pages
 * the system must map, so it starts at an eighth and doubles (never past `total`).
 */
export class PositionList {
  /** The offsets; the first `length` are used. */
  positions: Int32Array;
  length = 0;

  constructor(private readonly total: number) {
    this.positions = new Int32Array(Math.min(total, MIN_CAPACITY + (total >>> 3)));
  }

  /** Appends an offset (callers add them in ascending order). */
  add(offset: number): void {
    if (this.length === this.positions.length) {
      const next = new Int32Array(Math.min(this.total, 2 * this.positions.length));
      next.set(this.positions);
      this.positions = next;
    }
    this.positions[this.length++] = offset;
  }
}
