import { describe, expect, it } from 'vitest';
import { flagged, runRule } from '../../test/rule-harness.js';
import { seedText } from '../../test/helpers.js';

const RULE = 'heading-numbering';

/** A district report whose top level is 一、…四、 and whose first part is given by `measures`. */
function report(measures: string): string {
  return `某某区人民政府2022年法治政府建设年度报告
2022年，区政府坚持以习近平法治思想为指导，全面推进依法行政。现将有关情况报告如下：
一、2022年推进法治政府建设的主要举措和成效
${measures}
二、存在的不足和原因
基层执法力量仍然薄弱，主要原因是编制和经费保障不足。
三、党政主要负责人履行推进法治建设第一责任人职责情况
区政府主要负责同志带头学法，全年主持召开常务会议专题学法4次。
四、2023年度推进法治政府建设的主要安排
2023年，区政府将持续深化法治政府建设示范创建。
某某区人民政府
2023年1月10日`;
}

describe('heading-numbering', () => {
  it('accepts four levels in GB/T 9704 order, with full- and half-width brackets mixed', () => {
    const text = report(`（一）完善依法行政制度体系
1.加强规范性文件管理。全年审核行政规范性文件22件。
2.推进重大行政决策规范化。
（1）严格合法性审查。全年审查重大行政决策事项18件。
(2)落实公众参与。召开决策听证会3场。
(二)推进严格规范公正文明执法
1.深化综合行政执法改革。
2.落实行政执法“三项制度”。
（三）强化行政权力监督`);
    expect(runRule(RULE, text)).toEqual([]);
  });

  it('reports a gap between siblings (一、二、四、) as a warning at the later heading', () => {
    const text = `某某区人民政府2022年法治政府建设年度报告
一、2022年推进法治政府建设的主要举措和成效
全年审查重大行政决策事项18件，办理行政复议案件126件。
二、存在的不足和原因
基层执法力量仍然薄弱，主要原因是编制和经费保障不足。
四、2023年度推进法治政府建设的主要安排
2023年，区政府将持续深化法治政府建设示范创建。
某某区人民政府
2023年1月10日`;
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['四、']);
    expect(diags[0]!.messageId).toBe('gap');
    expect(diags[0]!.severity).toBe('warning');
    expect(diags[0]!.message).toContain('“二、”之后是“四、”');
  });

  it('reports a repeated number at its second occurrence', () => {
    const text = report(`（一）完善依法决策机制。全年审查重大行政决策事项18件。
（二）规范行政执法行为。全年公示行政执法信息3562条。
（二）强化行政权力监督。办理人大代表建议204件、政协提案156件。`);
    const diags = runRule(RULE, text);
    expect(diags).toHaveLength(1);
    const second = text.indexOf('（二）强化');
    expect(diags[0]!.range).toEqual({ start: second, end: second + 3 });
    expect(diags[0]!.messageId).toBe('repeat');
    expect(diags[0]!.severity).toBe('warning');
    expect(diags[0]!.message).toBe('标题序号重复:“（二）”与前一标题“（二）”序号相同');
  });

  it('reports numbers that go backwards', () => {
    const text = report(`（一）完善依法行政制度体系
1.加强规范性文件管理。全年审核行政规范性文件22件。
2.推进重大行政决策规范化。全年审查重大行政决策事项18件。
3.深化政务公开。主动公开政府信息2796条。
2.加强合同管理。审查政府合同139份。`);
    const diags = runRule(RULE, text);
    const back = text.indexOf('2.加强合同管理');
    expect(flagged(text, diags)).toEqual(['2.']);
    expect(diags[0]!.range.start).toBe(back);
    expect(diags[0]!.messageId).toBe('backwards');
    expect(diags[0]!.severity).toBe('warning');
  });

  it('reports a level that does not start at its first number', () => {
    const text = report(`（二）完善依法决策机制。全年审查重大行政决策事项18件。
（三）规范行政执法行为。全年公示行政执法信息3562条。`);
    // （二）（三） under 一、: the level starts at （二）; （三） after （二） is in order.
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['（二）']);
    expect(diags[0]!.messageId).toBe('start');
    expect(diags[0]!.severity).toBe('warning');
    expect(diags[0]!.message).toBe('本层标题应从（一）开始,而不是“（二）”');
    // The same in English.
    expect(runRule(RULE, text, undefined, 'en')[0]!.message).toBe('This level should start at （一）, not （二）');
  });

  it('reports 1. directly under 一、 as a skipped level, at info', () => {
    const text = report('1.健全依法决策机制。全年审查重大行政决策事项18件。');
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['1.']);
    expect(diags[0]!.messageId).toBe('skippedLevel');
    expect(diags[0]!.severity).toBe('info');
    expect(diags[0]!.message).toBe('“1.”直接位于“一、”之下,跳过了中间层级(GB/T 9704:一、→(一)→1.→(1))');
  });

  it('reports a skipped level once per parent, not once per sibling', () => {
    // One writing choice (no （一） level under 一、) is one finding, at the first heading it affects.
    const text = report(`1.健全依法决策机制。全年审查重大行政决策事项18件。
2.规范行政执法行为。全年公示行政执法信息3562条。
3.强化行政权力监督。办理人大代表建议204件、政协提案156件。`);
    const diags = runRule(RULE, text);
    expect(diags.map((d) => d.messageId)).toEqual(['skippedLevel']);
    expect(diags[0]!.range.start).toBe(text.indexOf('1.健全'));
  });

  it('reports the 、 of （一）、 at info, and nothing else', () => {
    const text = report(`（一）、完善依法决策机制。全年审查重大行政决策事项18件。
（二）、规范行政执法行为。全年公示行政执法信息3562条。`);
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['、', '、']);
    const first = text.indexOf('（一）、') + 3;
    const second = text.indexOf('（二）、') + 3;
    expect(diags.map((d) => d.range)).toEqual([
      { start: first, end: first + 1 },
      { start: second, end: second + 1 },
    ]);
    expect(diags.map((d) => d.messageId)).toEqual(['trailing', 'trailing']);
    expect(diags.map((d) => d.severity)).toEqual(['info', 'info']);
    expect(diags[0]!.message).toBe('“（一）”后不应再加“、”');
  });

  it('reports level-3 headings that mix 1. and 1、 once, at the first of the rarer form', () => {
    const text = report(`（一）完善依法行政制度体系
1.加强规范性文件管理。全年审核行政规范性文件22件。
2.推进重大行政决策规范化。全年审查重大行政决策事项18件。
（二）推进严格规范公正文明执法
1、深化综合行政执法改革。组建综合行政执法队伍12支。
2、落实行政执法“三项制度”。公示行政执法信息3562条。
3、加强执法人员培训。组织执法人员培训26场。`);
    // Two 1. against three 1、: the first 1. is flagged.
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['1.']);
    expect(diags[0]!.range.start).toBe(text.indexOf('1.加强'));
    expect(diags[0]!.messageId).toBe('mixedStyle');
    expect(diags[0]!.severity).toBe('info');
    expect(diags[0]!.message).toBe('三级标题序号混用“1.”与“1、”,全文应统一');
  });

  it('accepts a report whose headings are only （一）… without a top level', () => {
    const text = `某某街道办事处2022年法治政府建设工作情况报告
2022年，我街道在区委、区政府的正确领导下，扎实推进法治政府建设。现将有关情况报告如下：
（一）2022年推进法治政府建设的主要举措和成效
1、强化组织领导。街道党工委、办事处召开专题会议研究法治建设工作6次。
2、推进依法决策。街道重大事项均经法律顾问审查。
（二）存在问题
部分社区干部法治意识不强，原因是学法培训不够系统。
(三)街道党工委书记、办事处主任履行推进法治建设第一责任人职责情况
街道主要负责同志带头学法用法，全年主持召开专题学法会议4次。
（四）下一步工作计划
2023年，街道将继续深化基层依法治理，推进法治社区创建。
某某街道办事处
2023年1月5日`;
    expect(runRule(RULE, text)).toEqual([]);
  });

  it('finds no numbering problem in either seed', () => {
    // Street: 一、(一)1、…5、(二)1、…3、(三)1、…3、(四)(五)1、…4、(六)(七)1、…4、(八)1、2、
    // 二、(一)…(四) 三、(一)…(五): consecutive, 1、 throughout.
    // District: 一、(一)…(九) with 1.… under each, 二、 三、: consecutive, 1. throughout.
    expect(runRule(RULE, seedText('street'))).toEqual([]);
    expect(runRule(RULE, seedText('district'))).toEqual([]);
  });
});
