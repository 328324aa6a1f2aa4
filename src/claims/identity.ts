/**
 * Identities a document kind declares for its tables (profile `tables[].identities`), judged in
 * every value column: the rows named on the left add up to the rows named on the right. Rows are
 * found by the words of their own label, so the data says `本年新收` and a table written
 * `一、本年新收政府信息公开申请数量` is read. A kind recognises its table by how many of its row
 * words the table holds. Blank cells make a column unassessable, never false.
 */
import { meets, showInterval, sumIntervals } from '../arithmetic/interval.js';
import type { Report } from '../model/report.js';
import type { Table, TableCell, TableRow } from '../model/table.js';
import type { Profile, ProfileTable, TableIdentity } from '../profiles/schema.js';
import { ClaimList, evidence } from './builder.js';
import { bareLabel, cellRef, isCountCell as isCount, isMissingCell as isMissing, rowsLabelled } from './table-rows.js';
import type { ReportContext } from './context.js';
import type { ClaimOf } from './schema.js';

/** Whether `table` is the kind's table `spec`: its labels hold enough of the spec's row words. */
export function matchesKindTable(table: Table, spec: ProfileTable): boolean {
  const labels = table.rows.filter((r) => r.label !== null).map((r) => bareLabel(r.label!.text));
  let found = 0;
  for (const w of spec.rows) if (labels.some((l) => l.includes(bareLabel(w)))) found++;
  return found >= spec.minRows;
}

/** Judges one identity of one table in every value column. */
function judgeIdentity(report: Report, out: ClaimList, table: Table, spec: ProfileTable, identity: TableIdentity): void {
  const sides = [identity.left, identity.right].map((side) => side.map((words) => rowsLabelled(table, words)));
  // Every row named once: a missing row (a table cut short) or two rows answering one name leave
  // the identity unread rather than guessed.
  if (sides.some((side) => side.some((rows) => rows.length !== 1))) return;
  const [left, right] = sides.map((side) => side.map((rows) => rows[0]!)) as [TableRow[], TableRow[]];
  for (let j = 0; j < table.columnCount; j++) {
    const l = left.map((r) => r.cells[j]);
    const r = right.map((row) => row.cells[j]);
    const all = [...l, ...r];
    if (all.some((c) => !isCount(c) && !isMissing(c))) continue;
    const anchor = r.find(isCount) ?? l.find(isCount);
    if (!anchor) continue;
    const blanks = all.filter(isMissing).length;
    const lSum = sumIntervals(l.filter(isCount).map((c) => c.figure!.interval));
    const rSum = sumIntervals(r.filter(isCount).map((c) => c.figure!.interval));
    const show = (cells: Array<TableCell | undefined>): string => cells.map((c) => (isCount(c) ? c.figure!.value.toString() : '□')).join('+');
    const refs = [...l.filter(isCount).map((c) => cellRef(report, c, 'left')), ...r.filter(isCount).map((c) => cellRef(report, c, 'right'))];
    const verdict = blanks > 0 ? 'unverifiable' : meets(lSum, rSum) ? 'holds' : 'fails';
    const header = table.rows[0]?.columnHeaders[j] ?? null;
    const names = (rows: TableRow[]): string => rows.map((row) => row.label!.text).join(' + ');
    out.add<ClaimOf<'tableIdentity'>>({
      kind: 'tableIdentity',
      range: anchor.figure!.range,
      figures: refs,
      verdict,
      evidence: evidence(refs, {
        expression: `${show(l)} = ${showInterval(lSum)}; ${show(r)} = ${showInterval(rSum)}`,
        computed: showInterval(lSum),
        expected: showInterval(rSum),
        note: `${names(left)} = ${names(right)}${identity.printed ? ` (${identity.printed})` : ''}${blanks > 0 ? `; blank cells: ${blanks}` : ''}`,
      }),
      reason:
        verdict === 'holds'
          ? 'the rows add up as the format requires'
          : verdict === 'fails'
            ? `the rows on the left add up to ${showInterval(lSum)}, those on the right to ${showInterval(rSum)}`
            : `${blanks} cell(s) are blank or not stated, so the identity cannot be assessed`,
      table: table.index,
      tableId: spec.id,
      identity: identity.id,
      name: identity.name,
      status: identity.status,
      column: header ? { text: header.text, range: header.range } : null,
      blanks,
    });
  }
}

/** Judges the identities the active kind declares for the tables it finds in the report. */
export function extractTableIdentities(ctx: ReportContext, out: ClaimList, profile: Profile | null): void {
  if (!profile || profile.tables.length === 0) return;
  for (const table of ctx.report.tables ?? []) {
    if (!table.readable) continue;
    for (const spec of profile.tables) {
      if (!matchesKindTable(table, spec)) continue;
      for (const identity of spec.identities) judgeIdentity(ctx.report, out, table, spec, identity);
      break;
    }
  }
}
