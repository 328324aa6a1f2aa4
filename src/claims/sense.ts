/**
 * What a figure is about, read once per figure from the words around it: what kind of figure it
 * is, which actions its label names (受理, 派单, 办结 …), the period it covers, whose figure it is
 * and whether it is narrowed to part of its metric. Every extractor asks these questions of the
 * same answer instead of testing its own word lists.
 */
import type { Quantity } from '../model/quantity.js';
import { hasAny, namesTotal, WORDS, type Words } from './words.js';

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

/** Every word that answers a question about a figure, indexed by its first character. */
const INDEX: Map<number, Array<{ word: string; tag: string }>> = (() => {
  const m = new Map<number, Array<{ word: string; tag: string }>>();
  const add = (words: readonly string[], tag: string): void => {
    for (const word of words) {
      const list = m.get(word.charCodeAt(0)) ?? [];
      list.push({ word, tag });
      m.set(word.charCodeAt(0), list);
    }
  };
  for (const k of ACTION_KINDS) add(WORDS.actions[k], k);
  add(WORDS.periods.change, 'change');
  add(WORDS.periods.otherYear, 'otherYear');
  add(WORDS.periods.cumulative, 'cumulative');
  add(WORDS.periods.partOfYear, 'partOfYear');
  add(WORDS.parts, 'part');
  add(WORDS.totals, 'total');
  add(WORDS.bodies.wider, 'wider');
  add(WORDS.bodies.widerThanDistrict, 'widerThanDistrict');
  return m;
})();

/** The tags of every listed word in `text`, in one pass over it. */
function tagsIn(text: string): Set<string> {
  const tags = new Set<string>();
  for (let i = 0; i < text.length; i++) {
    const list = INDEX.get(text.charCodeAt(i));
    if (!list) continue;
    for (const { word, tag } of list) if (text.startsWith(word, i)) tags.add(tag);
  }
  return tags;
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
  const tags = tagsIn(rawLabel);
  const actions = ACTION_KINDS.filter((k) => tags.has(k));
  const percent = q.unitFamily === 'percent' || q.unitFamily === 'points' || q.unitFamily === 'multiple';
  const widerTag = level === 'street' || level === 'town' ? 'wider' : level === 'district' || level === 'county' ? 'widerThanDistrict' : '';
  return {
    kind: tags.has('change') ? 'change' : percent ? 'rate' : 'amount',
    actions,
    period: tags.has('otherYear')
      ? 'otherYear'
      : tags.has('cumulative')
        ? 'cumulative'
        : hasAny(clauseBefore, WORDS.periods.partOfYear)
          ? 'partOfYear'
          : 'reporting',
    body: widerTag !== '' && tags.has(widerTag) ? 'wider' : 'own',
    part: tags.has('part'),
    // 公共, 总结 … hold a total word and name no total: checked only when a total word is there.
    total: tags.has('total') && namesTotal(rawLabel),
    section,
  };
}
