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
}

function normalizedHeading(report: Report, s: Section): string {
  return report.normalized.slice(s.headingRange.start, s.headingRange.end);
}

/** The shallowest section whose heading names the item. */
function byHeading(report: Report, sections: Section[], item: ProfileItem): Section | null {
  let best: Section | null = null;
  for (const s of sections) {
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
  for (const item of profile.items) {
    const s = byHeading(report, sections, item);
    if (s) {
      found.set(item.id, { item, via: 'heading', range: { start: s.marker.range.start, end: s.headingRange.end }, section: s });
      owned.push({ id: item.id, section: s });
    }
  }
  const ownerOf = (offset: number): string | null => {
    for (const o of owned) if (o.section.range.start <= offset && offset < o.section.range.end) return o.id;
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
        found.set(item.id, { item, via: 'paragraph', range: first.range, section });
        break;
      }
    }
    if (!found.has(item.id) && item.satisfiedByTitle) {
      const title = titleOrOpening(report);
      const words = [...item.headings, ...item.paragraphs];
      if (title && words.some((w) => report.normalized.slice(title.range.start, title.range.end).includes(w))) {
        found.set(item.id, { item, via: 'title', range: title.range, section: null });
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
    if (f?.section) return { start: f.section.range.end, end: f.section.range.end };
  }
  const first = report.sections[0];
  if (first) return { start: first.marker.range.start, end: first.headingRange.end };
  return { start: 0, end: 0 };
}
