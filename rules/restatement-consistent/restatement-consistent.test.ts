import { describe, expect, it } from 'vitest';
import { flagged, runRule } from '../../test/rule-harness.js';
import { seedText } from '../../test/helpers.js';

const RULE = 'restatement-consistent';

const GRID_LATER = '截至目前,共上报网格事件22506宗,办结22506宗,网格事件上报率129.49%,办结率100%。';

describe('restatement-consistent', () => {
  it('finds nothing in the street seed: 2万宗 and 22506宗 agree at the shown precision', () => {
    // 累计办结网格事件2万宗 → [15000, 25000] contains 办结22506宗; 办结率100% and 上报率129.49% are
    // each stated twice with the same value.
    expect(runRule(RULE, seedText('street'))).toEqual([]);
  });

  it('reports a count restated outside the first figure’s precision', () => {
    const text = `全面落实网格“五长”微治理,累计办结网格事件3万宗,办结率100%。\n${GRID_LATER}`;
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['22506宗']);
    const d = diags[0]!;
    expect(d.messageId).toBe('mismatch');
    expect(d.severity).toBe('warning');
    // 3万 written to the 万 place stands for [25000, 35000]; 22506 lies below it.
    expect(d.evidence.expected).toBe('3万宗 → [25000, 35000]');
    expect(d.evidence.computed).toBe('22506宗 → 22506');
    expect(d.message).toBe('网格事件·办结前后表述不一致:此处为22506宗,前文为3万宗');
  });

  it('reports a named rate restated with another value', () => {
    const text = `全面落实网格“五长”微治理,累计办结网格事件2万宗,上报率达129.49%,办结率100%。\n${GRID_LATER.replace('129.49%', '119.49%')}`;
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['119.49%']);
    // 129.49% → [129.485, 129.495] and 119.49% → [119.485, 119.495] do not meet.
    expect(diags[0]!.evidence.expected).toBe('达129.49% → [129.485, 129.495]');
    expect(diags[0]!.message).toBe('网格事件·上报率前后表述不一致:此处为119.49%,前文为达129.49%');
  });

  it('reports two exact counts that differ', () => {
    const text = '全年共收到行政复议申请555件。\n本年度共收到行政复议申请565件。';
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['565件']);
    expect(diags[0]!.evidence.expected).toBe('555件 → 555');
  });

  it('accepts an approximate figure that covers the exact one', () => {
    // 约560: the last non-zero digit is the tens place, so [550, 570] contains 555.
    expect(runRule(RULE, '全年共收到行政复议申请约560件。\n本年度共收到行政复议申请555件。')).toEqual([]);
  });

  it('does not compare figures of the same paragraph', () => {
    // Within one paragraph two figures of a metric are usually different things (a total and a part).
    expect(runRule(RULE, '累计办结网格事件3万宗,共上报网格事件22506宗,办结22506宗。')).toEqual([]);
  });

  it('does not compare different actions on the same metric', () => {
    // 受理120件 and 办结116件 are two figures, not one stated twice.
    expect(runRule(RULE, '全年共受理信访件120件。\n全年共办结信访件116件。')).toEqual([]);
  });

  it('does not treat a figure for part of the year as a restatement of the annual total', () => {
    // 86 applications received by post during the epidemic are part of the 555 received in the year.
    const text = '全年共收到行政复议申请555件,同比增长20%。\n疫情期间,通过邮寄方式收到行政复议申请86件。';
    expect(runRule(RULE, text)).toEqual([]);
  });

  it('speaks English with locale en', () => {
    const text = `全面落实网格“五长”微治理,累计办结网格事件3万宗,办结率100%。\n${GRID_LATER}`;
    const diags = runRule(RULE, text, undefined, 'en');
    expect(diags[0]!.message).toBe('网格事件·办结 is stated as 22506宗 here but 3万宗 earlier');
  });
});
