import type { Range } from '../model/range.js';
import type { Report } from '../model/report.js';
import type { Section } from '../model/structure.js';
import { flattenSections } from '../report-helpers.js';
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
}

/** Longest line read as an unnumbered heading (主要工作成效, 存在问题, 下一步工作计划). */
const MAX_BARE_HEADING = 30;

/** Whether a paragraph is a bare heading line: short, with no sentence punctuation. */
export function isBareHeading(report: Report, p: Report['paragraphs'][number]): boolean {
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
  const years = report.dates.filter((d) => d.year !== null && d.range.start >= range.start && d.range.end <= range.end).map((d) => d.year!);
  return years.includes(year + 1) && !years.includes(year);
}

/** The shallowest section whose heading names the item and no earlier item took. */
function byHeading(report: Report, sections: Section[], item: ProfileItem, taken: Set<number>): Section | null {
  let best: Section | null = null;
  for (const s of sections) {
    if (taken.has(s.id) || wrongYear(report, s.headingRange, item)) continue;
    const h = normalizedHeading(report, s);
    if (item.headings.some((w) => h.includes(w)) && (!best || s.depth < best.depth)) best = s;
  }
  return best;
}

/**
 * Finds every item of a profile in a report: as a heading, as a clearly marked paragraph (its
 * first sentence names the item), or for some items as the report's own title or opening
 * sentence. A paragraph inside another item's section (the plan's 二是落实…第一责任人职责) does
 * not count for this one.
 */
export function locateItems(report: Report, profile: Profile): Map<string, FoundItem> {
  const sections = flattenSections(report);
  const found = new Map<string, FoundItem>();
  const owned: Array<{ id: string; section: Section }> = [];
  const taken = new Set<number>();
  for (const item of profile.items) {
    const s = byHeading(report, sections, item, taken);
    if (s) {
      found.set(item.id, { item, via: 'heading', range: { start: s.marker.range.start, end: s.headingRange.end }, section: s, span: s.range });
      owned.push({ id: item.id, section: s });
      taken.add(s.id);
    }
  }
  // Unnumbered parts: a bare heading line names the item, and its text runs to the next one.
  const bodyParas = report.paragraphs.filter((p) => p.role === 'body' || p.role === 'heading');
  const bare = bodyParas.filter((p) => isBareHeading(report, p));
  const bodyEnd = bodyParas.length > 0 ? bodyParas[bodyParas.length - 1]!.range.end : report.text.length;
  for (const item of profile.items) {
    if (found.has(item.id)) continue;
    for (let b = 0; b < bare.length; b++) {
      const p = bare[b]!;
      const text = report.normalized.slice(p.range.start, p.range.end);
      if (!item.headings.some((w) => text.includes(w)) || wrongYear(report, p.range, item)) continue;
      const next = bare[b + 1];
      found.set(item.id, { item, via: 'heading', range: p.range, section: null, span: { start: p.range.start, end: next ? next.range.start : bodyEnd } });
      break;
    }
  }
  // The plan speaks of next year: a paragraph in it (二是落实…第一责任人职责) reports nothing done
  // this year. Paragraphs in the other parts may satisfy an item (a 第一责任人 paragraph inside
  // the measures, a 下一步 paragraph after the problems).
  const planIds = new Set(profile.items.filter((i) => i.year === 'next').map((i) => i.id));
  const ownerOf = (offset: number): string | null => {
    for (const o of owned) if (planIds.has(o.id) && o.section.range.start <= offset && offset < o.section.range.end) return o.id;
    return null;
  };
  for (const item of profile.items) {
    if (found.has(item.id)) continue;
    for (const para of report.paragraphs) {
      if (para.role !== 'body' || para.sentences.length === 0) continue;
      const owner = ownerOf(para.range.start);
      if (owner !== null && owner !== item.id) continue;
      const first = report.sentences[para.sentences[0]!]!;
      const text = report.normalized.slice(first.range.start, first.range.end);
      if (item.paragraphs.some((w) => text.includes(w))) {
        const section = para.section === null ? null : (sections.find((s) => s.id === para.section) ?? null);
        found.set(item.id, { item, via: 'paragraph', range: first.range, section, span: section ? section.range : para.range });
        break;
      }
    }
    if (!found.has(item.id) && item.satisfiedByTitle) {
      const title = titleOrOpening(report);
      const words = [...item.headings, ...item.paragraphs];
      if (title && words.some((w) => report.normalized.slice(title.range.start, title.range.end).includes(w))) {
        found.set(item.id, { item, via: 'title', range: title.range, section: null, span: title.range });
      }
    }
  }
  return found;
}

/**
 * Where a missing item was expected: the heading of the next item of the profile that was
 * found (it should have come before), else the end of the previous one, else the first heading.
 */
export function expectedPlace(report: Report, profile: Profile, found: Map<string, FoundItem>, itemId: string): Range {
  const order = profile.items.map((i) => i.id);
  const at = order.indexOf(itemId);
  for (let i = at + 1; i < order.length; i++) {
    const f = found.get(order[i]!);
    if (f?.via === 'heading') return f.range;
  }
  for (let i = at - 1; i >= 0; i--) {
    const f = found.get(order[i]!);
    if (f?.via === 'heading') return { start: f.span.end, end: f.span.end };
  }
  const first = report.sections[0];
  if (first) return { start: first.marker.range.start, end: first.headingRange.end };
  return { start: 0, end: 0 };
}
