import { describe, expect, it } from 'vitest';
import { flagged, runRule } from '../../test/rule-harness.js';
import { seedText } from '../../test/helpers.js';

const RULE = 'rate-within-bounds';

describe('rate-within-bounds', () => {
  it('finds nothing in the street seed: 上报率129.49% is against a quota', () => {
    // The seed states 网格事件上报率129.49% twice; 上报率 is not bounded by 100%.
    expect(runRule(RULE, seedText('street'))).toEqual([]);
  });

  it('reports a satisfaction rate above 100% as an error', () => {
    const text = '开展“好差评”工作,群众满意率达103%。';
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['达103%']);
    const d = diags[0]!;
    expect(d.messageId).toBe('over');
    expect(d.severity).toBe('error');
    // 103% shown to whole percent stands for [102.5, 103.5]: even its low end passes 100.
    expect(d.evidence.computed).toBe('102.5%');
    expect(d.evidence.expected).toBe('≤ 100%');
    expect(d.message).toBe('满意率达103%超过100%:其分子是分母的一部分,不可能超过100%');
  });

  it('reports 办结率 above 100% even when no count is in reach', () => {
    const text = '全年办结信访件130件,受理信访件120件,办结率108.3%。';
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['108.3%']);
    // 108.3% → [108.25, 108.35].
    expect(diags[0]!.evidence.computed).toBe('108.25%');
  });

  it('does not report 100% or a rate that may round down to 100%', () => {
    // 100.0% → [99.95, 100.05] includes 100.
    expect(runRule(RULE, '办结率100%,按时办结率100.0%。')).toEqual([]);
  });

  it('reports 100.4%: its interval [100.35, 100.45] lies above 100', () => {
    const text = '办结率100.0%,满意率100.4%。';
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['100.4%']);
    expect(diags[0]!.evidence.computed).toBe('100.35%');
  });

  it('lets quota rates pass 100% (上报率, 完成率 of a plan)', () => {
    expect(runRule(RULE, '网格事件上报率129.49%,年度计划完成率112%。')).toEqual([]);
  });

  it('treats the names in the bounded option as bounded', () => {
    const text = '截至目前,共上报网格事件22506宗,办结22506宗,网格事件上报率129.49%,办结率100%。';
    const diags = runRule(RULE, text, { bounded: ['上报率'] });
    expect(flagged(text, diags)).toEqual(['129.49%']);
    // 129.49% → [129.485, 129.495].
    expect(diags[0]!.evidence.computed).toBe('129.485%');
  });

  it('bounds a share (占X%) and a named rate ending in 率 from the lexicon (分类率)', () => {
    const share = '共受理信访件40件,其中涉法涉诉类占105%。';
    expect(flagged(share, runRule(RULE, share))).toEqual(['105%']);
    const sorting = '10月餐厨垃圾分类率达126.46%,排名稳居镇街前列。';
    const diags = runRule(RULE, sorting);
    expect(flagged(sorting, diags)).toEqual(['达126.46%']);
    // 126.46% → [126.455, 126.465].
    expect(diags[0]!.evidence.computed).toBe('126.455%');
  });

  it('speaks English with locale en', () => {
    const text = '开展“好差评”工作,群众满意率达103%。';
    const diags = runRule(RULE, text, undefined, 'en');
    expect(diags[0]!.message).toBe('满意率 达103% exceeds 100%: its numerator is part of its base');
  });
});
