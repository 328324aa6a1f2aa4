import { describe, expect, it } from 'vitest';
import { runRule } from '../rule-harness.js';

const street = (body: string) => `广州市白云区人民政府石门街道办事处2020年法治政府建设年度报告\n一、2020年主要举措和成效\n${body}\n\n广州市白云区人民政府石门街道办事处\n2021年1月5日`;

describe("figures of a wider body or another year are not the report's own", () => {
  it('a street quoting the district total does not restate its own count', () => {
    const text = street('据统计,全区共收到行政复议申请555件。\n全年共收到行政复议申请3件。');
    expect(runRule('restatement-consistent', text)).toEqual([]);
  });

  it('a street still restating its own count wrongly is found', () => {
    const text = street('全年共收到行政复议申请3件。\n本年度共收到行政复议申请5件。');
    expect(runRule('restatement-consistent', text).map((d) => d.messageId)).toHaveLength(1);
  });

  it('a zero of the street is not contradicted by the district total or by last year', () => {
    expect(runRule('zero-claim-contradiction', street('全区共收到行政复议申请555件。\n我街行政复议数量为0。'))).toEqual([]);
    expect(runRule('zero-claim-contradiction', street('2019年,我街收到行政复议申请7件。\n我街行政复议数量为0。'))).toEqual([]);
  });

  it("a zero contradicted by the street's own count is still found", () => {
    expect(runRule('zero-claim-contradiction', street('全年共收到行政复议申请3件。\n我街行政复议数量为0。'))).toHaveLength(1);
  });
});

describe('a street speaking of itself (我街…) is compared with its district', () => {
  it('我街行政复议数量为600件 exceeds the district’s 555件', async () => {
    const { checkReports } = await import('../../src/index.js');
    const { DISTRICT, STREET } = await import('../fixtures/cross-reports.js');
    const street = STREET.replace('我街行政复议数量、行政诉讼数量均为0。', '我街行政复议数量为600件。');
    expect(street).not.toBe(STREET);
    const result = checkReports([{ id: 'district.txt', text: DISTRICT }, { id: 'street.txt', text: street }]);
    const found = result.documents.flatMap((d) => d.result.diagnostics).filter((d) => d.ruleId === 'cross-child-within-parent');
    expect(found.map((d) => street.slice(d.range.start, d.range.end))).toEqual(['600件']);
  });
});
