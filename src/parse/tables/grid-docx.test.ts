// Word tables (w:tbl) read as grids: a document made with the `docx` package, with a header cell
// spanning columns (w:gridSpan), a row label spanning rows (w:vMerge), a blank cell and a total
// off by one, checked as the CLI checks a .docx.
import { Document, Packer, Paragraph, Table, TableCell, TableRow, VerticalMergeType } from 'docx';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../builtin.js';
import { extractDocx, loadDocx } from '../../io/docx.js';
import { parseReport } from '../parse-report.js';

const cell = (text: string, extra: Partial<ConstructorParameters<typeof TableCell>[0]> = {}): TableCell =>
  new TableCell({ children: text.split('\n').map((t) => new Paragraph(t)), ...extra });

/** Table 四 of a 政府信息公开 report, one group of five, and a small 12345 table with merged labels. */
async function document(total = '4', blank = ''): Promise<Uint8Array> {
  const review = new Table({
    rows: [
      new TableRow({ children: [cell('行政复议', { columnSpan: 5 })] }),
      new TableRow({ children: ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map((t) => cell(t)) }),
      new TableRow({ children: ['2', '1', blank === 'review' ? '' : '0', '1', total].map((t) => cell(t)) }),
    ],
  });
  const hotline = new Table({
    rows: [
      new TableRow({ children: [cell('类别', { columnSpan: 2 }), cell('件数')] }),
      new TableRow({ children: [cell('咨询', { verticalMerge: VerticalMergeType.RESTART }), cell('政策'), cell('30')] }),
      new TableRow({ children: [cell('', { verticalMerge: VerticalMergeType.CONTINUE }), cell('办事'), cell('12')] }),
      new TableRow({ children: [cell('投诉'), cell('噪音'), cell('8')] }),
      new TableRow({ children: [cell('合计', { columnSpan: 2 }), cell('50')] }),
    ],
  });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph('某区司法局2023年政府信息公开工作年度报告'),
          new Paragraph('四、政府信息公开行政复议、行政诉讼情况'),
          review,
          new Paragraph('附:12345热线工单情况'),
          hotline,
          new Paragraph('五、存在的主要问题及改进情况'),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('Word tables read as grids', () => {
  it('resolves w:gridSpan headers and w:vMerge labels', async () => {
    const { text, tables: source } = extractDocx(await document());
    const tables = parseReport(text, { tables: source }).tables;
    expect(tables.map((t) => t.shape)).toEqual(['grid', 'grid']);
    const [review, hotline] = tables;
    expect(review!.columnHeaders.map((h) => h!.text)).toEqual(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']);
    expect(review!.rows[0]!.columnPaths[4]!.map((p) => p.text)).toEqual(['行政复议', '总计']);
    // 咨询 spans two rows: both its rows carry it.
    expect(hotline!.rows.map((r) => r.labelPath.map((l) => l.text).join(' > '))).toEqual(['咨询 > 政策', '咨询 > 办事', '投诉 > 噪音', '合计']);
    for (const t of tables) for (const r of t.rows) for (const c of r.cells) if (c.kind !== 'blank') expect(text.slice(c.range.start, c.range.end)).toBe(c.text);
  });

  it('balanced: no finding; a table row is not a heading of the report', async () => {
    const bytes = await document();
    const source = loadDocx('r.docx', bytes);
    const result = checkReport(parseReport(source.text, { tables: source.tables! }));
    expect(result.diagnostics.filter((d) => d.ruleId.startsWith('table-'))).toEqual([]);
    expect(result.claims.filter((c) => c.kind === 'tableTotal').map((c) => c.verdict)).toEqual(['holds', 'holds']);
    expect(result.report.sections.map((s) => s.marker.text + s.heading)).toEqual(['四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况']);
  });

  it('a total off by one: the finding is on its cell, located by paragraph in the .docx', async () => {
    const source = loadDocx('r.docx', await document('5'));
    const result = checkReport(parseReport(source.text, { tables: source.tables! }));
    const found = result.diagnostics.filter((d) => d.ruleId === 'table-total-matches');
    expect(found.map((d) => source.text.slice(d.range.start, d.range.end))).toEqual(['5']);
    expect(found[0]!.evidence.expression).toBe('2+1+0+1 = 4');
    // The cell is its own paragraph of the document: 第N段, first character.
    const at = source.locate(found[0]!.range.start, 'start');
    expect(source.text.split('\n')[at.line - 1]).toBe('5');
    expect(at.column).toBe(1);
  });

  it('a blank member cell: not assessed', async () => {
    const source = loadDocx('r.docx', await document('5', 'review'));
    const result = checkReport(parseReport(source.text, { tables: source.tables! }));
    expect(result.diagnostics.filter((d) => d.ruleId === 'table-total-matches')).toEqual([]);
    expect(result.claims.find((c) => c.kind === 'tableTotal')?.verdict).toBe('unverifiable');
  });
});
