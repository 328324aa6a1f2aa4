import type { QualifierKind } from '../../model/quantity.js';

/** Qualifier words written before a figure, longest first. */
const PREFIXES: ReadonlyArray<readonly [string, QualifierKind]> = [
  ['不低于', 'atLeast'],
  ['不少于', 'atLeast'],
  ['不超过', 'atMost'],
  ['不高于', 'atMost'],
  ['大约', 'approximate'],
  ['将近', 'nearly'],
  ['接近', 'nearly'],
  ['超过', 'over'],
  ['多于', 'over'],
  ['高于', 'over'],
  ['不足', 'under'],
  ['不到', 'under'],
  ['少于', 'under'],
  ['低于', 'under'],
  ['达到', 'exact'],
  ['约', 'approximate'],
  ['近', 'nearly'],
  ['超', 'over'],
  ['逾', 'over'],
  ['达', 'exact'],
];

/** Last characters of the prefix words: a cheap test before looking a qualifier up. */
const PREFIX_LAST = new Set(PREFIXES.map(([word]) => word.charCodeAt(word.length - 1)));

/**
 * Characters that, just before a one-character qualifier, make it part of another word:
 * 签约, 最近, 到达, 下达 … Two-character qualifiers need no such guard.
 */
const BLOCKED_BEFORE: Record<string, string> = {
  约: '签合制节公条契预履特邀相违婚集',
  近: '最附邻贴亲',
  达: '下传表发抵送通直到转雷',
  超: '赶高',
  逾: '',
};

/** The qualifier word ending at `end` in `text`, or null. */
export function matchPrefixQualifier(
  text: string,
  end: number,
  floor: number,
): { word: string; kind: QualifierKind; start: number } | null {
  if (end <= floor || !PREFIX_LAST.has(text.charCodeAt(end - 1))) return null;
  for (const [word, kind] of PREFIXES) {
    const start = end - word.length;
    if (start < floor) continue;
    if (!text.startsWith(word, start)) continue;
    if (word.length === 1) {
      const before = start > floor ? text[start - 1]! : '';
      if (before && (BLOCKED_BEFORE[word] ?? '').includes(before)) continue;
    }
    return { word, kind, start };
  }
  return null;
}

/** The inner qualifiers, made once and shared (callers only read them). */
const MORE = { word: '余', kind: 'orMore' } as const;
const MANY = { word: '多', kind: 'orMore' } as const;

/** Qualifier words written right after the number (before any unit): 200余次, 100多人. */
export function matchInnerQualifier(text: string, pos: number): { word: string; kind: QualifierKind } | null {
  const c = text.charCodeAt(pos);
  if (c === 0x4f59 /* 余 */) return MORE;
  if (c === 0x591a /* 多 */) return MANY;
  return null;
}

/** Qualifier words written after the unit: 30%以上, 3年左右. */
const SUFFIXES: ReadonlyArray<{ readonly word: string; readonly kind: QualifierKind }> = [
  { word: '以上', kind: 'atLeast' },
  { word: '以下', kind: 'atMost' },
  { word: '以内', kind: 'atMost' },
  { word: '左右', kind: 'approximate' },
  { word: '之多', kind: 'exact' },
];

/** First UTF-16 units of the suffix words, to turn most positions away at once. */
const SUFFIX_FIRST: ReadonlySet<number> = new Set(SUFFIXES.map((q) => q.word.charCodeAt(0)));

/** The qualifier word starting at `pos` after a unit, or null. */
export function matchSuffixQualifier(text: string, pos: number): { word: string; kind: QualifierKind } | null {
  if (!SUFFIX_FIRST.has(text.charCodeAt(pos))) return null;
  for (const q of SUFFIXES) if (text.startsWith(q.word, pos)) return q;
  return null;
}
