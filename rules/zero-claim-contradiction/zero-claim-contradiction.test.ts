import { describe, expect, it } from 'vitest';
import { flagged, runRule } from '../../test/rule-harness.js';
import { seedText } from '../../test/helpers.js';

const RULE = 'zero-claim-contradiction';

describe('zero-claim-contradiction', () => {
  it('reports the street seed: 行政诉讼数量为0 against 8件一审案件败诉 and the 2019 appeals', () => {
    const text = seedText('street');
    const diags = runRule(RULE, text);
    expect(diags).toHaveLength(1);
    const d = diags[0]!;
    // The 0 of 我街行政复议数量、被依法纠错数、行政诉讼数量均为0.
    expect(flagged(text, diags)).toEqual(['0']);
    expect(text.slice(d.range.start - 2, d.range.end)).toBe('均为0');
    expect(d.messageId).toBe('contradicted');
    expect(d.severity).toBe('error');
    expect(d.evidence.expected).toBe('行政诉讼数量 = 0');
    // Read from the seed's last paragraph of (八): 8件一审案件败诉, 1件2019年度二审案件败诉,
    // 2件2019年度二审案件因撤诉而结案, 1件2019年度二审案件尚未出正式结果.
    expect(d.evidence.computed).toBe('8件, 1件, 2件, 1件');
    expect(d.message).toBe('称行政诉讼数量为0,但另有8件、1件、2件、1件');
  });

  it('reports one zero subject of a list and leaves the others', () => {
    const text = '我街行政复议数量、被依法纠错数、行政诉讼数量均为0。\n2020年度截至目前我街有8件一审案件败诉,均按规定办理上诉中。';
    const diags = runRule(RULE, text);
    expect(diags).toHaveLength(1);
    expect(flagged(text, diags)).toEqual(['0']);
    expect(diags[0]!.evidence.computed).toBe('8件');
    expect(diags[0]!.related.map((r) => text.slice(r.range.start, r.range.end))).toEqual(['8件']);
  });

  it('reports a lexicon metric counted under another term (行政复议数量 / 行政复议申请)', () => {
    const text = '我街行政复议数量为0。\n全年共收到行政复议申请3件,均已审结。';
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['0']);
    expect(diags[0]!.evidence.computed).toBe('3件');
  });

  it('compares a subject outside the lexicon by its words', () => {
    const text = '我街违法用地案件为0。\n全年查处违法用地案件5宗。';
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['0']);
    expect(diags[0]!.evidence.computed).toBe('5宗');
    expect(diags[0]!.evidence.note).toBe('not in the lexicon: compared by its words');
  });

  it('accepts 零发生 and 无一例 when nothing of the kind is counted', () => {
    // Inspections (1549家) are not accidents; 681人 received are not confirmed cases.
    const text = '全街出租屋消防整治全达标,安全事故零发生。累计检查企业1549家。\n辖内无一例确诊病例;累计接收入境旅客24批次681人。';
    expect(runRule(RULE, text)).toEqual([]);
  });

  it('does not read 为0.5% as a zero claim', () => {
    expect(runRule(RULE, '行政诉讼案件败诉率为0.5%。\n全年办理行政诉讼案件12件。')).toEqual([]);
  });

  it('does not set zero losses (败诉为零) against the number of cases', () => {
    // Zero cases lost is not zero cases: 45 cases with none lost is consistent.
    expect(runRule(RULE, '我区共发生行政应诉案件45件,行政诉讼败诉案件为零。')).toEqual([]);
  });

  it('does not set zero confirmed cases against their close contacts', () => {
    // 36 close contacts of confirmed cases elsewhere are not confirmed cases in the area.
    expect(runRule(RULE, '辖内无一例确诊病例。\n累计排查确诊病例密切接触者36人。')).toEqual([]);
  });

  it('speaks English with locale en', () => {
    const text = '我街行政复议数量、被依法纠错数、行政诉讼数量均为0。\n2020年度截至目前我街有8件一审案件败诉,均按规定办理上诉中。';
    const diags = runRule(RULE, text, undefined, 'en');
    expect(diags[0]!.message).toBe('行政诉讼数量 is stated as zero, but elsewhere the report counts 8件');
  });
});
