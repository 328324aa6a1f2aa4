// The bare regex scan the benchmarks compare with (issue 12): the floor of one pass over a text.

/** The regex: an optional qualifier, a number, a magnitude, a unit. */
export const FIGURE = /(约|近|超|逾)?(\d[\d,]*(?:\.\d+)?)(万|亿)?(件|宗|户|人次|%|元|平方米|处|场次)?/g;

/** Runs FIGURE over `text` in an exec loop; returns how many matches. */
export function regexScan(text) {
  FIGURE.lastIndex = 0;
  let n = 0;
  while (FIGURE.exec(text) !== null) n++;
  return n;
}
