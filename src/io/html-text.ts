/**
 * The text an HTML page shows, as it is written out: visible text, the line breaks blocks ask
 * for, and collapsed white space, each unit mapped back to the HTML (`OffsetMap`). Separators are
 * held until the next visible text, so a block edge or a run of spaces at a line's end writes
 * nothing. The element walk that decides what is visible is in html.ts.
 */
import { OffsetMap } from './source.js';

/** Everything a `TextSink` holds, to take back what a list of links wrote (see `restore`). */
export interface Snapshot {
  length: number;
  started: boolean;
  trailingNL: number;
  pendingNL: number;
  cause0Start: number;
  cause0End: number;
  cause1Start: number;
  cause1End: number;
  spaceStart: number;
  spaceEnd: number;
  spaceBreak: boolean;
  spaceKept: boolean;
  prevCode: number;
}

/**
 * East Asian Width F, W or H, Hangul excepted (CJK ideographs and radicals, CJK symbols and
 * punctuation, kana, bopomofo, Yi, full- and half-width forms): a segment break between two such
 * characters is removed (CSS Text 3, as Firefox does). Not ASCII, NBSP or ambiguous-width “”…·.
 */
function eastAsianWide(c: number): boolean {
  if (c < 0x2e80) return false;
  if (c <= 0xa4cf) return c <= 0x303f || (c >= 0x3041 && c <= 0x312f) || (c >= 0x3190 && c <= 0x4dbf) || c >= 0x4e00;
  if (c <= 0xffff) {
    return (
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe10 && c <= 0xfe19) ||
      (c >= 0xfe30 && c <= 0xfe6f) ||
      (c >= 0xff01 && c <= 0xff9f) || // full-width forms, half-width katakana
      (c >= 0xffe0 && c <= 0xffee)
    );
  }
  return (c >= 0x1b000 && c <= 0x1b2ff) || (c >= 0x1f200 && c <= 0x1f2ff) || (c >= 0x20000 && c <= 0x3fffd);
}

/** Whether a white space run holding a segment break between characters `a` and `b` is removed. */
const segmentBreakRemoved = (a: number, b: number): boolean => a === 0x200b || b === 0x200b || (eastAsianWide(a) && eastAsianWide(b));

/** The code point that ends `s`. */
function lastCodePoint(s: string): number {
  const c = s.charCodeAt(s.length - 1);
  return c >= 0xdc00 && c <= 0xdfff && s.length > 1 ? s.codePointAt(s.length - 2)! : c;
}

/** The text being written, its offset map, and the separators waiting for the next visible text. */
export class TextSink {
  readonly map = new OffsetMap();
  private readonly parts: string[] = [];
  /** Units written so far. */
  length = 0;
  /** Some visible text was written. */
  started = false;
  /** Line breaks at the end of what was written. */
  trailingNL = 0;
  /** The character that ends the text (-1 after something that is not a character, an image). */
  private prevCode = -1;
  // Pending separators. A pending space holds a segment break (`spaceBreak`) or must stay
  // whatever its neighbours (`spaceKept`, between cells); each pending break its cause in the HTML.
  private pendingNL = 0;
  private readonly causeStart = [0, 0];
  private readonly causeEnd = [0, 0];
  private spaceStart = -1;
  private spaceEnd = -1;
  private spaceBreak = false;
  private spaceKept = false;

  /** Appends `s`, mapped to `[srcStart, srcEnd)` of the HTML. */
  append(s: string, srcStart: number, srcEnd: number): void {
    this.parts.push(s);
    this.length += s.length;
    this.map.push(s.length, srcStart, srcEnd);
  }

  /** A line break caused by `[s, e)`, unless nothing was written yet or a line is already empty. */
  writeNewline(s: number, e: number): void {
    if (!this.started || this.trailingNL >= 2) return;
    this.append('\n', s, e);
    this.trailingNL++;
  }

  /** Drops the pending space. */
  clearSpace(): void {
    this.spaceStart = -1;
    this.spaceBreak = false;
    this.spaceKept = false;
  }

  /**
   * Writes pending line breaks or the pending space before visible text starting with `next`
   * (-1 when not a character). A space whose run held a segment break is not written between
   * two East Asian wide characters: source lines wrapped inside Chinese text join up.
   */
  flush(next: number): void {
    if (this.pendingNL > 0) {
      for (let k = this.trailingNL; k < this.pendingNL; k++) this.writeNewline(this.causeStart[k]!, this.causeEnd[k]!);
      this.pendingNL = 0;
    } else if (this.spaceStart >= 0 && this.started && this.trailingNL === 0) {
      if (this.spaceKept || !this.spaceBreak || !segmentBreakRemoved(this.prevCode, next)) this.append(' ', this.spaceStart, this.spaceEnd);
    }
    this.clearSpace();
  }

  /** Visible text `s` from `[srcStart, srcEnd)`, after the pending separators; returns where it starts. */
  write(s: string, srcStart: number, srcEnd: number): number {
    this.flush(s.codePointAt(0)!);
    const at = this.length;
    this.append(s, srcStart, srcEnd);
    this.started = true;
    this.trailingNL = 0;
    this.prevCode = lastCodePoint(s);
    return at;
  }

  /** Something that is not a character (an image): white space next to it stays a space. */
  nonCharacter(): void {
    if (this.spaceStart >= 0) this.spaceKept = true;
    this.prevCode = -1;
  }

  /** Everything needed to take back what is written from now on. */
  snapshot(): Snapshot {
    return {
      length: this.length,
      started: this.started,
      trailingNL: this.trailingNL,
      pendingNL: this.pendingNL,
      cause0Start: this.causeStart[0]!,
      cause0End: this.causeEnd[0]!,
      cause1Start: this.causeStart[1]!,
      cause1End: this.causeEnd[1]!,
      spaceStart: this.spaceStart,
      spaceEnd: this.spaceEnd,
      spaceBreak: this.spaceBreak,
      spaceKept: this.spaceKept,
      prevCode: this.prevCode,
    };
  }

  /** Takes back everything written since `snap`, and the pending separators with it. */
  restore(snap: Snapshot): void {
    while (this.length > snap.length) this.length -= this.parts.pop()!.length; // snapshots fall between parts
    this.map.truncate(snap.length);
    this.started = snap.started;
    this.trailingNL = snap.trailingNL;
    this.pendingNL = snap.pendingNL;
    this.causeStart[0] = snap.cause0Start;
    this.causeEnd[0] = snap.cause0End;
    this.causeStart[1] = snap.cause1Start;
    this.causeEnd[1] = snap.cause1End;
    this.spaceStart = snap.spaceStart;
    this.spaceEnd = snap.spaceEnd;
    this.spaceBreak = snap.spaceBreak;
    this.spaceKept = snap.spaceKept;
    this.prevCode = snap.prevCode;
  }

  /** A block edge at `[s, e)`: at least `n` line breaks before the next text. */
  requireBreaks(n: number, s: number, e: number): void {
    this.clearSpace();
    for (let k = this.pendingNL; k < n; k++) {
      this.causeStart[k] = s;
      this.causeEnd[k] = e;
    }
    if (n > this.pendingNL) this.pendingNL = n;
  }

  /** A `<br>` at `[s, e)`: one more line break (at most one empty line). */
  lineBreak(s: number, e: number): void {
    this.clearSpace();
    if (this.pendingNL < 2) {
      this.causeStart[this.pendingNL] = s;
      this.causeEnd[this.pendingNL] = e;
      this.pendingNL++;
    }
  }

  /**
   * Collapsible white space at [s, e): one space, unless at a line's start or end. `segmentBreak`:
   * the run holds a line feed or carriage return; `kept`: a space whatever its neighbours (cells).
   */
  space(s: number, e: number, segmentBreak: boolean, kept = false): void {
    if (this.pendingNL > 0 || !this.started || this.trailingNL > 0) return;
    if (this.spaceStart < 0) {
      this.spaceStart = s;
      this.spaceEnd = e;
    } else if (this.spaceEnd === s) this.spaceEnd = e;
    this.spaceBreak ||= segmentBreak;
    this.spaceKept ||= kept;
  }

  /** The text written, without trailing white space (the map cut to match). */
  finish(isSpace: (c: number) => boolean): string {
    let out = this.parts.join('');
    let end = this.length;
    while (end > 0 && isSpace(out.charCodeAt(end - 1))) end--;
    if (end < out.length) {
      out = out.slice(0, end);
      this.map.truncate(end);
    }
    return out;
  }
}
