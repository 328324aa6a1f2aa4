import { describe, expect, it } from 'vitest';
import { flagged, runRule } from '../../test/rule-harness.js';

const RULE = 'statistics-year';

function report(year: number, period: string): string {
  return [
    `某区司法局${year}年政府信息公开工作年度报告`,
    `本报告中所列数据的统计期限${period}。如对本报告有疑问,请与我局联系。`,
    '一、总体情况',
    '2024年,我局将继续推进政府信息公开工作。',
  ].join('\n');
}

describe('statistics-year', () => {
  it('accepts a period within the reporting year, and later years elsewhere', () => {
    expect(runRule(RULE, report(2023, '自2023年1月1日起至2023年12月31日止'))).toEqual([]);
  });

  it('reports a period of another year, on its first date', () => {
    const text = report(2023, '自2022年1月1日起至2022年12月31日止');
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['2022年1月1日']);
    expect(diags[0]!.message).toBe('2023年度报告的统计期限写的是2022年,应为2023年');
  });

  it('reads only the period itself: a deadline or an earlier report named after it is not the period', () => {
    expect(runRule(RULE, report(2023, '自2023年1月1日起至2023年12月31日止,本报告电子版可于2024年1月31日前下载'))).toEqual([]);
    expect(runRule(RULE, report(2023, '为2023年1月1日至12月31日,与2022年度报告一致'))).toEqual([]);
  });

  it('reads only the sentence that states the period', () => {
    // 2024 in the plans is not the period.
    expect(runRule(RULE, report(2023, '为2023年1月1日至12月31日'))).toEqual([]);
  });

  it('says nothing for a kind without period words', () => {
    expect(runRule(RULE, report(2023, '自2022年1月1日起至2022年12月31日止').replace('政府信息公开工作年度报告', '法治政府建设年度报告'))).toEqual([]);
  });

  it('speaks English on request', () => {
    const [d] = runRule(RULE, report(2023, '自2022年1月1日起至2022年12月31日止'), undefined, 'en');
    expect(d!.message).toBe('The report on 2023 states its statistics period in 2022, not 2023');
  });
});
