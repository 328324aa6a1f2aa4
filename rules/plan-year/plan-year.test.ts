import { describe, expect, it } from 'vitest';
import { flagged, runRule } from '../../test/rule-harness.js';
import { seedText } from '../../test/helpers.js';

const RULE = 'plan-year';

/** A district report on 2022 with the given measures and plan headings and plan text. */
function report(measures: string, plan: string, planText = '2023年，区政府将持续深化法治政府建设示范创建，进一步提升行政执法规范化水平。'): string {
  return `某某区人民政府2022年法治政府建设年度报告
2022年，区政府坚持以习近平法治思想为指导，全面推进依法行政。现将有关情况报告如下：
${measures}
全年审查重大行政决策事项18件，办理行政复议案件126件。
二、存在的不足和原因
基层执法力量仍然薄弱，主要原因是编制和经费保障不足。
三、党政主要负责人履行推进法治建设第一责任人职责情况
区政府主要负责同志带头学法，全年主持召开常务会议专题学法4次。
${plan}
${planText}
某某区人民政府
2023年1月10日`;
}

const MEASURES = '一、2022年推进法治政府建设的主要举措和成效';
const PLAN = '四、2023年度推进法治政府建设的主要安排';

describe('plan-year', () => {
  it('accepts measures for 2022 and a plan for 2023 in a report on 2022', () => {
    expect(runRule(RULE, report(MEASURES, PLAN))).toEqual([]);
  });

  it('reports a plan heading that names the reporting year instead of the next', () => {
    const text = report(MEASURES, '四、2022年度推进法治政府建设的主要安排');
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['2022年度']);
    expect(diags[0]!.range.start).toBe(text.indexOf('四、2022年度') + 2);
    expect(diags[0]!.messageId).toBe('planYear');
    expect(diags[0]!.severity).toBe('warning');
    expect(diags[0]!.message).toBe('2022年度报告的工作安排写的是2022年,应为2023年');
    expect(runRule(RULE, text, undefined, 'en')[0]!.message).toBe('The plan of the report on 2022 speaks of 2022, not 2023');
  });

  it('reports a measures heading that names the year before', () => {
    const text = report('一、2021年推进法治政府建设的主要举措和成效', PLAN);
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['2021年']);
    expect(diags[0]!.messageId).toBe('measuresYear');
    expect(diags[0]!.severity).toBe('warning');
    expect(diags[0]!.message).toBe('2022年度报告的举措和成效写的是2021年,应为2022年');
  });

  it('reads a plan heading without a year (下一步工作计划) from its first paragraph', () => {
    expect(runRule(RULE, report(MEASURES, '四、下一步工作计划'))).toEqual([]);
    // Last year's plan pasted in: its first paragraph speaks of 2022 only.
    const text = report(MEASURES, '四、下一步工作计划', '2022年，区政府将重点抓好法治政府建设示范创建，全面落实行政执法“三项制度”。');
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['2022年']);
    expect(diags[0]!.range.start).toBe(text.indexOf('2022年，区政府将重点'));
    expect(diags[0]!.messageId).toBe('planYear');
  });

  it('does not take a long-term target year (到2025年) for the plan year', () => {
    // 到2025年 is where the plan leads, not the year it is for: the plan heading names no year
    // and nothing in the section speaks of a wrong year for next year's work.
    const text = report(
      MEASURES,
      '四、下一步工作安排',
      '下一步，区政府将对标法治政府建设实施纲要，力争到2025年率先基本建成法治政府，重点抓好依法决策、严格执法和行政复议体制改革。',
    );
    expect(runRule(RULE, text)).toEqual([]);
  });

  it('does not take a year of comparison (比2021年) in the measures for the year they speak of', () => {
    // The heading names no year; the first paragraph speaks of this year's work and compares it
    // with 2021. The measures are not "for 2021".
    const text = report('一、主要举措和成效', PLAN).replace(
      '全年审查重大行政决策事项18件，办理行政复议案件126件。',
      '区政府把法治政府建设摆在突出位置，全年审查重大行政决策事项18件，比2021年增加5件。',
    );
    expect(runRule(RULE, text)).toEqual([]);
  });

  it('does not take a measures heading that says 重点工作 for the plan', () => {
    // 一、2022年法治政府建设重点工作推进情况 reports this year's key work (推进情况): it is the measures
    // part, rightly dated 2022. The plan is 四、2023年工作安排, rightly dated 2023.
    const text = report('一、2022年法治政府建设重点工作推进情况', '四、2023年工作安排');
    expect(runRule(RULE, text)).toEqual([]);
  });

  it('checks a report whose headings are only （一）…', () => {
    const body = (plan: string) => `某某街道办事处2022年法治政府建设工作情况报告
2022年，我街道在区委、区政府的正确领导下，扎实推进法治政府建设。现将有关情况报告如下：
（一）2022年推进法治政府建设的主要举措和成效
街道党工委、办事处召开专题会议研究法治建设工作6次。
（二）存在问题
部分社区干部法治意识不强，原因是学法培训不够系统。
${plan}
街道将继续深化基层依法治理，推进法治社区创建。
某某街道办事处
2023年1月5日`;
    expect(runRule(RULE, body('（三）2023年度工作安排'))).toEqual([]);
    const text = body('（三）2022年工作安排');
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['2022年']);
    expect(diags[0]!.range.start).toBe(text.indexOf('（三）2022年') + 3);
    expect(diags[0]!.messageId).toBe('planYear');
  });

  it('does not read a measures sub-heading naming this year\'s 工作要点 as the plan', () => {
    // Report on 2021 whose part 一 has （二）落实上级2021年依法行政工作要点: a sub-heading of the
    // measures, not the plan, so its 2021 is this year's work and right. No plan part is found.
    const text = `某某镇人民政府2021年法治政府建设情况报告
一、加强法治学习宣传，助推法治政府建设
（一）以习近平法治思想统领法治建设。镇党委理论学习中心组专题学法6次。
（二）落实上级2021年依法行政工作要点。制定本镇年度工作要点，分解任务32项。
二、存在的不足和原因
基层执法力量仍然薄弱，主要原因是编制和经费保障不足。`;
    expect(runRule(RULE, text)).toEqual([]);
  });

  it('does not take a year inside a document title in the plan heading for the plan year', () => {
    // 《法治政府建设实施纲要(2021-2025年)》 names a document (the parser keeps years inside book
    // titles out of the dates); the heading itself names no year, and the first paragraph opens
    // with 2023年, the right one.
    const text = report(MEASURES, '四、对照《法治政府建设实施纲要(2021-2025年)》的下一步安排');
    expect(runRule(RULE, text)).toEqual([]);
    // A year outside the book title still counts.
    const wrong = report(MEASURES, '四、2022年对照《法治政府建设实施纲要(2021-2025年)》的工作安排');
    expect(flagged(wrong, runRule(RULE, wrong))).toEqual(['2022年']);
  });

  it('does not judge the problems heading by the plan year when the plan is only a 下一步 paragraph in it', () => {
    // No plan part: the plan is the 下一步 paragraph at the end of 二、2022年存在的不足和原因. That
    // heading's 2022 is the problems' year, not the plan's.
    const text = `某某区人民政府2022年法治政府建设年度报告
一、2022年推进法治政府建设的主要举措和成效
全年审查重大行政决策事项18件。
二、2022年存在的不足和原因
基层执法力量仍然薄弱，主要原因是编制和经费保障不足。
下一步，区政府将持续深化法治政府建设示范创建。
某某区人民政府
2023年1月10日`;
    expect(runRule(RULE, text)).toEqual([]);
  });

  it('finds nothing in the seeds', () => {
    // District (2020): 一、2020年度主要工作成效, 三、2021年工作计划. Street (2020): 一、本年度主要举措和成效
    // (no year, and none in its first paragraph), 三、2021年度法治政府建设的工作安排.
    expect(runRule(RULE, seedText('district'))).toEqual([]);
    expect(runRule(RULE, seedText('street'))).toEqual([]);
  });
});
