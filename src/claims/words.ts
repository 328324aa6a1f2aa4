/**
 * The word lists that say what a figure is about, loaded once from `rules/lexicon/words.json`
 * (validated by a test). Every extractor and cross-document fact reads them from here, so a question
 * such as "is this an intake count?" has one answer everywhere.
 */
import { z } from 'zod';
import wordsData from '../../rules/lexicon/words.json';
import { WordTrie } from './word-trie.js';

const list = z.array(z.string().min(1));

/** The shape of `rules/lexicon/words.json`. */
export const WordsSchema = z.object({
  actions: z.object({
    /** Things received: 受理, 接收, 立案 … */
    intake: list,
    /** Items passed on to others to handle: 派单, 转办 … */
    dispatch: list,
    /** A qualifier that narrows an intake to the items that count: 有效. */
    valid: list,
    /** Items due by now, the base of a completion rate: 应办结 … */
    due: list,
    /** Items closed: 办结, 结案 … */
    done: list,
    /** Items still open: 在办, 办理中 … */
    pending: list,
    /** Outcomes that cannot exceed their intake: 办结, 归档, 答复 … */
    outcome: list,
    /** Items handled (received or closed), for cross-document facts. */
    handled: list,
    /** How a review or complaint ended: 维持, 驳回, 撤销 … (each case ends one way). */
    disposition: list,
    /** Words that narrow an outcome to part of it by time: 按时, 超时 … */
    timing: list,
  }),
  /** Actions that name the same thing: 结案 and 办结. */
  sameAction: z.record(z.string(), z.string()),
  /** Words that label a total: 共计, 合计, 总量 … */
  totals: list,
  /** Words holding a total word that name no total: 公共, 共同, 总结 … */
  notTotals: list,
  periods: z.object({
    /** Part of the reporting year: 上半年, 季度 … */
    partOfYear: list,
    /** Cumulative over more than the period: 累计, 以来. */
    cumulative: list,
    /** Another year's figure: 上年, 去年, 同期. */
    otherYear: list,
    /** A change, not a level: 同比, 增长, 减少 … */
    change: list,
  }),
  bodies: z.object({
    /** A body wider than a street or town: 全区, 全市 … */
    wider: list,
    /** A body wider than a district. */
    widerThanDistrict: list,
    /** Ends of the names of departments, courts and teams: 局, 法院, 大队 … */
    department: list,
  }),
  /** Words that narrow a figure to part of its metric: 通过, 其中, 专项 … */
  parts: list,
  /** Named bases that say only "the whole" (占总量的, 占全市总量的): no particular figure. */
  genericBases: list,
  /** A category that holds everything else: a list naming it is complete. */
  others: list,
  /** Qualifier pairs that exclude each other: a part labelled 无效 is no part of an 有效 total. */
  antonyms: z.array(z.tuple([z.string(), z.string()])),
});
/** The word lists. */
export type Words = z.infer<typeof WordsSchema>;

/**
 * The built-in word lists, without the file's `$comment`. Not parsed at load (zod costs a new
 * process more than checking a report takes): test/unit/builtin-data.test.ts holds them to
 * `WordsSchema`, and to being exactly what parsing the file would return, so a bad edit still fails.
 */
export const WORDS: Words = (({ $comment: _, antonyms, ...lists }) => ({ ...lists, antonyms: antonyms as Array<[string, string]> }))(wordsData);

/**
 * One bit per word list a figure's words are tested against. The first ten are the action kinds,
 * in the order of `rules/lexicon/words.json`; the last few are short lists of single extractors.
 */
export const W = {
  intake: 1 << 0,
  dispatch: 1 << 1,
  valid: 1 << 2,
  due: 1 << 3,
  done: 1 << 4,
  pending: 1 << 5,
  outcome: 1 << 6,
  handled: 1 << 7,
  disposition: 1 << 8,
  timing: 1 << 9,
  change: 1 << 10,
  otherYear: 1 << 11,
  cumulative: 1 << 12,
  partOfYear: 1 << 13,
  part: 1 << 14,
  total: 1 << 15,
  wider: 1 << 16,
  widerThanDistrict: 1 << 17,
  others: 1 << 18,
  /** 按时, 在办: with done and outcome words, a stage of a total rather than a category. */
  stage: 1 << 19,
  /** 其中, 按期, 按时, 逾期: a count that is part of another. */
  subCount: 1 << 20,
  /** 以来新增: with parts and parts of the year, a figure narrower than its metric. */
  sinceNew: 1 << 21,
  /** 共: with intake words, a count that opens a group. */
  gong: 1 << 22,
  /** Words holding a total word that name no total: 公共, 总结 … */
  notTotal: 1 << 23,
  /** An action word of the lexicon (added by the report context, per lexicon). */
  lexiconAction: 1 << 24,
  /** The ends of department names (局, 法院, 委 …): without one, `namesDepartment` cannot hold. */
  department: 1 << 25,
} as const;

/** Adds every word list above but the lexicon's actions to a trie. */
export function addWordLists(trie: WordTrie): WordTrie {
  const a = WORDS.actions;
  trie.add(a.intake, W.intake).add(a.dispatch, W.dispatch).add(a.valid, W.valid).add(a.due, W.due).add(a.done, W.done);
  trie.add(a.pending, W.pending).add(a.outcome, W.outcome).add(a.handled, W.handled).add(a.disposition, W.disposition);
  trie.add(a.timing, W.timing).add(WORDS.periods.change, W.change).add(WORDS.periods.otherYear, W.otherYear);
  trie.add(WORDS.periods.cumulative, W.cumulative).add(WORDS.periods.partOfYear, W.partOfYear).add(WORDS.parts, W.part);
  trie.add(WORDS.totals, W.total).add(WORDS.bodies.wider, W.wider).add(WORDS.bodies.widerThanDistrict, W.widerThanDistrict);
  trie.add(WORDS.others, W.others).add(['按时', '在办'], W.stage).add(['其中', '按期', '按时', '逾期'], W.subCount);
  trie.add(['以来新增'], W.sinceNew).add(['共'], W.gong).add(WORDS.notTotals, W.notTotal);
  trie.add(WORDS.bodies.department, W.department);
  return trie;
}

/** Every word list above in one trie: a span is read once for all of them. */
export const WORD_TRIE: WordTrie = addWordLists(new WordTrie());

/** Whether a figure's word bits (`labelWords`, `rawWords` … of its context) hold any of `lists`. */
export function hasWords(words: number, lists: number): boolean {
  return (words & lists) !== 0;
}

/** Whether a label contains any of the words. */
export function hasAny(label: string, words: readonly string[]): boolean {
  for (const w of words) if (label.includes(w)) return true;
  return false;
}

/** The action a word stands for, when two words name one thing (结案 → 办结). */
export function sameAction(action: string): string {
  // Action words are Chinese: a Map answers them. A word in ASCII could name a property every
  // object has (constructor …), which the record lookup answers its own way: kept as it was.
  if (action.length === 0 || action.charCodeAt(0) < 0x80) return WORDS.sameAction[action] ?? action;
  return SAME_ACTION.get(action) ?? action;
}

/** `WORDS.sameAction` as a Map (record lookups by strings cut from the text are slow). */
const SAME_ACTION: ReadonlyMap<string, string> = new Map(Object.entries(WORDS.sameAction));

/** Whether a label names a total (共, 合计, 总量 …), not counting words such as 公共 or 总结. */
export function namesTotal(label: string): boolean {
  if (!hasAny(label, WORDS.totals)) return false;
  let rest = label;
  for (const w of WORDS.notTotals) if (rest.includes(w)) rest = rest.split(w).join('·');
  return hasAny(rest, WORDS.totals);
}

/**
 * Whether a label names a department, court or team (区教育局, 区法院, 卫生健康委, 执法大队), not a
 * word that only ends alike (格局, 布局, 委员).
 */
export function namesDepartment(label: string): boolean {
  return DEPARTMENT.test(label);
}

const DEPARTMENT = new RegExp(`(${WORDS.bodies.department.map((w) => (w === '委' ? '委(?!员)' : w)).join('|')})(?![面势部限])`);
