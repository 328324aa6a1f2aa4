import type { Range } from './model/range.js';
import type { Report } from './model/report.js';
import type { Section } from './model/structure.js';
import { firstNotBefore } from './text/bisect.js';
import { LineIndex, type LineColumn } from './text/line-index.js';

const lineIndexes = new WeakMap<Report, LineIndex>();

/** The line index of a report's text, built once per report. */
export function lineIndexOf(report: Report): LineIndex {
  let index = lineIndexes.get(report);
  if (!index) {
    index = new LineIndex(report.text);
    lineIndexes.set(report, index);
  }
  return index;
}

/** The 1-based line and column of an offset in the report's text. */
export function positionOf(report: Report, offset: number): LineColumn {
  return lineIndexOf(report).position(offset);
}

/** The caller's text under a range. */
export function textOf(report: Report, range: Range): string {
  return report.text.slice(range.start, range.end);
}

/** The sentence holding an offset (binary search), or null. */
export function sentenceAt(report: Report, offset: number): Report['sentences'][number] | null {
  const list = report.sentences;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const s = list[mid]!;
    if (offset < s.range.start) hi = mid - 1;
    else if (offset >= s.range.end) lo = mid + 1;
    else return s;
  }
  return null;
}

/** Every section, depth first, in document order. */
export function flattenSections(report: Report): Section[] {
  const out: Section[] = [];
  const walk = (list: Section[]): void => {
    for (const s of list) {
      out.push(s);
      walk(s.children);
    }
  };
  walk(report.sections);
  return out;
}

/** The sections enclosing an offset, outermost first. */
export function sectionPathAt(report: Report, offset: number): Section[] {
  const path: Section[] = [];
  let level = report.sections;
  for (;;) {
    const hit = sectionHolding(level, offset);
    if (!hit) return path;
    path.push(hit);
    level = hit.children;
  }
}

/**
 * The sibling holding `offset`, by binary search over siblings in document order: a report of
 * thousands of headings on one level must not make every finding walk them all.
 */
function sectionHolding(siblings: readonly Section[], offset: number): Section | null {
  // The last sibling starting at or before the offset is the only one that can hold it.
  const s = siblings[firstNotBefore(siblings.length, (i) => siblings[i]!.range.start <= offset) - 1];
  return s && offset < Math.max(s.range.end, s.range.start + 1) ? s : null;
}

/**
 * The dates lying within `[from, to)` (start at or after `from`, end by `to`), in text order. The
 * scanner records dates in text order, so a binary search finds the first and only those in reach
 * are looked at: a scan of every date for every figure or section was quadratic.
 */
export function datesWithin(report: Report, from: number, to: number): Report['dates'] {
  const dates = report.dates;
  const out: Report['dates'] = [];
  for (let i = firstNotBefore(dates.length, (k) => dates[k]!.range.start < from); i < dates.length && dates[i]!.range.start < to; i++) if (dates[i]!.range.end <= to) out.push(dates[i]!);
  return out;
}
