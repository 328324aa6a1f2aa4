/**
 * Splitting a list into its items, the readings a list allows (A、B和C is three items; in
 * …发展、A和B两个项目 the 、 may join bigger things and A和B alone be the list) and what each item
 * looks like (a name, a verb phrase, an event, a law).
 */
import type { Range } from '../../model/range.js';
import {
  charClass,
  CLOSER,
  codeIn,
  CONNECTIVE_INDEX,
  ENUMERATION_INDEX,
  EVENT_WORDS,
  LAW_TITLE,
  NOT_CONNECTIVE,
  OPENER,
  SPACE,
  VERB_INDEX,
  wordIn,
} from './words.js';

/** One way of reading a list: its items and how they were split. */
export interface Reading {
  /**
   * `split`: at 、 and at 和/及 (A、B和C); `joined`: at 、 only, 和 inside an item (疫情防控和复工复产
   * as one topic); `tail`: only the part after the last 、, split at 和 (the 、 before it joins
   * bigger things).
   */
  name: 'split' | 'joined' | 'tail';
  items: Range[];
}

/** `span` without spaces and the given characters at either end. */
export function trim(s: string, span: Range, extra = ''): Range {
  let { start, end } = span;
  while (start < end && trims(s.charCodeAt(start), extra)) start++;
  while (end > start && trims(s.charCodeAt(end - 1), extra)) end--;
  return { start, end };
}

function trims(code: number, extra: string): boolean {
  return (charClass(code) & SPACE) !== 0 || codeIn(extra, code);
}

/**
 * `s[start, end)` cut at any of `seps` outside brackets, each piece trimmed of spaces and
 * `trimExtra`, empty pieces dropped. With `titlesApart`, titles side by side (《A》《B》) are cut apart.
 */
export function splitAt(s: string, start: number, end: number, seps: string, trimExtra = '', titlesApart = false): Range[] {
  const out: Range[] = [];
  let depth = 0;
  let from = start;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (titlesApart && depth === 0 && c === 0x300a /* 《 */ && s.charCodeAt(i - 1) === 0x300b /* 》 */ && i > from) {
      push(s, out, { start: from, end: i }, trimExtra);
      from = i;
    }
    const kind = charClass(c);
    if ((kind & OPENER) !== 0) depth++;
    else if ((kind & CLOSER) !== 0 && depth > 0) depth--;
    else if (depth === 0 && codeIn(seps, c)) {
      push(s, out, { start: from, end: i }, trimExtra);
      from = i + 1;
    }
  }
  push(s, out, { start: from, end }, trimExtra);
  return out;
}

function push(s: string, out: Range[], span: Range, trimExtra: string): void {
  const t = trim(s, span, trimExtra);
  if (t.end > t.start) out.push(t);
}

/** Where connectives (和, 及, 以及, 与) stand in `span` outside brackets and outside words such as 和谐, 涉及. */
function connectives(s: string, span: Range): Range[] {
  const out: Range[] = [];
  let depth = 0;
  for (let i = span.start; i < span.end; i++) {
    const kind = charClass(s.charCodeAt(i));
    if ((kind & OPENER) !== 0) depth++;
    else if ((kind & CLOSER) !== 0 && depth > 0) depth--;
    else if (depth === 0 && i > span.start) {
      const w = wordIn(s, i, CONNECTIVE_INDEX);
      if (!w || i + w.length >= span.end) continue;
      if (NOT_CONNECTIVE.some((x) => x.includes(w) && s.startsWith(x, i - x.indexOf(w)))) continue;
      out.push({ start: i, end: i + w.length });
      i += w.length - 1;
    }
  }
  return out;
}

/** Whether `span` holds a connective. */
export function hasConnective(s: string, span: Range): boolean {
  return connectives(s, span).length > 0;
}

/** `span` cut at its connectives. */
export function splitConnectives(s: string, span: Range): Range[] {
  const out: Range[] = [];
  let from = span.start;
  for (const c of connectives(s, span)) {
    push(s, out, { start: from, end: c.start }, '');
    from = c.end;
  }
  push(s, out, { start: from, end: span.end }, '');
  return out;
}

/**
 * The readings of a list of names whose items are `items` (cut at 、), most natural first. With no
 * connective there is one reading; with connectives, `split` (each 和 joins two items), then, when
 * the last item holds the connective, `tail`, then `joined` (each 和 is inside an item).
 */
export function readings(s: string, items: Range[]): Reading[] {
  const split = items.flatMap((it) => splitConnectives(s, it));
  if (split.length === items.length) return [{ name: 'split', items }];
  const out: Reading[] = [{ name: 'split', items: split }];
  const last = items[items.length - 1]!;
  if (items.length > 1 && hasConnective(s, last)) out.push({ name: 'tail', items: splitConnectives(s, last) });
  out.push({ name: 'joined', items });
  return out;
}

/** Whether the item starts with a verb, an adverb or an enumeration marker (一是), not a name. */
export function startsAsAction(s: string, span: Range): boolean {
  return wordIn(s, span.start, VERB_INDEX) !== '' || wordIn(s, span.start, ENUMERATION_INDEX) !== '';
}

/** How far into a first item its verb is looked for (组织全区各单位开展 is as long as it gets). */
const LEAD_REACH = 12;

/**
 * The first item of a list without the subject and verb before the list proper:
 * 成立A委员会 → A委员会, 深入开展进社区 → 进社区, 成功经受了国内重点地区 → 国内重点地区.
 * `verbLed` says the item began with its verb, which makes the start of the list certain.
 */
export function stripLead(s: string, span: Range): { span: Range; verbLed: boolean } {
  let p = span.start;
  let verbLed = false;
  for (let w = wordIn(s, p, VERB_INDEX); w && p + w.length < span.end; w = wordIn(s, p, VERB_INDEX)) {
    p += w.length;
    verbLed = true;
  }
  if (!verbLed) {
    // A subject before the verb: 司法所组织…, 全区行政执法单位制定…
    for (let i = span.start + 1; i < Math.min(span.end - 2, span.start + LEAD_REACH); i++) {
      const w = wordIn(s, i, VERB_INDEX);
      if (w.length >= 2) {
        p = i + w.length;
        break;
      }
    }
  }
  if (s[p] === '了' && p + 1 < span.end) p++;
  // 实现区、镇(街)、村(居)三级: one character after the verb is a name.
  return { span: p < span.end ? { start: p, end: span.end } : span, verbLed };
}

/**
 * Whether the item names an event that a count of sessions counts: a book title naming a
 * training or meeting (not a law), or words ending in one (区政府常务会议, 专题培训).
 */
export function namesEvent(s: string, span: Range): boolean {
  const text = s.slice(span.start, span.end);
  if (text.startsWith('《') && LAW_TITLE.test(text)) return false;
  return hasTitle(s, span) ? EVENT_WORDS.some((w) => text.includes(w)) : EVENT_WORDS.some((w) => text.endsWith(w));
}

/** Whether the item holds a book title. */
export function hasTitle(s: string, span: Range): boolean {
  for (let i = span.start; i < span.end; i++) if (s.charCodeAt(i) === 0x300a /* 《 */) return true;
  return false;
}
