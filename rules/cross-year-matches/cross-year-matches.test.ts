import { describe, expect, it } from 'vitest';
import { checkReports, type CheckReportsResult, type ConfigInput } from '../../src/index.js';
import { DISTRICT, STREET } from '../../test/fixtures/cross-reports.js';

const RULE = 'cross-year-matches';

function check(street: string, district = DISTRICT, config: ConfigInput = {}, parents?: Record<string, string>): CheckReportsResult {
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
