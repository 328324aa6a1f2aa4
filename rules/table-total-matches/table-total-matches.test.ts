import { describe, expect, it } from 'vitest';
import { flagged, runRule } from '../../test/rule-harness.js';

const RULE = 'table-total-matches';

/** Table 三 of a disclosure report, pasted as rows of ` | ` cells, with a two-level header. */
function applications(firstRow: string): string {
  return [
    '三、收到和处理政府信息公开申请情况',
    '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 | ||||||',
    '自然人 | 法人或其他组织 | 总计 | |||||',
    '商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | ||',
    `一、本年新收政府信息公开申请数量 | ${firstRow} |`,
    '二、上年结转政府信息公开申请数量 | | | | | | | 0 |',
  ].join('\n');
}

describe('table-total-matches', () => {
  it('accepts row totals that add up, and a total of 0 over blank cells', () => {
    // 4+1+0+0+0+2 = 7; the second row's six members are blank and its total is 0.
    expect(runRule(RULE, applications('4 | 1 | 0 | 0 | 0 | 2 | 7'))).toEqual([]);
  });

  it('reports a row total that is off by one, on the total cell, with the members as related places', () => {
    const text = applications('4 | 1 | 0 | 0 | 0 | 2 | 8');
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['8']);
    const d = diags[0]!;
    expect([d.messageId, d.severity]).toEqual(['rowTotal', 'error']);
    // 4+1+0+0+0+2 = 7, and the 总计 column (last, by the two-level header) says 8.
    expect(d.evidence.expression).toBe('4+1+0+0+0+2 = 7');
    expect(d.message).toBe('表格“一、本年新收政府信息公开申请数量”行的总计8与同行分项之和7不符:4+1+0+0+0+2 = 7');
    expect(d.related.map((r) => text.slice(r.range.start, r.range.end))).toEqual(['4', '1', '0', '0', '0', '2']);
  });

  it('does not assess a total whose members include blank cells', () => {
    // 3 + (blank) + 0 … already above 2, but a blank cell is "not stated": never a failure.
    expect(runRule(RULE, applications('3 | | 0 | 0 | 0 | 0 | 2'))).toEqual([]);
  });

  it('reports column totals of a 合计 row, column by column', () => {
    const text = ['单位 | 电话 | 网络 | 合计 |', '甲街道 | 30 | 12 | 42 |', '乙街道 | 45 | 13 | 58 |', '合计 | 75 | 26 | 101 |'].join('\n');
    // Rows: 30+12 = 42, 45+13 = 58, 75+26 = 101 all hold. Columns: 30+45 = 75 holds; 12+13 = 25,
    // not 26; 42+58 = 100, not 101.
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['26', '101']);
    expect(diags.map((d) => [d.messageId, d.evidence.expression])).toEqual([
      ['columnTotal', '12+13 = 25'],
      ['columnTotal', '42+58 = 100'],
    ]);
  });

  it('tries both layouts when the header order was lost, and fails only once the table settles it', () => {
    // One cell per line, the header flattened: 总计 could be the first or the last column.
    const cells = (rows: string[][]): string =>
      ['类别 |', '总计 |', '来源 |', '电话 |', '网络 |', ...rows.flatMap(([label, ...v]) => [`${label} |`, ...v.map((x) => `${x} |`)])].join('\n');
    // 甲类 5 = 2+3 fits only "total first" (last: 3 ≠ 5+2); 乙类 then fails that layout: 4+3 = 7 ≠ 9.
    const settled = cells([['甲类', '5', '2', '3'], ['乙类', '9', '4', '3']]);
    const diags = runRule(RULE, settled);
    expect(flagged(settled, diags)).toEqual(['9']);
    expect(diags[0]!.evidence.expression).toBe('4+3 = 7');
    // With only rows that fit both layouts (all zero) to go by, 乙类 fits neither and the table
    // does not say where its total is: no finding.
    expect(runRule(RULE, cells([['甲类', '0', '0', '0'], ['乙类', '9', '4', '3']]))).toEqual([]);
  });

  it('never reads an unreadable table (one cell per line with empty cells dropped)', () => {
    // 乙类 lost a cell; 丙类 8 ≠ 3+4 would fail under "total first", but the columns are unknown.
    const text = ['类别 |', '总计 |', '来源 |', '电话 |', '网络 |', '甲类 |', '5 |', '2 |', '3 |', '乙类 |', '9 |', '4 |', '丙类 |', '8 |', '3 |', '4 |'].join('\n');
    expect(runRule(RULE, text)).toEqual([]);
  });

  it('speaks English with locale en', () => {
    const diags = runRule(RULE, applications('4 | 1 | 0 | 0 | 0 | 2 | 8'), undefined, 'en');
    expect(diags[0]!.message).toBe('In table row “一、本年新收政府信息公开申请数量”, 总计 8 does not equal the sum of the row’s cells, 7: 4+1+0+0+0+2 = 7');
  });
});
