import { describe, expect, it } from 'vitest';
import { flagged, runRule } from '../../test/rule-harness.js';
import { seedText } from '../../test/helpers.js';

const RULE = 'enumeration-sequence';

/** A district report whose shortcomings and plan sections are given. */
function report(shortcomings: string, plan: string): string {
  return `某某区人民政府2022年法治政府建设年度报告
2022年，区政府坚持以习近平法治思想为指导，全面推进依法行政。现将有关情况报告如下：
一、2022年推进法治政府建设的主要举措和成效
全年审查重大行政决策事项18件，办理行政复议案件126件。
二、存在的不足和原因
${shortcomings}
三、党政主要负责人履行推进法治建设第一责任人职责情况
区政府主要负责同志带头学法，全年主持召开常务会议专题学法4次。
四、2023年度推进法治政府建设的主要安排
${plan}
某某区人民政府
2023年1月10日`;
}

const SHORTCOMINGS = '基层执法力量仍然薄弱，主要原因是编制和经费保障不足。';
const PLAN = '2023年，区政府将持续深化法治政府建设示范创建。';

describe('enumeration-sequence', () => {
  it('accepts 一是…二是…三是… in order', () => {
    const text = report(
      SHORTCOMINGS,
      '2023年，区政府将重点抓好以下工作：一是加强法治统筹，科学谋划全面依法治区各项工作；二是深化“放管服”改革，提升政务服务效能；三是严格落实行政执法“三项制度”。',
    );
    expect(runRule(RULE, text)).toEqual([]);
  });

  it('reports a gap (一是…三是) as a warning at the later marker', () => {
    const text = report(
      SHORTCOMINGS,
      '2023年，区政府将重点抓好以下工作：一是加强法治统筹，科学谋划全面依法治区各项工作；三是严格落实行政执法“三项制度”；四是完善行政应诉监督协调机制。',
    );
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['三是']);
    const d = diags[0]!;
    expect(d.messageId).toBe('gap');
    expect(d.severity).toBe('warning');
    expect(d.message).toBe('列举序号不连续:“一是”之后是“三是”');
    expect(d.evidence.expected).toBe('二是');
    // The same in English.
    expect(runRule(RULE, text, undefined, 'en')[0]!.message).toBe('Enumeration skips: 三是 follows 一是');
  });

  it('reports an enumeration that starts at 二是', () => {
    const text = report(
      '部分单位法治意识有待加强。二是基层执法人员专业素质有待提高；三是行政复议体制改革后办案压力较大。究其原因，主要是培训投入不足。',
      PLAN,
    );
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['二是']);
    expect(diags[0]!.messageId).toBe('start');
    expect(diags[0]!.severity).toBe('warning');
    expect(diags[0]!.message).toBe('列举应从“一是”开始,而不是“二是”');
  });

  it('reports a repeated number at its second occurrence', () => {
    const text = report(
      SHORTCOMINGS,
      '2023年，区政府将着力做好以下工作：一是加强法治统筹；二是深化“放管服”改革；二是健全行政决策机制；三是落实行政复议体制改革。',
    );
    const diags = runRule(RULE, text);
    const second = text.indexOf('二是健全');
    expect(diags).toHaveLength(1);
    expect(diags[0]!.range).toEqual({ start: second, end: second + 2 });
    expect(diags[0]!.messageId).toBe('repeat');
    expect(diags[0]!.message).toBe('列举序号重复:“二是”');
  });

  it('reports 第一，第二，第四 and leaves 第一责任人 and 第二十五条 alone', () => {
    const text = report(
      SHORTCOMINGS,
      '按照厅字〔2019〕28号第二十五条的要求，区政府将压实第一责任人职责，重点做到：第一，坚持依法决策；第二，坚持公开透明；第四，自觉接受监督。',
    );
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['第四']);
    expect(diags[0]!.messageId).toBe('gap');
    expect(diags[0]!.message).toBe('列举序号不连续:“第二”之后是“第四”');
  });

  it('reports a gap in running-text (1)(2)(4), with full-width brackets as written', () => {
    const text = report(
      SHORTCOMINGS,
      '2023年，区政府将完善行政执法监督机制，主要包括：（1）建立执法案卷评查台账；（2）定期通报执法问题；（4）跟踪督办整改落实。',
    );
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['（4）']);
    expect(diags[0]!.messageId).toBe('gap');
    expect(diags[0]!.message).toBe('列举序号不连续:“（2）”之后是“（4）”');
  });

  it('starts a new run at each 一是 in the same paragraph', () => {
    const text = report(
      '存在的问题主要有：一是部分单位法治意识不强；二是基层执法力量薄弱。产生问题的原因：一是学法培训不够系统；二是执法经费保障不足。',
      PLAN,
    );
    expect(runRule(RULE, text)).toEqual([]);
  });

  it('follows an enumeration from one paragraph to the next', () => {
    // Many reports give each item its own paragraph: 一是… / 二是… / 三是…. The run goes on across
    // the paragraphs of one section; each paragraph does not start a run of its own.
    const text = report(
      `一是部分单位对法治政府建设重视不够，运用法治思维解决问题的能力不强。
二是基层执法力量薄弱，执法人员专业素质有待提高。
三是行政复议体制改革后案件数量增长较快，办案压力较大。究其原因，主要是培训和保障投入不足。`,
      PLAN,
    );
    expect(runRule(RULE, text)).toEqual([]);
  });

  it('finds nothing in the seeds', () => {
    // District: the plan's 一是…七是 is consecutive. Street: no 一是 runs; its running-text (1)…(7) is in order.
    expect(runRule(RULE, seedText('district'))).toEqual([]);
    expect(runRule(RULE, seedText('street'))).toEqual([]);
  });
});
