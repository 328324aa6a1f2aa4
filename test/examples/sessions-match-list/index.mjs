// @ts-check
/**
 * sessions-match-list — a count of sessions followed by 分别 and one title per session:
 * 全年召开区政府常务会议学法4次,分别学习了《宪法》、《民法典》、《行政处罚法》 names three
 * sessions for four. The worked example of docs/writing-rules.md, loaded with
 * `jiaohe check report.txt --plugin test/examples/sessions-match-list/index.mjs`.
 */
import { defineRule, figureIntervalOf } from 'jiaohe';
import { z } from 'zod';

/** @typedef {import('jiaohe').Range} Range */
/** @typedef {import('jiaohe').Quantity} Quantity */
/** @typedef {import('jiaohe').Interval} Interval */
/** @typedef {{ items: Range[], open: boolean }} SessionList */

/** Where a clause ends (the normalised text has `,` `;` `:` for `，` `；` `：`). */
const CLAUSE_BREAKS = ',;:。!?\n';
/** At most this many characters between 分别 and the first title: 分别组织集中学习了《. */
const MAX_LEAD = 8;
/** Words that make 分别 share out over something else: 分别由区长和副区长主讲. */
const NOT_IN_LEAD = '和及与由各';
/** What may join two titles: 、, 和, 及, 以及, 与, or nothing (《宪法》《民法典》). */
const JOINERS = ['以及', '、', '和', '及', '与', ''];
/** At most this many characters from the list to the end of its clause: 等法律法规. */
const MAX_TAIL = 10;

/**
 * The end of the title that opens at `open` (just after its 》), or -1 when it does not close on
 * its line. Titles nest: 《学习<民法典>专题培训会》 and 《关于〈…〉的通知》 are one title each.
 * @param {string} s
 * @param {number} open
 * @returns {number}
 */
function titleEnd(s, open) {
  let depth = 0;
  for (let p = open; p < s.length && s[p] !== '\n'; p++) {
    if (s[p] === '《') depth++;
    else if (s[p] === '》' && --depth === 0) return p + 1;
  }
  return -1;
}

/**
 * The list a count shares out with 分别, read from just after the count: `,分别学习了《A》、《B》等…`.
 * Null when the words there are not that shape, or the list does not end its clause cleanly.
 * @param {string} s the normalised text
 * @param {number} from the end of the count
 * @returns {SessionList | null}
 */
function listAfter(s, from) {
  let p = from;
  if (s[p] === ',') p++;
  if (!s.startsWith('分别', p)) return null;
  p += 2;
  const leadStart = p;
  while (p < s.length && s[p] !== '《' && /\p{Script=Han}/u.test(s[p] ?? '') && !NOT_IN_LEAD.includes(s[p] ?? '')) p++;
  if (s[p] !== '《' || p - leadStart > MAX_LEAD) return null;
  /** @type {Range[]} */
  const items = [];
  for (;;) {
    const end = titleEnd(s, p);
    if (end < 0) return null;
    items.push({ start: p, end });
    p = end;
    const joiner = JOINERS.find((j) => s.startsWith(`${j}《`, p));
    if (joiner === undefined) break;
    p += joiner.length;
  }
  const open = s[p] === '等';
  if (open) p++;
  // The rest of the clause: 等法律法规, 为主题. Another title, a 、 or an 和 there means the list
  // goes on in words this rule does not count (《A》、《B》和相关文件), so it is not read.
  let tailEnd = p;
  while (tailEnd < s.length && !CLAUSE_BREAKS.includes(s[tailEnd] ?? '')) tailEnd++;
  const tail = s.slice(p, tailEnd);
  if (tail.length > MAX_TAIL || /[《、]/.test(tail) || /^(和|及|与|以及)/.test(tail)) return null;
  return { items, open };
}

/**
 * The start of the clause a figure stands in.
 * @param {string} s
 * @param {number} at
 * @returns {number}
 */
function clauseStart(s, at) {
  let p = at;
  while (p > 0 && !CLAUSE_BREAKS.includes(s[p - 1] ?? '')) p--;
  return p;
}

/**
 * An interval of whole counts as text: `4`, `[10, 20]`, `[3, ∞)`.
 * @param {Interval} i
 * @returns {string}
 */
function intervalText(i) {
  const lo = i.lo.toString();
  if (!i.hi.isFinite()) return `[${lo}, ∞)`;
  const hi = i.hi.toString();
  return lo === hi ? lo : `[${lo}, ${hi}]`;
}

export const sessionsMatchList = defineRule({
  meta: {
    id: 'sessions-match-list',
    type: 'problem',
    docs: {
      description: {
        zh: '“学法4次,分别学习了《A》、《B》…”:分别列出的篇目数应与场次数相符',
        en: 'A count of sessions followed by 分别 and a list of titles names one title per session',
      },
      url: 'test/examples/sessions-match-list/README.md',
    },
    messages: {
      moreItems: {
        zh: '写明{count},但“分别”之后列举了{items}项',
        en: '{count} stated, but {items} items are listed after 分别',
      },
      fewerItems: {
        zh: '写明{count},但“分别”之后只列举了{items}项,且未写“等”',
        en: '{count} stated, but only {items} items are listed after 分别, without 等',
      },
      item: { zh: '第{n}项:{title}', en: 'item {n}: {title}' },
    },
    options: z.object({
      /** Measure words of a session. */
      units: z.array(z.string().min(1)).default(['次', '场', '期']),
      /** Also report closed lists naming fewer titles than sessions, as info. */
      reportFewer: z.boolean().default(false),
    }),
    defaultSeverity: 'warning',
  },
  check(ctx) {
    const { text, normalized: s, quantities } = ctx.document;
    const units = new Set(ctx.options.units);
    /** @param {Quantity} q */
    const isSessionCount = (q) => q.unit !== null && units.has(q.unit);
    for (const q of quantities) {
      if (!isSessionCount(q)) continue;
      const list = listAfter(s, q.range.end);
      if (!list || list.items.length < 2) continue;
      // 每季度学法1次 / 各1次: the count is per period or per item, not of the list.
      const clause = clauseStart(s, q.range.start);
      if (/[每各]|平均/.test(s.slice(clause, q.range.start))) continue;
      // 学法4次、讲座2场,分别…: 分别 may share out over both counts.
      if (quantities.some((o) => o !== q && isSessionCount(o) && o.range.start >= clause && o.range.end <= q.range.start)) continue;

      // A count of sessions is a whole number: 4次 → [4, 4], 10余场 → [10, 20], 3次以上 → [3, ∞).
      const count = figureIntervalOf(q);
      const n = list.items.length;
      const more = count.hi.lt(n);
      const fewer = !list.open && count.lo.gt(n);
      if (!more && !(fewer && ctx.options.reportFewer)) continue;

      const stated = text.slice(q.range.start, q.range.end);
      const titles = list.items.map((r) => text.slice(r.start, r.end));
      ctx.report({
        messageId: more ? 'moreItems' : 'fewerItems',
        data: { count: stated, items: n },
        range: q.range,
        evidence: {
          figures: [
            {
              role: 'count',
              text: stated,
              value: q.value.toString(),
              interval: { lo: count.lo.toString(), hi: count.hi.toString() },
              range: q.range,
            },
          ],
          expression: `${titles.join('、')}${list.open ? '等' : ''} → ${n}`,
          computed: String(n),
          expected: intervalText(count),
          ...(list.open ? { note: 'the list ends in 等: it may name fewer titles than sessions, never more' } : {}),
        },
        related: list.items.map((r, i) => ({ range: r, message: ctx.message('item', { n: i + 1, title: titles[i] ?? '' }) })),
        ...(more ? {} : { severity: /** @type {const} */ ('info') }),
      });
    }
  },
});

export default sessionsMatchList;
