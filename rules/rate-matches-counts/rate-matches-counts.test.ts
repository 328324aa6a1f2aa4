import { describe, expect, it } from 'vitest';
import { flagged, runRule } from '../../test/rule-harness.js';
import { seedText } from '../../test/helpers.js';

const RULE = 'rate-matches-counts';

describe('rate-matches-counts', () => {
  it('reports the truncated 96.6% of the street seed at warning, with the rounded value', () => {
    const text = seedText('street');
    const diags = runRule(RULE, text).filter((d) => text.slice(d.range.start, d.range.end) === '96.6%');
    expect(diags).toHaveLength(1);
    const d = diags[0]!;
    expect(d.messageId).toBe('truncated');
    expect(d.severity).toBe('warning');
    // 116 / 120 = 0.966666… → 96.6667% at 4 places; rounded to the 1 decimal shown: 96.7%.
    // Cut off (truncated) at 1 decimal it is 96.6%, as written.
    expect(d.evidence.expression).toBe('116/120 = 96.6667%');
    expect(d.evidence.expected).toBe('96.7%');
    expect(d.evidence.base).toBe('116批 / 120批');
    expect(d.suggestion?.replacement).toBe('96.7%');
    expect(d.message).toBe('办结率96.6%系截断所得:116/120 = 96.6667%,按四舍五入应为96.7%');
  });

  it('accepts 35/42 = 83.3% (信访 交办案)', () => {
    // 35 / 42 = 0.83333… = 83.33%, inside 83.3% → [83.25, 83.35].
    expect(runRule(RULE, '截至目前我街共接收上级交办案42批,共60人次,已结案35批,办结率83.3%。')).toEqual([]);
  });

  it('reports a rate below what its counts give as an error', () => {
    const text = '截至目前我街共接收上级交办案42批,共60人次,已结案35批,办结率81.3%。';
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['81.3%']);
    const d = diags[0]!;
    expect(d.messageId).toBe('mismatch');
    expect(d.severity).toBe('error');
    // 35 / 42 = 83.3333…% → 83.3% at one decimal; 60人次 is another unit, not a base.
    expect(d.evidence.computed).toBe('83.3333%');
    expect(d.evidence.expected).toBe('83.3%');
    expect(d.evidence.base).toBe('35批 / 42批');
    expect(d.message).toBe('办结率81.3%与数据不符:35/42 = 83.3333%,应为83.3%');
  });

  it('reports a rate above what the total received gives as a warning: its base may be the items due', () => {
    const text = '截至目前我街共接收上级交办案42批,共60人次,已结案35批,办结率85.3%。';
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['85.3%']);
    expect(diags[0]!.messageId).toBe('overstated');
    expect(diags[0]!.severity).toBe('warning');
    // 35 / 42 = 83.3333…%: 85.3% is higher, which items not yet due (应办结 < 42) could explain.
    expect(diags[0]!.message).toBe('办结率85.3%高于按总数计算的结果:35/42 = 83.3333%;若以应办结数为基数,应写明该数');
  });

  it('reports truncation at warning even when the rule is set to error, and not at all with reportTruncation: false', () => {
    const text = '本级接待来访群众共120批,共274人次,目前已结案116批,在办案件4批,办结率96.6%。';
    const diags = runRule(RULE, text, { reportTruncation: true });
    expect(flagged(text, diags)).toEqual(['96.6%']);
    expect(diags[0]!.severity).toBe('warning');
    expect(diags[0]!.messageId).toBe('truncated');
    expect(runRule(RULE, text, { reportTruncation: false })).toEqual([]);
  });

  it('finds the base in the sentence before', () => {
    // 35 / 42 = 83.33% → 83.3%: holds with 受理信访件42件 in the previous sentence.
    expect(runRule(RULE, '截至目前共受理信访件42件。已办结35件,办结率83.3%。')).toEqual([]);
    const text = '截至目前共受理信访件42件。已办结35件,办结率85.3%。';
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['85.3%']);
    expect(diags[0]!.evidence.base).toBe('35件 / 42件');
  });

  it('tries every plausible base: 办结率 = 办结 / 应办结', () => {
    // DOMAIN.md: 办结率 = 办结 / 应办结 (often, not always, the total received).
    // 35 / 50 = 70% does not fit, but 35 / 42 = 83.33% → 83.3% does: no finding.
    expect(runRule(RULE, '截至目前共受理信访件50件,应办结42件,已办结35件,办结率83.3%。')).toEqual([]);
  });

  it('warns, not errs, on the seed 完成和归档率达100% against 1742 of 1904', () => {
    // 1904 received, 1742 archived and 1742 completed: 1742 / 1904 = 91.49%, not 100%. An outcome
    // count (1742) is never a base, but the 162 others may not be due yet, so the stated rate may
    // rest on an unstated 应办结: a warning that asks the writer to state it, not an error.
    const text = '今年共受理12345热线事项1904件,归档件数1742件,按时完成1742件,其中涉咨询类71件、投诉类1116件、求助类352件、举报类310件、建议类55件,表扬类0件,完成和归档率达100%。';
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['达100%']);
    expect([diags[0]!.messageId, diags[0]!.severity]).toEqual(['overstated', 'warning']);
    expect(diags[0]!.evidence.base).toBe('1742件 / 1904件');
  });

  it('does not compute a quota rate (上报率) from the closed count', () => {
    // 上报率 is measured against a quota (DOMAIN.md: it can pass 100%); 办结22000宗 is not its base.
    // 22506 / 22000 = 102.30% says nothing about 129.49%; only 办结率 can be checked here:
    // 22000 / 22506 = 0.97751… → 97.8%, which holds.
    expect(runRule(RULE, '截至目前,共上报网格事件22506宗,累计办结22000宗,网格事件上报率129.49%,办结率97.8%。')).toEqual([]);
  });

  it('checks two-decimal rates', () => {
    // 1742 / 1904 = 0.9149159… → 91.49%.
    expect(runRule(RULE, '今年共受理12345热线事项1904件,按时办结1742件,按时办结率91.49%。')).toEqual([]);
    const text = '今年共受理12345热线事项1904件,按时办结1742件,按时办结率91.94%。';
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['91.94%']);
    expect(diags[0]!.evidence.expected).toBe('91.49%');
    expect(diags[0]!.evidence.computed).toBe('91.4916%');
  });

  it('accepts both half-to-even (GB/T 8170) and half-up rounding of an exact half', () => {
    // 1 / 8 = 12.5% exactly: 12% (half to even) and 13% (half up) are both correct roundings.
    expect(runRule(RULE, '共受理行政复议申请8件,已办结1件,办结率12%。')).toEqual([]);
    expect(runRule(RULE, '共受理行政复议申请8件,已办结1件,办结率13%。')).toEqual([]);
  });

  it('checks 占X% against the part before it', () => {
    // 15 / 42 = 0.357142… → 35.7%.
    expect(runRule(RULE, '共受理信访件42件,其中涉法涉诉类15件,占35.7%。')).toEqual([]);
    const text = '共受理信访件42件,其中涉法涉诉类15件,占37.5%。';
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['37.5%']);
    expect(diags[0]!.evidence.expected).toBe('35.7%');
    expect(diags[0]!.message).toBe('占比37.5%与数据不符:15/42 = 35.7143%,应为35.7%');
  });

  it('speaks English with locale en', () => {
    const text = '本级接待来访群众共120批,目前已结案116批,在办案件4批,办结率96.6%。';
    const diags = runRule(RULE, text, undefined, 'en');
    expect(diags[0]!.message).toBe('办结率 96.6% was truncated: 116/120 = 96.6667% rounds to 96.7%');
    expect(diags[0]!.suggestion?.message).toBe('write 96.7%');
  });
});
