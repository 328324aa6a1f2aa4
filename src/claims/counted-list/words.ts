/**
 * Word lists of counted lists: which measure words count kinds and which count sessions, which
 * words start a verb phrase rather than a name, which items name an event. They are read on a
 * view of the text with traditional figure characters folded (個 → 个, 項 → 项, 類 → 类).
 */
import { byFirstUnit, codeBits } from '../../text/chars.js';

/** What a count says about the items listed with it. */
export type CountSense =
  /** Kinds, each named once (三项制度, 三大体系, 3个阶段): items = count, or ≤ with 等. */
  | 'kinds'
  /** Sessions or events (培训3次, 活动2场): one topic may be held many times, so items ≤ count. */
  | 'sessions'
  /** Copies or documents (印发《A》、《B》1200份): items ≤ count; read only for book-title lists. */
  | 'instances'
  /** A rank (前三, 前10位): the ranked items listed, as many as the rank. */
  | 'rank';

/**
 * Measure words after a numeral and what they count, longest first where one is a prefix of
 * another (部分 before 部, 场次 before 场). 大 (三大体系) and 级 (三级平台) count kinds too.
 */
export const CLASSIFIERS: ReadonlyArray<readonly [string, CountSense]> = [
  ['部分', 'kinds'],
  ['方面', 'kinds'],
  ['大类', 'kinds'],
  ['场次', 'sessions'],
  ['批次', 'sessions'],
  ['个', 'kinds'],
  ['项', 'kinds'],
  ['大', 'kinds'],
  ['种', 'kinds'],
  ['类', 'kinds'],
  ['级', 'kinds'],
  ['位', 'kinds'],
  ['名', 'kinds'],
  ['家', 'kinds'],
  ['支', 'kinds'],
  ['所', 'kinds'],
  ['座', 'kinds'],
  ['条', 'kinds'],
  ['部', 'kinds'],
  ['门', 'kinds'],
  ['套', 'kinds'],
  ['处', 'kinds'],
  ['次', 'sessions'],
  ['场', 'sessions'],
  ['期', 'sessions'],
  ['轮', 'sessions'],
  ['批', 'sessions'],
  ['件', 'instances'],
  ['份', 'instances'],
  ['本', 'instances'],
  ['册', 'instances'],
  ['篇', 'instances'],
];

/** 三大 counts a few big kinds; 十九大, 二十大 name party congresses. */
export const MAX_BIG_KINDS = 12;

/** Numeral characters a count of list items is written with (no 万/亿: lists are short). */
export const COUNT_NUMERALS = '〇零一二两三四五六七八九十百';

/** Clause punctuation (half-width after normalisation) and line ends: a list never runs over these. */
export const CLAUSE_BREAKS = ',;:。!?\n';

/** Brackets a list item may hold; 、 inside them does not split items. */
export const OPENERS = '《(“[';
/** The closing twin of each opener, same order. */
export const CLOSERS = '》)”]';

/**
 * Words that start a verb phrase. In `深化改革、优化服务、完善A、B、C三项制度` the segments before A
 * are actions, not list items, so where the list starts is not certain. The first item of a list
 * often carries its verb (成立A委员会、B委员会): that verb is where the list starts.
 */
export const VERB_HEADS = [
  '开展', '组织', '召开', '举办', '举行', '成立', '建立', '健全', '完善', '落实', '实现', '推进',
  '推动', '深化', '加强', '强化', '提升', '提高', '优化', '制定', '出台', '印发', '修订', '构建',
  '打造', '设立', '创建', '开设', '启动', '坚持', '坚定', '增强', '做到', '树立', '贯彻', '参加',
  '参与', '收看', '收听', '收视', '观看', '邀请', '聘请', '完成', '形成', '推行', '推广', '探索',
  '搭建', '整合', '统筹', '保障', '确保', '围绕', '聚焦', '依托', '通过', '经受', '开通', '建成',
  '全面', '深入', '积极', '持续', '进一步', '不断', '大力', '切实', '认真', '扎实', '着力', '严格',
  '努力', '主动', '有效', '以', '将', '把', '对', '确定', '组建', '选取', '选定', '遴选', '认定', '命名',
  '确立', '推荐', '培育',
];

/** Enumeration markers: after them comes a point of a speech, not the name of a list item. */
export const ENUMERATION_HEADS = ['一是', '二是', '三是', '首先', '其次', '第一', '其一'];

/** Words inside an item that name an event, which a count of sessions can count. */
export const EVENT_WORDS = [
  '会议', '大会', '例会', '推进会', '报告会', '座谈会', '培训会', '研讨会', '交流会', '动员会', '部署会',
  '学习会', '培训', '讲座', '报告', '座谈', '研讨', '论坛', '竞赛', '比赛', '活动', '宣讲', '考试',
  '演练', '听证', '观摩', '旁听', '授课', '讲堂', '课堂', '沙龙', '直播',
];

/** A book title that names a law or regulation: the topic of an event, not an event. */
export const LAW_TITLE = /(法|法典|条例|规定|办法|细则|意见|决定|纲要|规划)》$/;

/** Verbs before 前N名 saying the listed subjects took every one of those places. */
export const SWEEP_VERBS = ['包揽', '囊括', '分列', '分获', '分居', '分别获得', '分别位列', '分别位居'];

/** Words that join the last items of a list (A、B和C) or two items (A和B). */
export const CONNECTIVES = ['以及', '和', '及', '与'];
/** Words in which a connective character is not a connective. */
export const NOT_CONNECTIVE = [
  '和谐', '和平', '和美', '和睦', '和解', '温和', '调和', '人和', '及时', '涉及', '普及', '危及', '波及',
  '顾及', '提及', '企及', '惠及', '参与', '给与', '与会', '与其',
];

/** Words before a bracketed list saying it may name only some of the items (含A、B). */
export const OPEN_LEADS = ['主要包括', '主要有', '主要是', '包括', '包含', '其中', '例如', '涉及', '含', '如'];
/** Words before a bracketed or colon list that only introduce it (即A、B; 分别是A、B). */
export const PLAIN_LEADS = ['分别为', '分别是', '依次为', '依次是', '即', '为', '是'];

/** Words right before a list that introduce it: 7个镇分别是…, 类别如下: … */
export const INTRO_WORDS = ['分别是', '分别为', '依次是', '依次为', '如下'];

/** Words that say the list after them may be partial: 主要包括: … */
export const OPEN_INTROS = ['包括', '有'];

/** Words where the predicate after the last item of a subject list begins: A、B在…中包揽前两名. */
export const PREDICATE_STARTS = ['在', '于', '均', '分别', '先后', '同时', '共同', '连续'];

/** Whether `c` is one of the characters of `chars` (false for a position outside the text). */
export function oneOf(chars: string, c: string | undefined): boolean {
  return c !== undefined && c.length === 1 && chars.includes(c);
}

/** Whether the UTF-16 unit `code` is one of the characters of `chars` (false for NaN, outside the text): no one-character string made. */
export function codeIn(chars: string, code: number): boolean {
  for (let k = 0; k < chars.length; k++) if (chars.charCodeAt(k) === code) return true;
  return false;
}

/** Character classes of the scanners, as bits of `CHAR_CLASS`. */
export const OPENER = 1;
export const CLOSER = 2;
/** One of `CLAUSE_BREAKS`. */
export const BREAK = 4;
/** A space or a tab. */
export const SPACE = 8;

/**
 * Each UTF-16 unit's classes, so a scan reads a table instead of making a one-character string
 * and searching a word list for it. Every classed unit is punctuation below U+3100: the table
 * stops there, so the ideographs a scan mostly meets are answered without a memory read (a
 * 64 KB table read at scattered ideographs costs cache misses a whole check long).
 */
const CHAR_CLASS = new Uint8Array(0x3100);
for (const [chars, kind] of [[OPENERS, OPENER], [CLOSERS, CLOSER], [CLAUSE_BREAKS, BREAK], [' \t', SPACE]] as const) {
  for (const c of chars) {
    const code = c.charCodeAt(0);
    if (code >= CHAR_CLASS.length) throw new Error(`CHAR_CLASS stops below ${c}`);
    CHAR_CLASS[code]! |= kind;
  }
}

/** The classes of the UTF-16 unit `code` (none for NaN or the end of the text). */
export function charClass(code: number): number {
  return code < 0x3100 ? CHAR_CLASS[code]! : 0;
}

/** A word list by the char code of its first character, so a lookup tries only the words that can match. */
export type WordIndex = ReadonlyMap<number, readonly string[]>;

/** Each word list asked about by `wordAt`, indexed on first use. */
const BY_FIRST = new WeakMap<readonly string[], WordIndex>();

/** The longest of `words` starting at `pos` in `s`, or ''. */
export function wordAt(s: string, pos: number, words: readonly string[]): string {
  let index = BY_FIRST.get(words);
  if (!index) {
    index = byFirstUnit(words);
    BY_FIRST.set(words, index);
  }
  return wordIn(s, pos, index);
}

/** The longest word of an indexed list starting at `pos` in `s`, or '': `wordAt` without finding the index. */
export function wordIn(s: string, pos: number, index: WordIndex): string {
  const candidates = index.get(s.charCodeAt(pos));
  let best = '';
  if (candidates) for (const w of candidates) if (w.length > best.length && s.startsWith(w, pos)) best = w;
  return best;
}

/** Indexed word lists the scans ask about at many positions. */
export const VERB_INDEX = byFirstUnit(VERB_HEADS);
export const ENUMERATION_INDEX = byFirstUnit(ENUMERATION_HEADS);
export const CONNECTIVE_INDEX = byFirstUnit(CONNECTIVES);
/** Read at each unit after a count (up to 16) while looking for its list's introduction. */
export const INTRO_INDEX = byFirstUnit(INTRO_WORDS);
/** The first units of `INTRO_WORDS`, as bits: most units start none, and are passed without a map lookup. */
export const INTRO_FIRST = codeBits(String.fromCharCode(...INTRO_INDEX.keys()));

/** The longest of `words` ending at `end` in `s`, or ''. */
export function wordBefore(s: string, end: number, words: readonly string[]): string {
  let best = '';
  for (const w of words) if (w.length > best.length && end >= w.length && s.startsWith(w, end - w.length)) best = w;
  return best;
}
