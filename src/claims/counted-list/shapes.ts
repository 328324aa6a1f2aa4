/**
 * The shapes in which reports write a list with its count. Each reader starts at one count (or
 * rank) and looks a bounded distance back or ahead for its list; it says what it read and how
 * certain the list's boundaries are, and `judge.ts` decides.
 *
 * - before: the list, then its count: 《A》、《B》等专题培训3次; A、B、C三大体系; A和B两个项目
 * - bracket: a set phrase, then its list in brackets: “三项制度”(A、B、C); “四馆一庭”(…)
 * - colon: a count, then its list after a colon: 五个类型的占比是:A…;B…; 7个示范镇分别是:A、B…
 * - rank: a rank, then the ranked items: 前三的镇街为A、B、C; 前10位的是:A…;B…; or before it: A、B包揽前两名
 * - backref: a count whose list ends the clause before: 制定A制度、B办法,实现两个制度全覆盖
 */
import type { Range } from '../../model/range.js';
import { byFirstUnit, codeBits, inBits } from '../../text/chars.js';
import { entryNames, listAfter } from './after.js';
import { holdsCount, isHanCode, type Count } from './counts.js';
import { hasConnective, hasTitle, namesEvent, readings, splitAt, startsAsAction, stripLead, trim, type Reading } from './items.js';
import {
  BREAK as BREAKS,
  charClass,
  CLAUSE_BREAKS,
  CLOSER as CLOSES,
  CLOSERS,
  INTRO_FIRST,
  INTRO_INDEX,
  OPEN_LEADS,
  OPEN_INTROS,
  OPENER as OPENS,
  OPENERS,
  PLAIN_LEADS,
  PREDICATE_STARTS,
  SWEEP_VERBS,
  VERB_INDEX,
  wordAt,
  wordBefore,
  wordIn,
} from './words.js';

/** What a shape read: the count, the readings of its list and how sure the boundaries are. */
export interface Draft {
  count: Count;
  /** Readings of the list, most natural first. */
  readings: Reading[];
  /** The list ends in 等 or is introduced as partial (包括, 含). */
  open: boolean;
  /** Reading more items than the count is a contradiction: the boundaries are certain and each item is a name the count counts. */
  moreCertain: boolean;
  /** Reading fewer items than the count (without 等) is a contradiction: the list certainly starts where it was read. */
  fewerCertain: boolean;
  /** Read on weak evidence (a list joined only by 和, a set phrase after names): claimed only when it holds. */
  speculative: boolean;
  /** How the list was read, for the evidence. */
  how: string;
}

/** How far before a count the words between list and count may run (等专题培训6次). */
const MAX_GAP = 15;
/** How far back a list before its count is read. */
const MAX_LIST = 400;
/** How far a bracketed list runs. */
const MAX_BRACKET = 300;
/** How far after a count or rank its list's colon (or 为, 分别是) may stand. */
const MAX_INTRO = 16;
/** Plain items longer than this are clauses, not names. */
const MAX_NAME = 40;

/** Words between a list and its count that make the count per item or per period, not of the list. */
const PER_ITEM = byFirstUnit(['各', '每', '均', '分别']);

// ----------------------------------------------------------------------------------------- before

/**
 * The list ending right before `count`: book titles or 等 up to 15 characters before it
 * (《A》、《B》等专题培训6次), plain names directly before it and a noun after it (A、B、C三大体系;
 * A、B“两个领导小组”). `floor` is the end of the previous figure: a list never reaches over a figure.
 */
export function listBefore(s: string, count: Count, floor: number, quoted: boolean): Draft | null {
  const p = count.start;
  // The words between the list and the count, back to 》 or 等.
  let g = p;
  while (g > floor && p - g <= MAX_GAP && !stopsGap(s.charCodeAt(g - 1))) g--;
  let listEnd: number;
  let open = false;
  let titled = false;
  if (s.charCodeAt(g - 1) === DENG && g - 1 > floor) {
    open = true;
    listEnd = s.charCodeAt(g - 2) === DENG ? g - 2 : g - 1;
    titled = s.charCodeAt(listEnd - 1) === TITLE_CLOSE;
  } else if (s.charCodeAt(g - 1) === TITLE_CLOSE) {
    titled = true;
    listEnd = g;
  } else {
    // Plain names stand right before the count: only 共 or an opening quote between.
    listEnd = p;
    if (s.charCodeAt(listEnd - 1) === QUOTE_OPEN) listEnd--;
    if (s.charCodeAt(listEnd - 1) === 0x5171 /* 共 */) listEnd--;
    // A、B的三项措施 counts measures of A and B, not A and B.
    if (inBits(NOT_ITEM_END, s.charCodeAt(listEnd - 1))) return null;
    // 发布信息142条, 排污口57个: a count after its noun counts that noun, not the names before it.
    // Sessions stand after their events (召开A会议、B会议3次), which are checked below.
    if (!quoted && count.sense !== 'sessions' && !nounAt(s, count.end)) return null;
    g = listEnd;
  }
  // Copies and documents (1200册, 3件) are read only after book titles.
  if (count.sense === 'instances' && !titled) return null;
  // No words between the list and the count but an opening quote (A、B“两个领导小组”).
  const noGap = g === p || (p - g === 1 && s.charCodeAt(g) === QUOTE_OPEN);
  for (let i = g; i < p; i++) if (wordIn(s, i, PER_ITEM) || wordIn(s, i, VERB_INDEX).length > 1) return null;
  const start = clauseStart(s, listEnd, floor);
  if (!start) return null;
  // Most figures have no list before them: look for a separator or a title before splitting.
  if (!titled && !start.listed) return null;
  // Titles written side by side (《A》《B》) are items too.
  const items = splitAt(s, start.at, listEnd, '、+', '', true);
  if (items.length === 0 || items.some((it) => hasOpenEnd(s, it))) return null;
  if (titled && !items.every((it) => hasTitle(s, it))) titled = false;
  if (count.sense === 'instances' && !titled) return null;
  let verbLed = false;
  if (titled) {
    // 司法所组织…开展《宪法》: the item is the title.
    const first = items[0]!;
    let i = first.start;
    while (s.charCodeAt(i) !== 0x300a /* 《 */) i++;
    items[0] = { start: i, end: first.end };
  } else {
    const lead = stripLead(s, items[0]!);
    items[0] = lead.span;
    verbLed = lead.verbLed;
  }
  if (items.some((it) => holdsCount(s, it.start, it.end))) return null;
  const { sense } = count;
  // Titles mark their items, whatever verb comes with them (收视收听《…》).
  const names = titled || (items.slice(1).every((it) => !startsAsAction(s, it)) && items.every((it) => it.end - it.start <= MAX_NAME));
  // A list of actions is a list only when 等 says so right before the count (…等六大专题学习活动).
  if (!names && !(open && noGap)) return null;
  // A list joined only by 和 (A和B两个项目) is read, but claimed only when it fits.
  let speculative = items.length === 1;
  if (items.length === 1) {
    // One title held several times (《社区矫正法》专题培训3次) is a claim: sessions ≥ topics.
    if (titled && sense === 'sessions') speculative = false;
    else if (sense !== 'kinds' || !hasConnective(s, items[0]!)) return null;
  }
  // Plain words before a count of sessions are topics unless each names an event (A会议、B会议等8次).
  if (sense === 'sessions' && !titled && (items.length < 2 || !items.every((it) => namesEvent(s, it)))) return null;
  const list = sense === 'kinds' ? readings(s, items) : [{ name: 'joined' as const, items }];
  const most = Math.max(...list.map((r) => r.items.length));
  // 三会一课 and 一规划两纲要 after a list are names; 三位一体 counts its first numeral.
  const counted: Count = count.compound ? { ...count, value: count.firstValue, compound: false } : count;
  if (count.compound) speculative = true;
  if (counted.value < 2 && !(titled && sense === 'sessions')) return null;
  // Nobody writes 2 names for 57 kinds: such a count counts something else.
  if (sense === 'kinds' && !open && counted.value > 2 * most + 1) return null;
  return {
    count: counted,
    readings: list,
    open,
    // After 等 and a noun (用工、用地、审批等实际困难2项) the count may be of that noun, not of the kinds listed.
    // Plain meetings may have been held jointly (A会议暨B会议): only titled sessions are certain.
    // Whether every item names an event is read only for titled sessions, the one case that asks.
    moreCertain: !speculative && names && (titled || noGap) && (sense !== 'sessions' || (titled && list.every((r) => r.items.every((it) => namesEvent(s, it))))),
    fewerCertain: !speculative && sense === 'kinds' && names && (start.strong || verbLed || titled),
    speculative,
    how: count.compound
      ? 'names before a set phrase, counted by its first numeral'
      : titled
        ? 'book titles before the count'
        : 'names before the count',
  };
}

/** Characters that end a phrase, not a name: the count after them counts something of the list (A、B的三项措施), or is approximate (近300名). */
const NOT_ITEM_END = codeBits('的之了是为在对把将与和及近约超逾达');

/** Function characters that cannot start the noun after a count. */
const NOT_NOUN = codeBits('的了是为和及与等共均各、');

const DENG = 0x7b49; // 等
const TITLE_CLOSE = 0x300b; // 》
const QUOTE_OPEN = 0x201c; // “

/** Whether a noun starts at `pos` (三大|体系, 3个|阶段), not a clause break or a function word. */
function nounAt(s: string, pos: number): boolean {
  const c = s.charCodeAt(pos);
  return (isHanCode(c) || c === QUOTE_OPEN) && !inBits(NOT_NOUN, c);
}

/** Whether an item holds 等 outside brackets: the list it closes ended there (A、B等纳入C、D). */
function hasOpenEnd(s: string, span: Range): boolean {
  let depth = 0;
  for (let i = span.start; i < span.end; i++) {
    const c = s.charCodeAt(i);
    const kind = charClass(c);
    if ((kind & OPENS) !== 0) depth++;
    else if ((kind & CLOSES) !== 0 && depth > 0) depth--;
    else if (depth === 0 && c === DENG) return true;
  }
  return false;
}

/** Whether the UTF-16 unit `code` is an ASCII digit (false for NaN). */
function isDigitCode(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** Characters the words between a list and its count never hold. */
const GAP_STOPS = codeBits(`${CLAUSE_BREAKS}、《》等0123456789`);

/**
 * Whether the words between a list and its count stop at `c` (one of `GAP_STOPS`). Of the
 * ideographs the walk back mostly meets only 等 is one, so the table is read only below them.
 */
function stopsGap(c: number): boolean {
  return c >= HAN_START ? c === DENG : inBits(GAP_STOPS, c);
}

/** The first CJK unified ideograph: the marks the walks back look for all lie below it but 等和及与. */
const HAN_START = 0x4e00;

/**
 * Where the clause holding a list that ends at `end` starts: after a clause break, an opening
 * bracket the list is inside, or the previous figure (`floor`). `strong` when it is the start of a
 * sentence, of a line or bracket, or after `:` or `;` (a list never runs over those); weak after a
 * comma (a writer may have set one between items) or a figure. Null when the list is inside a book
 * title or longer than a list can be. Walks back at most 400 characters.
 */
function clauseStart(s: string, end: number, floor: number): ClauseStart | null {
  let depth = 0;
  // Whether the clause holds a mark that joins items, noted on the walk back rather than read again.
  let joins = 0;
  for (let i = end; i > floor; i--) {
    if (end - i > MAX_LIST) return null;
    const code = s.charCodeAt(i - 1);
    // Most units are unmarked ideographs: of those only 和及与 are marks, and the bits are read
    // only below them (a bitset read at scattered ideographs costs cache misses).
    if (code >= HAN_START ? code !== HE && code !== JI && code !== YU : !inBits(MARKED, code)) continue;
    const kind = MARK[code]!;
    if (kind >= JOIN) joins |= kind;
    else if (kind === CLOSER) depth++;
    else if (kind === OPENER) {
      if (depth === 0) return code === 0x300a ? null : clause(i, true, joins);
      depth--;
    } else if (depth === 0) {
      return clause(i, code !== 0x2c, joins);
    }
  }
  return clause(floor, floor === 0, joins);
}

/** Where a clause starts, how firmly, and which marks joining items it holds. */
interface ClauseStart {
  at: number;
  strong: boolean;
  /** It holds 、, +, 和, 及 or 与 (what joins the items of a list before its count). */
  listed: boolean;
  /** It holds 、. */
  dun: boolean;
}

function clause(at: number, strong: boolean, joins: number): ClauseStart {
  return { at, strong, listed: joins !== 0, dun: (joins & DUN_MARK) === DUN_MARK };
}

const CLOSER = 1;
const OPENER = 2;
const BREAK = 3;
/** Marks joining items are flags from 4 up: 、 (12) carries both bits, +和及与 (4) one. */
const JOIN = 4;
const DUN_MARK = 8;
/** Closing and opening brackets, clause breaks and marks joining items by char code, so the walk back reads a table. */
const MARK = new Uint8Array(0x10000);
for (const c of CLAUSE_BREAKS) MARK[c.charCodeAt(0)] = BREAK;
for (const c of OPENERS) MARK[c.charCodeAt(0)] = OPENER;
for (const c of CLOSERS) MARK[c.charCodeAt(0)] = CLOSER;
for (const c of '+和及与') MARK[c.charCodeAt(0)] = JOIN;
MARK[0x3001 /* 、 */] = JOIN | DUN_MARK;
const MARKED = codeBits(`${CLAUSE_BREAKS}${OPENERS}${CLOSERS}+和及与、`);
const HE = 0x548c; // 和
const JI = 0x53ca; // 及
const YU = 0x4e0e; // 与
for (const c of `${CLAUSE_BREAKS}${OPENERS}${CLOSERS}+、`) if (c.charCodeAt(0) >= HAN_START) throw new Error(`clauseStart reads marks below U+4E00 only: ${c}`);

// ---------------------------------------------------------------------------------------- bracket

/**
 * A set phrase with its list in brackets right after it: 落实“三项制度”(A制度、B制度、C制度),
 * “四馆一庭”(A馆、B馆、C馆、D馆、E庭). A compound phrase counts the sum of its numerals (4 + 1),
 * or, for phrases such as 三位一体, its first.
 */
export function listInBrackets(s: string, phrase: { end: number; count: Count }): Draft | null {
  let p = phrase.end;
  if (s[p] === '”') p++;
  if (s[p] !== '(') return null;
  const close = closingBracket(s, p);
  if (close < 0) return null;
  let from = p + 1;
  let open = false;
  const openLead = wordAt(s, from, OPEN_LEADS);
  if (openLead) {
    open = true;
    from += openLead.length;
  } else {
    from += wordAt(s, from, PLAIN_LEADS).length;
  }
  let to = close;
  if (s.startsWith('等等', to - 2)) (to -= 2), (open = true);
  else if (s[to - 1] === '等') (to -= 1), (open = true);
  const items = splitAt(s, from, to, '、;');
  if (items.length === 0 || items.some((it) => holdsCount(s, it.start, it.end))) return null;
  // In brackets a compound phrase lists its parts: 四馆一庭 counts 4 + 1, nothing else.
  const count = phrase.count.compound ? { ...phrase.count, firstValue: phrase.count.value } : phrase.count;
  const list = count.sense === 'sessions' || count.sense === 'instances' ? [{ name: 'joined' as const, items }] : readings(s, items);
  const most = Math.max(...list.map((r) => r.items.length));
  if (most < 2) return null;
  // 12个社区(东风社区、红旗社区): two names in brackets for twelve are examples, not the list.
  if (count.sense === 'kinds' && !open && count.value > 2 * most + 1) return null;
  const names = items.every((it) => !startsAsAction(s, it));
  return {
    count,
    readings: list,
    open,
    moreCertain: !count.compound && names && (count.sense !== 'sessions' || items.every((it) => namesEvent(s, it))),
    fewerCertain: count.sense === 'kinds' && !count.compound && names,
    speculative: false,
    how: 'the list in brackets after the count',
  };
}

/** The `)` closing the `(` at `open`, within 300 characters and on the same line, or -1. */
function closingBracket(s: string, open: number): number {
  let depth = 0;
  for (let i = open + 1; i < Math.min(s.length, open + MAX_BRACKET); i++) {
    const c = s.charCodeAt(i);
    if (c === 0x0a) return -1;
    const kind = charClass(c);
    if ((kind & OPENS) !== 0) depth++;
    else if ((kind & CLOSES) !== 0) {
      if (depth === 0) return c === 0x29 /* ) */ ? i : -1;
      depth--;
    }
  }
  return -1;
}

// ------------------------------------------------------------------------------------------ colon

/**
 * A count of kinds, then its list after a colon or 分别是: 五个类型的占比是:A类…;B类…;
 * 7个示范镇分别是:A镇、B镇…. Only a list of names cut at 、 and visibly closed can fail (for
 * having more items); a list of entries may go on in the next sentences.
 */
export function listAfterCount(s: string, count: Count): Draft | null {
  if (count.sense !== 'kinds' || count.compound) return null;
  const intro = introAfter(s, count.end, false);
  if (!intro) return null;
  const list = listAfter(s, intro.listStart, count.value + 2);
  if (!list) return null;
  // 总数171条:A信息124条,B34条…: entries counted in the count's own unit are the parts of a total.
  if (list.items.some((it) => figureIn(s, it, count.classifier))) return null;
  const open = intro.open || list.open;
  if (!open && count.value > 2 * list.items.length + 1) return null;
  const dun = list.mode === 'dun';
  const rs = dun ? readings(s, list.items) : [{ name: 'joined' as const, items: entryNames(s, list.items) }];
  if (Math.max(...rs.map((r) => r.items.length)) < 2) return null;
  const names = list.items.every((it) => !startsAsAction(s, it) && it.end - it.start <= 20);
  return {
    count,
    readings: rs,
    open,
    moreCertain: dun && list.closed && names,
    fewerCertain: false,
    speculative: false,
    how: `the list after the count (${list.mode})`,
  };
}

/** Whether `span` holds an Arabic figure in `unit` (124条). */
function figureIn(s: string, span: Range, unit: string): boolean {
  for (let i = span.start; i < span.end; i++) {
    if (isDigitCode(s.charCodeAt(i)) && !isDigitCode(s.charCodeAt(i + 1)) && s.startsWith(unit, i + 1)) return true;
  }
  return false;
}

/**
 * Where a list starts after a count or rank and its head noun (五个类型的占比是: / 前三的镇街为):
 * after a colon, after 分别是/依次为/如下, or (for ranks, `loose`) after 为/是. Within 16
 * characters and no clause break.
 */
function introAfter(s: string, from: number, loose: boolean): { listStart: number; open: boolean } | null {
  let depth = 0;
  for (let i = from; i < Math.min(s.length, from + MAX_INTRO); i++) {
    const c = s.charCodeAt(i);
    const kind = charClass(c);
    if ((kind & OPENS) !== 0) depth++;
    else if ((kind & CLOSES) !== 0 && depth > 0) depth--;
    if (depth > 0) continue;
    if (c === 0x3a /* : */) return { listStart: i + 1, open: wordBefore(s, i, OPEN_INTROS) !== '' };
    if ((kind & BREAKS) !== 0 || c === 0x3001 /* 、 */ || (c >= 0x30 && c <= 0x39)) return null;
    const w = (inBits(INTRO_FIRST, c) ? wordIn(s, i, INTRO_INDEX) : '') || (loose && (c === 0x4e3a /* 为 */ || c === 0x662f /* 是 */) ? s[i]! : '');
    if (w) {
      const after = i + w.length;
      return { listStart: s[after] === ':' ? after + 1 : after, open: false };
    }
  }
  return null;
}

// ------------------------------------------------------------------------------------------- rank

/**
 * A rank and its ranked items, after it (前三的镇街为A镇、B镇、C镇; 办件量位于前三的部门:A局99件;
 * B局77件;C局68件; 前10位的分别是: and one per line) or before it with a verb that says the
 * subjects took every place (A街、B街…包揽前两名). More items than the rank may be a tie, so only
 * fewer items in a visibly closed list is a contradiction.
 */
export function rankedList(s: string, rank: Count, floor: number): Draft | null {
  let from = rank.end;
  if (s[from] === '的') from++;
  const intro = introAfter(s, from, true);
  if (intro) {
    const list = listAfter(s, intro.listStart, rank.value + 2);
    if (list) {
      const dun = list.mode === 'dun';
      const rs = dun ? readings(s, entryNames(s, list.items)) : [{ name: 'joined' as const, items: entryNames(s, list.items) }];
      if (Math.max(...rs.map((r) => r.items.length)) >= 2) {
        const names = !dun || list.items.every((it) => !startsAsAction(s, it));
        // 住建局99件,公安局77件;城管局68件: two entries joined by a comma read as one.
        const merged = list.mode === 'semicolon' && list.items.some((it) => twoFiguresIn(s, it));
        return {
          count: rank,
          readings: rs,
          open: list.open,
          moreCertain: false,
          fewerCertain: names && !merged && list.closed && (dun || list.mode === 'semicolon'),
          speculative: false,
          how: `the ranked items after the rank (${list.mode})`,
        };
      }
    }
  }
  return sweptBy(s, rank, floor);
}

/** Whether an entry holds two Arabic figures in the same unit (99件 … 77件): two entries run together. */
function twoFiguresIn(s: string, span: Range): boolean {
  const units = new Set<string>();
  for (let i = span.start; i < span.end; i++) {
    const next = s.charCodeAt(i + 1);
    if (isDigitCode(s.charCodeAt(i)) && !isDigitCode(next) && next !== 0x2e /* . */) {
      if (isHanCode(next)) {
        const unit = s[i + 1]!;
        if (units.has(unit)) return true;
        units.add(unit);
      }
    }
  }
  return false;
}

/** Subjects before a rank they took together: A街、B街在…中包揽前两名. */
function sweptBy(s: string, rank: Count, floor: number): Draft | null {
  let verbAt = -1;
  for (let k = 0; k <= 4 && rank.start - k > floor; k++) {
    const v = wordBefore(s, rank.start - k, SWEEP_VERBS);
    if (v) {
      verbAt = rank.start - k - v.length;
      break;
    }
    if ((charClass(s.charCodeAt(rank.start - k - 1)) & BREAKS) !== 0) return null;
  }
  if (verbAt < 0) return null;
  const start = clauseStart(s, verbAt, floor);
  if (!start) return null;
  const items = splitAt(s, start.at, verbAt, '、');
  if (items.length < 2) return null;
  // The last subject ends where its predicate starts: 三元里街|在全市…中.
  const last = items[items.length - 1]!;
  for (let i = last.start + 1; i < last.end; i++) {
    if (wordAt(s, i, PREDICATE_STARTS)) {
      items[items.length - 1] = trim(s, { start: last.start, end: i });
      break;
    }
  }
  if (items.some((it) => holdsCount(s, it.start, it.end))) return null;
  return { count: rank, readings: [{ name: 'joined', items }], open: false, moreCertain: false, fewerCertain: false, speculative: false, how: 'the subjects before a rank they took' };
}

// ---------------------------------------------------------------------------------------- backref

/** How many characters may stand between the comma and a count that refers back (实现两个). */
const MAX_BACKREF_LEAD = 4;

/**
 * A count of kinds just after a comma whose list ends the clause before: 制定A制度、B办法,实现两个
 * 制度全覆盖. Read only when an item ends like the count's noun (…制度 / 两个制度), and claimed
 * only when it holds, since the count may be of something else.
 */
export function listInClauseBefore(s: string, count: Count, floor: number): Draft | null {
  if (count.sense !== 'kinds' || count.compound) return null;
  let b = count.start;
  while (b > floor && count.start - b < MAX_BACKREF_LEAD && isHanCode(s.charCodeAt(b - 1))) b--;
  if (s.charCodeAt(b - 1) !== 0x2c /* , */) return null;
  const end = b - 1;
  // The words after the count (制度全覆盖): an item must end in a two-character word of them, as
  // …审核制度 ends in the 制度 of 两个制度. Words are not segmented, so each pair of the first four
  // characters is tried.
  let h = count.end;
  while (h < s.length && h - count.end < 4 && isHanCode(s.charCodeAt(h))) h++;
  if (h - count.end < 2) return null;
  // The clause is read before the words are cut: most clauses before a comma hold no 、.
  const start = clauseStart(s, end, floor);
  if (!start || !start.dun) return null;
  const nouns: string[] = [];
  for (let i = count.end; i + 2 <= h; i++) nouns.push(s.slice(i, i + 2));
  const items = splitAt(s, start.at, end, '、');
  if (items.length < 2 || !items.some((it) => nouns.some((w) => s.startsWith(w, it.end - 2)))) return null;
  items[0] = stripLead(s, items[0]!).span;
  if (items.some((it) => holdsCount(s, it.start, it.end))) return null;
  return { count, readings: [{ name: 'joined', items }], open: false, moreCertain: false, fewerCertain: false, speculative: true, how: 'the list in the clause before the count' };
}
