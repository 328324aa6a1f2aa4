import { Decimal } from 'decimal.js';
import { figureInterval } from '../arithmetic/interval.js';
import { WIDER_WORDS } from '../claims/scope.js';
import { namesDepartment, WORDS } from '../claims/words.js';
import type { ReportContext } from '../claims/context.js';
import type { Claim } from '../claims/schema.js';
import type { Interval } from '../model/quantity.js';
import type { Range } from '../model/range.js';
import { datesWithin } from '../report-helpers.js';

/** What a count of a metric measures: things received, things handled, or either. */
export type ActionFamily = 'received' | 'handled' | '';

const RECEIVED = WORDS.actions.intake;
const HANDLED = WORDS.actions.handled;

/** A figure the lexicon recognises, as one report states it. */
export interface MetricFact {
  /** Lexicon metric id, e.g. `npc-suggestions`. */
  metric: string;
  /** The metric's Chinese name. */
  name: string;
  action: ActionFamily;
  unit: string | null;
  value: string;
  interval: Interval;
  range: Range;
  text: string;
  /**
   * Whole reporting body; a part of it (one department, one channel, part of the year); or a
   * wider body's figure the report quotes (全区共收到…555件 in a street's report).
   */
  scope: 'whole' | 'part' | 'wider';
  /** From a zero claim (…均为0), not a figure. */
  zero: boolean;
  /** The level named before the metric (市人大代表建议 → 市), or '' for none or 各级. */
  tier: string;
}

/** The level a metric's term is qualified with in the figure's own label: 省, 市, 区, 县, 镇, 乡, 街 (各级 and none are any level). */
function tierBefore(label: string, term: string): string {
  const at = label.lastIndexOf(term);
  if (at <= 0) return '';
  const c = label[at - 1]!;
  // 我街行政复议数量 / 本镇…: the report speaking of itself, not a level qualifier (区人大代表建议).
  const self = label[at - 2];
  if (self === '我' || self === '本' || self === '全') return c === '街' || c === '镇' || c === '乡' ? '' : '省市区县'.includes(c) ? c : '';
  return '省市区县镇乡街'.includes(c) && label.slice(at - 2, at) !== '各级' ? c : '';
}

/**
 * Words in a lower body's label, besides the level just before the term, that make the figure a
 * quote of a wider or longer count: 据统计,区里…; 白云区12345热线…总量; 在全区范围内; 本届以来累计.
 */
const QUOTE_WORDS = /(?<![社小城园片辖景])[区市县省](?![场民])|统计|总量|以来|本届|范围|委员会/;

const ZERO = new Decimal(0);

/** Words in a figure's clause group that narrow it to part of the year. */
const PERIOD_WORDS = WORDS.periods.partOfYear;
/**
 * Words in a figure's own label that narrow it to part of the body or one channel. A figure after
 * 其中 that names its own metric (其中投诉举报类3000件) is the whole body's count of that category.
 */
const PART_WORDS = WORDS.parts;
/** Labels of a change or another period, not this year's count: 同比减少6件, 较去年增多, 上年…, 1-6月. */
const CHANGE_WORDS = [...WORDS.periods.change, ...WORDS.periods.otherYear, '截至6月', '上半年'];

function actionFamily(label: string): ActionFamily {
  if (HANDLED.some((w) => label.includes(w))) return 'handled';
  if (RECEIVED.some((w) => label.includes(w))) return 'received';
  return '';
}

/**
 * The metric facts of a report: every count the lexicon recognises, and every zero claim on a
 * lexicon metric (as a fact of value 0), with its scope. Counts of another year are left out.
 */
export function extractFacts(ctx: ReportContext, claims: readonly Claim[]): MetricFact[] {
  const { report } = ctx;
  const year = report.metadata.reportingYear?.year;
  const s = report.normalized;
  const facts: MetricFact[] = [];
  for (const f of ctx.figures) {
    const q = f.quantity;
    if (!f.metric || q.unitFamily !== f.metric.unitFamily || q.to !== null) continue;
    if (f.metric.units && (q.unit === null || !f.metric.units.includes(q.unit))) continue;
    const seg = ctx.segments[f.segment]!;
    const before = s.slice(Math.max(seg.start, f.labelStart - 40), q.range.start);
    if (CHANGE_WORDS.some((w) => f.rawLabel.includes(w))) continue;
    // Another year before the figure in its clause group (2019年,我街承办…5件), or right after it
    // in its own clause; a year in the next clause (156件,2019年为120件) is another figure's.
    const clauseEnd = q.range.end + f.after.length;
    if (datesWithin(report, seg.start, clauseEnd).some((d) => d.year !== null && d.year !== year)) continue;
    const lower = report.metadata.level === 'street' || report.metadata.level === 'town';
    // A period inside the year (1-6月, 三季度) in the figure's clause group makes it part of the year.
    const partYear = datesWithin(report, seg.start, q.range.start).some((d) => d.kind === 'monthRange' || d.kind === 'quarter' || d.kind === 'month' || d.kind === 'yearMonth');
    const tier = tierBefore(f.rawLabel, f.term);
    const ownWords = f.term ? f.rawLabel.replace(tier + f.term, '').replace(f.term, '') : f.rawLabel;
    facts.push({
      metric: f.metric.id,
      name: f.metric.zh,
      action: actionFamily(f.rawLabel),
      unit: q.unit,
      value: q.value.toString(),
      interval: figureInterval(q),
      range: q.range,
      text: report.text.slice(q.range.start, q.range.end),
      scope:
        lower && (WIDER_WORDS.some((w) => f.rawLabel.includes(w)) || QUOTE_WORDS.test(ownWords))
          ? 'wider'
          : PART_WORDS.some((w) => f.rawLabel.includes(w) && !(w === '其中' && f.rawLabel.includes(f.term))) ||
              namesDepartment(f.rawLabel) ||
              partYear ||
              PERIOD_WORDS.some((w) => before.includes(w))
            ? 'part'
            : 'whole',
      zero: false,
      tier,
    });
  }
  for (const c of claims) {
    if (c.kind !== 'zeroClaim' || !c.metric) continue;
    const metric = ctx.lexicon.metrics.find((m) => m.id === c.metric);
    if (!metric) continue;
    facts.push({
      metric: metric.id,
      name: metric.zh,
      action: '',
      unit: null,
      value: '0',
      interval: { lo: ZERO, hi: ZERO },
      range: c.range,
      text: `${c.subject}为0`,
      scope: 'whole',
      zero: true,
      tier: '',
    });
  }
  return facts;
}
