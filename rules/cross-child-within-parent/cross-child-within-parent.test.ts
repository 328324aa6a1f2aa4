import { describe, expect, it } from 'vitest';
import { checkReports, type CheckReportsResult, type ConfigInput } from '../../src/index.js';
import { DISTRICT, STREET } from '../../test/fixtures/cross-reports.js';

const RULE = 'cross-child-within-parent';

function check(street: string, district = DISTRICT, config: ConfigInput = {}): CheckReportsResult {
  return checkReports(
    [
      { id: 'shimen.txt', text: street },
      { id: 'baiyun.txt', text: district },
    ],
    config,
  );
}

/** This rule's findings: document, message id, severity and flagged text. */
function findings(r: CheckReportsResult) {
  return r.documents.flatMap(({ id, result }) =>
    result.diagnostics.filter((d) => d.ruleId === RULE).map((d) => ({ id, messageId: d.messageId, severity: d.severity, text: result.report.text.slice(d.range.start, d.range.end) })),
  );
}

/** This rule's comparisons: what, verdict. */
function comparisons(r: CheckReportsResult) {
  return r.comparisons.filter((c) => c.ruleId === RULE).map((c) => [c.what, c.verdict]);
}

/** The comparisons of the untouched pair: every street figure against the district's. */
const BASE = [
  // 承办区人大代表建议3件 ≤ 办理各级人大代表建议204件.
  ['人大代表建议: 3件 ≤ 204件', 'holds'],
  // 区政协会议提案10件 ≤ 政协提案156件 (政协会议提案 is a phrasing of 政协提案).
  ['政协提案: 10件 ≤ 156件', 'holds'],
  // 我街行政复议数量…均为0: a zero claim, a fact of value 0 ≤ 全年共收到行政复议申请555件.
  // (行政诉讼数量为0 has no district figure to compare with.)
  ['行政复议案件: 我街行政复议数量为0 ≤ 555件', 'holds'],
];

describe('cross-child-within-parent', () => {
  it('holds for the street counts 3, 10 and the zero claim against the district 204, 156 and 555; the two 办结率100% are not compared', () => {
    const r = check(STREET);
    expect(comparisons(r)).toEqual(BASE);
    expect(findings(r)).toEqual([]);
  });

  it('reports a street 人大代表建议 count above the district one as an error, related to the district figure', () => {
    const r = check(STREET.replace('承办区人大代表建议3件', '承办区人大代表建议230件'));
    expect(findings(r)).toEqual([{ id: 'shimen.txt', messageId: 'exceeds', severity: 'error', text: '230件' }]);
    expect(comparisons(r)[0]).toEqual(['人大代表建议: 230件 ≤ 204件', 'fails']);
    const d = r.documents[0]!.result.diagnostics.find((x) => x.ruleId === RULE)!;
    expect(d.message).toBe('本报告人大代表建议为230件,大于上级baiyun.txt报告的204件');
    expect(d.evidence.expression).toBe('230 ≤ 204');
    expect(d.line).toBe(6);
    expect(d.related).toHaveLength(1);
    const rel = d.related[0]!;
    expect(rel.document).toBe('baiyun.txt');
    expect(rel.message).toBe('人大代表建议: 204件');
    // 办理各级人大代表建议204件 is on line 6 of the district report.
    expect(rel.line).toBe(6);
    expect(DISTRICT.slice(rel.range.start, rel.range.end)).toBe('204件');

    const en = check(STREET.replace('承办区人大代表建议3件', '承办区人大代表建议230件'), DISTRICT, { locale: 'en' });
    expect(en.documents[0]!.result.diagnostics.find((x) => x.ruleId === RULE)!.message).toBe('This report counts 230件 of 人大代表建议, more than the 204件 of its parent baiyun.txt');
  });

  it('follows the configured severity and is silent when off', () => {
    const raised = STREET.replace('区政协会议提案10件', '区政协会议提案160件');
    // 160 > 156.
    expect(findings(check(raised, DISTRICT, { rules: { [RULE]: 'warning' } }))).toEqual([{ id: 'shimen.txt', messageId: 'exceeds', severity: 'warning', text: '160件' }]);
    const off = check(raised, DISTRICT, { rules: { [RULE]: 'off' } });
    expect(findings(off)).toEqual([]);
    expect(comparisons(off)).toEqual([]);
  });

  it('never compares a rate (办结率100% against 55件), nor a received count with a handled one (受理1904件 against 办结1800件)', () => {
    const street = STREET.replace('我街行政复议数量、行政诉讼数量均为0。', '今年共受理行政复议申请2件,行政复议案件办结率100%。').replace(
      '建设“令行禁止、有呼必应”综合指挥调度平台,实体平台建设完毕。',
      '今年共受理12345热线事项1904件,办结1742件。',
    );
    const district = DISTRICT.replace('全年共收到行政复议申请555件。', '全年共收到行政复议申请55件,办结率98%。全年办结12345热线事项1800件。');
    const r = check(street, district);
    expect(comparisons(r)).toEqual([
      ['人大代表建议: 3件 ≤ 204件', 'holds'],
      ['政协提案: 10件 ≤ 156件', 'holds'],
      // 受理行政复议申请2件 ≤ 收到行政复议申请55件 (both received); the street's 100% is a rate, not a count.
      ['行政复议案件: 2件 ≤ 55件', 'holds'],
      // 办结1742件 ≤ 办结12345热线事项1800件; 受理1904件 is received, the district's 1800 handled: not compared.
      ['12345热线事项: 1742件 ≤ 1800件', 'holds'],
    ]);
    expect(findings(r)).toEqual([]);
  });

  it('never compares counts of another unit: 274人次 against 250批 (信访)', () => {
    const street = STREET.replace('(三)推进基层治理。', '(三)推进基层治理。\n本级接待来访群众共120批,共274人次,均已妥善处理。');
    const district = DISTRICT.replace('全年共收到行政复议申请555件。', '全年共收到行政复议申请555件。全区共接待来访群众250批。');
    const r = check(street, district);
    // 120批 ≤ 250批 in the same unit; 274人次 (persons) is not a number of 批 (groups of visitors).
    expect(comparisons(r)).toEqual([...BASE.slice(0, 2), ['信访件: 120批 ≤ 250批', 'holds'], BASE[2]]);
    expect(findings(r)).toEqual([]);
  });

  it('bounds only by the district’s whole-year, whole-district figure: not by 疫情期间… nor by 区教育局…', () => {
    const street = STREET.replace('承办区人大代表建议3件', '承办区人大代表建议40件').replace('(三)推进基层治理。', '(三)推进基层治理。\n今年共受理12345热线事项1904件,均按时办结。');
    const district = DISTRICT.replace('(一)接受各方监督。\n', '(一)接受各方监督。\n区教育局全年办理人大代表建议32件,按时办结率100%。').replace(
      '全年共收到行政复议申请555件。',
      '全年共收到行政复议申请555件。疫情期间,区政务服务热线共受理12345热线事项980件。',
    );
    const r = check(street, district);
    // 40 > 32 of 区教育局 alone, but ≤ 204 of the whole district; 1904 against the 980 of the epidemic months is no bound.
    expect(comparisons(r)).toEqual([['人大代表建议: 40件 ≤ 204件', 'holds'], ...BASE.slice(1)]);
    expect(findings(r)).toEqual([]);
  });

  it('leaves out a street figure of another year (2019年,我街承办…250件、…180件)', () => {
    const street = STREET.replace('办结率100%。\n(二)', '办结率100%。\n2019年,我街承办区人大代表建议250件、区政协会议提案180件。\n(二)');
    const r = check(street);
    // 250 > 204 and 180 > 156 would fail, but they are 2019's.
    expect(comparisons(r)).toEqual(BASE);
    expect(findings(r)).toEqual([]);
  });

  it('does not compare the figures of a 2019 street report with those of the 2020 district report', () => {
    // The years differ (cross-year-matches says so); 250 of 2019 against 204 of 2020 is no contradiction.
    const street2019 = STREET.replace('办事处2020年法治', '办事处2019年法治')
      .replace('2020年,石门街', '2019年,石门街')
      .replace('承办区人大代表建议3件', '承办区人大代表建议250件')
      .replace('四、2021年工作安排', '四、2020年工作安排')
      .replace('2021年1月8日', '2020年1月9日');
    const r = check(street2019);
    expect(findings(r)).toEqual([]);
    expect(comparisons(r).filter((c) => c[1] === 'fails')).toEqual([]);
  });

  it('still finds the district figure when a department is named earlier in its sentence (区教育局办理…32件,全区共办理…204件)', () => {
    const district = DISTRICT.replace('办理各级人大代表建议204件', '区教育局办理人大代表建议32件,全区共办理各级人大代表建议204件');
    const r = check(STREET.replace('承办区人大代表建议3件', '承办区人大代表建议250件'), district);
    // 250 > 204: the 204 is the whole district's (全区共办理…), the 32 区教育局's.
    expect(findings(r)).toEqual([{ id: 'shimen.txt', messageId: 'exceeds', severity: 'error', text: '250件' }]);
    expect(comparisons(r)[0]).toEqual(['人大代表建议: 250件 ≤ 204件', 'fails']);
  });

  it('still compares a street figure followed by a sentence on another year (…提案160件。2019年…)', () => {
    const street = STREET.replace('区政协会议提案10件,办结率100%。', '区政协会议提案160件。2019年,我街承办区人大代表建议5件。');
    const r = check(street);
    // 160件 is this year's (its sentence names no other year): 160 > 156.
    expect(findings(r)).toEqual([{ id: 'shimen.txt', messageId: 'exceeds', severity: 'error', text: '160件' }]);
  });
});
