import { describe, expect, it } from 'vitest';
import { checkReports, type CheckReportsResult, type ConfigInput } from '../../src/index.js';
import { DISTRICT, STREET } from '../../test/fixtures/cross-reports.js';

const RULE = 'cross-children-sum-within-parent';

const SUPERVISION = '承办区人大代表建议3件,区政协会议提案10件,办结率100%。';
const SECTION3 = '(三)推进基层治理。\n';

/** The street report of another street (京溪街…) of 白云区, with its own supervision line and an extra paragraph in (三). */
function street(name: string, supervision: string, extra = ''): string {
  return STREET.replaceAll('石门街', name).replace(SUPERVISION, supervision).replace(SECTION3, SECTION3 + (extra ? `${extra}\n` : ''));
}

function check(streets: Array<{ id: string; text: string }>, district = DISTRICT, config: ConfigInput = {}): CheckReportsResult {
  return checkReports([...streets, { id: 'baiyun.txt', text: district }], config);
}

/** This rule's findings: document, message id, severity and flagged text. */
function findings(r: CheckReportsResult, messageId?: string) {
  return r.documents.flatMap(({ id, result }) =>
    result.diagnostics
      .filter((d) => d.ruleId === RULE && (messageId === undefined || d.messageId === messageId))
      .map((d) => ({ id, messageId: d.messageId, severity: d.severity, text: result.report.text.slice(d.range.start, d.range.end) })),
  );
}

/** This rule's comparisons: what, the streets summed, the sum, verdict. */
function comparisons(r: CheckReportsResult) {
  return r.comparisons.filter((c) => c.ruleId === RULE).map((c) => [c.what, c.others, c.evidence.expression, c.verdict]);
}

const SHIMEN = { id: 'shimen.txt', text: STREET };

describe('cross-children-sum-within-parent', () => {
  it('reports three streets whose 人大代表建议 sum to more than the district’s 204, on the district figure, related to each street', () => {
    const jingxi = { id: 'jingxi.txt', text: street('京溪街', '承办区人大代表建议110件,区政协会议提案60件,办结率100%。') };
    const jiahe = { id: 'jiahe.txt', text: street('嘉禾街', '承办区人大代表建议95件,区政协会议提案50件,办结率100%。') };
    const r = check([SHIMEN, jingxi, jiahe]);
    const all = ['shimen.txt', 'jingxi.txt', 'jiahe.txt'];
    expect(comparisons(r)).toEqual([
      // 3 + 110 + 95 = 208 > 204, though each street alone is within 204.
      ['人大代表建议: Σ ≤ 204件', all, '3+110+95 = 208 ≤ 204', 'fails'],
      // 10 + 60 + 50 = 120 ≤ 156.
      ['政协提案: Σ ≤ 156件', all, '10+60+50 = 120 ≤ 156', 'holds'],
      // Three zero claims (我街行政复议数量…均为0): 0 + 0 + 0 = 0 ≤ 555.
      ['行政复议案件: Σ ≤ 555件', all, '0+0+0 = 0 ≤ 555', 'holds'],
    ]);
    expect(findings(r, 'exceeds')).toEqual([{ id: 'baiyun.txt', messageId: 'exceeds', severity: 'error', text: '204件' }]);
    // No street alone passes the district: 3, 110, 95 ≤ 204 and 10, 60, 50 ≤ 156.
    expect(r.documents.flatMap((d) => d.result.diagnostics).filter((d) => d.ruleId === 'cross-child-within-parent')).toEqual([]);
    const d = r.documents[3]!.result.diagnostics.find((x) => x.ruleId === RULE && x.messageId === 'exceeds')!;
    expect(d.message).toBe('3个下级报告的人大代表建议合计208,大于本报告的204件');
    expect(d.related.map((x) => [x.document, x.message, x.line])).toEqual([
      ['shimen.txt', 'shimen.txt: 3件', 6],
      ['jingxi.txt', 'jingxi.txt: 110件', 6],
      ['jiahe.txt', 'jiahe.txt: 95件', 6],
    ]);
    expect(jingxi.text.slice(d.related[1]!.range.start, d.related[1]!.range.end)).toBe('110件');

    const en = check([SHIMEN, jingxi, jiahe], DISTRICT, { locale: 'en' });
    expect(en.documents[3]!.result.diagnostics.find((x) => x.ruleId === RULE && x.messageId === 'exceeds')!.message).toBe('The 3 reports below sum to 208 of 人大代表建议, more than the 204件 here');
  });

  it('holds when the sums stay within, and counts only the streets that state the metric', () => {
    const jingxi = { id: 'jingxi.txt', text: street('京溪街', '承办区人大代表建议110件,区政协会议提案60件,办结率100%。') };
    const tonghe = { id: 'tonghe.txt', text: street('同和街', '认真听取人大代表和政协委员的意见建议。') };
    const r = check([SHIMEN, jingxi, tonghe]);
    expect(comparisons(r)).toEqual([
      // 同和街 states no 人大代表建议 or 政协提案 count: 3 + 110 = 113 ≤ 204, 10 + 60 = 70 ≤ 156.
      ['人大代表建议: Σ ≤ 204件', ['shimen.txt', 'jingxi.txt'], '3+110 = 113 ≤ 204', 'holds'],
      ['政协提案: Σ ≤ 156件', ['shimen.txt', 'jingxi.txt'], '10+60 = 70 ≤ 156', 'holds'],
      ['行政复议案件: Σ ≤ 555件', ['shimen.txt', 'jingxi.txt', 'tonghe.txt'], '0+0+0 = 0 ≤ 555', 'holds'],
    ]);
    expect(findings(r, 'exceeds')).toEqual([]);
  });

  it('notes (info) that the district names 24个镇街 and only 3 of their reports are given', () => {
    const jingxi = { id: 'jingxi.txt', text: street('京溪街', '承办区人大代表建议5件,区政协会议提案4件,办结率100%。') };
    const jiahe = { id: 'jiahe.txt', text: street('嘉禾街', '承办区人大代表建议6件,区政协会议提案2件,办结率100%。') };
    const r = check([SHIMEN, jingxi, jiahe]);
    expect(findings(r)).toEqual([{ id: 'baiyun.txt', messageId: 'incomplete', severity: 'info', text: '24个' }]);
    const d = r.documents[3]!.result.diagnostics.find((x) => x.ruleId === RULE)!;
    expect(d.message).toBe('本报告称有24个镇街,只给出了其中3个的报告');
    expect(d.evidence.computed).toBe('3');
    expect(d.evidence.expected).toBe('24');
    const en = check([SHIMEN, jingxi, jiahe], DISTRICT, { locale: 'en' });
    expect(en.documents[3]!.result.diagnostics.find((x) => x.ruleId === RULE)!.message).toBe('This report names 24 towns and streets; only 3 of their reports are given');
  });

  it('says nothing when all 24 镇街 of 白云区 (20 streets, 4 towns) are given and their sums are within', () => {
    const streets = ['三元里街', '松洲街', '景泰街', '黄石街', '同德街', '棠景街', '新市街', '同和街', '京溪街', '永平街', '嘉禾街', '均禾街', '石井街', '金沙街', '云城街', '鹤龙街', '白云湖街', '石门街', '龙归街', '大源街'];
    const towns = ['人和镇', '太和镇', '钟落潭镇', '江高镇'];
    const body = '承办区人大代表建议2件,区政协会议提案3件,办结率100%。';
    const inputs = [
      ...streets.map((n, i) => ({ id: `street-${i}.txt`, text: street(n, body) })),
      ...towns.map((n, i) => ({ id: `town-${i}.txt`, text: street(n, body).replaceAll(`广州市白云区人民政府${n}道办事处`, `广州市白云区${n}人民政府`).replaceAll(`${n}道`, n).replaceAll('我街', '我镇') })),
    ];
    const r = check(inputs);
    expect(r.links).toHaveLength(24);
    expect(r.unplaced).toEqual([]);
    // 24 × 2 = 48 ≤ 204; 24 × 3 = 72 ≤ 156; 24 × 0 = 0 ≤ 555.
    expect(comparisons(r).map((c) => [c[0], c[3]])).toEqual([
      ['人大代表建议: Σ ≤ 204件', 'holds'],
      ['政协提案: Σ ≤ 156件', 'holds'],
      ['行政复议案件: Σ ≤ 555件', 'holds'],
    ]);
    expect(comparisons(r)[0]![2]).toBe(`${Array(24).fill('2').join('+')} = 48 ≤ 204`);
    expect(findings(r)).toEqual([]);
  });

  it('sums only whole-year figures of this year: not 疫情期间…, not 2019年…', () => {
    const district = DISTRICT.replace('全年共收到行政复议申请555件。', '全年共收到行政复议申请555件。全区公共法律服务平台全年提供法律咨询3000次。');
    const shimen = { id: 'shimen.txt', text: street('石门街', SUPERVISION, '2019年,我街承办区人大代表建议120件。全年法律顾问共接受法律咨询101次。') };
    const jingxiPart = { id: 'jingxi.txt', text: street('京溪街', '承办区人大代表建议5件,区政协会议提案4件,办结率100%。', '2019年,我街承办区人大代表建议100件。疫情期间,通过电话为群众提供法律咨询2950次。') };
    const r = check([shimen, jingxiPart], district);
    expect(comparisons(r)).toEqual([
      // 120 and 100 are 2019's: 3 + 5 = 8 ≤ 204.
      ['人大代表建议: Σ ≤ 204件', ['shimen.txt', 'jingxi.txt'], '3+5 = 8 ≤ 204', 'holds'],
      ['政协提案: Σ ≤ 156件', ['shimen.txt', 'jingxi.txt'], '10+4 = 14 ≤ 156', 'holds'],
      ['行政复议案件: Σ ≤ 555件', ['shimen.txt', 'jingxi.txt'], '0+0 = 0 ≤ 555', 'holds'],
      // 京溪街's 2950次 are of the epidemic months only (and one channel): 101 ≤ 3000.
      ['法律咨询: Σ ≤ 3000次', ['shimen.txt'], '101 = 101 ≤ 3000', 'holds'],
    ]);
    expect(findings(r, 'exceeds')).toEqual([]);

    // The same 2950次 stated for the whole year is summed: 101 + 2950 = 3051 > 3000.
    const jingxiWhole = { id: 'jingxi.txt', text: jingxiPart.text.replace('疫情期间,通过电话为群众提供法律咨询2950次', '全年为群众提供法律咨询2950次') };
    const whole = check([shimen, jingxiWhole], district);
    expect(comparisons(whole)[3]).toEqual(['法律咨询: Σ ≤ 3000次', ['shimen.txt', 'jingxi.txt'], '101+2950 = 3051 ≤ 3000', 'fails']);
    expect(findings(whole, 'exceeds')).toEqual([{ id: 'baiyun.txt', messageId: 'exceeds', severity: 'error', text: '3000次' }]);
  });

  it('bounds only by the district’s whole figure: not by 区教育局… or 疫情期间…', () => {
    const district = DISTRICT.replace('(一)接受各方监督。\n', '(一)接受各方监督。\n区教育局全年办理人大代表建议32件,按时办结率100%。').replace(
      '全年共收到行政复议申请555件。',
      '全年共收到行政复议申请555件。疫情期间,区政务服务热线共受理12345热线事项980件。',
    );
    const shimen = { id: 'shimen.txt', text: street('石门街', '承办区人大代表建议20件,区政协会议提案10件,办结率100%。', '今年共受理12345热线事项1904件,均按时办结。') };
    const jingxi = { id: 'jingxi.txt', text: street('京溪街', '承办区人大代表建议25件,区政协会议提案4件,办结率100%。', '今年共受理12345热线事项1210件,均按时办结。') };
    const r = check([shimen, jingxi], district);
    // 20 + 25 = 45 > 32 of 区教育局 alone, ≤ 204; 1904 + 1210 against the 980 of the epidemic months: no bound.
    expect(comparisons(r).map((c) => [c[0], c[2], c[3]])).toEqual([
      ['人大代表建议: Σ ≤ 204件', '20+25 = 45 ≤ 204', 'holds'],
      ['政协提案: Σ ≤ 156件', '10+4 = 14 ≤ 156', 'holds'],
      ['行政复议案件: Σ ≤ 555件', '0+0 = 0 ≤ 555', 'holds'],
    ]);
    expect(findings(r, 'exceeds')).toEqual([]);
  });

  it('does not count a district figure that two streets quote (全区共收到行政复议申请555件) as theirs', () => {
    const quote = '全区共收到行政复议申请555件,我街积极配合区司法局做好行政复议答复工作。';
    const shimen = { id: 'shimen.txt', text: street('石门街', SUPERVISION, quote) };
    const jingxi = { id: 'jingxi.txt', text: street('京溪街', '承办区人大代表建议5件,区政协会议提案4件,办结率100%。', quote) };
    const r = check([shimen, jingxi], DISTRICT);
    // Each street's own 行政复议 count is its zero claim (0); 555 is the district's, quoted: 0 + 0 ≤ 555, not 555 + 555 = 1110.
    expect(findings(r, 'exceeds')).toEqual([]);
  });

  it('does not take a change against last year (政协提案156件,同比减少6件) as a bound', () => {
    const district = DISTRICT.replace('政协提案156件', '政协提案156件,同比减少6件');
    const r = check([SHIMEN], district);
    // 10 ≤ 156; the 6件 is a difference between two years, not a count the streets add up to.
    expect(findings(r, 'exceeds')).toEqual([]);
    expect(comparisons(r).filter((c) => c[3] === 'fails')).toEqual([]);
  });

  it('takes the district’s own number of 镇街 (全区24个镇街), not a subset named first (8个镇街创建…)', () => {
    const district = DISTRICT.replace('(二)推进行政复议应诉工作。', '推动8个镇街创建省级法治示范镇街。\n(二)推进行政复议应诉工作。');
    const r = check([SHIMEN], district);
    expect(findings(r, 'incomplete')).toEqual([{ id: 'baiyun.txt', messageId: 'incomplete', severity: 'info', text: '24个' }]);
    expect(r.documents[1]!.result.diagnostics.find((x) => x.ruleId === RULE)!.message).toBe('本报告称有24个镇街,只给出了其中1个的报告');
  });

  it('does not add a 2019 street report’s figures into the 2020 district’s sum', () => {
    // 石门街 reports on 2019 (120件), 京溪街 on 2020 (100件): the 2020 sum is 100 ≤ 204, not 120 + 100 = 220.
    const shimen2019 = {
      id: 'shimen.txt',
      text: street('石门街', '承办区人大代表建议120件,区政协会议提案10件,办结率100%。')
        .replace('办事处2020年法治', '办事处2019年法治')
        .replace('2020年,石门街', '2019年,石门街')
        .replace('四、2021年工作安排', '四、2020年工作安排')
        .replace('2021年1月8日', '2020年1月9日'),
    };
    const jingxi = { id: 'jingxi.txt', text: street('京溪街', '承办区人大代表建议100件,区政协会议提案4件,办结率100%。') };
    const r = check([shimen2019, jingxi]);
    expect(findings(r, 'exceeds')).toEqual([]);
  });
});
