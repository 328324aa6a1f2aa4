import { describe, expect, it } from 'vitest';
import { flagged, runRule } from '../../test/rule-harness.js';

const RULE = 'format-edition';

/** A disclosure report for `year` whose table 二 has the given column headers (pasted as ` | ` cells). */
function report(year: number, headers: string): string {
  return [
    `某区司法局${year}年政府信息公开工作年度报告`,
    '一、总体情况',
    `${year}年,我局扎实推进政府信息公开工作。`,
    '二、主动公开政府信息情况',
    `信息内容 | ${headers} |`,
    '规章 | 0 | 0 | 0 |',
    '行政规范性文件 | 3 | 1 | 12 |',
  ].join('\n');
}

const TRIAL = '本年新制作数量 | 本年新公开数量 | 对外公开总数量';
const CURRENT = '本年制发件数 | 本年废止件数 | 现行有效件数';

describe('format-edition', () => {
  it('accepts the 2021 format in 2023 and the trial format in 2020', () => {
    expect(runRule(RULE, report(2023, CURRENT))).toEqual([]);
    expect(runRule(RULE, report(2020, TRIAL))).toEqual([]);
  });

  it('reports the 2019 trial format in a 2023 report, on its first word', () => {
    const text = report(2023, TRIAL);
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['本年新制作数量']);
    expect(diags[0]!.message).toBe(
      '2023年度报告使用了2019年试行格式(国办公开办函〔2019〕60号)(依据:本年新制作数量、本年新公开数量、对外公开总数量),该格式适用于2020年度及以前;应使用2021年格式(国办公开办函〔2021〕30号)',
    );
    expect(diags[0]!.severity).toBe('error');
  });

  it('reports the 2021 format in a 2020 report', () => {
    const diags = runRule(RULE, report(2020, CURRENT));
    expect(diags.map((d) => d.messageId)).toEqual(['outdated']);
    expect(diags[0]!.message).toContain('2021年度及以后');
  });

  it('reads the words in the tables only: the prose quoting them names no format', () => {
    const text = report(2023, CURRENT).replace('扎实推进', '对照本年新制作数量、对外公开总数量和政府集中采购扎实推进');
    expect(runRule(RULE, text)).toEqual([]);
  });

  it('highlights the earliest word of the edition', () => {
    const text = report(2023, '本年新公开数量 | 本年新制作数量 | 对外公开总数量');
    expect(flagged(text, runRule(RULE, text))).toEqual(['本年新公开数量']);
  });

  it('says nothing without a reporting year or for another kind', () => {
    expect(runRule(RULE, report(2023, TRIAL).replace('2023年政府信息公开', '政府信息公开').replace('2023年,', ''))).toEqual([]);
    expect(runRule(RULE, report(2023, TRIAL).replace('政府信息公开工作年度报告', '法治政府建设年度报告'))).toEqual([]);
  });

  it('speaks English on request', () => {
    const [d] = runRule(RULE, report(2023, TRIAL), undefined, 'en');
    expect(d!.message).toBe(
      'The report for 2023 uses the 2019 trial format(国办公开办函〔2019〕60号) (by: 本年新制作数量, 本年新公开数量, 对外公开总数量), which is for 2020 and earlier; it should use the 2021 format(国办公开办函〔2021〕30号)',
    );
  });
});
