import { describe, expect, it } from 'vitest';
import { flagged, runRule } from '../../test/rule-harness.js';
import { seedText } from '../../test/helpers.js';

const RULE = 'list-count-matches';

describe('list-count-matches', () => {
  it('finds nothing in the street seed (6, 2 and 3 titled trainings)', () => {
    // 安全生产监察中队: 6 titles …等专题培训6次; 综合行政执法队: 2 titles …等专题培训2次;
    // 综合治理办公室: 3 titles (one with “白云讲坛” and <民法典> inside) …等专题培训3次.
    expect(runRule(RULE, seedText('street'))).toEqual([]);
  });

  it('does not count laws as events: 《宪法》、《民法典》、《反家庭暴力法》等法律法规宣传活动2场', () => {
    // The laws are the topics of two events; the list names topics, not events.
    expect(runRule(RULE, '开展《宪法》、《民法典》、《反家庭暴力法》等法律法规宣传活动2场。')).toEqual([]);
    expect(runRule(RULE, '司法所组织对我街法治队伍开展《宪法》、《民法典》、《社区矫正法》专题培训2次。')).toEqual([]);
  });

  it('reports more titles than the count as an error', () => {
    const text = '司法所组织对我街法治队伍开展《依法行政能力提升培训》、《执法人员岗前培训》、《社区矫正业务培训》专题培训2次。';
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['2次']);
    const d = diags[0]!;
    expect(d.messageId).toBe('tooMany');
    expect(d.severity).toBe('error');
    // 《依法行政能力提升培训》, 《执法人员岗前培训》, 《社区矫正业务培训》: 3 items > 2.
    expect(d.evidence.computed).toBe('3 items listed');
    expect(d.evidence.expected).toBe('2次');
    expect(d.message).toBe('列举了3项,但写明2次');
  });

  it('points the related locations at the listed items alone', () => {
    const text = '司法所组织对我街法治队伍开展《依法行政能力提升培训》、《执法人员岗前培训》、《社区矫正业务培训》专题培训2次。';
    const d = runRule(RULE, text)[0]!;
    // The first item is 《依法行政能力提升培训》, not the clause before it (司法所组织对我街法治队伍开展).
    expect(d.related.map((r) => r.message)).toEqual(['1: 《依法行政能力提升培训》', '2: 《执法人员岗前培训》', '3: 《社区矫正业务培训》']);
  });

  it('reports too many even when the list ends in 等', () => {
    // The seed's 综合治理办公室 list of three titles with the count changed from 3 to 2.
    const text = '综合治理办公室组织对我街法治队伍开展《收视收听市行政复议行政应诉案例点评培训会议》、《第二期“白云讲坛”暨领导干部学习<民法典>专题法治培训会》、《收视收听2020年白云区“百名法学家百场报告会”暨第二期领导干部学习<民法典>专题法治培训会议》等专题培训2次。';
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['2次']);
    // Three titles (、 inside 《…》 and “…” does not split): 3 > 2.
    expect(diags[0]!.evidence.computed).toBe('3 items listed');
  });

  it('lets an open list (等) name fewer items than its count', () => {
    // 2 titles named, 5 sessions: 等 says there were others.
    expect(runRule(RULE, '司法所组织开展《宪法》、《民法典》等专题培训5次。')).toEqual([]);
  });

  it('reports fewer items without 等 only with reportFewer, and then as info', () => {
    const text = '司法所组织开展《依法行政能力提升培训》、《执法人员岗前培训》专题培训3次。';
    expect(runRule(RULE, text)).toEqual([]);
    const diags = runRule(RULE, text, { reportFewer: true });
    expect(flagged(text, diags)).toEqual(['3次']);
    expect(diags[0]!.messageId).toBe('fewer');
    expect(diags[0]!.severity).toBe('info');
    // 2 titles for 3 sessions.
    expect(diags[0]!.evidence.computed).toBe('2 items listed');
    expect(diags[0]!.message).toBe('列举了2项,少于所写的3次,且未写“等”');
  });

  it('counts plain items when the count follows 等 directly', () => {
    const text = '深入开展进社区、进企业、进学校、进农村等3项普法活动。';
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['3项']);
    // 进社区, 进企业, 进学校, 进农村: 4 > 3.
    expect(diags[0]!.evidence.computed).toBe('4 items listed');
    expect(runRule(RULE, '深入开展进社区、进企业、进学校、进农村等4项普法活动。')).toEqual([]);
  });

  it('leaves plain words alone when the count does not follow 等', () => {
    // Without titles or 等+count the items may not be what is counted.
    expect(runRule(RULE, '在机关单位、社区、企业、学校开展法治宣传活动2场。')).toEqual([]);
  });

  it('reads 各1次 as one session for each item', () => {
    // 各 = each: three titles, one lecture each, is three lectures and no contradiction.
    expect(runRule(RULE, '司法所组织开展《宪法》、《民法典》、《社区矫正法》专题讲座各1次。')).toEqual([]);
  });

  it('finds nothing in the district seed (三级, 三大, “三位一体”, “二合一” all fit their lists)', () => {
    // 区、镇(街)、村(居)三级: 3; 疾病预防控制、医疗救治、卫生监督三大: 3; 内设法制机构+公职岗位律师+外聘法律顾问“三位一体”: 3.
    expect(runRule(RULE, seedText('district'))).toEqual([]);
  });

  it('reports names before a count of kinds that outnumber it (A、B、C、D三大体系)', () => {
    const text = '全面推进矛盾调解、法律援助、社区矫正、人民调解三大体系建设。';
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['三大']);
    expect(diags[0]!.messageId).toBe('tooMany');
    // 矛盾调解, 法律援助, 社区矫正, 人民调解: 4 > 3.
    expect(diags[0]!.message).toBe('列举了4项,但写明三大');
    expect(runRule(RULE, '全面推进矛盾调解、法律援助、社区矫正三大体系建设。')).toEqual([]);
  });

  it('reports a bracketed list shorter than its set phrase as tooFew', () => {
    const text = '全面落实“三项机制”(首问负责机制、限时办结机制)。';
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['三项机制']);
    expect(diags[0]!.messageId).toBe('tooFew');
    // 首问负责机制, 限时办结机制: 2 < 3.
    expect(diags[0]!.message).toBe('列举了2项,少于所写的三项机制');
    expect(runRule(RULE, '全面落实“三项机制”(首问负责机制、限时办结机制、责任追究机制)。')).toEqual([]);
  });

  it('counts a compound set phrase by the sum of its numerals and never reports it', () => {
    // 三室一厅 = 3 + 1 = 4 rooms; a mismatch is left unverified.
    expect(runRule(RULE, '建成“三室一厅”(调解室、阅览室、档案室、服务大厅)。')).toEqual([]);
    expect(runRule(RULE, '建成“三室一厅”(调解室、阅览室、服务大厅)。')).toEqual([]);
  });

  it('reports a rank with fewer ranked items, never more (a tie)', () => {
    const text = '受理量位居前三的街道为东湖街、西湖街;受理量最少的为北湖街。';
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['前三']);
    expect(diags[0]!.messageId).toBe('tooFew');
    expect(runRule(RULE, '受理量位居前三的街道为东湖街、西湖街、南湖街;受理量最少的为北湖街。')).toEqual([]);
    expect(runRule(RULE, '受理量位居前三的街道为东湖街、西湖街、南湖街、北湖街。其余街道较少。')).toEqual([]);
  });

  it('reads ranked entries cut at ; and one per line without a finding when they fit', () => {
    expect(runRule(RULE, '来件量前5位的是:城建类905件;交通类611件;环保类402件;教育类233件;医疗类120件。')).toEqual([]);
    expect(runRule(RULE, '来件量前三位的分别是:\n城建类905件,主要涉及物业。\n交通类611件,主要涉及公交。\n环保类402件,主要涉及噪音。')).toEqual([]);
  });

  it('lets 等 before a Chinese-numeral count name fewer items, never more', () => {
    expect(runRule(RULE, '开展《甲法》、《乙条例》等六大专题学习活动。')).toEqual([]);
    const text = '开展送法进校园、进社区、进企业、进农村等三大普法行动。';
    expect(flagged(text, runRule(RULE, text))).toEqual(['三大']);
  });

  it('does not report one title held several times (《A》专题培训3次)', () => {
    expect(runRule(RULE, '司法所开展《人民调解法》专题讲座4次、举办《行政复议法》专题培训2次。')).toEqual([]);
    expect(runRule(RULE, '司法所开展《人民调解法》专题讲座4次。', { reportFewer: true })).toEqual([]);
  });

  it('reports a count of kinds after a colon whose closed list of names is longer', () => {
    const text = '4个示范社区分别是:东风社区、红旗社区、朝阳社区、向阳社区、光明社区。另有2个社区在创建中。';
    expect(flagged(text, runRule(RULE, text))).toEqual(['4个']);
    // Fewer names may go on in the next sentence: not reported.
    expect(runRule(RULE, '4个示范社区分别是:东风社区、红旗社区、朝阳社区。另有2个社区在创建中。')).toEqual([]);
    expect(runRule(RULE, '三个类型的占比是:投诉类50件,占50%;咨询类30件,占30%;求助类20件,占20%。')).toEqual([]);
  });

  it('does not report 和 joining words of one item, nor a list whose 、 joins bigger things', () => {
    expect(runRule(RULE, '防汛抗旱和森林防火“两个指挥部”统筹调度。')).toEqual([]);
    expect(runRule(RULE, '围绕营商环境持续优化、农村公路和城镇供水两个民生项目有序推进开展督查。')).toEqual([]);
  });

  it('speaks English with locale en', () => {
    const text = '司法所组织对我街法治队伍开展《依法行政能力提升培训》、《执法人员岗前培训》、《社区矫正业务培训》专题培训2次。';
    const diags = runRule(RULE, text, undefined, 'en');
    expect(diags[0]!.message).toBe('3 items are listed but the count is 2次');
  });
});
