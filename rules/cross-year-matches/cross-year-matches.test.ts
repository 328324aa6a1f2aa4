import { describe, expect, it } from 'vitest';
import { checkReports, type CheckReportsResult } from '../../src/index.js';

const RULE = 'cross-year-matches';

/** A short 2020 district report of 广州市白云区, in the shape of the real one. */
const DISTRICT = `广州市白云区人民政府2020年法治政府建设年度报告

2020年,在市委、市政府和区委的坚强领导下,区政府深入学习贯彻习近平法治思想,全面推进依法行政,法治政府建设取得新成效。现将有关情况报告如下:
一、主要举措和成效
(一)接受各方监督。
坚决执行区人大及其常委会决议决定,办理各级人大代表建议204件、政协提案156件,办结率100%。
(二)推进行政复议应诉工作。
疫情期间,指引群众通过邮寄等“非接触”方式申请行政复议。全年共收到行政复议申请555件。
(三)加快智慧治理体系建设。
率先在全市建成“令行禁止、有呼必应”综合指挥调度平台3.0版,实现“一屏观白云、一键连指挥”。出台全区24个镇街新“三定”方案。
二、存在的问题和原因
个别单位对法治政府建设重视不够,基层执法仍存在薄弱环节,主要原因是执法力量配备不足。
三、党政主要负责人履行推进法治建设第一责任人职责情况
区政府主要负责人召开常务会议专题研究法治政府建设工作4次。
四、2021年工作计划
深入学习贯彻习近平法治思想,加快建设法治政府。

广州市白云区人民政府
2021年1月12日
`;

/** A short 2020 report of 石门街道办事处, a street of 白云区. */
const STREET = `广州市白云区人民政府石门街道办事处2020年法治政府建设年度报告

2020年,石门街在区委、区政府的坚强领导下,扎实推进法治政府建设。现将有关情况报告如下:
一、主要举措和成效
(一)自觉接受人大监督和政协民主监督。
承办区人大代表建议3件,区政协会议提案10件,办结率100%。
(二)依法化解行政争议。
我街行政复议数量、行政诉讼数量均为0。
(三)推进基层治理。
建设“令行禁止、有呼必应”综合指挥调度平台,实体平台建设完毕。
二、存在的问题和原因
基层法治力量仍然不足,主要原因是专业人员流动较大。
三、党政主要负责人履行推进法治建设第一责任人职责情况
街道党政主要负责人带头学法,召开专题会议研究法治建设工作4次。
四、2021年工作安排
持续推进基层依法治理。

广州市白云区人民政府石门街道办事处
2021年1月8日
`;

function check(street: string, district = DISTRICT, config: unknown = {}, parents?: Record<string, string>): CheckReportsResult {
  return checkReports(
    [
      { id: 'shimen.txt', text: street },
      { id: 'baiyun.txt', text: district },
    ],
    config,
    parents ? { parents } : {},
  );
}

/** This rule's findings: document, message id, severity and flagged text. */
function findings(r: CheckReportsResult) {
  return r.documents.flatMap(({ id, result }) =>
    result.diagnostics.filter((d) => d.ruleId === RULE).map((d) => ({ id, messageId: d.messageId, severity: d.severity, text: result.report.text.slice(d.range.start, d.range.end) })),
  );
}

function comparisons(r: CheckReportsResult) {
  return r.comparisons.filter((c) => c.ruleId === RULE).map((c) => [c.document, c.others, c.verdict, c.evidence.computed ?? null, c.evidence.expected ?? null]);
}

describe('cross-year-matches', () => {
  it('holds when both titles name 2020, whatever the signature dates (2021年1月8日, 2021年1月12日) and the 2021 plan say', () => {
    const r = check(STREET);
    expect(r.links).toEqual([{ child: 'shimen.txt', parent: 'baiyun.txt', reason: '广州市白云区人民政府石门街道办事处 names 白云区, the district of baiyun.txt', explicit: false }]);
    // Street title …办事处2020年… → 2020; district title …人民政府2020年… → 2020.
    expect(comparisons(r)).toEqual([['shimen.txt', ['baiyun.txt'], 'holds', '2020', '2020']]);
    expect(findings(r)).toEqual([]);
  });

  it('reads the street year from 现将我街2020年度… when the street text has no title line (as the seed street)', () => {
    const untitled = STREET.replace('广州市白云区人民政府石门街道办事处2020年法治政府建设年度报告\n\n', '').replace(
      '扎实推进法治政府建设。现将有关情况报告如下:',
      '扎实推进法治政府建设。现将我街2020年度法治政府建设的有关情况汇报如下:',
    );
    const r = check(untitled);
    // The street is still placed by its signature 广州市白云区人民政府石门街道办事处.
    expect(r.links.map((l) => [l.child, l.parent])).toEqual([['shimen.txt', 'baiyun.txt']]);
    expect(comparisons(r)).toEqual([['shimen.txt', ['baiyun.txt'], 'holds', '2020', '2020']]);
    expect(findings(r)).toEqual([]);
  });

  it('reports a 2019 street report under a 2020 district as an error on the street year, related to the district title year', () => {
    const street2019 = STREET.replace('办事处2020年法治', '办事处2019年法治').replace('2020年,石门街', '2019年,石门街').replace('2021年1月8日', '2020年1月9日').replace('四、2021年工作安排', '四、2020年工作安排');
    const r = check(street2019);
    expect(findings(r)).toEqual([{ id: 'shimen.txt', messageId: 'mismatch', severity: 'error', text: '2019' }]);
    expect(comparisons(r)).toEqual([['shimen.txt', ['baiyun.txt'], 'fails', '2019', '2020']]);
    const d = r.documents[0]!.result.diagnostics.find((x) => x.ruleId === RULE)!;
    // The flagged 2019 is in the street title, line 1.
    expect(d.line).toBe(1);
    expect(d.message).toBe('本报告为2019年度,而上级baiyun.txt的报告为2020年度');
    expect(d.related).toHaveLength(1);
    const rel = d.related[0]!;
    expect(rel.document).toBe('baiyun.txt');
    expect(rel.message).toBe('2020');
    expect(rel.line).toBe(1);
    expect(DISTRICT.slice(rel.range.start, rel.range.end)).toBe('2020');
    // Nothing about the year lands in the district's own diagnostics.
    expect(r.documents[1]!.result.diagnostics.filter((x) => x.ruleId === RULE)).toEqual([]);
  });

  it('gives the English message with locale en, follows the configured severity, and is silent when off', () => {
    const street2021 = STREET.replace('办事处2020年法治', '办事处2021年法治');
    const en = check(street2021, DISTRICT, { locale: 'en' });
    const d = en.documents[0]!.result.diagnostics.find((x) => x.ruleId === RULE)!;
    expect(d.message).toBe('This report is on 2021, but its parent baiyun.txt reports on 2020');
    expect(d.severity).toBe('error');

    const warn = check(street2021, DISTRICT, { rules: { [RULE]: 'warning' } });
    expect(findings(warn)).toEqual([{ id: 'shimen.txt', messageId: 'mismatch', severity: 'warning', text: '2021' }]);

    const off = check(street2021, DISTRICT, { rules: { [RULE]: 'off' } });
    expect(findings(off)).toEqual([]);
    expect(comparisons(off)).toEqual([]);
  });

  it('leaves the year unverifiable, without a finding, when the street names no year', () => {
    const undated = STREET.replace('办事处2020年法治政府建设年度报告', '办事处法治政府建设年度报告').replace('2020年,石门街', '今年以来,石门街');
    const r = check(undated);
    expect(r.links.map((l) => l.child)).toEqual(['shimen.txt']);
    expect(r.comparisons.filter((c) => c.ruleId === RULE).map((c) => [c.document, c.verdict, c.evidence.note])).toEqual([['shimen.txt', 'unverifiable', 'a reporting year is missing']]);
    expect(findings(r)).toEqual([]);
  });

  it('with two 白云区 reports (2019 and 2020) the street is unplaced; given the 2019 one as parent, the years differ', () => {
    const district2019 = DISTRICT.replaceAll('2020年', '2019年').replace('2021年工作计划', '2020年工作计划').replace('2021年1月12日', '2020年1月10日');
    const inputs = [
      { id: 'shimen.txt', text: STREET },
      { id: 'baiyun-2020.txt', text: DISTRICT },
      { id: 'baiyun-2019.txt', text: district2019 },
    ];
    const auto = checkReports(inputs);
    expect(auto.links).toEqual([]);
    expect(auto.unplaced).toEqual([{ id: 'shimen.txt', reason: 'several reports of 白云区: baiyun-2020.txt, baiyun-2019.txt' }]);
    expect(findings(auto)).toEqual([]);

    const given2019 = checkReports(inputs, {}, { parents: { 'shimen.txt': 'baiyun-2019.txt' } });
    expect(given2019.links).toEqual([{ child: 'shimen.txt', parent: 'baiyun-2019.txt', reason: 'given by the caller', explicit: true }]);
    expect(findings(given2019)).toEqual([{ id: 'shimen.txt', messageId: 'mismatch', severity: 'error', text: '2020' }]);
    expect(given2019.documents[0]!.result.diagnostics.find((x) => x.ruleId === RULE)!.message).toBe('本报告为2020年度,而上级baiyun-2019.txt的报告为2019年度');

    const given2020 = checkReports(inputs, {}, { parents: { 'shimen.txt': 'baiyun-2020.txt' } });
    expect(findings(given2020)).toEqual([]);
  });

  it('a street report signed inside its year (2020年12月2日, covering part of it) still reports on 2020', () => {
    const early = STREET.replace('2021年1月8日', '2020年12月2日');
    const r = check(early);
    expect(comparisons(r)).toEqual([['shimen.txt', ['baiyun.txt'], 'holds', '2020', '2020']]);
    expect(findings(r)).toEqual([]);
  });
});
