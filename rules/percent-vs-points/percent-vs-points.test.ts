import { describe, expect, it } from 'vitest';
import { flagged, runRule } from '../../test/rule-harness.js';
import { seedText } from '../../test/helpers.js';

const RULE = 'percent-vs-points';

describe('percent-vs-points', () => {
  it('finds nothing in the seeds, which write 个百分点 where it is due', () => {
    // Street: 降幅较上月收窄0.94个百分点. District: 警情同比下降23.5%,降幅高于全市平均水平3.5个百分点
    // (警情 is a count, so its 23.5% fall is relative).
    expect(runRule(RULE, seedText('street'))).toEqual([]);
    expect(runRule(RULE, seedText('district'))).toEqual([]);
  });

  it('reports a change equal to the difference of two stated rates (confirmed, warning)', () => {
    const text = '全区行政机关负责人出庭应诉率由95%提高到97.04%,提高2.04%。';
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['2.04%']);
    const d = diags[0]!;
    expect(d.messageId).toBe('confirmed');
    expect(d.severity).toBe('warning');
    // 97.04 − 95 = 2.04: the change is in percentage points.
    expect(d.evidence.expected).toBe('2.04个百分点');
    expect(d.suggestion?.replacement).toBe('2.04个百分点');
    expect(d.related.map((r) => text.slice(r.range.start, r.range.end))).toEqual(['95%', '97.04%']);
    expect(d.message).toBe('两个比率之差为2.04%,应写作“2.04个百分点”');
  });

  it('shows the difference of the two stated rates in the evidence', () => {
    const text = '群众满意率由90.5%提高到92.6%,提高2.1%。';
    const d = runRule(RULE, text)[0]!;
    expect(d.messageId).toBe('confirmed');
    // 92.6 − 90.5 = 2.1 (as intervals [92.55, 92.65] − [90.45, 90.55] = [2.0, 2.2]).
    // The stated change’s own interval [2.05, 2.15] is not 92.6% − 90.5%.
    expect(['92.6% − 90.5% = 2.1', '92.6% − 90.5% = [2, 2.2]']).toContain(d.evidence.computed);
  });

  it('confirms a fall as well as a rise', () => {
    const text = '全区行政应诉案件败诉率由12.5%下降到10.3%,下降2.2%。';
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['2.2%']);
    expect(diags[0]!.messageId).toBe('confirmed');
    // 12.5 − 10.3 = 2.2; as intervals [12.45, 12.55] − [10.25, 10.35] = [2.1, 2.3] meets 2.2 → [2.15, 2.25].
    expect(diags[0]!.evidence.expected).toBe('2.2个百分点');
  });

  it('gives a hint (info) when only the change is stated', () => {
    const text = '全区行政机关负责人出庭应诉率同比提高2.04%。';
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['2.04%']);
    expect(diags[0]!.messageId).toBe('likely');
    expect(diags[0]!.severity).toBe('info');
    expect(diags[0]!.evidence.expected).toBe('2.04个百分点');
    expect(diags[0]!.message).toBe('比率的变化通常以“个百分点”表述:2.04%可能应为“2.04个百分点”');
  });

  it('leaves 个百分点 and growth of amounts alone', () => {
    expect(runRule(RULE, '全区行政机关负责人出庭应诉率由95%提高到97.04%,提高2.04个百分点。')).toEqual([]);
    expect(runRule(RULE, '本年度律所营业额超1.6亿元,同比增长超33.7%。')).toEqual([]);
  });

  it('does not take a rate named earlier in the clause for the subject of a later change', () => {
    // 12% is the growth of 回收量 (an amount), not of 覆盖率.
    expect(runRule(RULE, '生活垃圾分类覆盖率达到95%,再生资源回收量同比增长12%。')).toEqual([]);
  });

  it('speaks English with locale en', () => {
    const text = '全区行政机关负责人出庭应诉率由95%提高到97.04%,提高2.04%。';
    const diags = runRule(RULE, text, undefined, 'en');
    expect(diags[0]!.message).toBe('The two rates differ by 2.04%: write 2.04个百分点');
    expect(diags[0]!.suggestion?.message).toBe('write 2.04个百分点');
  });
});

describe('percent-vs-points on changes written in 个百分点', () => {
  it('checks the change against the two stated rates', () => {
    // 95.1 − 92.3 = 2.8: 2.8个百分点 holds; 3.8个百分点 does not.
    expect(runRule('percent-vs-points', '行政机关负责人出庭应诉率由92.3%提升至95.1%,提高2.8个百分点。')).toEqual([]);
    const text = '行政机关负责人出庭应诉率由92.3%提升至95.1%,提高3.8个百分点。';
    const diags = runRule('percent-vs-points', text);
    expect(flagged(text, diags)).toEqual(['3.8个百分点']);
    expect(diags[0]!.messageId).toBe('wrongDifference');
    expect(diags[0]!.message).toBe('变化3.8个百分点与两个比率之差不符:95.1% − 92.3% = 2.8个百分点');
  });

  it('leaves a 个百分点 change alone when the rates are not both stated', () => {
    // The street seed: 同比下降2.7 %,降幅较上月收窄0.94个百分点 — one rate only.
    expect(runRule('percent-vs-points', '规模以上工业总产值同比下降2.7 %,降幅较上月收窄0.94个百分点。')).toEqual([]);
  });
});
