import { describe, expect, it } from 'vitest';
import { extractHtml, loadHtml } from '../../io/html.js';
import { checkReport } from '../../builtin.js';
import type { Table, TableRow } from '../../model/table.js';
import { parseReport } from '../parse-report.js';

/** Reads an HTML page as the CLI does: its text, with the page's tables given to the parser. */
function read(html: string): { text: string; tables: Table[] } {
  const page = extractHtml(html);
  const report = parseReport(page.text, { tables: page.tables });
  return { text: page.text, tables: report.tables };
}

const row = (r: TableRow): string => `${r.labelPath.map((l) => l.text).join(' > ')}: ${r.cells.map((c) => (c.kind === 'blank' ? '_' : c.text)).join(' ')}`;

/** Table 三 of a 政府信息公开 report, cut short, as pages write it: a three-row header with merged cells. */
const APPLICATIONS = (cells: Record<string, string> = {}): string => {
  const v = (key: string, fallback: string): string => cells[key] ?? fallback;
  return `<html><body><p>三、收到和处理政府信息公开申请情况</p>
<table border="1">
<tr><td rowspan="3" colspan="3">(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)</td><th colspan="7">申请人情况</th></tr>
<tr><th rowspan="2">自然人</th><th colspan="5">法人或其他组织</th><th rowspan="2">总计</th></tr>
<tr><th>商业<br>企业</th><th>科研<br>机构</th><th>社会公益组织</th><th>法律服务机构</th><th>其他</th></tr>
<tr><td colspan="3"><p>一、本年新收政府信息公开申请数量</p></td><td><p>10</p></td><td>2</td><td>0</td><td>0</td><td>1</td><td>0</td><td>${v('new-total', '13')}</td></tr>
<tr><td rowspan="4">三、本年度办理结果</td><td colspan="2">(一)予以公开</td><td>5</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>6</td></tr>
<tr><td rowspan="2">(三)不予公开</td><td>1.属于国家秘密</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr>
<tr><td>2.其他法律行政法规禁止公开</td><td>0</td><td>0</td><td>0</td><td>0</td><td>${v('blank', '&nbsp;')}</td><td>0</td><td>0</td></tr>
<tr><td colspan="2">(七)总计</td><td>6</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>${v('grand-total', '7')}</td></tr>
</table><p>四、政府信息公开行政复议、行政诉讼情况</p></body></html>`;
};

describe('HTML tables read as grids', () => {
  it('resolves merged header cells into every column’s header path and the leaf headers', () => {
    const { text, tables } = read(APPLICATIONS());
    expect(tables).toHaveLength(1);
    const t = tables[0]!;
    expect(t.shape).toBe('grid');
    expect(t.readable).toBe(true);
    expect(t.headerLayout).toBe('aligned');
    expect(t.columnCount).toBe(7);
    // 商业<br>企业 is one header word; its place is still the page's.
    expect(t.columnHeaders.map((h) => h!.text)).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
    const paths = t.rows[0]!.columnPaths.map((p) => p.map((s) => s.text).join('/'));
    expect(paths).toEqual([
      '申请人情况/自然人',
      '申请人情况/法人或其他组织/商业企业',
      '申请人情况/法人或其他组织/科研机构',
      '申请人情况/法人或其他组织/社会公益组织',
      '申请人情况/法人或其他组织/法律服务机构',
      '申请人情况/法人或其他组织/其他',
      '申请人情况/总计',
    ]);
    for (const p of t.rows[0]!.columnPaths.flat()) expect(text.slice(p.range.start, p.range.end).replace(/\s+/g, '')).toBe(p.text);
  });

  it('gives each row the label cells covering it, spans from rows above included', () => {
    const { tables } = read(APPLICATIONS());
    expect(tables[0]!.rows.map(row)).toEqual([
      '一、本年新收政府信息公开申请数量: 10 2 0 0 1 0 13',
      '三、本年度办理结果 > (一)予以公开: 5 1 0 0 0 0 6',
      '三、本年度办理结果 > (三)不予公开 > 1.属于国家秘密: 1 0 0 0 0 0 1',
      '三、本年度办理结果 > (三)不予公开 > 2.其他法律行政法规禁止公开: 0 0 0 0 _ 0 0',
      '三、本年度办理结果 > (七)总计: 6 1 0 0 0 0 7',
    ]);
  });

  it('puts every cell of a row on one line of the text, and each cell’s range on its figure', () => {
    const { text, tables } = read(APPLICATIONS());
    // The paragraphs inside the cells are spaces now, one unit for one unit.
    expect(text).toMatch(/\n一、本年新收政府信息公开申请数量 +10 +2 0 0 1 0 13\n/);
    for (const r of tables[0]!.rows) {
      for (const c of r.cells) if (c.kind !== 'blank') expect(text.slice(c.range.start, c.range.end)).toBe(c.text);
      // Rows are in text order and do not overlap: look-ups by offset rely on it.
      expect(r.range.end).toBeGreaterThanOrEqual(r.range.start);
    }
    const starts = tables[0]!.rows.map((r) => r.range.start);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  });

  it('balanced: every row and column total holds; a blank member with zeros around it still holds', () => {
    const { text } = read(APPLICATIONS());
    const result = checkReport(parseReport(text, { tables: extractHtml(APPLICATIONS()).tables }));
    const totals = result.claims.filter((c) => c.kind === 'tableTotal');
    expect(totals.length).toBeGreaterThan(0);
    expect(totals.filter((c) => c.verdict !== 'holds')).toEqual([]);
    expect(result.diagnostics.filter((d) => d.ruleId.startsWith('table-'))).toEqual([]);
  });

  it('one cell off by one: the finding sits on that cell, its members as related locations', () => {
    const html = APPLICATIONS({ 'new-total': '14' });
    const page = extractHtml(html);
    const result = checkReport(parseReport(page.text, { tables: page.tables }));
    const found = result.diagnostics.filter((d) => d.ruleId === 'table-total-matches');
    expect(found).toHaveLength(1);
    const d = found[0]!;
    expect(page.text.slice(d.range.start, d.range.end)).toBe('14');
    expect(d.evidence.expression).toBe('10+2+0+0+1+0 = 13');
    expect(d.related.map((r) => page.text.slice(r.range.start, r.range.end))).toEqual(['10', '2', '0', '0', '1', '0']);
    // The HTML reader maps the finding back onto the page's own `<td>14</td>`.
    const source = loadHtml('t.html', html, 'utf-8');
    const at = source.locate(d.range.start, 'start').offset;
    expect(html.slice(at, at + 2)).toBe('14');
  });

  it('a blank member that could be anything makes the total unassessable, never a failure', () => {
    const page = extractHtml(APPLICATIONS({ blank: '&nbsp;', 'grand-total': '9' }));
    const result = checkReport(parseReport(page.text, { tables: page.tables }));
    const column = result.claims.filter((c) => c.kind === 'tableTotal' && c.direction === 'column' && c.verdict !== 'holds');
    // (七)总计 in the 总计 column fails (6+1+0 = 7, not 9); the blank sits in the 其他 column, where 0+0+□ = 0 holds.
    expect(column.map((c) => c.verdict)).toEqual(['fails']);
    const withBlank = extractHtml(APPLICATIONS({ blank: '&nbsp;' }).replace('<td colspan="2">(七)总计</td><td>6</td><td>1</td><td>0</td><td>0</td><td>0</td>', '<td colspan="2">(七)总计</td><td>6</td><td>1</td><td>0</td><td>0</td><td>2</td>'));
    const r2 = checkReport(parseReport(withBlank.text, { tables: withBlank.tables }));
    const blank = r2.claims.find((c) => c.kind === 'tableTotal' && c.direction === 'column' && c.verdict === 'unverifiable');
    expect(blank?.reason).toMatch(/blank/);
  });

  it('a layout table (a table inside a cell) and a one-column table give no grid', () => {
    const layout = '<table><tr><td><table><tr><td>a</td><td>1</td></tr><tr><td>b</td><td>2</td></tr></table></td><td>side</td></tr></table>';
    const { tables } = read(`<html><body>${layout}</body></html>`);
    // The inner table is a table of figures; the outer one holds it and is not read.
    expect(tables.map((t) => t.rows.map(row))).toEqual([['a: 1', 'b: 2']]);
    expect(read('<html><body><table><tr><td>一段很长的正文,共办理12件。</td></tr><tr><td>又一段</td></tr></table></body></html>').tables).toEqual([]);
  });

  it('a hostile colspan or rowspan is capped, and the page is still read', () => {
    const html = `<html><body><table><tr><td colspan="99999">标题</td></tr><tr><td>甲</td><td rowspan="99999">5</td></tr><tr><td>乙</td></tr></table></body></html>`;
    const started = performance.now();
    const { tables } = read(html);
    expect(performance.now() - started).toBeLessThan(2000);
    // 64 columns at most: the caption's span is cut there, 5 spans down to the last row only.
    expect(tables).toHaveLength(1);
    expect(tables[0]!.columnCount).toBe(63);
    expect(tables[0]!.rows.map((r) => [r.label?.text, r.cells[0]!.text, r.cells.filter((c) => c.kind !== 'blank').length])).toEqual([
      ['甲', '5', 1],
      ['乙', '', 0],
    ]);
  });

  it('an empty row still counts for a rowspan: the cells below stay in their columns', () => {
    const { tables } = read('<html><body><table><tr><td>类别</td><td>A</td><td>B</td></tr><tr><td rowspan="2">甲类</td><td>1</td><td>2</td></tr><tr></tr><tr><td>乙类</td><td>3</td><td>4</td></tr></table></body></html>');
    expect(tables[0]!.rows.map(row)).toEqual(['甲类: 1 2', '甲类: _ _', '乙类: 3 4']);
  });

  it('a group row whose figures are blank is a row of the table, not the header of another', () => {
    // (五)不予处理's first row left blank in every column: table 三 stays one table, and nothing fails.
    const html = APPLICATIONS().replace(
      '<tr><td rowspan="2">(三)不予公开</td><td>1.属于国家秘密</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr>',
      '<tr><td rowspan="2">(三)不予公开</td><td>1.属于国家秘密</td><td></td><td></td><td></td><td></td><td></td><td></td><td></td></tr>',
    );
    expect(html).not.toBe(APPLICATIONS());
    const page = extractHtml(html);
    const result = checkReport(parseReport(page.text, { tables: page.tables }));
    expect(result.report.tables).toHaveLength(1);
    expect(result.diagnostics.filter((d) => d.ruleId.startsWith('table-'))).toEqual([]);
  });

  it('a table in a list of links taken back leaves no table over the text that follows', () => {
    const html = `<html><body><table><tr><td><a href="a">上一篇</a></td><td><a href="b">下一篇</a></td></tr><tr><td><a href="c">打印本页</a></td><td><a href="d">关闭窗口</a></td></tr></table>
<p>一、总体情况</p><p>全年主动公开信息12条。</p></body></html>`;
    const page = extractHtml(html);
    expect(page.tables).toEqual([]);
    const report = parseReport(page.text, { tables: page.tables });
    expect(report.sections.map((s) => s.marker.text + s.heading)).toEqual(['一、总体情况']);
  });

  it('a table of words only stays prose: its lines are read as the report’s', () => {
    const html = '<html><body><table><tr><td>五、存在的主要问题及改进情况</td><td>说明</td></tr><tr><td>一是队伍不稳定</td><td>二是培训不足</td></tr></table></body></html>';
    const page = extractHtml(html);
    const report = parseReport(page.text, { tables: page.tables });
    expect(report.tables).toEqual([]);
    expect(report.paragraphs.some((p) => p.role === 'table')).toBe(false);
    expect(report.sections.map((s) => s.marker.text)).toEqual(['五、']);
  });
});
