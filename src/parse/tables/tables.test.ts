import { describe, expect, it } from 'vitest';
import type { Report } from '../../model/report.js';
import type { Table, TableRow } from '../../model/table.js';
import { TableSchema } from '../../model/table.js';
import { parseReport } from '../parse-report.js';
import { tableAt, tableCellAt, tableRanges } from './index.js';

/** The tables of a text. */
function tablesOf(text: string): Table[] {
  return parseReport(text).tables;
}

/** A row as `label path > … : cells` with `_` for a blank cell. */
function show(row: TableRow): string {
  return `${row.labelPath.map((l) => l.text).join(' > ')}: ${row.cells.map((c) => (c.kind === 'blank' ? '_' : c.text)).join(' ')}`;
}

/** Every range of a table points at the text it claims to hold. */
function expectRangesExact(text: string, table: Table): void {
  for (const r of table.headerRows) for (const c of r) expect(text.slice(c.range.start, c.range.end)).toBe(c.text);
  for (const row of table.rows) {
    for (const c of row.cells) if (c.kind !== 'blank') expect(text.slice(c.range.start, c.range.end)).toBe(c.text);
    for (const l of row.labelPath) expect(text.slice(l.range.start, l.range.end).replace(/\s+/g, '')).toBe(l.text);
  }
}

describe('pipe rows: one row per line', () => {
  const text = [
    '三、收到和处理政府信息公开申请情况',
    '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 | ||||||',
    '自然人 | 法人或其他组织 | 总计 | |||||',
    '商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | ||',
    '一、本年新收政府信息公开申请数量 | 4 | 1 | 0 | 0 | 0 | 2 | 7 | ||',
    '二、上年结转政府信息公开申请数量 | | | | | | | 0 |',
    '三、本年度办理结果 | (一)予以公开 | 2 | 0 | 0 | 0 | 0 | 1 | 3 |',
    '| (三)不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
    '| | 2.其他法律行政法规禁止公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
    '四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 1 | 2 |',
    '五、存在的主要问题及改进情况',
  ].join('\n');

  it('reads a two-level header, blank cells and leading empty cells into rows with label paths', () => {
    const tables = tablesOf(text);
    expect(tables).toHaveLength(1);
    const t = tables[0]!;
    expect(TableSchema.safeParse(t).success).toBe(true);
    expect([t.shape, t.readable, t.headerLayout, t.columnCount]).toEqual(['pipeRows', true, 'twoLevel', 7]);
    expect(t.totalHeaders.map((c) => c.text)).toEqual(['总计']);
    expect(t.rows.map(show)).toEqual([
      '一、本年新收政府信息公开申请数量: 4 1 0 0 0 2 7',
      // Blanks are cells that state nothing, kept in their columns.
      '二、上年结转政府信息公开申请数量: _ _ _ _ _ _ 0',
      '三、本年度办理结果 > (一)予以公开: 2 0 0 0 0 1 3',
      // The parent 三、 carries over to rows that do not repeat it; 1. and 2. hang below (三).
      '三、本年度办理结果 > (三)不予公开 > 1.属于国家秘密: 0 0 0 0 0 0 0',
      '三、本年度办理结果 > (三)不予公开 > 2.其他法律行政法规禁止公开: 1 0 0 0 0 0 1',
      '四、结转下年度继续办理: 1 0 0 0 0 1 2',
    ]);
    expectRangesExact(text, t);
  });

  it('gives each figure its value, interval and the scanned quantity at its place', () => {
    const t = tablesOf(text)[0]!;
    const seven = t.rows[0]!.cells[6]!;
    expect(seven.kind).toBe('number');
    expect(seven.figure!.value.toString()).toBe('7');
    // A whole count shown in full is exact.
    expect([seven.figure!.interval.lo.toString(), seven.figure!.interval.hi.toString()]).toEqual(['7', '7']);
    const blank = t.rows[1]!.cells[0]!;
    expect([blank.kind, blank.figure]).toEqual(['blank', null]);
  });

  it('starts a sub-table at each caption and header row', () => {
    const sub = [
      '二、主动公开政府信息情况',
      '| 第二十条第(一)项 | |||',
      '| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
      '| 规章 | 0 | 0 | 0 |',
      '| 行政规范性文件 | 3 | 1 | 12 |',
      '| 第二十条第(五)项 | |||',
      '| 信息内容 | 本年处理决定数量 | ||',
      '| 行政许可 | 48 | ||',
    ].join('\n');
    const tables = tablesOf(sub);
    expect(tables.map((t) => [t.headerLayout, t.columnCount, t.rows.length])).toEqual([
      ['aligned', 3, 2],
      ['aligned', 1, 1],
    ]);
    expect(tables[0]!.columnHeaders.map((c) => c?.text)).toEqual(['本年制发件数', '本年废止件数', '现行有效件数']);
    expect(tables[1]!.rows[0]!.cells.map((c) => c.text)).toEqual(['48']);
  });
});

describe('one cell per line', () => {
  const lines = [
    '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) |',
    '申请人情况 |',
    '自然人 |',
    '法人或其他组织 |',
    '总计 |',
    '商业企业 |',
    '科研机构 |',
    '社会公益组织 |',
    '法律服务机构 |',
    '其他 |',
    '一、本年新收政府信息公开申请数量 |',
    ...['3', '0', '1', '0', '0', '5', '9'].map((v) => `${v} |`),
    '二、上年结转政府信息公开申请数量 |',
    ...['0', '0', '0', '0', '0', '0', '0'].map((v) => `${v} |`),
    '三、本年度办理结果 |',
    '(一)予以公开 |',
    ...['2', '0', '0', '0', '0', '3', '5'].map((v) => `${v} |`),
  ];
  const text = lines.join('\n');

  it('turns a corpus-like run of cells into rows: a label, then its run of figures', () => {
    const t = tablesOf(text)[0]!;
    expect([t.shape, t.readable, t.headerLayout, t.columnCount]).toEqual(['cellPerLine', true, 'flat', 7]);
    expect(t.headerRows[0]!.map((c) => c.text)).toContain('总计');
    expect(t.rows.map(show)).toEqual([
      '一、本年新收政府信息公开申请数量: 3 0 1 0 0 5 9',
      '二、上年结转政府信息公开申请数量: 0 0 0 0 0 0 0',
      '三、本年度办理结果 > (一)予以公开: 2 0 0 0 0 3 5',
    ]);
    expectRangesExact(text, t);
  });

  it('reads the same cells written without bars, one per paragraph, and a marker split from its label', () => {
    const bare = [
      '申请人情况', '自然人', '法人', '总计',
      '(三)', '不予公开', '1.属于国家秘密', '0', '1', '1',
      '2.重复申请', '2', '0', '2',
    ].join('\n\n');
    const t = tablesOf(bare)[0]!;
    expect(t.rows.map(show)).toEqual(['(三)不予公开 > 1.属于国家秘密: 0 1 1', '(三)不予公开 > 2.重复申请: 2 0 2']);
  });

  it('moves serial numbers (序号) to their rows and reads a table-level total over the rows', () => {
    const serial = ['序号 |', '单位 |', '件数 |', '占比 |', '1 |', '甲局 |', '30 |', '60% |', '2 |', '乙局 |', '20 |', '40% |'].join('\n');
    const t = tablesOf(serial)[0]!;
    expect(t.rows.map((r) => `${r.serial?.text}:${show(r)}`)).toEqual(['1:甲局: 30 60%', '2:乙局: 20 40%']);
    const spanning = ['受理总量 |', '类别 |', '数量 |', '占比 |', '400 |', '咨询 |', '300 |', '75% |', '投诉 |', '100 |', '25% |'].join('\n');
    const u = tablesOf(spanning)[0]!;
    // 400 spans the rows in the page; flattened, it is a row with no label under 受理总量.
    expect(u.rows.map(show)).toEqual([': 400', '咨询: 300 75%', '投诉: 100 25%']);
    expect(u.rows[0]!.columnHeaders[0]?.text).toBe('受理总量');
  });

  it('marks a table unreadable when empty cells were dropped, and never guesses its columns', () => {
    const dropped = ['类别 |', '总计 |', '电话 |', '网络 |', '甲类 |', '5 |', '2 |', '3 |', '乙类 |', '4 |', '4 |', '丙类 |', '7 |', '3 |', '4 |'].join('\n');
    const t = tablesOf(dropped)[0]!;
    expect(t.readable).toBe(false);
    expect(t.unreadableReason).toContain('empty cells were dropped');
  });

  it('keeps a last row cut short by the end of an excerpt without calling the table unreadable', () => {
    const cut = ['类别 |', '电话 |', '网络 |', '合计 |', '甲类 |', '5 |', '2 |', '7 |', '乙类 |', '4 |'].join('\n');
    const t = tablesOf(cut)[0]!;
    expect(t.readable).toBe(true);
    expect(t.rows.map(show)).toEqual(['甲类: 5 2 7', '乙类: 4']);
  });
});

describe('cells separated by tabs or spaces', () => {
  it('reads a labelled row of figures and a header line with a word per column', () => {
    const text = ['行政复议情况如下:', '维持 纠正 其他 未结 总计', '0 1 0 2 3', '1 0 0 0 1'].join('\n');
    const tables = tablesOf(text);
    expect(tables.map((t) => [t.shape, t.headerLayout, t.columnCount])).toEqual([['spaced', 'aligned', 5]]);
    expect(tables[0]!.rows.map(show)).toEqual([': 0 1 0 2 3', ': 1 0 0 0 1']);
    expect(tables[0]!.columnHeaders.map((c) => c?.text)).toEqual(['维持', '纠正', '其他', '未结', '总计']);
    const labelled = tablesOf('四、结转下年度继续办理 0 0 0 0 0 0 0')[0]!;
    expect([labelled.headerLayout, show(labelled.rows[0]!)]).toEqual(['none', '四、结转下年度继续办理: 0 0 0 0 0 0 0']);
    const tabbed = '项目\t受理\t办结\n来信\t12\t10\n来访\t8\t8';
    const t = tablesOf(tabbed)[0]!;
    expect(t.rows.map(show)).toEqual(['来信: 12 10', '来访: 8 8']);
    expect(t.columnHeaders.map((c) => c?.text)).toEqual(['受理', '办结']);
  });

  it('does not read prose with numbers as a table', () => {
    expect(tablesOf('2023年共受理12件,办结10件。\n全年开展培训3次,覆盖200人。')).toEqual([]);
    // A short line with one number is not a table either.
    expect(tablesOf('附件\n3\n说明')).toEqual([]);
  });
});

describe('finding the table at an offset', () => {
  it('tells prose from table cells, with binary searches', () => {
    const text = ['共受理申请7件。', '单位 | 电话 | 网络 | 合计 |', '甲街道 | 30 | 12 | 42 |', '乙街道 | 45 | 13 | 58 |', '以上数据截至年底。'].join('\n');
    const report: Report = parseReport(text);
    expect(tableRanges(report)).toHaveLength(1);
    const prose = text.indexOf('7件');
    expect(tableAt(report, prose)).toBeNull();
    const cell = text.indexOf('42');
    const hit = tableCellAt(report, cell)!;
    expect([hit.cell.text, hit.row?.label?.text]).toEqual(['42', '甲街道']);
    expect(tableCellAt(report, text.indexOf('电话'))?.row).toBeNull();
    expect(tableAt(report, text.indexOf('截至'))).toBeNull();
  });
});
