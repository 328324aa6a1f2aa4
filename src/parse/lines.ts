import type { Range } from '../model/range.js';

/** Splits the normalised view into non-empty lines, trimmed of blanks. Linear. */
export function splitLines(norm: string): Range[] {
  const out: Range[] = [];
  const n = norm.length;
  let lineStart = 0;
  const push = (start: number, end: number): void => {
    let a = start;
    let b = end;
    while (a < b && norm.charCodeAt(a) === 0x20) a++;
    while (b > a && norm.charCodeAt(b - 1) === 0x20) b--;
    if (b > a) out.push({ start: a, end: b });
  };
  for (let i = 0; i < n; i++) {
    const c = norm.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) {
      push(lineStart, i);
      if (c === 13 && norm.charCodeAt(i + 1) === 10) i++;
      lineStart = i + 1;
    }
  }
  push(lineStart, n);
  return out;
}
