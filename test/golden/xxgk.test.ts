// A complete 政府信息公开工作年度报告 written for this test (test/fixtures/xxgk/golden-2023.html:
// all six parts, the four sub-tables of table 二, table 三 with every row of the 2021 format, and
// table 四), its numbers balanced by hand: 一 = 120, 二 = 6, (七)总计 = 107, 四 = 19, and
// 120 + 6 = 107 + 19. It is read as the CLI reads a page (its tables from their structure) and
// must give no finding; each mutation gives exactly the finding it should.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/builtin.js';
import { extractHtml } from '../../src/io/html.js';
import { parseReport } from '../../src/parse/parse-report.js';
import { tablesWithin } from '../../src/parse/tables/lookup.js';

const GOLDEN = readFileSync(new URL('../fixtures/xxgk/golden-2023.html', import.meta.url), 'utf8');

function check(html: string) {
  const page = extractHtml(html);
  const result = checkReport(parseReport(page.text, { tables: page.tables }));
  const found = result.diagnostics.map((d) => `${d.ruleId} ${page.text.slice(d.range.start, d.range.end)}`);
  return { page, result, found };
}

/** `html` with `from` replaced by `to`, failing loudly if `from` is not there once. */
function mutate(html: string, from: string, to: string): string {
  expect(html.split(from)).toHaveLength(2);
  return html.replace(from, to);
}

describe('a complete 政府信息公开工作年度报告 (2023, 2021 format)', () => {
  it('is recognised as the kind, its six parts found in order', () => {
    const { result } = check(GOLDEN);
    expect(result.kind.profile).toBe('xxgk-annual-report');
    expect(result.report.sections.map((s) => s.marker.text + s.heading)).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
  });

  it('reads its tables: four sub-tables of 二, 三 with 25 rows of 7 columns, 四 with 15 columns', () => {
    const { result } = check(GOLDEN);
    expect(result.report.tables.map((t) => `${t.columnCount}×${t.rows.length}`)).toEqual(['3×2', '3×1', '3×2', '3×1', '7×25', '15×1']);
    expect(result.report.tables.every((t) => t.shape === 'grid' && t.readable && t.headerLayout === 'aligned')).toBe(true);
  });

  it('each part knows the tables inside it: 二 its four sub-tables, 三 and 四 one each, the others none', () => {
    const { result } = check(GOLDEN);
    const sizes = result.report.sections.map((s) => tablesWithin(result.report, s.range).map((t) => t.columnCount));
    expect(sizes).toEqual([[], [3, 3, 3, 3], [7], [15], [], []]);
  });

  it('balanced: no finding, and every total and identity holds', () => {
    const { result, found } = check(GOLDEN);
    expect(found).toEqual([]);
    const kinds = result.claims.filter((c) => c.kind === 'tableTotal' || c.kind === 'tableIdentity');
    // 25 row totals of table 三, seven (七)总计 columns, three group totals of table 四; the
    // carried-balance identity in each of the seven columns.
    expect(kinds.filter((c) => c.kind === 'tableTotal')).toHaveLength(35);
    expect(kinds.filter((c) => c.kind === 'tableIdentity')).toHaveLength(7);
    expect(kinds.every((c) => c.verdict === 'holds')).toBe(true);
  });

  it('one cell off by one: the row total and the column’s identity that hold it, nothing else', () => {
    // 一、本年新收: 自然人 104 → 105. The row then adds up to 121 against its 总计 120, and in the
    // 自然人 column 一 + 二 = 105 + 5 = 110 against (七) + 四 = 92 + 17 = 109 ((七) is the sum of
    // the 21 leaf rows' 自然人 cells: 60+3+1+2+2+15+2+1+3+1+2 = 92).
    const html = mutate(GOLDEN, '一、本年新收政府信息公开申请数量</td><td>104</td>', '一、本年新收政府信息公开申请数量</td><td>105</td>');
    const { result, found } = check(html);
    expect(found).toEqual(['table-total-matches 120', 'table-identity-holds 92']);
    const identity = result.diagnostics.find((d) => d.ruleId === 'table-identity-holds')!;
    expect(identity.evidence.expression).toBe('105+5 = 110; 92+17 = 109');
    expect(identity.message).toBe('表格“自然人”列不符合勾稽关系“第一项加第二项之和等于第三项加第四项之和”:105+5 = 110; 92+17 = 109');
  });

  it('part 六 missing: the required part is reported', () => {
    const start = GOLDEN.indexOf('<p>六、其他需要报告的事项</p>');
    const end = GOLDEN.indexOf('<p>某市某区司法局</p>');
    const { found, result } = check(GOLDEN.slice(0, start) + GOLDEN.slice(end));
    expect(found.map((f) => f.split(' ')[0])).toEqual(['required-sections']);
    expect(result.diagnostics[0]!.message).toContain('其他需要报告的事项');
  });

  it('a 2023 report with the 2019 trial format’s table 二: the outdated format is reported', () => {
    const html = mutate(
      GOLDEN,
      '<td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td>',
      '<td>本年新制作数量</td><td>本年新公开数量</td><td>对外公开总数量</td>',
    );
    const { found, result } = check(html);
    expect(found).toEqual(['format-edition 本年新制作数量']);
    expect(result.diagnostics[0]!.message).toContain('2019年试行格式');
  });

  it('the statistics period of another year: reported on the date', () => {
    const html = mutate(GOLDEN, '统计期限自2023年1月1日起至2023年12月31日止', '统计期限自2022年1月1日起至2022年12月31日止');
    const { found } = check(html);
    expect(found).toEqual(['statistics-year 2022年1月1日']);
  });

  it('published after 31 January: a department’s report is late', () => {
    const html = mutate(GOLDEN, '<p>2024年1月20日</p>', '<p>2024年2月20日</p>');
    const { found } = check(html);
    expect(found.map((f) => f.split(' ')[0])).toEqual(['report-date']);
  });
});
