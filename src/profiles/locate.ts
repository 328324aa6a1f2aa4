import type { Range } from '../model/range.js';
import type { Report } from '../model/report.js';
import type { Paragraph, Section } from '../model/structure.js';
import { datesWithin, flattenSections } from '../report-helpers.js';
import { titleOrOpening } from './detect.js';
import type { Profile, ProfileItem } from './schema.js';

/** Where a content item was found. */
export interface FoundItem {
  item: ProfileItem;
  via: 'heading' | 'paragraph' | 'title';
  /** The heading, the paragraph's first sentence, or the title that satisfies it. */
  range: Range;
  /** The section it opens or sits in, when any. */
  section: Section | null;
  /** The text that belongs to the item: its section, or an unnumbered part up to the next one. */
  span: Range;
  /**
   * Whether it is one of the report's parts: a top-level heading or an unnumbered part line.
   * False for a sub-heading or a marked paragraph inside another part, or the title.
   */
  part: boolean;
}

/** Longest line read as an unnumbered heading (主要工作成效, 存在问题, 下一步工作计划). */
const MAX_BARE_HEADING = 30;

/** Whether a paragraph is a bare heading line: short, with no sentence punctuation. */
export function isBareHeading(report: Report, p: Report['paragraphs'][number]): boolean {
  // Longer than the longest heading even without a closing mark: no need to read it.
  if (p.role !== 'body' || p.range.end - p.range.start > MAX_BARE_HEADING + 1) return false;
  // A closing colon or full stop is allowed: 主要工作成效: / 存在问题。
  const text = report.normalized.slice(p.range.start, p.range.end).replace(/[:。]$/, '');
  return p.role === 'body' && text.length <= MAX_BARE_HEADING && !/[。,;:!?]/.test(text);
}

function normalizedHeading(report: Report, s: Section): string {
  return report.normalized.slice(s.headingRange.start, s.headingRange.end);
}

/**
 * Whether a heading's year rules it out for the item: the measures of year Y are not under a
 * heading that names Y+1 and not Y (四、2023年主要工作安排 is the plan). A plan heading naming the
 * wrong year is still the plan, for `plan-year` to report.
 */
function wrongYear(report: Report, range: Range, item: ProfileItem): boolean {
  const year = report.metadata.reportingYear?.year;
  if (year === undefined || item.year !== 'reporting') return false;
  const years = datesWithin(report, range.start, range.end).filter((d) => d.year !== null).map((d) => d.year!);
  return years.includes(year + 1) && !years.includes(year);
}

/** The first top-level section whose heading (`heads`, normalised) names the item and no earlier item took. */
function byHeading(report: Report, roots: readonly Section[], heads: readonly string[], item: ProfileItem, taken: Set<number>): Section | null {
  for (let i = 0; i < roots.length; i++) {
    const s = roots[i]!;
    const h = heads[i]!;
    if (!taken.has(s.id) && item.headings.some((w) => h.includes(w)) && !wrongYear(report, s.headingRange, item)) return s;
  }
  return null;
}

/**
 * Whether an unnumbered heading line stands at the level of the report's parts: it is outside
 * every numbered section, or the numbering starts again at 1 after it (主要工作成效 / 一、… 二、…
 * / 存在问题 / 一、…). A bare line inside a numbered part that carries on is nested in it.
 */
function bareLineIsPart(p: Paragraph, next: Section | undefined): boolean {
  if (p.section === null) return true;
  return next !== undefined && next.depth === 1 && next.marker.number === 1;
}

/** For each line, the first section that opens after it: one walk over both, in document order. */
function nextSections(lines: readonly Paragraph[], sections: readonly Section[]): Array<Section | undefined> {
  const out: Array<Section | undefined> = [];
  let k = 0;
  for (const p of lines) {
    while (k < sections.length && sections[k]!.range.start < p.range.end) k++;
    out.push(sections[k]);
  }
  return out;
}

/**
 * Finds every item of a profile in a report. An item is one of the report's parts when a
 * top-level heading (or an unnumbered part line) names it by one of its heading phrases. Below
 * that level a heading counts only as a clearly marked paragraph does: when it names the item
 * by one of its paragraph phrases (（一）党政主要负责人履行推进法治建设第一责任人职责 inside the
 * measures), so a measures sub-heading such as 3、落实全年法治政府建设工作要点 never stands for
 * the plan. Some items may also be the report's own title or opening sentence. Nothing inside
 * the plan's part counts for another item (the plan's 二是落实…第一责任人职责 is next year's).
 */
export function locateItems(report: Report, profile: Profile): Map<string, FoundItem> {
  const sections = flattenSections(report);
  const roots = report.sections;
  const found = new Map<string, FoundItem>();
  const owned: Array<{ id: string; span: Range }> = [];
  const taken = new Set<number>();
  const heads = roots.map((s) => normalizedHeading(report, s));
  for (const item of profile.items) {
    const s = byHeading(report, roots, heads, item, taken);
    if (s) {
      found.set(item.id, { item, via: 'heading', range: headingRange(s), section: s, span: s.range, part: true });
      owned.push({ id: item.id, span: s.range });
      taken.add(s.id);
    }
  }
  // Unnumbered parts: a bare heading line names the item, and its text runs to the next one.
  const bodyParas = report.paragraphs.filter((p) => p.role === 'body' || p.role === 'heading');
  const bare = bodyParas.filter((p) => isBareHeading(report, p));
  const bodyEnd = bodyParas.length > 0 ? bodyParas[bodyParas.length - 1]!.range.end : report.text.length;
  const afterBare = nextSections(bare, sections);
  for (const item of profile.items) {
    if (found.has(item.id)) continue;
    for (let b = 0; b < bare.length; b++) {
      const p = bare[b]!;
      const text = report.normalized.slice(p.range.start, p.range.end);
      if (!item.headings.some((w) => text.includes(w)) || wrongYear(report, p.range, item) || !bareLineIsPart(p, afterBare[b])) continue;
      const next = bare[b + 1];
      const span = { start: p.range.start, end: next ? next.range.start : bodyEnd };
      found.set(item.id, { item, via: 'heading', range: p.range, section: null, span, part: true });
      owned.push({ id: item.id, span });
      break;
    }
  }
  // The plan speaks of next year: a paragraph in it (二是落实…第一责任人职责) reports nothing done
  // this year. Paragraphs in the other parts may satisfy an item (a 第一责任人 paragraph inside
  // the measures, a 下一步 paragraph after the problems).
  const planIds = new Set(profile.items.filter((i) => i.year === 'next').map((i) => i.id));
  const plans = owned.filter((o) => planIds.has(o.id));
  const ownerOf = (offset: number): string | null => {
    for (const o of plans) if (o.span.start <= offset && offset < o.span.end) return o.id;
    return null;
  };
  const byId = new Map<number, Section>();
  if (found.size < profile.items.length) for (const s of sections) byId.set(s.id, s);
  // Each paragraph's opening and plan owner found once, however many items look at it.
  const openings: Array<string | undefined> = [];
  const owners: Array<string | null | undefined> = [];
  for (const item of profile.items) {
    if (found.has(item.id)) continue;
    for (const para of report.paragraphs) {
      if ((para.role !== 'body' && para.role !== 'heading') || para.sentences.length === 0) continue;
      const owner = owners[para.index] !== undefined ? owners[para.index]! : (owners[para.index] = ownerOf(para.range.start));
      if (owner !== null && owner !== item.id) continue;
      const section = para.section === null ? null : (byId.get(para.section) ?? null);
      // A heading line: its own words, as a marked paragraph's first sentence would be read.
      const opens = section !== null && section.paragraph === para.index ? section : null;
      if (opens && !taken.has(opens.id)) {
        const h = normalizedHeading(report, opens);
        if (item.paragraphs.some((w) => h.includes(w)) && !wrongYear(report, opens.headingRange, item)) {
          found.set(item.id, { item, via: 'heading', range: headingRange(opens), section: opens, span: opens.range, part: opens.depth === 1 });
          taken.add(opens.id);
          break;
        }
      }
      if (para.role !== 'body') continue;
      const first = report.sentences[para.sentences[0]!]!;
      const text = (openings[para.index] ??= report.normalized.slice(first.range.start, first.range.end));
      if (item.paragraphs.some((w) => text.includes(w))) {
        found.set(item.id, { item, via: 'paragraph', range: first.range, section, span: section ? section.range : para.range, part: false });
        break;
      }
    }
    if (!found.has(item.id) && item.satisfiedByTitle) {
      const title = titleOrOpening(report);
      const words = [...item.headings, ...item.paragraphs];
      if (title && words.some((w) => report.normalized.slice(title.range.start, title.range.end).includes(w))) {
        found.set(item.id, { item, via: 'title', range: title.range, section: null, span: title.range, part: false });
      }
    }
  }
  return found;
}

/** A section's marker and heading text. */
function headingRange(s: Section): Range {
  return { start: s.marker.range.start, end: s.headingRange.end };
}

/**
 * Where a missing item was expected: the heading of the next item of the profile found as a
 * part (it should have come before), else the end of the previous part, else the first heading.
 * An item found inside another part (a sub-heading, a paragraph) does not say where parts go.
 */
export function expectedPlace(report: Report, profile: Profile, found: Map<string, FoundItem>, itemId: string): Range {
  const order = profile.items.map((i) => i.id);
  const at = order.indexOf(itemId);
  for (let i = at + 1; i < order.length; i++) {
    const f = found.get(order[i]!);
    if (f?.part) return f.range;
  }
  for (let i = at - 1; i >= 0; i--) {
    const f = found.get(order[i]!);
    if (f?.part) return { start: f.span.end, end: f.span.end };
  }
  const first = report.sections[0];
  if (first) return { start: first.marker.range.start, end: first.headingRange.end };
  return { start: 0, end: 0 };
}
