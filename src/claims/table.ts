/**
 * Claims a table makes by its own layout: a total cell equals the sum of its member cells (a
 * 总计 column across a row, a 合计 row down a column), and a share cell next to a count is that
 * count over its base. Every figure is an interval; blank cells make a claim unassessable, never
 * false. A claim fails only where the total's (or base's) place is certain.
 */
import { Decimal } from 'decimal.js';
import { meets, percentOf, show, showInterval, sumIntervals } from '../arithmetic/interval.js';
import type { FigureRef } from '../engine/diagnostic.js';
import type { Interval } from '../model/quantity.js';
import type { SpannedText } from '../model/range.js';
import type { Report } from '../model/report.js';
import type { Table, TableCell, TableRow } from '../model/table.js';
import { namesOtherMeasure, namesSubtotal, namesTotalHeader, namesTotalRow, totalHeaderKind } from '../parse/tables/cells.js';
import { ClaimList, evidence } from './builder.js';
import { cellRef, isCountCell as isCount, isMissingCell as isMissing } from './table-rows.js';
import type { ReportContext } from './context.js';
import type { ClaimOf } from './schema.js';

type Layout = ClaimOf<'tableTotal'>['layout'];

/** A total cell and the cells it should be the sum of, under one reading of the layout. */
interface Candidate {
  total: TableCell;
  members: TableCell[];
  layout: Layout;
  /** What names the total: its header cell or its row label. */
  name: SpannedText | null;
}

/** The outcome of adding up one candidate. */
interface SumResult {
  candidate: Candidate;
  status: 'holds' | 'fails' | 'blank';
  sum: Interval;
  blanks: number;
}


/**
 * Adds up a candidate. Blank members make it unassessable, except that a total of 0 whose stated
 * members are all 0 holds: counts cannot be negative, so the blanks can only be 0 as well.
 */
function judgeSum(c: Candidate): SumResult {
  const known = c.members.filter(isCount);
  const blanks = c.members.length - known.length;
  const sum = sumIntervals(known.map((m) => m.figure!.interval));
  const total = c.total.figure!.interval;
  if (blanks > 0) {
    const allZero = total.hi.isZero() && known.every((m) => m.figure!.value.isZero());
    return { candidate: c, status: allZero ? 'holds' : 'blank', sum, blanks };
  }
  return { candidate: c, status: meets(sum, total) ? 'holds' : 'fails', sum, blanks };
}

/** Whether every member is a count or states nothing (a share or words among them: not a sum). */
function summable(cells: TableCell[]): boolean {
  return cells.every((c) => isCount(c) || isMissing(c));
}

/**
 * Judges the candidates of one total and adds the claim. Holds when any candidate fits; fails only
 * on the `certain` candidate (the total's column known) when nothing fits and no blank is
 * involved; otherwise unverifiable, saying why.
 */
function addTotal(
  ctx: ReportContext,
  out: ClaimList,
  table: Table,
  row: TableRow,
  direction: 'row' | 'column',
  candidates: Candidate[],
  certain: Candidate | null,
): void {
  const usable = candidates.filter((c) => isCount(c.total) && c.members.length > 0 && summable(c.members));
  if (usable.length === 0) return;
  const results = usable.map(judgeSum);
  const { report } = ctx;
  const fit = results.find((r) => r.status === 'holds');
  const blank = results.find((r) => r.status === 'blank');
  const sure = certain ? results.find((r) => r.candidate === certain) : undefined;
  const shown = fit ?? sure ?? blank ?? results[0]!;
  const c = shown.candidate;
  const refs = [cellRef(report, c.total, 'total'), ...c.members.filter(isCount).map((m) => cellRef(report, m, 'part'))];
  const expression = `${c.members.map((m) => (isCount(m) ? m.figure!.value.toString() : '□')).join('+')} = ${showInterval(shown.sum)}`;
  const tried = results.length > 1 ? `layouts tried: ${results.map((r) => `${r.candidate.layout} ${r.status}`).join(', ')}` : undefined;
  let verdict: ClaimOf<'tableTotal'>['verdict'];
  let reason: string;
  let note: string | undefined = tried;
  if (fit) {
    verdict = 'holds';
    reason = fit.blanks > 0 ? 'the total is 0 and every stated member is 0' : 'the member cells add up to the total';
  } else if (blank) {
    verdict = 'unverifiable';
    reason = `${blank.blanks} member cell(s) are blank or not stated, so the sum cannot be assessed`;
    note = [`blank members: ${blank.blanks}`, tried].filter(Boolean).join('; ');
  } else if (sure) {
    verdict = 'fails';
    reason = sure.sum.lo.gt(c.total.figure!.interval.hi) ? 'the member cells add up to more than the total' : 'the member cells add up to less than the total';
  } else {
    verdict = 'unverifiable';
    reason = 'no layout fits, but the header does not say which column is the total';
  }
  const failure = verdict === 'fails' ? (shown.sum.lo.gt(c.total.figure!.interval.hi) ? 'exceeds' : 'short') : null;
  out.add<ClaimOf<'tableTotal'>>({
    kind: 'tableTotal',
    range: c.total.figure!.range,
    figures: refs,
    verdict,
    evidence: evidence(refs, {
      expression,
      computed: showInterval(shown.sum),
      expected: c.total.text,
      ...(note ? { note } : {}),
    }),
    reason,
    table: table.index,
    direction,
    label: row.label,
    totalName: c.name,
    layout: c.layout,
    blanks: shown.blanks,
    failure,
  });
}

const range = (from: number, to: number): number[] => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);

/** Row totals under an aligned header: the total columns are known; members are the counts beside them. */
function alignedRowTotals(ctx: ReportContext, out: ClaimList, table: Table): void {
  const heads = table.columnHeaders;
  const n = table.columnCount;
  const totals = range(0, n).filter((j) => heads[j] && namesTotalHeader(heads[j]!.text));
  if (totals.length === 0) return;
  const member = (j: number): boolean => !totals.includes(j) && !(heads[j] && namesOtherMeasure(heads[j]!.text));
  // A total in the last column closes its group (members since the previous total); one in the
  // first column opens it. Otherwise a total may close or open its group: both are tried.
  const last = totals.includes(n - 1);
  const first = !last && totals.includes(0);
  for (const row of table.rows) {
    totals.forEach((t, ti) => {
      const prev = totals[ti - 1] ?? -1;
      const next = totals[ti + 1] ?? n;
      const at = (cols: number[]): TableCell[] => cols.filter(member).map((j) => row.cells[j]!).filter(Boolean);
      const total = row.cells[t];
      if (!total) return;
      const name = heads[t] ? { text: heads[t]!.text, range: heads[t]!.range } : null;
      const before: Candidate = { total, members: at(range(prev + 1, t)), layout: last ? 'known' : 'totalLast', name };
      const after: Candidate = { total, members: at(range(t + 1, next)), layout: first ? 'known' : 'totalFirst', name };
      // A qualified name (对外公开总数量) may total something else than its neighbours: it can
      // hold, never fail.
      const plain = totalHeaderKind(heads[t]!.text) === 'plain';
      if (last) addTotal(ctx, out, table, row, 'row', [before], plain ? before : null);
      else if (first) addTotal(ctx, out, table, row, 'row', [after], plain ? after : null);
      else addTotal(ctx, out, table, row, 'row', [before, after], null);
    });
  }
}

/**
 * Where a two-level header puts its total. The upper row holds the total beside the group cells
 * whose children fill the lower row; expanding a group keeps the cells at either end in place,
 * so a total that ends (or starts) the upper row ends (or starts) the leaf columns.
 */
function twoLevelTotalAt(table: Table): 'last' | 'first' | null {
  const rows = table.headerRows;
  const n = table.columnCount;
  for (let r = 0; r + 1 < rows.length; r++) {
    const upper = rows[r]!;
    const lower = rows[r + 1]!;
    const totals = upper.filter((c) => namesTotalHeader(c.text));
    if (totals.length !== 1) continue;
    if (upper.length - 1 + lower.length !== n && upper.length - 2 + lower.length !== n) continue;
    if (totalHeaderKind(totals[0]!.text) !== 'plain') return null;
    if (upper[upper.length - 1] === totals[0]) return 'last';
    if (upper[0] === totals[0]) return 'first';
    return null;
  }
  return null;
}

/**
 * Row totals when the header order was lost (merged cells flattened). With k totals named, the
 * row is k groups of equal width, each total at the end or the start of its group. A layout is
 * certain when the header's two levels fix it, or when the table's own rows settle it (some fit
 * only one layout, none only the other).
 */
function unalignedRowTotals(ctx: ReportContext, out: ClaimList, table: Table): void {
  const n = table.columnCount;
  const k = table.totalHeaders.length;
  if (k === 0 || n < 2 || n % k !== 0) return;
  const g = n / k;
  const groupsOf = (row: TableRow): Array<{ cells: TableCell[]; name: SpannedText | null }> =>
    range(0, k)
      .map((gi) => ({ cells: row.cells.slice(gi * g, gi * g + g), name: spanned(table.totalHeaders[gi]) }))
      .filter((grp) => grp.cells.length === g && summable(grp.cells));
  const lastOf = (cells: TableCell[], name: SpannedText | null, layout: Layout): Candidate => ({ total: cells[g - 1]!, members: cells.slice(0, g - 1), layout, name });
  const firstOf = (cells: TableCell[], name: SpannedText | null, layout: Layout): Candidate => ({ total: cells[0]!, members: cells.slice(1), layout, name });
  const fixed = k === 1 && table.headerLayout === 'twoLevel' ? twoLevelTotalAt(table) : null;
  let learned: 'last' | 'first' | null = fixed;
  if (!learned) {
    let onlyLast = 0;
    let onlyFirst = 0;
    for (const row of table.rows) {
      for (const grp of groupsOf(row)) {
        if (!isCount(grp.cells[0]) || !isCount(grp.cells[g - 1])) continue;
        const a = judgeSum(lastOf(grp.cells, null, 'totalLast'));
        const b = judgeSum(firstOf(grp.cells, null, 'totalFirst'));
        if (a.status === 'holds' && b.status === 'fails') onlyLast++;
        if (b.status === 'holds' && a.status === 'fails') onlyFirst++;
      }
    }
    // Only plain totals (总计, not 派遣案件总数) are sure to add up the columns of their group.
    const plain = table.totalHeaders.every((h) => totalHeaderKind(h.text) === 'plain');
    learned = !plain ? null : onlyLast > 0 && onlyFirst === 0 ? 'last' : onlyFirst > 0 && onlyLast === 0 ? 'first' : null;
  }
  for (const row of table.rows) {
    for (const grp of groupsOf(row)) {
      if (learned) {
        const sure = learned === 'last' ? lastOf(grp.cells, grp.name, 'known') : firstOf(grp.cells, grp.name, 'known');
        addTotal(ctx, out, table, row, 'row', [sure], sure);
      } else {
        addTotal(ctx, out, table, row, 'row', [lastOf(grp.cells, grp.name, 'totalLast'), firstOf(grp.cells, grp.name, 'totalFirst')], null);
      }
    }
  }
}

function spanned(cell: TableCell | null | undefined): SpannedText | null {
  return cell ? { text: cell.text, range: cell.range } : null;
}

/** Whether `row` sits below the labels of `parent` (a strict extension of that path). */
function below(row: TableRow, parent: SpannedText[]): boolean {
  return row.labelPath.length > parent.length && parent.every((p, i) => row.labelPath[i]!.text === p.text);
}

/**
 * The rows a total row adds up, as candidate sets: the leaf rows under the total's parent label
 * (sub-rows count, their parent rows do not), the subtotals when there are any, and the direct
 * children only. Rows above the total back to another parent; for a total in the first row, the
 * rows after it.
 */
function memberSets(rows: TableRow[], at: number): TableRow[][] {
  const total = rows[at]!;
  const parent = total.labelPath.slice(0, -1);
  const subtotal = namesSubtotal(total.label!.text);
  const collected: TableRow[] = [];
  const subtotals: TableRow[] = [];
  const take = (r: TableRow): boolean => {
    if (!r.label || !below(r, parent)) return false;
    if (namesTotalRow(r.label.text)) {
      if (subtotal || !namesSubtotal(r.label.text)) return false;
      subtotals.push(r);
      return true;
    }
    collected.push(r);
    return true;
  };
  if (at > 0 && rows[at - 1]!.label && below(rows[at - 1]!, parent)) {
    for (let r = at - 1; r >= 0 && take(rows[r]!); r--);
    collected.reverse();
    subtotals.reverse();
  } else {
    for (let r = at + 1; r < rows.length && take(rows[r]!); r++);
  }
  const leaves = collected.filter((r, i) => {
    const next = collected[i + 1];
    return !(next && below(next, r.labelPath));
  });
  const direct = collected.filter((r) => r.labelPath.length === parent.length + 1);
  const sets = [leaves];
  if (subtotals.length > 0) sets.push(subtotals);
  if (direct.length > 0 && direct.length !== leaves.length) sets.push(direct);
  return sets.filter((s) => s.length > 0);
}

/** Column totals: a row labelled 总计/合计/小计 against the rows it adds up, column by column. */
function columnTotals(ctx: ReportContext, out: ClaimList, table: Table): void {
  table.rows.forEach((row, at) => {
    if (!row.label || !namesTotalRow(row.label.text)) return;
    const sets = memberSets(table.rows, at);
    if (sets.length === 0) return;
    row.cells.forEach((total, j) => {
      if (!isCount(total)) return;
      const candidates = sets.map((set) => ({ total, members: set.map((r) => r.cells[j]!), layout: 'known' as const, name: row.label }));
      addTotal(ctx, out, table, row, 'column', candidates, candidates[0]!);
    });
  });
}

/** A base a share may be computed on. */
interface Base {
  kind: NonNullable<ClaimOf<'tableShare'>['baseKind']>;
  interval: Interval;
  value: Decimal;
  text: string;
  cell: TableCell | null;
  /** The table names this base for the share (its column's total row, its row's total column). */
  explicit: boolean;
}

/** Decimals shown in a numeral: 96.6 → 1. */
function decimalsShown(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.replace(/%$/, '').length - dot - 1;
}

/**
 * The bases a share at column `j` (its count at `j - 1`) may have, explicit ones first: the
 * column's total row, the row's own total column, a table-level total (a cell with no row label
 * under 总量/总计/合计), and the sum of the count column when the shares add up to about 100%.
 */
function basesFor(report: Report, table: Table, row: TableRow, j: number, columnSums: Map<number, Base | null>): Base[] {
  const out: Base[] = [];
  const fromCell = (cell: TableCell, kind: Base['kind'], explicit: boolean): Base => ({
    kind,
    interval: cell.figure!.interval,
    value: cell.figure!.value,
    text: report.text.slice(cell.figure!.range.start, cell.figure!.range.end),
    cell,
    explicit,
  });
  for (const r of table.rows) {
    if (r !== row && r.label && namesTotalRow(r.label.text) && !namesSubtotal(r.label.text) && isCount(r.cells[j - 1])) out.push(fromCell(r.cells[j - 1]!, 'columnTotal', true));
  }
  row.columnHeaders.forEach((h, t) => {
    if (t !== j - 1 && h && namesTotalHeader(h.text) && isCount(row.cells[t])) out.push(fromCell(row.cells[t]!, 'rowTotal', true));
  });
  for (const r of table.rows) {
    if (r.label) continue;
    r.columnHeaders.forEach((h, t) => {
      if (h && namesTotalHeader(h.text) && isCount(r.cells[t])) out.push(fromCell(r.cells[t]!, 'tableTotal', false));
    });
  }
  if (!columnSums.has(j)) columnSums.set(j, columnSum(table, j));
  const sum = columnSums.get(j);
  if (sum) out.push(sum);
  return out;
}

/** The sum of the count column before share column `j`, when that column's shares add up to about 100%. */
function columnSum(table: Table, j: number): Base | null {
  const rows = table.rows.filter((r) => r.label && !namesTotalRow(r.label.text));
  if (rows.length < 2 || !rows.every((r) => isCount(r.cells[j - 1]) && r.cells[j]?.kind === 'percent')) return null;
  const shares = sumIntervals(rows.map((r) => r.cells[j]!.figure!.interval));
  // Within a point of 100%: truncated or rounded shares rarely add up to exactly 100.
  if (!meets(shares, { lo: new Decimal(99), hi: new Decimal(101) })) return null;
  const counts = sumIntervals(rows.map((r) => r.cells[j - 1]!.figure!.interval));
  return { kind: 'columnSum', interval: counts, value: counts.lo, text: `Σ = ${showInterval(counts)}`, cell: null, explicit: false };
}

/** Shares: a `%` cell right after a count cell in the same row, against the bases it may have. */
function shares(ctx: ReportContext, out: ClaimList, table: Table): void {
  const { report } = ctx;
  const columnSums = new Map<number, Base | null>();
  for (const row of table.rows) {
    if (row.label && namesTotalRow(row.label.text)) continue;
    row.cells.forEach((cell, j) => {
      if (j === 0 || cell.kind !== 'percent' || !cell.figure) return;
      const count = row.cells[j - 1];
      if (!isCount(count)) return;
      const bases = basesFor(report, table, row, j, columnSums);
      const shareRef = cellRef(report, cell, 'rate');
      const countRef = cellRef(report, count, 'numerator');
      const countText = countRef.text;
      const common = { kind: 'tableShare' as const, range: cell.figure.range, table: table.index, label: row.label };
      const baseRef = (b: Base): FigureRef[] => (b.cell ? [cellRef(report, b.cell, 'base')] : []);
      const tried = bases.length > 1 ? `bases tried: ${bases.map((b) => `${b.kind} ${b.text}`).join(', ')}` : undefined;
      for (const b of bases) {
        const ratio = percentOf(count.figure!.interval, b.interval);
        if (ratio && meets(ratio, cell.figure.interval)) {
          const refs = [shareRef, countRef, ...baseRef(b)];
          out.add<ClaimOf<'tableShare'>>({
            ...common,
            figures: refs,
            verdict: 'holds',
            evidence: evidence(refs, {
              expression: `${count.figure!.value}/${b.text} = ${showInterval(ratio, 2)}%`,
              computed: `${showInterval(ratio, 2)}%`,
              expected: cell.text,
              base: `${countText} / ${b.text}`,
              ...(tried ? { note: tried } : {}),
            }),
            reason: 'the share matches its count over the base',
            baseKind: b.kind,
            truncated: false,
            suggestion: null,
          });
          return;
        }
      }
      const sure = bases.find((b) => b.explicit && b.value.gt(0));
      if (!sure) {
        const refs = [shareRef, countRef];
        out.add<ClaimOf<'tableShare'>>({
          ...common,
          figures: refs,
          verdict: 'unverifiable',
          evidence: evidence(refs, { note: bases.length > 0 ? `no base fits; ${tried ?? `tried ${bases[0]!.kind} ${bases[0]!.text}`}` : 'the table names no base for this share' }),
          reason: bases.length > 0 ? 'no base fits, and the table does not name the base' : 'no base found',
          baseKind: null,
          truncated: false,
          suggestion: null,
        });
        return;
      }
      const exact = count.figure!.value.times(100).div(sure.value);
      const places = decimalsShown(cell.text);
      const truncated = exact.toDecimalPlaces(places, Decimal.ROUND_DOWN).equals(cell.figure.value);
      const rounded = exact.toDecimalPlaces(places, Decimal.ROUND_HALF_EVEN);
      const refs = [shareRef, countRef, ...baseRef(sure)];
      out.add<ClaimOf<'tableShare'>>({
        ...common,
        figures: refs,
        verdict: 'fails',
        evidence: evidence(refs, {
          expression: `${count.figure!.value}/${sure.value} = ${show(exact, 4)}%`,
          computed: `${show(exact, 4)}%`,
          expected: `${rounded.toFixed(places)}%`,
          base: `${countText} / ${sure.text}`,
          ...(tried ? { note: tried } : {}),
        }),
        reason: truncated ? 'the share was truncated instead of rounded' : 'the share does not match its count over the base the table names',
        baseKind: sure.kind,
        truncated,
        suggestion: `${rounded.toFixed(places)}%`,
      });
    });
  }
}

/**
 * Table claims of a report: row totals, column totals and shares of every readable table.
 * Unreadable tables (columns lost) are never read.
 */
export function extractTableClaims(ctx: ReportContext, out: ClaimList): void {
  for (const table of ctx.report.tables ?? []) {
    if (!table.readable) continue;
    if (table.headerLayout === 'aligned') alignedRowTotals(ctx, out, table);
    else unalignedRowTotals(ctx, out, table);
    columnTotals(ctx, out, table);
    shares(ctx, out, table);
  }
}
