import { z } from 'zod';
import { meets, showInterval } from '../../src/arithmetic/interval.js';
import { matchesKindTable } from '../../src/claims/identity.js';
import { bareLabel, cellRef, isCountCell as isCount, isMissingCell as isMissing, rowsLabelled } from '../../src/claims/table-rows.js';
import type { CrossDoc } from '../../src/cross/rule.js';
import { defineCrossRule } from '../../src/cross/rule.js';
import type { FigureRef } from '../../src/engine/diagnostic.js';
import type { Interval } from '../../src/model/quantity.js';
import type { Table, TableCell, TableRow } from '../../src/model/table.js';
import type { CrossYearIdentity, YearTerm } from '../../src/profiles/schema.js';
import { Decimal } from 'decimal.js';


/** Who issued a report, as a key: its first issuer, else its title up to the year. */
function bodyOf(doc: CrossDoc): string | null {
  const m = doc.report.metadata;
  const issuer = m.issuers[0]?.text;
  if (issuer) return bareLabel(issuer);
  const title = m.title?.text;
  const year = m.reportingYear?.year;
  if (!title || year === undefined) return null;
  const at = title.indexOf(String(year));
  return at > 0 ? bareLabel(title.slice(0, at)) : null;
}


/** The one row whose own label holds `words`, or null (none, or several). */
function rowNamed(table: Table, words: string): TableRow | null {
  const rows = rowsLabelled(table, words);
  return rows.length === 1 ? rows[0]! : null;
}

/** The one column whose header holds `words`, or -1. */
function columnNamed(table: Table, words: string): number {
  const w = bareLabel(words);
  const found: number[] = [];
  table.columnHeaders.forEach((h, j) => {
    if (h && bareLabel(h.text).includes(w)) found.push(j);
  });
  return found.length === 1 ? found[0]! : -1;
}

/** One side's cells for one slot (a column index or a row label), or null when a term is not found. */
function cellsOf(terms: readonly YearTerm[], tables: { this: Table; last: Table }, slot: number | string): Array<{ term: YearTerm; cell: TableCell | undefined }> | null {
  const out: Array<{ term: YearTerm; cell: TableCell | undefined }> = [];
  for (const term of terms) {
    const table = term.year === 'this' ? tables.this : tables.last;
    let cell: TableCell | undefined;
    if (term.row !== undefined && typeof slot === 'number') {
      const row = rowNamed(table, term.row);
      if (!row) return null;
      cell = row.cells[slot];
    } else if (term.column !== undefined && typeof slot === 'string') {
      const row = rowNamed(table, slot);
      const j = columnNamed(table, term.column);
      if (!row || j < 0) return null;
      cell = row.cells[j];
    } else return null;
    out.push({ term, cell });
  }
  return out;
}

/**
 * The columns both years' tables have, by index, when they are the same columns: the same count
 * and, where the headers are known, the same header at each place. Otherwise none (the two years'
 * tables are laid out differently, and cells cannot be paired).
 */
function sameColumns(mine: Table, theirs: Table): number[] {
  if (mine.columnCount !== theirs.columnCount) return [];
  const header = (t: Table, j: number): string | null => {
    const h = t.columnHeaders[j];
    return h ? bareLabel(h.text) : null;
  };
  for (let j = 0; j < mine.columnCount; j++) {
    const a = header(mine, j);
    const b = header(theirs, j);
    if (a !== null && b !== null && a !== b) return [];
  }
  return Array.from({ length: mine.columnCount }, (_, j) => j);
}

function sideSum(cells: Array<{ term: YearTerm; cell: TableCell | undefined }>): Interval {
  let lo = new Decimal(0);
  let hi = new Decimal(0);
  for (const { term, cell } of cells) {
    const i = cell!.figure!.interval;
    if (term.sign === -1) {
      lo = lo.minus(i.hi);
      hi = hi.minus(i.lo);
    } else {
      lo = lo.plus(i.lo);
      hi = hi.plus(i.hi);
    }
  }
  return { lo, hi };
}

/**
 * Where both years' reports of one body are checked together, the identities their kind declares
 * between the two years hold (政府信息公开: this year's 二、上年结转 is last year's 四、结转下年度; this
 * year's 现行有效 is last year's plus 制发 less 废止). Typical, not strict: a warning.
 */
export const crossYearCarryover = defineCrossRule({
  meta: {
    id: 'cross-year-carryover',
    type: 'problem',
    docs: {
      description: { zh: '同一机关相邻两年报告的表格应前后衔接', en: 'The tables of one body’s reports for two consecutive years carry over' },
      url: 'rules/cross-year-carryover/README.md',
    },
    messages: {
      broken: {
        zh: '{slot}不符合“{name}”:{expression}(上年报告:{last})',
        en: '{slot} breaks “{name}”: {expression} (last year’s report: {last})',
      },
    },
    options: z.object({}),
    defaultSeverity: 'warning',
  },
  checkCross(ctx) {
    const en = ctx.locale === 'en';
    // Reports by kind, body and year, once: each report then finds last year's by one look-up.
    const byKey = new Map<string, CrossDoc>();
    const keyOf = (d: CrossDoc, year: number): string | null => {
      const body = bodyOf(d);
      return d.profile && body !== null ? `${d.profile.id}\u0000${body}\u0000${year}` : null;
    };
    for (const d of ctx.documents) {
      const year = d.report.metadata.reportingYear?.year;
      const key = year === undefined ? null : keyOf(d, year);
      if (key !== null && !byKey.has(key)) byKey.set(key, d);
    }
    for (const doc of ctx.documents) {
      const year = doc.report.metadata.reportingYear?.year;
      const key = year === undefined ? null : keyOf(doc, year - 1);
      const last = key === null ? undefined : byKey.get(key);
      if (!last || last === doc) continue;
      for (const spec of doc.profile!.tables) {
        if (spec.crossYear.length === 0) continue;
        const mine = doc.report.tables.find((t) => t.readable && matchesKindTable(t, spec));
        const theirs = last.report.tables.find((t) => t.readable && matchesKindTable(t, spec));
        if (!mine || !theirs) continue;
        for (const identity of spec.crossYear) judge(identity, { this: mine, last: theirs }, doc, last);
      }
    }

    function judge(identity: CrossYearIdentity, tables: { this: Table; last: Table }, doc: CrossDoc, last: CrossDoc): void {
      const slots: Array<number | string> =
        identity.per === 'column' ? sameColumns(tables.this, tables.last) : tables.this.rows.filter((r) => r.label).map((r) => r.label!.text);
      for (const slot of slots) {
        const left = cellsOf(identity.left, tables, slot);
        const right = cellsOf(identity.right, tables, slot);
        if (!left || !right) continue;
        const all = [...left, ...right];
        if (all.some(({ cell }) => !isCount(cell) && !isMissing(cell))) continue;
        const name = en ? identity.name.en : identity.name.zh;
        const slotName =
          typeof slot === 'number' ? `${en ? 'Column' : ''}“${tables.this.columnHeaders[slot]?.text ?? String(slot + 1)}”${en ? '' : '列'}` : `${en ? 'Row' : ''}“${slot}”${en ? '' : '行'}`;
        const anchor = left.find(({ term, cell }) => term.year === 'this' && isCount(cell))?.cell;
        if (!anchor) continue;
        // Last year's cells are evidence in the other document.
        const refs: FigureRef[] = all
          .filter(({ cell }) => isCount(cell))
          .map(({ term, cell }) => (term.year === 'this' ? cellRef(doc.report, cell!, 'this year') : { ...cellRef(last.report, cell!, 'last year'), document: last.id }));
        if (all.some(({ cell }) => isMissing(cell))) {
          ctx.compare({ document: doc.id, others: [last.id], what: `${identity.id} ${slotName}`, verdict: 'unverifiable', evidence: { figures: refs, note: 'a cell is blank' }, range: anchor.figure!.range });
          continue;
        }
        const l = sideSum(left);
        const r = sideSum(right);
        const show = (side: typeof left): string =>
          side.map(({ term, cell }, k) => `${k === 0 ? (term.sign === -1 ? '-' : '') : term.sign === -1 ? '-' : '+'}${cell!.figure!.value.toString()}`).join('');
        const holds = meets(l, r);
        // One cell a side reads as itself (4 ≠ 5); several show their sum (11+3-1 = 13).
        const side = (cells: typeof left, sum: Interval): string => (cells.length > 1 ? `${show(cells)} = ${showInterval(sum)}` : show(cells));
        const expression = `${side(left, l)} ${holds ? '=' : '≠'} ${side(right, r)}`;
        const evidence = { figures: refs, expression, computed: showInterval(l), expected: showInterval(r), note: `${doc.id} (${doc.report.metadata.reportingYear!.year}) against ${last.id}` };
        ctx.compare({ document: doc.id, others: [last.id], what: `${identity.id} ${slotName}`, verdict: holds ? 'holds' : 'fails', evidence, range: anchor.figure!.range });
        if (holds) continue;
        ctx.report({
          document: doc.id,
          messageId: 'broken',
          data: { slot: slotName, name, expression, last: last.id },
          range: anchor.figure!.range,
          evidence,
          related: refs
            .filter((f) => f.range.start !== anchor.figure!.range.start || f.document)
            .map((f) => ({ range: f.range, message: `${f.document ? (en ? 'last year' : '上年') : en ? 'this year' : '本年'}: ${f.text}`, ...(f.document ? { document: f.document } : {}) })),
        });
      }
    }
  },
});
