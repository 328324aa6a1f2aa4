/**
 * Lists that follow their count or rank: 前三的镇街为A镇、B镇、C镇; 前10位的是:A类8308件;B类…;
 * 五个类型的占比是:投诉类…;咨询类…; or one item per line after a colon. How the items are
 * separated is decided by the first separator after the list starts.
 */
import type { Range } from '../../model/range.js';
import { trim } from './items.js';
import { charClass, CLOSER, codeIn, OPENER } from './words.js';

/** A list read forward from its start. */
export interface ListAfter {
  /**
   * `dun`: names cut at 、, ending at the first clause break; `semicolon`: entries cut at `;`,
   * ending with the sentence; `comma`: entries cut at `,`; `lines`: one entry per line.
   */
  mode: 'dun' | 'semicolon' | 'comma' | 'lines';
  items: Range[];
  /** The list ends in 等: it may name only some items. */
  open: boolean;
  /** The list visibly ends (a clause or sentence break inside the text), rather than running off the page. */
  closed: boolean;
}

/** Lists written out after their count are short; a longer count (前100名) is not checked item by item. */
const MAX_ITEMS = 32;
/** How far a list after its count is read. */
const MAX_SPAN = 600;
/** How far into a line the figure of a line entry is looked for (居民日常服务1412件,主要是…). */
const LINE_HEAD = 30;

const SENTENCE_ENDS = '。!?\n';
const DUN_ENDS = ',;:。!?\n';

/**
 * The list starting at `start`, read to at most `maxItems` entries (lines), or null when nothing
 * list-like follows. Linear in the span read, which is bounded.
 */
export function listAfter(s: string, start: number, maxItems: number): ListAfter | null {
  if (maxItems > MAX_ITEMS) return null;
  let p = start;
  while (p < s.length && (s.charCodeAt(p) === 0x20 || s.charCodeAt(p) === 0x09)) p++;
  if (s.charCodeAt(p) === 0x0a) return linesAfter(s, p + 1, maxItems);
  const limit = Math.min(s.length, p + MAX_SPAN);
  // The first separator decides: 、 (names), ; (entries with figures), or the sentence end.
  let depth = 0;
  let first = '';
  let commas = 0;
  for (let i = p; i < limit; i++) {
    const c = s.charCodeAt(i);
    const kind = charClass(c);
    if ((kind & OPENER) !== 0) depth++;
    else if ((kind & CLOSER) !== 0 && depth > 0) depth--;
    else if (depth === 0) {
      if (c === 0x2c /* , */) commas++;
      // Enough entries cut at commas to judge the count: stop looking for another separator.
      if (commas > maxItems) break;
      if (c === 0x3001 /* 、 */ || c === 0x3b /* ; */ || codeIn(SENTENCE_ENDS, c)) {
        first = s[i]!;
        break;
      }
    }
  }
  if (first === '、') return inline(s, p, limit, 'dun', DUN_ENDS, '、', maxItems);
  if (first === ';') return inline(s, p, limit, 'semicolon', SENTENCE_ENDS, ';', maxItems);
  if (commas > 0) return inline(s, p, limit, 'comma', SENTENCE_ENDS, ',', maxItems);
  return null;
}

function inline(s: string, p: number, limit: number, mode: ListAfter['mode'], ends: string, sep: string, maxItems: number): ListAfter {
  const items: Range[] = [];
  let depth = 0;
  let from = p;
  let end = limit;
  const sepCode = sep.charCodeAt(0);
  for (let i = p; i < limit; i++) {
    const c = s.charCodeAt(i);
    const kind = charClass(c);
    if ((kind & OPENER) !== 0) depth++;
    else if ((kind & CLOSER) !== 0 && depth > 0) depth--;
    else if (depth === 0 && codeIn(ends, c)) {
      end = i;
      break;
    } else if (depth === 0 && c === sepCode) {
      pushItem(s, items, from, i);
      from = i + 1;
      // More entries than the count can use: the rest is not read (keeps each list bounded).
      if (items.length > maxItems) return { mode, items, open: false, closed: false };
    }
  }
  pushItem(s, items, from, end);
  // A list that runs to the end of the text or of the window may go on: it is not closed.
  const closed = end < limit && moreText(s, end + 1);
  const open = endsOpen(s, items);
  return { mode, items, open, closed };
}

function pushItem(s: string, items: Range[], from: number, to: number): void {
  const t = trim(s, { start: from, end: to }, ',;');
  if (t.end > t.start) items.push(t);
}

/** Drops a closing 等/等等 from the last item; says whether there was one. */
function endsOpen(s: string, items: Range[]): boolean {
  const last = items[items.length - 1];
  if (!last) return false;
  const cut = s.startsWith('等等', last.end - 2) ? 2 : s[last.end - 1] === '等' ? 1 : 0;
  if (cut === 0 || last.end - cut <= last.start) return false;
  items[items.length - 1] = trim(s, { start: last.start, end: last.end - cut });
  return true;
}

/**
 * One entry per line: each line that starts with a short name and a figure
 * (居民日常服务1412件,主要是…), up to `maxItems`. A last line cut off where the text ends (医疗)
 * is an entry too, but then the list is not closed.
 */
function linesAfter(s: string, from: number, maxItems: number): ListAfter | null {
  const items: Range[] = [];
  let p = from;
  let closed = false;
  while (p < s.length && items.length < maxItems) {
    let e = s.indexOf('\n', p);
    if (e < 0) e = s.length;
    const line = trim(s, { start: p, end: e });
    if (line.end > line.start) {
      const isLast = !moreText(s, e);
      if (entryLine(s, line)) items.push(line);
      else if (isLast && isFragment(s, line)) {
        items.push(line);
        break;
      } else {
        closed = true;
        break;
      }
    }
    p = e + 1;
  }
  return items.length >= 2 ? { mode: 'lines', items, open: false, closed } : null;
}

/** Longest cut-off entry at the end of a text (医疗): a few characters without punctuation. */
const MAX_FRAGMENT = 12;

/** Whether the last line is an entry cut off where the text ends: a few characters, no punctuation (so not a heading such as 二、…). */
function isFragment(s: string, line: Range): boolean {
  if (line.end - line.start > MAX_FRAGMENT) return false;
  for (let i = line.start; i < line.end; i++) if (',;:。!?、()'.includes(s[i]!)) return false;
  return true;
}

/** Whether a line starts as an entry: a name, then an Arabic figure before the first clause break. */
function entryLine(s: string, line: Range): boolean {
  const end = Math.min(line.end, line.start + LINE_HEAD);
  for (let i = line.start; i < end; i++) {
    const c = s[i]!;
    if (',;:。'.includes(c)) return false;
    if (c >= '0' && c <= '9') return i > line.start;
  }
  return false;
}

/** Whether anything but white space follows `pos`. */
function moreText(s: string, pos: number): boolean {
  WORD.lastIndex = pos;
  return WORD.test(s);
}

/** Any character but white space (the same white space as `\s`). */
const WORD = /\S/g;

/**
 * The name of each entry, for the evidence: the words before its figure or first comma
 * (住建局 of 住建局99件, 住建局 of 住建局,转办129件). An entry without one stays whole.
 */
export function entryNames(s: string, items: Range[]): Range[] {
  return items.map((it) => {
    let end = it.start;
    while (end < it.end && !(s[end]! >= '0' && s[end]! <= '9') && s[end] !== ',') end++;
    const name = trim(s, { start: it.start, end }, '共计为有达');
    return name.end > name.start ? name : it;
  });
}
