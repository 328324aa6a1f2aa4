/**
 * Counted lists: named items and their count, in the shapes real reports use (see `shapes.ts`):
 * 组织《A》、《B》、《C》等专题培训3次; A、B、C三大体系; 落实“三项制度”(A、B、C); 前三的镇街为A、B、C;
 * 五个类型的占比是:A…;B…. One pass over the text visits each numeral once; every reader looks a
 * bounded distance around it.
 */
import { Decimal } from 'decimal.js';
import { figureInterval, intervalStrings } from '../../arithmetic/interval.js';
import type { FigureRef } from '../../engine/diagnostic.js';
import type { Interval, Quantity } from '../../model/quantity.js';
import { marksOfReport } from '../../parse/marks.js';
import { codeBits, inBits } from '../../text/chars.js';
import { ClaimList, evidence } from '../builder.js';
import { figureRef, type ReportContext } from '../context.js';
import type { ClaimOf } from '../schema.js';
import { countAt, isCountNumeral, isNumeralStart, numeralAt, rankAt, setPhraseAt, startsClassifier, type Count, type Numeral } from './counts.js';
import { judge } from './judge.js';
import { codeIn, COUNT_NUMERALS } from './words.js';
import { listAfterCount, listBefore, listInBrackets, listInClauseBefore, rankedList, type Draft } from './shapes.js';

/** Extracts and judges every counted list of the report, in document order. */
export function extractCountedLists(ctx: ReportContext, out: ClaimList): void {
  const { report } = ctx;
  // 三項, 五個類型, 兩個 on mirror pages read as their simplified twins: the normalised view is
  // folded already (src/text/traditional.ts), offsets unchanged.
  const s = report.normalized;
  const quantities = report.quantities;
  let qi = 0;
  let qn = 0;
  let floor = 0;
  let resume = 0;
  const len = s.length;
  // Each run of digits or Chinese numerals once, left to right, visiting only the units the
  // parser marked (every unit of a run is marked as a figure unit: see the test).
  const marks = marksOfReport(report);
  const positions = marks.positions;
  let runEnd = 0;
  for (let k = 0; k < marks.length; k++) {
    const runStart = positions[k]!;
    if (runStart < runEnd) continue;
    const c = s.charCodeAt(runStart);
    if (!inBits(RUN_BITS, c)) continue;
    const first = RUN_CHAR[c]!;
    let i = runStart;
    while (i + 1 < len && RUN_CHAR[s.charCodeAt(i + 1)] === first) i++;
    // A numeral read at the run's start ends with the run (at most four characters of it).
    runEnd = i + 1;
    if (runStart < resume || !isNumeralStart(s, runStart)) continue;
    // Whether a count can follow, asked before the numeral is read: most numerals are figures.
    const tail = mayFollow(s, runEnd);
    if (!tail && s.charCodeAt(runStart - 1) !== QIAN) continue;
    const n = numeralAt(s, runStart);
    if (!n || s.charCodeAt(n.start - 1) === DI || (!tail && s.charCodeAt(n.start - 1) !== QIAN)) continue;
    while (qn < quantities.length && quantities[qn]!.numberRange.start < n.start) qn++;
    const q = quantities[qn]?.numberRange.start === n.start ? quantities[qn]! : null;
    // A list is counted exactly: 近300名, 超过32门 and 10余项 count something else.
    if ((q && q.qualifierKind !== 'exact') || codeIn(APPROXIMATE, s.charCodeAt(n.start - 1))) continue;
    // The previous figure ends any list before this one. A Chinese numeral in a non-count unit
    // is usually part of a name (三元里街), not a figure. (Read up to here only now: the floor is
    // the furthest such end, whenever it is taken.)
    while (qi < quantities.length && quantities[qi]!.range.end <= runStart) {
      const g = quantities[qi]!;
      if (g.numeral === 'arabic' || g.unitFamily === 'count' || g.unitFamily === 'percent') floor = Math.max(floor, g.range.end);
      qi++;
    }
    const draft = readAt(s, n, floor);
    if (!draft) continue;
    addClaim(ctx, out, draft, q);
    resume = draft.count.end;
    floor = Math.max(floor, draft.count.end);
  }
}

/**
 * Characters of a numeral run by kind: Arabic digits (1) and the Chinese numerals a count of items
 * is written with (2). A run holds one kind.
 */
const RUN_CHAR = new Uint8Array(65536);
for (let c = 0x30; c <= 0x39; c++) RUN_CHAR[c] = 1;
for (const c of COUNT_NUMERALS) RUN_CHAR[c.charCodeAt(0)] = 2;
/** The units of `RUN_CHAR` that are not 0, as bits (8 KB): tested first at every marked unit of the text. */
export const RUN_BITS = codeBits(`0123456789${COUNT_NUMERALS}`);

const QIAN = 0x524d; // 前
const DI = 0x7b2c; // 第

/**
 * Whether a count can follow a numeral ending at `end`, asked before reading it: a measure word
 * right after it, or a set phrase closed by a quote or a bracket within reach (四馆一庭”,
 * 三项制度( ). With a rank (前 before the numeral) these are all the shapes; most numerals in a
 * report are none of them. A phrase without a measure word right after its numeral counts only
 * when it holds a second numeral (四馆一庭): “451”, “四风” and “三资” are names, not counts, and
 * are not read at all.
 */
function mayFollow(s: string, end: number): boolean {
  if (startsClassifier(s, end)) return true;
  let second = false;
  for (let k = end; k < s.length && k <= end + MAX_PHRASE_REACH; k++) {
    const c = s.charCodeAt(k);
    if (c === 0x201d /* ” */ || c === 0x28 /* ( */) return second;
    if (c === 0x2c /* , */ || c === 0x3002 /* 。 */ || c === 0x3b /* ; */ || c === 0x3001 /* 、 */) return false;
    if (isCountNumeral(c)) second = true;
  }
  return false;
}

/** How far after a numeral a set phrase may close (counts.ts reads at most 8 characters). */
const MAX_PHRASE_REACH = 8;

/** Qualifiers before a numeral that make a count approximate. */
const APPROXIMATE = '近约超逾';
/** Characters after a count that make it an item of a list rather than the count of one. */
const IN_ITEM = '等和及';

/** The list of the count or rank at numeral `n`, trying the shapes from the most certain. */
function readAt(s: string, n: Numeral, floor: number): Draft | null {
  const rank = rankAt(s, n);
  if (rank) return rankedList(s, rank, floor);
  const phrase = setPhraseAt(s, n);
  const bracketed = phrase ? listInBrackets(s, phrase) : null;
  if (bracketed) return bracketed;
  // A quoted set phrase (“两个领导小组”, “三位一体”) is the count as a whole.
  const quoted = phrase !== null && s[n.start - 1] === '“' && s[phrase.end] === '”';
  const count = quoted ? phrase.count : countAt(s, n);
  if (!count) return null;
  // A count followed by 等 or 和 is itself an item of a list: 落实“三项制度”等工作, 公园二期和….
  if (codeIn(IN_ITEM, s.charCodeAt(count.end + (quoted ? 1 : 0)))) return null;
  return listBefore(s, count, floor, quoted) ?? listAfterCount(s, count) ?? listInClauseBefore(s, count, floor);
}

/** Judges a draft and adds its claim. */
function addClaim(ctx: ReportContext, out: ClaimList, d: Draft, q: Quantity | null): void {
  const { report } = ctx;
  const { count } = d;
  // A figure the scanner read with the same measure word is the count's figure; otherwise (三大,
  // 前三, 三项制度) the count is an exact figure read here.
  const own = q && !count.compound && count.sense !== 'rank' && q.unit === count.classifier && q.range.end === count.end ? q : null;
  const interval: Interval = own ? figureInterval(own) : { lo: new Decimal(count.value), hi: new Decimal(count.value) };
  const j = judge(d, interval);
  if (d.speculative && j.verdict !== 'holds') return;
  const range = own ? own.range : { start: count.start, end: count.end };
  const written = report.text.slice(range.start, range.end);
  const ref: FigureRef = own
    ? figureRef(report, own, 'count')
    : { role: 'count', text: written, value: j.target.lo.toString(), interval: intervalStrings(j.target), range };
  const items = j.reading.items.map((r) => ({ text: report.text.slice(r.start, r.end), range: r }));
  const notes = [d.how, SENSE_NOTES[count.sense]];
  if (count.compound) {
    notes.push(count.firstValue === count.value ? `a set phrase whose numerals sum to ${count.value}` : `a set phrase: its numerals sum to ${count.value}, its first is ${count.firstValue}`);
  }
  if (d.open) notes.push('the list ends in 等 or is introduced as partial, so it may name fewer items than the count');
  if (j.reading.name === 'joined' && d.readings.length > 1) notes.push('和 read as joining words inside one item');
  if (j.reading.name === 'tail') notes.push('only the words after the last 、 read as the list (和 joins its items)');
  out.add<ClaimOf<'countedList'>>({
    kind: 'countedList',
    range,
    figures: [ref],
    verdict: j.verdict,
    evidence: evidence([ref], {
      computed: `${items.length} items listed`,
      expected: written,
      note: notes.join('; '),
    }),
    reason: j.reason,
    items,
    open: d.open,
  });
}

/** What each kind of count asks of its list, for the evidence. */
const SENSE_NOTES: Record<Count['sense'], string> = {
  kinds: 'a count of kinds: one item each',
  sessions: 'a count of sessions: at least as many as the topics listed',
  instances: 'a count of copies or documents: at least as many as the titles listed',
  rank: 'a rank: as many ranked items as places',
};
