import { describe, expect, it } from 'vitest';
import { flagged, runRule } from '../../test/rule-harness.js';
import { seedText } from '../../test/helpers.js';

const RULE = 'growth-rate-feasible';

describe('growth-rate-feasible', () => {
  it('finds nothing in the district seed (律师事务所61家 +15%, 执业社会律师474人 +15.6%)', () => {
    // 61 / 53 = 1.15094 → +15.09%, inside 15% → [14.5, 15.5].
    // 474 / 410 = 1.15610 → +15.61%, inside 15.6% → [15.55, 15.65].
    expect(runRule(RULE, seedText('district'))).toEqual([]);
  });

  it('finds nothing in the street seed (growth of amounts and of other subjects)', () => {
    // 4791万元 +23.93% is an amount; 案件类警情同比下降27.79% names its own subject.
    expect(runRule(RULE, seedText('street'))).toEqual([]);
  });

  it('reports a rise no whole-number prior can produce', () => {
    const text = '截至2020年底,全区共有律师事务所10家,同比增长15%。';
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['15%']);
    const d = diags[0]!;
    expect(d.messageId).toBe('infeasible');
    expect(d.severity).toBe('warning');
    // prior = 10 / (1 + r), r ∈ [14.5%, 15.5%]: 10/1.155 = 8.658, 10/1.145 = 8.734 → no integer.
    // The nearest prior 10/1.15 = 8.70 → 9 gives 10/9 − 1 = 11.11%.
    expect(d.evidence.expression).toBe('10 / (1 + 15%)');
    expect(d.evidence.computed).toBe('no whole-number prior in [8.66, 8.73]');
    expect(d.evidence.expected).toBe('prior 9 gives 11.11%');
    expect(d.related.map((r) => text.slice(r.range.start, r.range.end))).toEqual(['10家']);
  });

  it('reports a fall no whole-number prior can produce', () => {
    const text = '全年共收到行政复议申请7件,同比下降15%。';
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['15%']);
    // prior = 7 / (1 − r), r ∈ [14.5%, 15.5%]: 7/0.855 = 8.187, 7/0.845 = 8.284 → no integer.
    // Nearest prior 7/0.85 = 8.24 → 8 gives (8 − 7)/8 = 12.5%.
    expect(diags[0]!.evidence.computed).toBe('no whole-number prior in [8.19, 8.28]');
    expect(diags[0]!.evidence.expected).toBe('prior 8 gives 12.5%');
    expect(diags[0]!.message).toContain('7件同比下降15%');
  });

  it('uses the shown precision of the rate', () => {
    // 12 / 11 = 1.0909: +9.1% (→ [9.05, 9.15]) fits, +8.3% (→ [8.25, 8.35]) does not:
    // 12/1.0835 = 11.075, 12/1.0825 = 11.085.
    expect(runRule(RULE, '全区执业律师12人,同比增长9.1%。')).toEqual([]);
    const text = '全区执业律师12人,同比增长8.3%。';
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['8.3%']);
    expect(diags[0]!.evidence.computed).toBe('no whole-number prior in [11.08, 11.09]');
  });

  it('skips amounts, approximate counts and open-ended rates', () => {
    // 元 amounts are not whole counts.
    expect(runRule(RULE, '本年度律所营业额1.6亿元,同比增长15%。')).toEqual([]);
    // 约5万 → [40000, 60000]: many whole priors fit.
    expect(runRule(RULE, '服务来穗人员约5万人次,同比增长15%。')).toEqual([]);
    // 超8.3% has no upper end.
    expect(runRule(RULE, '全区执业律师12人,同比增长超8.3%。')).toEqual([]);
  });

  it('does not take a count of another subject for the growing figure', () => {
    // 37间 places sealed; the fall is of 案件类警情.
    expect(runRule(RULE, '开展集中联合排查整治221场,查封重点场所37间,案件类警情同比下降27.79%。')).toEqual([]);
  });

  it('writes the zh message in Chinese only', () => {
    const text = '截至2020年底,全区共有律师事务所10家,同比增长15%。';
    const d = runRule(RULE, text)[0]!;
    expect(d.message.startsWith('10家同比增长15%:没有整数的上年值能得出这一增幅')).toBe(true);
    // The computed part is interpolated from English evidence (“no whole-number prior in …”).
    expect(d.message).not.toMatch(/[A-Za-z]{3,}/);
  });

  it('speaks English with locale en', () => {
    const text = '截至2020年底,全区共有律师事务所10家,同比增长15%。';
    const diags = runRule(RULE, text, undefined, 'en');
    expect(diags[0]!.message).toBe('10家 with a rise of 15%: no whole-number prior value gives this rate (it would lie between 8.658 and 8.7336)');
  });
});

describe('growth-rate-feasible with the prior value stated', () => {
  it('checks 由上年的53家增至61家 against the stated rate', () => {
    // (61 − 53) / 53 = 15.0943…% → 15.1% fits [15.05, 15.15]: holds.
    expect(runRule('growth-rate-feasible', '全区律师事务所由上年的53家增至61家,增长15.1%。')).toEqual([]);
    // 20% is [19.5, 20.5]: 15.09% is far from it.
    const text = '全区律师事务所由上年的53家增至61家,增长20%。';
    const diags = runRule('growth-rate-feasible', text);
    expect(flagged(text, diags)).toEqual(['20%']);
    expect(diags[0]!.messageId).toBe('statedMismatch');
    expect(diags[0]!.evidence.expression).toBe('(61 − 53) / 53 = 15.09%');
    expect(diags[0]!.message).toBe('由53家到61家的变化为15.09%,与所写20%不符');
  });

  it('checks a fall from a stated prior: 从40起下降到30起,下降25%', () => {
    // (40 − 30) / 40 = 25%: holds; 20% would not.
    expect(runRule('growth-rate-feasible', '火灾事故从40起下降到30起,下降25%。')).toEqual([]);
    expect(runRule('growth-rate-feasible', '火灾事故从40起下降到30起,下降20%。')).toHaveLength(1);
  });
});
