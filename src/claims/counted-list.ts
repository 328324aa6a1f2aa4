import Decimal from 'decimal.js';
import { figureInterval } from '../arithmetic/interval.js';
import { ClaimList, evidence } from './builder.js';
import { figureRef, type ReportContext } from './context.js';
import type { ClaimOf } from './schema.js';

/** Units that count the items of a list: sessions, events, documents. */
const LIST_UNITS = new Set(['次', '场', '期', '项', '部', '个', '本', '件', '份', '门', '场次', '类', '种', '家', '批', '篇', '条']);
/** How far a count may stand after the list: 等专题培训6次. */
const MAX_GAP = 15;
const CLAUSE_BREAKS = ',;:。!?';
/** A title that names a law or regulation rather than an event. */
const LAW_TITLE = /(法|法典|条例|规定|办法|细则|意见|决定)》$/;

/**
 * Counted lists: named items joined by 、 and followed by their count, e.g.
 * 组织《A》、《B》、《C》等专题培训3次. Items must be book titles (《…》), or, for plain words,
 * the count must follow 等 directly (A、B、C等3项). A list with 等 may name fewer items than
 * the count; more items than the count is always wrong.
 */
export function extractCountedLists(ctx: ReportContext, out: ClaimList): void {
  const { report } = ctx;
  const s = report.normalized;
  let prevEnd = 0;
  for (const f of ctx.figures) {
    const q = f.quantity;
    const floor = Math.max(prevEnd, report.sentences[q.sentence]?.range.start ?? 0);
    prevEnd = q.range.end;
    if (!q.unit || !LIST_UNITS.has(q.unit) || q.qualifierKind !== 'exact') continue;
    // Walk back over the gap to the end of the list: 》 or 等.
    let p = q.range.start;
    let gap = 0;
    while (p > floor && gap <= MAX_GAP && s[p - 1] !== '》' && s[p - 1] !== '等' && !CLAUSE_BREAKS.includes(s[p - 1]!) && s[p - 1] !== '、') {
      p--;
      gap++;
    }
    let open = false;
    if (s[p - 1] === '等') {
      open = true;
      p--;
    }
    const titles = s[p - 1] === '》';
    if (!titles && !(open && gap === 0)) continue;
    // 专题讲座各1次: the count is per item, not of the list.
    if (s.slice(p, q.range.start).includes('各')) continue;
    const items = splitItems(s, floor, p);
    if (items.length < 2) continue;
    // The first item starts at the clause: 司法所组织…开展《宪法》 names just 《宪法》.
    const firstTitle = titles ? s.indexOf('《', items[0]!.start) : -1;
    if (firstTitle >= 0 && firstTitle < items[0]!.end) items[0] = { start: firstTitle, end: items[0]!.end };
    if (titles && !items.every((it) => s.slice(it.start, it.end).includes('《'))) continue;
    // 《宪法》、《民法典》等法律法规宣传活动2场: laws are the topics of the events, not events.
    if (titles && items.filter((it) => LAW_TITLE.test(s.slice(it.start, it.end))).length * 2 > items.length) continue;
    const count = figureInterval(q);
    const n = new Decimal(items.length);
    const tooMany = n.gt(count.hi);
    const exact = n.gte(count.lo) && n.lte(count.hi);
    const verdict = tooMany ? 'fails' : exact || open ? 'holds' : 'unverifiable';
    const refs = [figureRef(report, q, 'count')];
    out.add<ClaimOf<'countedList'>>({
      kind: 'countedList',
      range: q.range,
      figures: refs,
      verdict,
      evidence: evidence(refs, {
        computed: `${items.length} items listed`,
        expected: report.text.slice(q.range.start, q.range.end),
        note: open ? 'the list ends in 等, so it may name fewer items than the count' : undefined,
      }),
      reason: tooMany
        ? 'the list names more items than its count'
        : exact
          ? 'the list names as many items as its count'
          : open
            ? 'an open list (等) names no more items than its count'
            : 'fewer items than the count without 等: some may have been held more than once',
      items: items.map((r) => ({ text: report.text.slice(r.start, r.end), range: r })),
      open,
    });
  }
}

/** Items separated by 、 outside brackets, from the clause start (or `floor`) to `end`. */
function splitItems(s: string, floor: number, end: number): Array<{ start: number; end: number }> {
  let start = end;
  let depth = 0;
  while (start > floor) {
    const c = s[start - 1]!;
    if (c === '》' || c === ')' || c === '”') depth++;
    else if ((c === '《' || c === '(' || c === '“') && depth > 0) depth--;
    else if (depth === 0 && CLAUSE_BREAKS.includes(c)) break;
    start--;
  }
  const items: Array<{ start: number; end: number }> = [];
  let itemStart = start;
  depth = 0;
  for (let i = start; i < end; i++) {
    const c = s[i]!;
    if (c === '《' || c === '(' || c === '“') depth++;
    else if ((c === '》' || c === ')' || c === '”') && depth > 0) depth--;
    else if (depth === 0 && c === '、') {
      if (i > itemStart) items.push({ start: itemStart, end: i });
      itemStart = i + 1;
    }
  }
  if (end > itemStart) items.push({ start: itemStart, end });
  return items;
}
