import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/index.js';
import { flagged, runRule } from '../../test/rule-harness.js';
import { seedText } from '../../test/helpers.js';

const RULE = 'required-sections';
const REG = '《法治政府建设与责任落实督察工作规定》(厅字〔2019〕28号)';

/** A complete district report: the four items of 第二十五条 as four top-level headings. */
const COMPLETE = `某某区人民政府2022年法治政府建设年度报告
2022年，区政府坚持以习近平法治思想为指导，统筹推进法治政府建设各项工作。现将有关情况报告如下：
一、2022年推进法治政府建设的主要举措和成效
（一）健全依法决策机制。严格落实重大行政决策程序，全年对18件重大行政决策事项进行合法性审查。
（二）规范行政执法行为。全面推行行政执法“三项制度”，全年公示行政执法信息3562条。
二、存在的不足和原因
一是部分单位领导干部运用法治思维解决问题的能力还不够强；二是基层执法力量相对薄弱。究其原因，主要是学法用法培训针对性不强，执法队伍人员配备不足。
三、党政主要负责人履行推进法治建设第一责任人职责情况
区政府主要负责同志带头尊法学法守法用法，全年主持召开区政府常务会议专题学法4次，研究部署法治政府建设重点任务。
四、2023年度推进法治政府建设的主要安排
2023年，区政府将深入学习贯彻党的二十大精神，持续推进法治政府建设示范创建，进一步提升行政执法规范化水平。
某某区人民政府
2023年1月10日`;

/** A county report with measures, shortcomings and plan, but nothing on the first-responsible duty. */
const NO_FIRST_RESPONSIBLE = `某某县人民政府关于2022年度法治政府建设情况的报告
2022年，县政府认真贯彻落实中央和省、市关于法治政府建设的决策部署，依法行政水平持续提升。
一、2022年度法治政府建设主要工作成效
（一）深化“放管服”改革。全县政务服务事项网上可办率达98.6%。
（二）加强行政复议工作。全年受理行政复议申请46件，依法审结41件。
二、存在的不足和原因
部分乡镇依法行政意识有待增强，原因主要是法治培训覆盖面不够、考核约束不强。
三、2023年工作计划
2023年，县政府将以创建法治政府建设示范县为目标，着力提升依法行政能力。
某某县人民政府
2023年2月20日`;

/** A district report with measures, shortcomings and first-responsible parts but no plan. */
const NO_PLAN = `某某区人民政府2022年法治政府建设年度报告
一、2022年推进法治政府建设的主要举措和成效
区政府全面落实行政执法“三项制度”，全年办理行政复议案件126件。
二、存在的不足和原因
行政执法规范化水平仍有差距，主要原因是执法人员培训不足。
三、党政主要负责人履行推进法治建设第一责任人职责情况
区长带头学法用法，全年主持召开法治政府建设专题会议3次。
某某区人民政府
2023年1月10日`;

describe('required-sections', () => {
  it('finds nothing in a report with all four items as headings', () => {
    expect(runRule(RULE, COMPLETE)).toEqual([]);
  });

  it('reports a missing first-responsible item as an error at the heading of the plan that follows it', () => {
    // Items in profile order: measures, shortcomings, first-responsible, plan. The first-responsible
    // part is not a heading, no paragraph opens with 第一责任人职责 and the title does not name it;
    // the next item found by heading is the plan, so the finding points at 三、2023年工作计划.
    const diags = runRule(RULE, NO_FIRST_RESPONSIBLE);
    expect(flagged(NO_FIRST_RESPONSIBLE, diags)).toEqual(['三、2023年工作计划']);
    const d = diags[0]!;
    expect(d.messageId).toBe('missing');
    expect(d.severity).toBe('error');
    expect(d.message).toBe(`缺少“党政主要负责人履行推进法治建设第一责任人职责情况”部分,应置于此处之前(${REG}第二十五条第(三)项要求报告该项内容)`);
    // The same in English.
    expect(runRule(RULE, NO_FIRST_RESPONSIBLE, undefined, 'en')[0]!.message).toBe(
      `Missing the part on how the principal leaders fulfilled their duty as first responsible persons, expected before this point (${REG} 第二十五条第(三)项 requires it)`,
    );
  });

  it('reports a missing plan at the end of the last item found before it', () => {
    const text = NO_PLAN;
    // No item comes after the plan (其他 is optional and absent), so the place is the end of the
    // previous item's section: right after 专题会议3次。, before the signature. A zero-length place.
    const diags = runRule(RULE, text);
    expect(diags).toHaveLength(1);
    const d = diags[0]!;
    expect(d.messageId).toBe('missing');
    expect(d.severity).toBe('error');
    const end = text.indexOf('专题会议3次。') + '专题会议3次。'.length;
    expect(d.range).toEqual({ start: end, end });
    expect(d.message).toContain('缺少“下一年度推进法治政府建设的主要安排”部分');
    expect(d.message).toContain(`${REG}第二十五条第(四)项要求报告该项内容`);
    // The place is the end of the last part before it: the plan belongs here, after it. Telling the
    // reader to put it "before this point" would put it inside 三、党政主要负责人….
    expect(d.message).not.toContain('应置于此处之前');
  });

  it('reports missing measures or shortcomings at the heading of the next item found', () => {
    const text = `某某区人民政府2022年法治政府建设年度报告
一、区政府主要负责同志履行推进法治建设第一责任人职责情况
区政府主要负责同志认真履行第一责任人职责，全年4次专题听取法治政府建设工作汇报。
二、存在的不足及原因
一是行政规范性文件管理还不够规范；二是基层法治队伍力量不足。原因在于对法治建设的投入不足，培训不够系统。
三、下一步工作计划
2023年，我区将进一步健全依法决策机制，深化行政执法体制改革。
某某区人民政府
2023年1月10日`;
    // 一、区政府主要负责同志履行… satisfies first-responsible (主要负责同志履行, 第一责任人);
    // 存在的不足及原因 and 下一步工作计划 the next two. Measures is missing; the next item found by
    // heading is shortcomings.
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['二、存在的不足及原因']);
    expect(diags[0]!.messageId).toBe('missing');
    expect(diags[0]!.severity).toBe('error');
    expect(diags[0]!.message).toBe(`缺少“上一年度推进法治政府建设的主要举措和成效”部分,应置于此处之前(${REG}第二十五条第(一)项要求报告该项内容)`);

    // Shortcomings missing: expected before the first-responsible heading that follows it.
    const noShortcomings = `某某区人民政府2022年法治政府建设年度报告
一、2022年推进法治政府建设的主要举措和成效
全年审查重大行政决策事项18件，公示行政执法信息3562条。
二、党政主要负责人履行推进法治建设第一责任人职责情况
区政府主要负责同志带头学法，全年主持召开常务会议专题学法4次。
三、2023年度推进法治政府建设的主要安排
2023年，区政府将持续深化法治政府建设示范创建。
某某区人民政府
2023年1月10日`;
    const more = runRule(RULE, noShortcomings);
    expect(flagged(noShortcomings, more)).toEqual(['二、党政主要负责人履行推进法治建设第一责任人职责情况']);
    expect(more[0]!.messageId).toBe('missing');
    expect(more[0]!.message).toBe(`缺少“存在的不足和原因”部分,应置于此处之前(${REG}第二十五条第(二)项要求报告该项内容)`);
  });

  it('reports 存在问题 without causes at its heading, and accepts 存在的问题 whose section names the causes', () => {
    const text = `某某区人民政府2022年法治政府建设年度报告
一、2022年推进法治政府建设的主要举措和成效
全年审查重大行政决策事项18件，办理行政复议案件126件。
二、存在问题
一是部分单位对法治政府建设重视不够；二是基层执法人员专业素质有待提高；三是行政应诉水平还需提升。
三、党政主要负责人履行推进法治建设第一责任人职责情况
区政府主要负责同志带头学法，全年主持召开常务会议专题学法4次。
四、2023年度推进法治政府建设的主要安排
2023年，区政府将持续深化法治政府建设示范创建。
某某区人民政府
2023年1月10日`;
    // The section lists problems only: 原因 appears neither in the heading nor in its text.
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['二、存在问题']);
    const d = diags[0]!;
    expect(d.messageId).toBe('noCauses');
    expect(d.severity).toBe('error');
    expect(d.message).toBe(`“存在问题”只写了问题,未分析原因(${REG}第二十五条第(二)项要求报告“存在的不足和原因”)`);

    // The same section with its causes in the text (not the heading) is complete.
    const withCauses = text
      .replace('二、存在问题', '二、存在的问题')
      .replace('三是行政应诉水平还需提升。', '三是行政应诉水平还需提升。产生这些问题的原因，主要是学法培训不够系统、执法保障投入不足。');
    expect(runRule(RULE, withCauses)).toEqual([]);
  });

  it('checks a report whose headings are only （一）…: plain 存在问题 and 下一步工作计划', () => {
    const text = `某某街道办事处2022年法治政府建设工作情况报告
2022年，我街道在区委、区政府的正确领导下，扎实推进法治政府建设。现将有关情况报告如下：
（一）2022年推进法治政府建设的主要举措和成效
1.强化组织领导。街道党工委、办事处召开专题会议研究法治建设工作6次。
2.推进依法决策。街道重大事项均经法律顾问审查。
（二）存在问题
部分社区干部法治意识不强，运用法律手段化解矛盾纠纷的能力不足。
（三）下一步工作计划
2023年，街道将继续深化基层依法治理，推进法治社区创建。
某某街道办事处
2023年1月5日`;
    // （二）存在问题 has no causes; nothing covers the first-responsible duty (no heading, no marked
    // paragraph, not in the title), expected before the plan heading （三）下一步工作计划.
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['（二）存在问题', '（三）下一步工作计划']);
    expect(diags.map((d) => d.messageId)).toEqual(['noCauses', 'missing']);
    expect(diags.map((d) => d.severity)).toEqual(['error', 'error']);
    expect(diags[1]!.message).toContain('党政主要负责人履行推进法治建设第一责任人职责情况');
  });

  it('accepts the first-responsible item as a clearly marked opening paragraph, but not as a plan item', () => {
    const body = `一、2022年法治政府建设主要举措和成效
全年审查重大行政决策事项18件，办理行政复议案件126件。
二、存在的不足和原因
基层执法力量仍然薄弱，主要原因是编制和经费保障不足。
三、2023年法治政府建设工作安排
2023年，区政府将着力抓好以下工作：一是加强法治统筹；二是落实党政主要负责人履行推进法治建设第一责任人职责；三是深化行政执法体制改革。
某某区人民政府
2023年1月10日`;
    const marked = `某某区人民政府2022年法治政府建设年度报告
2022年，区政府主要负责同志切实履行推进法治建设第一责任人职责，定期听取法治政府建设工作汇报，带头落实重大行政决策程序。
${body}`;
    expect(runRule(RULE, marked)).toEqual([]);

    // Without that paragraph only the plan's 二是落实…第一责任人职责 speaks of the duty: a plan for
    // next year is not a report on this one (the district seed's case).
    const unmarked = `某某区人民政府2022年法治政府建设年度报告
2022年，区政府坚持以习近平法治思想为指导，全面推进依法行政。
${body}`;
    const diags = runRule(RULE, unmarked);
    expect(flagged(unmarked, diags)).toEqual(['三、2023年法治政府建设工作安排']);
    expect(diags[0]!.messageId).toBe('missing');
  });

  it('accepts the first-responsible item named by the title, or by the opening sentence of an untitled report', () => {
    const headings = `一、主要举措和成效
街道全年开展法治宣传活动86场，化解矛盾纠纷213宗。
二、存在的问题和原因
部分社区法治阵地建设滞后，原因是经费投入不足。
三、下一步工作打算
2023年，街道将继续推进法治社区创建。
某某街道办事处
2023年1月5日`;
    const titled = `某某街道党政主要负责人履行推进法治建设第一责任人职责及法治政府建设情况报告
2022年，街道党工委、办事处认真贯彻落实上级关于法治建设的部署要求。
${headings}`;
    expect(runRule(RULE, titled)).toEqual([]);
    // The street seed has no title line: its 现将…汇报如下 sentence stands for one.
    const untitled = `2022年，某某街道坚持以习近平法治思想为指导，扎实推进依法行政。现将我街2022年度党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况汇报如下：
${headings}`;
    expect(runRule(RULE, untitled)).toEqual([]);
  });

  it('does not take a measures heading that says 重点工作 for the plan', () => {
    // 一、2022年法治政府建设重点工作推进情况 reports this year's key work (推进情况): it is the
    // measures part. It cannot also stand for next year's plan, which is still missing: expected at
    // the end of 三、党政主要负责人…, as in the report with the usual measures heading.
    const text = NO_PLAN.replace('一、2022年推进法治政府建设的主要举措和成效', '一、2022年法治政府建设重点工作推进情况');
    const end = text.indexOf('专题会议3次。') + '专题会议3次。'.length;
    const diags = runRule(RULE, text);
    expect(diags.map((d) => [d.messageId, d.range])).toEqual([['missing', { start: end, end }]]);
    expect(diags[0]!.message).toContain('下一年度推进法治政府建设的主要安排');
  });

  it('does not require an item listed in the skip option', () => {
    expect(runRule(RULE, NO_FIRST_RESPONSIBLE)).toHaveLength(1);
    expect(runRule(RULE, NO_FIRST_RESPONSIBLE, { skip: ['first-responsible'] })).toEqual([]);
    // Skipping one item leaves the others required.
    const noPlan = NO_FIRST_RESPONSIBLE.replace('三、2023年工作计划\n2023年，县政府将以创建法治政府建设示范县为目标，着力提升依法行政能力。\n', '');
    const diags = runRule(RULE, noPlan, { skip: ['first-responsible'] });
    expect(diags.map((d) => d.messageId)).toEqual(['missing']);
    expect(diags[0]!.message).toContain('下一年度推进法治政府建设的主要安排');
  });

  it('accepts unnumbered heading lines: 主要工作成效, plain 存在问题, 下一步工作计划', () => {
    // Some reports (and web copies that lost the numbering) set their parts as bare heading lines.
    // Each line names its item as plainly as a numbered heading would; the causes are given.
    const text = `某某镇人民政府2022年法治政府建设年度报告
2022年，镇政府坚持以习近平法治思想为指导，全面推进依法行政。
主要工作成效
全年审查重大事项决策12件，化解矛盾纠纷213宗。
存在问题
部分村居法治阵地建设滞后，主要原因是经费投入不足。
党政主要负责人履行推进法治建设第一责任人职责情况
镇党委书记、镇长带头学法，全年主持召开专题学法会议4次。
下一步工作计划
2023年，镇政府将继续深化基层依法治理。
某某镇人民政府
2023年1月8日`;
    expect(runRule(RULE, text)).toEqual([]);
  });

  it('finds what a careful reader finds in the seeds', () => {
    // District seed: 一、2020年度主要工作成效 / 二、存在的问题 / 三、2021年工作计划. 二 names no cause
    // anywhere in its section; nothing reports the first-responsible duty for 2020 (the only mention is
    // the plan's 二是落实党政主要负责人…职责, which is next year's plan).
    const district = seedText('district');
    const d = runRule(RULE, district);
    expect(flagged(district, d)).toEqual(['二、存在的问题', '三、2021年工作计划']);
    expect(d.map((x) => x.messageId)).toEqual(['noCauses', 'missing']);
    // Street seed: 一、本年度主要举措和成效 / 二、存在的问题和原因 / 三、2021年度…工作安排, and its opening
    // 现将我街2020年度党政主要负责人履行推进法治建设第一责任人职责…汇报如下 covers the duty.
    expect(runRule(RULE, seedText('street'))).toEqual([]);
  });
});

describe('required-sections: only the parts of the report stand for an item', () => {
  /** A district report on 2022 whose measures part has sub-headings; the plan part is appended by each test. */
  const PARTS = `某某区人民政府2022年法治政府建设年度报告
2022年，区政府坚持以习近平法治思想为指导，全面推进依法行政。现将有关情况报告如下：
一、2022年推进法治政府建设的主要举措和成效
（一）强化统筹谋划。
1.高位推动。区政府常务会议专题研究法治政府建设工作5次。
2.周密部署，印发全区年度依法行政工作要点和法治建设工作计划。全年分解任务86项。
（二）规范行政执法。全年公示行政执法信息2360条。
二、存在的不足和原因
基层执法力量仍然薄弱，主要原因是编制和经费保障不足。
三、党政主要负责人履行推进法治建设第一责任人职责情况
区政府主要负责同志带头学法，全年主持召开常务会议专题学法4次。
`;
  const SIGNED = '某某区人民政府\n2023年1月10日';

  it('does not take a measures sub-heading that names 工作要点 or 工作计划 for the plan', () => {
    // 2.周密部署，印发全区年度依法行政工作要点和法治建设工作计划 sits inside part 一: it reports this
    // year's work. No top-level part is the plan, no paragraph opens with 下一步/下一年度.
    const text = PARTS + SIGNED;
    const diags = runRule(RULE, text);
    expect(diags.map((d) => d.messageId)).toEqual(['missing']);
    expect(diags[0]!.severity).toBe('error');
    expect(diags[0]!.message).toContain('缺少“下一年度推进法治政府建设的主要安排”部分,应补在此处');
    // Expected at the end of the last part found (三), right after 专题学法4次。
    const end = text.indexOf('专题学法4次。') + '专题学法4次。'.length;
    expect(diags[0]!.range).toEqual({ start: end, end });
  });

  it('accepts the plan as a top-level part', () => {
    const text = `${PARTS}四、2023年工作安排\n2023年，区政府将持续深化法治政府建设示范创建。\n${SIGNED}`;
    expect(runRule(RULE, text)).toEqual([]);
  });

  it('gives the street seed without its part 三 (the 2021 plan) a missing-plan error', () => {
    // Removing 三、2021年度法治政府建设的工作安排 and its body up to the signature leaves the
    // measures sub-heading 3、周密部署,落实全年法治政府建设工作要点 inside part 一: it must not
    // stand for the plan. The place is the end of part 二, the last part found (zero length, just
    // before the signature's first line).
    const street = seedText('street');
    const cut = street.slice(0, street.indexOf('三、2021年度法治政府建设的工作安排')) + street.slice(street.indexOf('中共广州市白云区石门街工作委员会'));
    const sectionsFound = checkReport(cut).diagnostics.filter((d) => d.ruleId === RULE);
    expect(sectionsFound.map((d) => d.messageId)).toEqual(['missing']);
    expect(sectionsFound[0]!.severity).toBe('error');
    expect(sectionsFound[0]!.message).toContain('下一年度推进法治政府建设的主要安排');
    const end = cut.indexOf('\n中共广州市白云区石门街工作委员会');
    expect(cut[end - 1]).toBe('。');
    expect(sectionsFound[0]!.range).toEqual({ start: end, end });
    // The whole seed has the part, and no finding.
    expect(runRule(RULE, street)).toEqual([]);
  });

  it('accepts the first-responsible duty as a sub-heading of the measures that names it plainly', () => {
    // Many real reports put （一）党政主要负责人履行推进法治建设第一责任人职责 inside the measures: it
    // is as clearly marked as a paragraph opening with 第一责任人职责, which the profile allows.
    const text = `某某街道办事处2022年法治政府建设年度报告
一、2022年推进法治政府建设的主要举措和成效
（一）党政主要负责人履行推进法治建设第一责任人职责
街道党工委书记带头学法，全年主持召开专题学法会议6次。
（二）深化基层依法治理
全年化解矛盾纠纷213宗。
二、存在的不足和原因
社区法治阵地建设滞后，原因是经费投入不足。
三、2023年工作计划
2023年，街道将继续推进法治社区创建。
某某街道办事处
2023年1月5日`;
    expect(runRule(RULE, text)).toEqual([]);
    // A sub-heading that only mentions the leaders' work without the duty's name is not enough.
    const vague = text.replace('（一）党政主要负责人履行推进法治建设第一责任人职责', '（一）坚持主要负责人履行带头作用');
    expect(runRule(RULE, vague).map((d) => d.messageId)).toEqual(['missing']);
  });

  it('accepts a plan sub-heading inside a part that joins the problems and next steps', () => {
    // 二、存在的问题和下一步打算 is taken by the shortcomings; its （二）下一步工作打算 names the plan
    // as plainly as a 下一步 paragraph would.
    const text = `某某镇人民政府2022年法治政府建设年度报告
一、2022年推进法治政府建设的主要举措和成效
全年审查重大事项决策12件，化解矛盾纠纷213宗。
二、党政主要负责人履行推进法治建设第一责任人职责情况
镇党委书记、镇长带头学法，全年主持召开专题学法会议4次。
三、存在的问题和下一步打算
（一）存在的问题
村居法治阵地建设滞后，主要原因是经费投入不足。
（二）下一步工作打算
2023年，镇政府将继续深化基层依法治理。
某某镇人民政府
2023年1月8日`;
    expect(runRule(RULE, text)).toEqual([]);
  });

  it('reads unnumbered part lines whose numbering starts again under each', () => {
    // 主要工作成效 / 一、二、 / 存在问题和原因 / 一、 / 2023年工作计划 / 一、: the bare lines are the parts,
    // each followed by its own 一、. 2023年工作计划 names the plan by a heading phrase only.
    const text = `某某镇人民政府2022年法治政府建设年度报告
主要工作成效
一、健全依法决策机制。全年审查重大事项决策12件。
二、党政主要负责人履行推进法治建设第一责任人职责。镇长带头学法4次。
存在问题和原因
一、村居法治阵地建设滞后，主要原因是经费投入不足。
2023年工作计划
一、深化基层依法治理。推进法治村居创建。
某某镇人民政府
2023年1月8日`;
    expect(runRule(RULE, text)).toEqual([]);
    // The same plan line in the middle of a numbered part that carries on (二、 follows it) is a
    // line inside that part, not a part.
    const nested = `某某镇人民政府2022年法治政府建设年度报告
一、2022年主要工作成效
全年审查重大事项决策12件。
2022年工作计划
镇党委书记带头履行推进法治建设第一责任人职责，全年专题学法4次。
二、存在问题和原因
村居法治阵地建设滞后，主要原因是经费投入不足。
某某镇人民政府
2023年1月8日`;
    expect(runRule(RULE, nested).map((d) => d.messageId)).toEqual(['missing']);
  });
});
