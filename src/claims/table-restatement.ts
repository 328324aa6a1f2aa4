/**
 * Figures in the text that restate a table: a count whose label ends with a row's own label
 * (发布行政许可信息76条 and the 行政许可 row of table 二), or with a phrase the document kind gives
 * for some rows (受理依申请公开12件: 本年新收, or 本年新收 + 上年结转), against the row's value in
 * the table's total column (or its only value). Every reading is tried; the claim fails only when
 * every reading is stated and none meets the figure's interval, and blanks make it unassessable.
 */
import { figureInterval, meets, showInterval, sumIntervals } from '../arithmetic/interval.js';
import type { FigureRef } from '../engine/diagnostic.js';
import type { Interval } from '../model/quantity.js';
import type { Table, TableCell, TableRow } from '../model/table.js';
import { totalHeaderKind } from '../parse/tables/cells.js';
import { tableAt } from '../parse/tables/lookup.js';
import type { Profile } from '../profiles/schema.js';
import { ClaimList, evidence } from './builder.js';
import { bareLabel, cellRef, isCountCell, isMissingCell, rowsLabelled } from './table-rows.js';
import { figureRef, type FigureContext, type ReportContext } from './context.js';
import { matchesKindTable } from './identity.js';
import type { ClaimOf } from './schema.js';
import { aboutOtherYear } from './scope.js';
import { hasWords, W } from './words.js';

/**
 * What may follow the row's words in the text before the figure: 行政许可信息, 行政处罚决定. Not 申请
 * or 事项: 受理行政许可申请130件 counts applications, not the 行政许可 row's decisions.
 */
const SUFFIXES = ['', '信息', '决定', '案件', '数量', '数', '件数'];
/** Numbering before a row label, read before punctuation is dropped: 一、 (一) 1. 1、 (1). */
const MARKER = /^\s*(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)|\d{1,2}[.、]|\(\d{1,2}\))/;
/** Shortest row label that names a row by itself in the text: two-unit labels (其他, 规章) name too much. */
const MIN_OWN_WORDS = 3;
/** Shortest phrase a kind may give for its rows. */
const MIN_WORDS = 2;
/** Labels that name no one row: parts and totals. */
const NOT_A_ROW = /^(?:其中|合计|总计|小计|其他)/;
/** Words before a figure that make it part of the year, one channel, or a change (as for restatements in the text). */
const RESTRICTORS = W.part | W.partOfYear | W.sinceNew;

/**
 * Where a table keeps each row's value: the column its header names 总计 (a plain total), or,
 * when merged header cells were flattened and the total's place was lost, its first or its last
 * cell (both are tried); with no total named, a row's only figure.
 */
type ValueAt = number | 'first' | 'last' | 'only';

function valuePlaces(table: Table): ValueAt[] {
  const heads = table.columnHeaders;
  const known = heads.findIndex((h) => h !== null && totalHeaderKind(h.text) === 'plain');
  if (known >= 0) return [known];
  if (table.totalHeaders.some((h) => totalHeaderKind(h.text) === 'plain')) return ['first', 'last'];
  return ['only'];
}

/** The cell of `row` at `at`: a count, 'blank' when it states nothing, null when it is no count. */
function rowValue(row: TableRow, at: ValueAt): TableCell | null | 'blank' {
  const pick = (c: TableCell | undefined): TableCell | 'blank' | null => (c === undefined ? null : isCountCell(c) ? c : isMissingCell(c) ? 'blank' : null);
  if (typeof at === 'number') return pick(row.cells[at]);
  if (at === 'first') return pick(row.cells[0]);
  if (at === 'last') return pick(row.cells[row.cells.length - 1]);
  const stated = row.cells.filter((c) => c.kind !== 'blank');
  return stated.length === 1 ? pick(stated[0]) : null;
}

/** One way the text may name some rows: the words, and the rows of each reading. */
interface Naming {
  table: Table;
  words: string;
  readings: TableRow[][];
  /** Its place among the report's namings. */
  order: number;
}

/**
 * The one row whose own label holds `words`; for a group named only above its rows ((四)无法提供
 * over 1.–3.), its rows; none when two rows answer the name (ambiguous, never summed).
 */
function rowsNamed(table: Table, words: string): TableRow[] {
  const own = rowsLabelled(table, words);
  if (own.length > 0) return own.length === 1 ? own : [];
  const w = bareLabel(words);
  return table.rows.filter((r) => r.labelPath.slice(0, -1).some((l) => bareLabel(l.text).includes(w)));
}

/** Every naming of the report's tables: each row by its own label, and the kind's phrases. */
function namings(ctx: ReportContext, profile: Profile | null): Naming[] {
  const out: Naming[] = [];
  for (const table of ctx.report.tables ?? []) {
    if (!table.readable || table.rows.length === 0) continue;
    for (const row of table.rows) {
      if (!row.label) continue;
      const words = bareLabel(row.label.text.replace(MARKER, ''));
      if (words.length >= MIN_OWN_WORDS && !NOT_A_ROW.test(words)) out.push({ table, words, readings: [[row]], order: out.length });
    }
    for (const spec of profile?.tables ?? []) {
      if (!matchesKindTable(table, spec)) continue;
      for (const s of spec.stated) {
        const readings = s.readings.map((r) => r.flatMap((w) => rowsNamed(table, w)));
        if (readings.some((r) => r.length === 0)) continue;
        for (const words of s.words) if (bareLabel(words).length >= MIN_WORDS) out.push({ table, words: bareLabel(words), readings, order: out.length });
      }
    }
  }
  return out;
}

/** The namings a figure's label ends with (the row's words, perhaps followed by 信息, 决定 …). */
function named(f: FigureContext, index: NamingIndex): Naming[] {
  const label = bareLabel(f.label);
  const out: Naming[] = [];
  for (const suffix of SUFFIXES) {
    const rest = label.length - suffix.length;
    if (rest < MIN_WORDS || !label.endsWith(suffix)) continue;
    // The label's tail of each length some naming has, looked up: never a pass over every row.
    for (const length of index.lengths) {
      if (length > rest) break;
      for (const n of index.byWords.get(label.slice(rest - length, rest)) ?? []) if (!out.includes(n)) out.push(n);
    }
  }
  // In the order the namings were made (row labels, then the kind's phrases), as a pass over all would find them.
  return out.sort((a, b) => a.order - b.order);
}

/** The namings by their words, and the lengths their words have (ascending). */
interface NamingIndex {
  byWords: Map<string, Naming[]>;
  lengths: number[];
}

function namingIndex(all: readonly Naming[]): NamingIndex {
  const byWords = new Map<string, Naming[]>();
  for (const n of all) {
    const list = byWords.get(n.words);
    if (list) list.push(n);
    else byWords.set(n.words, [n]);
  }
  const lengths = [...new Set(all.map((n) => n.words.length))].sort((a, b) => a - b);
  return { byWords, lengths };
}

/** Judges every figure of the text that restates a table. */
export function extractTableRestatements(ctx: ReportContext, out: ClaimList, profile: Profile | null): void {
  const { report } = ctx;
  if (!report.tables || report.tables.length === 0) return;
  const all = namings(ctx, profile);
  if (all.length === 0) return;
  const index = namingIndex(all);
  // Where each table keeps its rows' values, worked out once per table, not per figure.
  const places = new Map<Table, ValueAt[]>();
  const placesOf = (t: Table): ValueAt[] => {
    let p = places.get(t);
    if (!p) places.set(t, (p = valuePlaces(t)));
    return p;
  };
  for (const f of ctx.figures) {
    const q = f.quantity;
    if (q.unitFamily !== 'count' || q.to !== null || tableAt(report, q.range.start) || aboutOtherYear(ctx, f)) continue;
    // Part of the year, one channel, a change, a cumulative or another body's figure restates no row
    // (上半年受理…, 其中通过网络…, 比上年多受理…, 累计受理…, 全区各部门共受理…).
    const { sense } = f;
    if (sense.kind !== 'amount' || sense.period !== 'reporting' || sense.body !== 'own' || hasWords(f.beforeWords, RESTRICTORS)) continue;
    // A department's report quoting its whole district or city (全区各部门共受理…) quotes a wider body.
    if (report.metadata.level === 'department' && hasWords(f.rawWords, W.wider)) continue;
    const hits = named(f, index);
    if (hits.length === 0) continue;
    const stated = figureInterval(q);
    let fit: { naming: Naming; rows: TableRow[]; cells: TableCell[]; sum: Interval } | null = null;
    let shown: { naming: Naming; rows: TableRow[]; cells: TableCell[]; sum: Interval } | null = null;
    let blanks = 0;
    for (const naming of hits) {
      for (const [rows, at] of naming.readings.flatMap((rows) => placesOf(naming.table).map((at) => [rows, at] as const))) {
        const values = rows.map((r) => rowValue(r, at));
        if (values.some((v) => v === null)) continue;
        if (values.some((v) => v === 'blank')) {
          blanks++;
          continue;
        }
        const cells = values as TableCell[];
        const sum = sumIntervals(cells.map((c) => c.figure!.interval));
        const reading = { naming, rows, cells, sum };
        shown ??= reading;
        if (meets(sum, stated)) {
          fit = reading;
          break;
        }
      }
      if (fit) break;
    }
    const used = fit ?? shown;
    if (!used && blanks === 0) continue;
    const verdict = fit ? 'holds' : blanks > 0 ? 'unverifiable' : 'fails';
    const ref = figureRef(report, q, 'restatement');
    const cellRefs: FigureRef[] = (used?.cells ?? []).map((c) => cellRef(report, c, 'table cell'));
    const naming = used?.naming ?? hits[0]!;
    const readings = naming.readings.map((rows) => rows.map((r) => r.label?.text ?? ''));
    out.add<ClaimOf<'tableRestatement'>>({
      kind: 'tableRestatement',
      range: q.range,
      figures: [ref, ...cellRefs],
      verdict,
      evidence: evidence([ref, ...cellRefs], {
        ...(used ? { expression: `${used.cells.map((c) => c.figure!.value.toString()).join('+')} = ${showInterval(used.sum)}`, expected: showInterval(used.sum) } : {}),
        computed: `${ref.text} → ${showInterval(stated)}`,
        note: `“${naming.words}” names ${readings.map((r) => r.join(' + ')).join(' or ')}${blanks > 0 ? `; readings with blank cells: ${blanks}` : ''}`,
      }),
      reason:
        verdict === 'holds'
          ? 'the text restates the table'
          : verdict === 'fails'
            ? 'the figure in the text differs from the table under every reading of the rows it names'
            : 'the table leaves the rows blank, so the restatement cannot be assessed',
      table: naming.table.index,
      words: naming.words,
      readings,
      rows: (used?.rows ?? []).map((r) => r.label?.text ?? ''),
    });
  }
}
