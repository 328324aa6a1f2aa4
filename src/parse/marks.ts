import type { Range } from '../model/range.js';
import type { Report } from '../model/report.js';
import { firstNotBefore } from '../text/bisect.js';
import { PositionList } from '../text/positions.js';
import { CHINESE_NUMERAL_CODES } from './numbers/chinese-numeral.js';

/** What a marked unit may matter to: sentence splitting, running enumerations, the figure scanner and counted lists, quote context. */
export const Mark = { Sentence: 1, Enumeration: 2, Figure: 4, Quote: 8 } as const;

/** Marks by UTF-16 unit, made once, at load: the marking table `normalizeView` collects positions by. */
export const MARK_OF: Uint8Array = (() => {
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

/**
 * Where the units that sentence splitting, enumerations, quote context, the figure scanner and
 * the counted-list reader act on stand in the normalised text, found once: each of them then
 * visits only these positions (within its own paragraphs) instead of reading every unit again.
 * The parser collects them while normalising (`normalizeView` with `MARK_OF`).
 */
export class Marks {
  /** Offsets of marked units, ascending; the first `length` are used. */
  readonly positions: Int32Array;
  readonly length: number;

  constructor(list: { readonly positions: Int32Array; readonly length: number }) {
    this.positions = list.positions;
    this.length = list.length;
  }

  /** The marks of the units of `norm` within `ranges` (in order, not overlapping), read anew. */
  static scan(norm: string, ranges: readonly Range[]): Marks {
    let total = 0;
    for (const r of ranges) total += Math.max(0, r.end - r.start);
    const list = new PositionList(total);
    for (const r of ranges) {
      for (let i = r.start; i < r.end; i++) if (MARK_OF[norm.charCodeAt(i)] !== 0) list.add(i);
    }
    return new Marks(list);
  }

  /** Index of the first marked position at or after `offset`. */
  from(offset: number): number {
    const positions = this.positions;
    return firstNotBefore(this.length, (k) => positions[k]! < offset);
  }
}

/** The marks of the reports this process parsed, by report. */
const byReport = new WeakMap<Report, Marks>();

/** Keeps the marks the parser found for `report`. */
export function rememberMarks(report: Report, marks: Marks): void {
  byReport.set(report, marks);
}

/** The marks of a report's whole normalised text: the parser's, or read anew for a report made elsewhere. */
export function marksOfReport(report: Report): Marks {
  let marks = byReport.get(report);
  if (!marks) {
    marks = Marks.scan(report.normalized, [{ start: 0, end: report.normalized.length }]);
    byReport.set(report, marks);
  }
  return marks;
}
