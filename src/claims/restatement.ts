import { figureInterval, meets, showInterval } from '../arithmetic/interval.js';
import type { FigureRef } from '../engine/diagnostic.js';
import type { Interval } from '../model/quantity.js';
import { ClaimList, evidence } from './builder.js';
import { figureRef, written, type FigureContext, type ReportContext } from './context.js';
import { rateIn } from './lexicon.js';
import { hasWords, namesDepartment, sameAction, W } from './words.js';
import { quotesWiderBody } from './scope.js';
import { flattenSections } from '../report-helpers.js';
import type { ClaimOf } from './schema.js';
import { firstNotBefore } from '../text/bisect.js';

/** Words that narrow a figure to part of its metric, or of the year: parts, parts of the year, 以来新增. */
const RESTRICTORS = W.part | W.partOfYear | W.sinceNew;

/**
 * Restatements: the same metric (a lexicon metric with the same action, or the same named rate
 * on it) stated in two different paragraphs, in the same unit. Intervals at the shown precision
 * must meet: 累计办结网格事件2万宗 and 办结22506宗 agree.
 */
export function extractRestatements(ctx: ReportContext, out: ClaimList): void {
  const { report, lexicon } = ctx;
  const first = new Map<string, FirstStatement>();
  const years = new YearCursor(report);
  for (const f of ctx.figures) {
    const q = f.quantity;
    if (!f.metric || q.to !== null) continue;
    // A figure for part of the year or one channel (疫情期间, 通过邮寄方式, 其中) is not the
    // metric itself, so it restates nothing.
    // `beforeWords` are the words from 40 characters before the label to the figure.
    const seg = ctx.segments[f.segment]!;
    if (hasWords(f.beforeWords, RESTRICTORS)) continue;
    // Another body (区教育局办理…36件) is not a restatement; another year (2019年…482件) is
    // only compared with the same year. Only a department word can make a department's name.
    if (hasWords(f.beforeWords, W.department) && namesDepartment(report.normalized.slice(Math.max(seg.start, f.labelStart - 40), q.range.start))) continue;
    // A wider body's count quoted in a street's report (全区共收到…555件) is not the street's.
    if (quotesWiderBody(ctx, f)) continue;
    const named = years.firstWithin(seg.start, q.range.start);
    const year = named && named.year !== report.metadata.reportingYear?.year ? String(named.year) : 'reporting';
    let key: string;
    if (q.unit === '%') {
      const rate = rateIn(lexicon, f.label);
      if (!rate) continue;
      key = `${f.term}|${year}|rate:${rate.name}`;
    } else {
      if (q.unitFamily === 'percent' || q.unitFamily === 'points') continue;
      key = `${f.term}|${year}|${sameAction(f.action)}|${q.unit ?? ''}`;
    }
    const entry = first.get(key);
    if (!entry) {
      first.set(key, { figure: f, interval: null, ref: null, expected: '' });
      continue;
    }
    const earlier = entry.figure;
    if (earlier.quantity.paragraph === q.paragraph) continue;
    // Figures in two sibling sections (市民热线, 市长信箱 and 区长信箱 under one heading) are about
    // the different things those headings name, even when both count 镇街.
    if (siblings(ctx, earlier.sense.section, f.sense.section)) continue;
    // The first statement is read once, however many statements after it restate it.
    if (!entry.interval) {
      entry.interval = figureInterval(earlier.quantity);
      entry.ref = figureRef(report, earlier.quantity, 'first statement');
      entry.expected = `${written(report, earlier.quantity)} → ${showInterval(entry.interval)}`;
    }
    const a = entry.interval;
    const b = figureInterval(q);
    const holds = meets(a, b);
    // Each claim gets its own copy of the first statement's reference.
    const ref = entry.ref!;
    const refs = [figureRef(report, q, 'restatement'), { ...ref, interval: { ...ref.interval } }];
    out.add<ClaimOf<'restatement'>>({
      kind: 'restatement',
      range: q.range,
      figures: refs,
      verdict: holds ? 'holds' : 'fails',
      evidence: evidence(refs, {
        computed: `${written(report, q)} → ${showInterval(b)}`,
        expected: entry.expected,
      }),
      reason: holds ? 'the two statements agree at their shown precision' : 'the two statements of the same figure disagree',
      metric: q.unit === '%' ? `${f.term}·${key.split('rate:')[1]}` : `${f.term}${f.action ? `·${sameAction(f.action)}` : ''}`,
    });
  }
}

/** The first statement of a metric, and what its restatements read of it (made at the first). */
interface FirstStatement {
  figure: FigureContext;
  interval: Interval | null;
  ref: FigureRef | null;
  expected: string;
}

type ReportDate = ReportContext['report']['dates'][number];

/**
 * The dates of a report looked up by clause group: figures come in order, so the first date at or
 * after a group's start only moves on (a binary search per figure grew with the dates).
 */
class YearCursor {
  private readonly dates: readonly ReportDate[];
  private at = 0;
  private lastFrom = 0;

  constructor(report: ReportContext['report']) {
    this.dates = report.dates;
  }

  /** The first date with a year lying within `[from, to)` (start at or after `from`, end by `to`), or undefined. */
  firstWithin(from: number, to: number): ReportDate | undefined {
    const dates = this.dates;
    if (from < this.lastFrom) this.at = firstNotBefore(dates.length, (k) => dates[k]!.range.start < from);
    while (this.at < dates.length && dates[this.at]!.range.start < from) this.at++;
    this.lastFrom = from;
    for (let i = this.at; i < dates.length && dates[i]!.range.start < to; i++) {
      const d = dates[i]!;
      if (d.range.end <= to && d.year !== null) return d;
    }
    return undefined;
  }
}

/**
 * Whether two different sections share their parent (or are both top-level parts). The parent of
 * every section id (-1 at the top, -2 for no such id) is built once per report context.
 */
function siblings(ctx: ReportContext, a: number | null, b: number | null): boolean {
  if (a === null || b === null || a === b) return false;
  let parentOf = ctx.memo.sectionParents;
  if (!parentOf) {
    // Ids index the flat list of sections: an array, not a map, holds them.
    const all = flattenSections(ctx.report);
    let size = 0;
    for (const s of all) size = Math.max(size, s.id + 1);
    parentOf = new Int32Array(size).fill(-2);
    for (const s of all) parentOf[s.id] = s.parent ?? -1;
    ctx.memo.sectionParents = parentOf;
  }
  const pa = a >= 0 && a < parentOf.length ? parentOf[a]! : -2;
  const pb = b >= 0 && b < parentOf.length ? parentOf[b]! : -2;
  return pa >= 0 && pa === pb;
}
