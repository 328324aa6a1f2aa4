/**
 * What a figure is about, read once per figure from the words around it: what kind of figure it
 * is, which actions its label names (受理, 派单, 办结 …), the period it covers, whose figure it is
 * and whether it is narrowed to part of its metric. Every extractor asks these questions of the
 * same answer instead of testing its own word lists.
 */
import type { Quantity } from '../model/quantity.js';
import { namesTotal, W, WORD_TRIE, WORDS, type Words } from './words.js';

/** The action kinds a label can name. */
export type ActionKind = keyof Words['actions'];

const ACTION_KINDS = Object.keys(WORDS.actions) as ActionKind[];

/** What a figure is about. */
export interface FigureSense {
  /** A count or amount that can be summed, a rate or share, or a change (同比增长12件). */
  kind: 'amount' | 'rate' | 'change';
  /** The action kinds its own label names, in the order of `rules/lexicon/words.json`. */
  actions: ActionKind[];
  /** The period it covers: the report's, part of it, a cumulative span, or another year. */
  period: 'reporting' | 'partOfYear' | 'cumulative' | 'otherYear';
  /** Whose figure: the report's own body, or a wider one it quotes (全区 in a street's report). */
  body: 'own' | 'wider';
  /** Narrowed to part of its metric (其中, 通过…, 专项) or to a department (区教育局). */
  part: boolean;
  /** Its label names a total (共, 合计, 总量 …). */
  total: boolean;
  /** The innermost section holding it, or null before the first heading. */
  section: number | null;
}

/** Whether a label names an action of the kind. */
export function names(sense: FigureSense, kind: ActionKind): boolean {
  return sense.actions.includes(kind);
}

/** The bits of the action kinds in `W`, in the order of `ACTION_KINDS`. */
const ACTION_BITS = ACTION_KINDS.map((k) => W[k]);
const ALL_ACTIONS = ACTION_BITS.reduce((a, b) => a | b, 0);

/**
 * The action kinds of each set of action bits met so far, by those bits (the action kinds are the
 * low bits of `W`), shared: a sense's list is never changed.
 */
const actionLists: Array<ActionKind[] | undefined> = new Array<ActionKind[] | undefined>(ALL_ACTIONS + 1).fill(undefined);

function actionsOf(words: number): ActionKind[] {
  const bits = words & ALL_ACTIONS;
  let list = actionLists[bits];
  if (!list) {
    list = ACTION_KINDS.filter((_, i) => (bits & ACTION_BITS[i]!) !== 0);
    actionLists[bits] = list;
  }
  return list;
}

/**
 * The sense of one figure from its label (the words from the clause start to the figure), the
 * words before it in its clause group, and the report's level. One pass over each text.
 */
export function senseOf(
  q: Quantity,
  rawLabel: string,
  clauseBefore: string,
  level: string | null,
  section: number | null,
): FigureSense {
  return senseOfWords(
    q,
    rawLabel,
    WORD_TRIE.maskIn(rawLabel, 0, rawLabel.length),
    WORD_TRIE.maskIn(clauseBefore, 0, clauseBefore.length),
    level,
    section,
  );
}

/**
 * `senseOf` from the word lists already found (bits of `W`): `rawWords` in the label as written,
 * `clauseWords` in the words before it.
 */
export function senseOfWords(
  q: Quantity,
  rawLabel: string,
  rawWords: number,
  clauseWords: number,
  level: string | null,
  section: number | null,
): FigureSense {
  const percent = q.unitFamily === 'percent' || q.unitFamily === 'points' || q.unitFamily === 'multiple';
  const widerBit = level === 'street' || level === 'town' ? W.wider : level === 'district' || level === 'county' ? W.widerThanDistrict : 0;
  return {
    kind: rawWords & W.change ? 'change' : percent ? 'rate' : 'amount',
    actions: actionsOf(rawWords),
    period: rawWords & W.otherYear
      ? 'otherYear'
      : rawWords & W.cumulative
        ? 'cumulative'
        : clauseWords & W.partOfYear
          ? 'partOfYear'
          : 'reporting',
    body: (rawWords & widerBit) !== 0 ? 'wider' : 'own',
    part: (rawWords & W.part) !== 0,
    // 公共, 总结 … hold a total word and name no total: checked only when both are there.
    total: (rawWords & W.total) !== 0 && ((rawWords & W.notTotal) === 0 || namesTotal(rawLabel)),
    section,
  };
}
