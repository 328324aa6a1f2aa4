import { figureInterval, meets, showInterval } from '../arithmetic/interval.js';
import { ClaimList, evidence } from './builder.js';
import { figureRef, written, type FigureContext, type ReportContext } from './context.js';
import { rateIn } from './lexicon.js';
import { quotesWiderBody } from './scope.js';
import type { ClaimOf } from './schema.js';

/** Words that narrow a figure to part of its metric. */
const RESTRICTORS = ['期间', '通过', '其中', '部分', '专项', '季度', '上半年', '下半年', '月份', '以来新增'];

/** Actions that name the same outcome: 办结, 结案 and 已结 are one thing. */
const SAME_ACTION: Record<string, string> = { 结案: '办结', 已结: '办结', 接收: '受理', 收到: '受理' };

/**
 * Restatements: the same metric (a lexicon metric with the same action, or the same named rate
 * on it) stated in two different paragraphs, in the same unit. Intervals at the shown precision
 * must meet: 累计办结网格事件2万宗 and 办结22506宗 agree.
 */
export function extractRestatements(ctx: ReportContext, out: ClaimList): void {
  const { report, lexicon } = ctx;
  const first = new Map<string, FigureContext>();
  for (const f of ctx.figures) {
    const q = f.quantity;
    if (!f.metric || q.to !== null) continue;
    // A figure for part of the year or one channel (疫情期间, 通过邮寄方式, 其中) is not the
    // metric itself, so it restates nothing.
    const seg = ctx.segments[f.segment]!;
    const before = report.normalized.slice(Math.max(seg.start, f.labelStart - 40), q.range.start);
    if (RESTRICTORS.some((w) => before.includes(w))) continue;
    // Another body (区教育局办理…36件) is not a restatement; another year (2019年…482件) is
    // only compared with the same year.
    if (/局|法院|检察院|厅/.test(before)) continue;
    // A wider body's count quoted in a street's report (全区共收到…555件) is not the street's.
    if (quotesWiderBody(ctx, f)) continue;
    const named = report.dates.find((d) => d.year !== null && d.range.start >= seg.start && d.range.end <= q.range.start);
    const year = named && named.year !== report.metadata.reportingYear?.year ? String(named.year) : 'reporting';
    let key: string;
    if (q.unit === '%') {
      const rate = rateIn(lexicon, f.label);
      if (!rate) continue;
      key = `${f.term}|${year}|rate:${rate.name}`;
    } else {
      if (q.unitFamily === 'percent' || q.unitFamily === 'points') continue;
      key = `${f.term}|${year}|${SAME_ACTION[f.action] ?? f.action}|${q.unit ?? ''}`;
    }
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, f);
      continue;
    }
    if (earlier.quantity.paragraph === q.paragraph) continue;
    const a = figureInterval(earlier.quantity);
    const b = figureInterval(q);
    const holds = meets(a, b);
    const refs = [figureRef(report, q, 'restatement'), figureRef(report, earlier.quantity, 'first statement')];
    out.add<ClaimOf<'restatement'>>({
      kind: 'restatement',
      range: q.range,
      figures: refs,
      verdict: holds ? 'holds' : 'fails',
      evidence: evidence(refs, {
        computed: `${written(report, q)} → ${showInterval(b)}`,
        expected: `${written(report, earlier.quantity)} → ${showInterval(a)}`,
      }),
      reason: holds ? 'the two statements agree at their shown precision' : 'the two statements of the same figure disagree',
      metric: q.unit === '%' ? `${f.term}·${key.split('rate:')[1]}` : `${f.term}${f.action ? `·${SAME_ACTION[f.action] ?? f.action}` : ''}`,
    });
  }
}
