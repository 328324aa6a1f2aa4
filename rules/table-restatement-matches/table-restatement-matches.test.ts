import { describe, expect, it } from 'vitest';
import { flagged, runRule } from '../../test/rule-harness.js';

const RULE = 'table-restatement-matches';

/** A disclosure report whose text restates its tables 二 and 三 (pasted as ` | ` rows). */
function report(text: string, permits = '76', received = '12', carried = '0'): string {
  return [
    '某区自然资源局2022年政府信息公开工作年度报告',
    '一、总体情况',
    text,
    '二、主动公开政府信息情况',
    '信息内容 | 本年处理决定数量 |',
    `行政许可 | ${permits} |`,
    '行政处罚 | 2 |',
    '三、收到和处理政府信息公开申请情况',
    '信息内容 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |',
    `一、本年新收政府信息公开申请数量 | ${received} | 0 | 0 | 0 | 0 | 0 | ${received} |`,
    `二、上年结转政府信息公开申请数量 | ${carried} | 0 | 0 | 0 | 0 | 0 | ${carried} |`,
    `三、本年度办理结果 | (一)予以公开 | ${received} | 0 | 0 | 0 | 0 | 0 | ${received} |`,
  ].join('\n');
}

describe('table-restatement-matches', () => {
  it('accepts text that restates a row by its own label, and by the kind’s phrase', () => {
    expect(runRule(RULE, report('全年共发布行政许可信息76条,行政处罚信息2条;共受理依申请公开12件。'))).toEqual([]);
  });

  it('accepts 受理 read as 本年新收 + 上年结转 when that is what fits', () => {
    // 10 new and 2 carried over: 受理12件 is both together.
    expect(runRule(RULE, report('共受理依申请公开12件。', '76', '10', '2'))).toEqual([]);
  });

  it('reports a restated row that differs from the table, on the text’s figure, with the cell as related', () => {
    const text = report('全年共发布行政许可信息75条,行政处罚信息2条。');
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['75条']);
    expect(diags[0]!.message).toBe('正文“行政许可”75条与表格“行政许可”的76不一致');
    expect(diags[0]!.severity).toBe('warning');
    expect(diags[0]!.related.map((r) => text.slice(r.range.start, r.range.end))).toEqual(['76']);
  });

  it('reports 受理 that fits neither reading', () => {
    const text = report('共受理依申请公开15件。', '76', '10', '2');
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['15件']);
    // The first reading is shown: 本年新收 alone (10); 10 + 2 = 12 did not fit either.
    expect(diags[0]!.message).toBe('正文“受理依申请公开”15件与表格“一、本年新收政府信息公开申请数量”的10不一致');
    expect(diags[0]!.evidence.note).toBe('“受理依申请公开” names 一、本年新收政府信息公开申请数量 or 一、本年新收政府信息公开申请数量 + 二、上年结转政府信息公开申请数量');
  });

  it('says nothing when the table leaves the row blank, or for a figure of another year', () => {
    expect(runRule(RULE, report('全年共发布行政许可信息75条。', ''))).toEqual([]);
    expect(runRule(RULE, report('2021年,共发布行政许可信息75条。'))).toEqual([]);
  });

  it('leaves alone figures that restate no row: part of the year, one channel, a change, a wider body, another measure', () => {
    for (const sentence of [
      '上半年受理依申请公开50件。',
      '其中通过网络受理依申请公开8件。',
      '比上年多受理依申请公开20件。',
      '全区各部门共受理依申请公开900件。',
      '受理行政许可申请130件。',
      '其他事项12件。',
    ]) {
      expect(runRule(RULE, report(sentence)), sentence).toEqual([]);
    }
  });

  it('speaks English on request', () => {
    const [d] = runRule(RULE, report('全年共发布行政许可信息75条。'), undefined, 'en');
    expect(d!.message).toBe('The text’s “行政许可” 75条 differs from the table’s “行政许可”, 76');
  });
});
