import { describe, expect, it } from 'vitest';
import { flagged, runRule } from '../../test/rule-harness.js';

const RULE = 'table-identity-holds';

/**
 * A 政府信息公开 report's table 三 pasted as rows of ` | ` cells (the 总计 column only matters
 * here; the other columns are 0 or blank). `rows` gives 一, 二, (七)总计 and 四 in the 总计 column.
 */
function report(one: string, two: string, seven: string, four: string): string {
  return [
    '某区司法局2023年政府信息公开工作年度报告',
    '三、收到和处理政府信息公开申请情况',
    '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |',
    `一、本年新收政府信息公开申请数量 | ${one} | 0 | 0 | 0 | 0 | 0 | ${one} |`,
    `二、上年结转政府信息公开申请数量 | ${two} | 0 | 0 | 0 | 0 | 0 | ${two} |`,
    `三、本年度办理结果 | (一)予以公开 | ${seven} | 0 | 0 | 0 | 0 | 0 | ${seven} |`,
    `| (七)总计 | ${seven} | 0 | 0 | 0 | 0 | 0 | ${seven} |`,
    `四、结转下年度继续办理 | ${four} | 0 | 0 | 0 | 0 | 0 | ${four} |`,
  ].join('\n');
}

describe('table-identity-holds', () => {
  it('accepts 一 + 二 = (七)总计 + 四 in every column', () => {
    // 12 + 3 = 10 + 5.
    expect(runRule(RULE, report('12', '3', '10', '5'))).toEqual([]);
  });

  it('reports a column where 一 + 二 ≠ (七)总计 + 四, on the (七)总计 cell, with every cell as related', () => {
    // 12 + 3 = 15, but 10 + 4 = 14: in the 自然人 and 总计 columns.
    const text = report('12', '3', '10', '4');
    const diags = runRule(RULE, text);
    expect(diags.map((d) => d.message)).toEqual([
      '表格“自然人”列不符合勾稽关系“第一项加第二项之和等于第三项加第四项之和”:12+3 = 15; 10+4 = 14',
      '表格“总计”列不符合勾稽关系“第一项加第二项之和等于第三项加第四项之和”:12+3 = 15; 10+4 = 14',
    ]);
    const line = text.split('\n').findIndex((l) => l.startsWith('| (七)总计'));
    for (const d of diags) expect(text.split('\n')[d.line - 1]).toBe(text.split('\n')[line]);
    expect(flagged(text, diags)).toEqual(['10', '10']);
    expect(diags[0]!.related.map((r) => text.slice(r.range.start, r.range.end))).toEqual(['12', '3', '4']);
  });

  it('a blank cell makes the column unassessable, never a failure', () => {
    expect(runRule(RULE, report('12', '', '10', '4'))).toEqual([]);
  });

  it('says nothing for a report of another kind, or a table that is not the kind’s', () => {
    const other = report('12', '3', '10', '4').replace('政府信息公开工作年度报告', '法治政府建设年度报告');
    expect(runRule(RULE, other)).toEqual([]);
    // The kind's report, but a table whose rows are not table 三's (one of its words only: 结转下年度).
    const notThree = [
      '某区司法局2023年政府信息公开工作年度报告',
      '类别 | 数量 |',
      '甲类 | 12 |',
      '乙类 | 3 |',
      '结转下年度 | 4 |',
    ].join('\n');
    expect(runRule(RULE, notThree)).toEqual([]);
  });

  it('speaks English on request', () => {
    const [d] = runRule(RULE, report('12', '3', '10', '4'), undefined, 'en');
    expect(d!.message).toBe('Column “自然人” breaks the identity “items one and two add up to items three and four”: 12+3 = 15; 10+4 = 14');
  });
});
