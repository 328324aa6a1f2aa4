import type { Range } from '../model/range.js';
import { onlyLineFeeds } from '../text/line-index.js';

/** Splits the normalised view into non-empty lines, trimmed of blanks. Linear. */
export function splitLines(norm: string): Range[] {
  const out: Range[] = [];
  const n = norm.length;
  if (onlyLineFeeds(norm)) {
    // The common case: jump from break to break with native search instead of reading every unit.
    let lineStart = 0;
    for (;;) {
      const br = norm.indexOf('\n', lineStart);
      const lineEnd = br < 0 ? n : br;
      pushTrimmed(norm, lineStart, lineEnd, out);
      if (br < 0) return out;
      lineStart = br + 1;
    }
  }
  let lineStart = 0;
  for (let i = 0; i < n; i++) {
    const c = norm.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) {
      pushTrimmed(norm, lineStart, i, out);
      if (c === 13 && norm.charCodeAt(i + 1) === 10) i++;
      lineStart = i + 1;
    }
  }
  pushTrimmed(norm, lineStart, n, out);
  return out;
}

/** Adds `[start, end)` trimmed of blanks, unless nothing is left. */
function pushTrimmed(norm: string, start: number, end: number, out: Range[]): void {
  let a = start;
  let b = end;
  while (a < b && norm.charCodeAt(a) === 0x20) a++;
  while (b > a && norm.charCodeAt(b - 1) === 0x20) b--;
  if (b > a) out.push({ start: a, end: b });
}
