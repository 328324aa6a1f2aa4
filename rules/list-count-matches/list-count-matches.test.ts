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

  it('speaks English with locale en', () => {
    const text = '司法所组织对我街法治队伍开展《依法行政能力提升培训》、《执法人员岗前培训》、《社区矫正业务培训》专题培训2次。';
    const diags = runRule(RULE, text, undefined, 'en');
    expect(diags[0]!.message).toBe('3 items are listed but the count is 2次');
  });
});
