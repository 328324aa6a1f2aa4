import { describe, expect, it } from 'vitest';
import { flagged, runRule } from '../../test/rule-harness.js';
import { seedText } from '../../test/helpers.js';

const RULE = 'sum-matches-total';

describe('sum-matches-total', () => {
  it('finds nothing in the street seed: its breakdowns all add up', () => {
    // 12345 hotline: 71+1116+352+310+55+0 = 1187+352+310+55 = 1849+55 = 1904 = 1904件.
    // Information disclosed: 137 (no unit) + 142条 = 279 = 279条.
    // 依申请公开 3宗 = 2份 + 1份; 书籍600本 ⊇ 《民法典》200本 + 《宪法》400本 (包括: ≤ 600).
    expect(runRule(RULE, seedText('street'))).toEqual([]);
  });

  it('accepts the hotline breakdown when the total is not the figure right before 其中', () => {
    // 其中 follows 按时完成1742件, but the parts add up to the received total 1904件:
    // every earlier count in the sentence is a candidate total.
    const text = '今年共受理12345热线事项1904件,归档件数1742件,按时完成1742件,其中涉咨询类71件、投诉类1116件、求助类352件、举报类310件、建议类55件,表扬类0件。';
    expect(runRule(RULE, text)).toEqual([]);
  });

  it('reports parts that exceed their total as an error', () => {
    const text = '2020年度我街共开展法治宣传活动322场,其中进社区200场、进企业150场。';
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['322场']);
    const d = diags[0]!;
    expect(d.messageId).toBe('exceeds');
    expect(d.severity).toBe('error');
    // 200 + 150 = 350 > 322.
    expect(d.evidence.expression).toBe('200+150 = 350');
    expect(d.evidence.computed).toBe('350');
    expect(d.evidence.expected).toBe('322');
    expect(d.message).toBe('分项之和350大于总数322场:200+150 = 350');
  });

  it('reports an exceeding hotline breakdown against the total nearest the sum (1904件, not 1742件)', () => {
    // 表扬类 changed from 0 to 10: 71+1116+352+310+55+10 = 1914, which fits neither 1742 nor 1904.
    // The breakdown is plainly of the 1904 items received (1914 − 1904 = 10, against 1914 − 1742 = 172):
    // a finding that says "more than the total 1742件" points the writer at the wrong figure.
    const text = '今年共受理12345热线事项1904件,归档件数1742件,按时完成1742件,其中涉咨询类71件、投诉类1116件、求助类352件、举报类310件、建议类55件,表扬类10件。';
    const diags = runRule(RULE, text);
    expect(diags).toHaveLength(1);
    expect(diags[0]!.messageId).toBe('exceeds');
    expect(diags[0]!.evidence.computed).toBe('1914');
    expect(flagged(text, diags)).toEqual(['1904件']);
  });

  it('lets a partial list (包括…等) fall short of its total', () => {
    // 120 + 98 = 218 ≤ 555: a list ending in 等 names only some of the parts.
    const text = '全年共收到行政复议申请555件,包括征收拆迁类120件、公安类98件等。';
    expect(runRule(RULE, text)).toEqual([]);
  });

  it('reports a partial list (包括…等) whose parts alone exceed the total', () => {
    const text = '共开展法治宣传活动322场,包括进社区200场、进企业150场等。';
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['322场']);
    expect(diags[0]!.messageId).toBe('exceeds');
    expect(diags[0]!.severity).toBe('error');
    // 200 + 150 = 350 > 322 even before the unnamed 等 parts.
    expect(diags[0]!.evidence.computed).toBe('350');
  });

  it('reports an exhaustive list that falls short only with reportShort: true, and then at warning', () => {
    const text = '共受理信访件50件,其中来信20件、来访25件。';
    // Off by default: 其中 often lists only some categories.
    expect(runRule(RULE, text)).toEqual([]);
    const diags = runRule(RULE, text, { reportShort: true });
    expect(flagged(text, diags)).toEqual(['50件']);
    expect(diags[0]!.messageId).toBe('short');
    expect(diags[0]!.severity).toBe('warning');
    // 20 + 25 = 45 < 50.
    expect(diags[0]!.evidence.expression).toBe('20+25 = 45');
    expect(diags[0]!.evidence.expected).toBe('50');
  });

  it('compares rounded figures as intervals (XBRL Calculations 1.1)', () => {
    // 30.5万 → [304500, 305500], 27.4万 → [273500, 274500]; sum [578000, 580000] meets
    // 57.91万 → [579050, 579150]: consistent although 30.5 + 27.4 = 57.9 ≠ 57.91.
    expect(runRule(RULE, '拆除违法建设共57.91万平方米,其中住宅30.5万平方米、厂房27.4万平方米。')).toEqual([]);
    // 2万 stands for [15000, 25000]: 12000 + 10506 = 22506 lies inside.
    expect(runRule(RULE, '累计上报网格事件2万宗,其中城市管理类12000宗、治安类10506宗。')).toEqual([]);
  });

  it('reports rounded parts that cannot reach the total even at their widest', () => {
    // 30.5万 → [304500, 305500], 26.4万 → [263500, 264500]; sum [568000, 570000] < 579050.
    const text = '拆除违法建设共57.91万平方米,其中住宅30.5万平方米、厂房26.4万平方米。';
    const diags = runRule(RULE, text, { reportShort: true });
    expect(flagged(text, diags)).toEqual(['57.91万平方米']);
    expect(diags[0]!.messageId).toBe('short');
    expect(diags[0]!.evidence.computed).toBe('[568000, 570000]');
    expect(diags[0]!.evidence.expected).toBe('[579050, 579150]');
  });

  it('finds the total in the sentence before 其中', () => {
    // 40 + 80 = 120: holds.
    expect(runRule(RULE, '今年共受理信访件120件。其中来信40件、来访80件。')).toEqual([]);
    // 40 + 70 = 110 < 120: short, flagged on the total in the previous sentence.
    const text = '今年共受理信访件120件。其中来信40件、来访70件。';
    const diags = runRule(RULE, text, { reportShort: true });
    expect(flagged(text, diags)).toEqual(['120件']);
    expect(diags[0]!.evidence.computed).toBe('110');
  });

  it('does not add up nested counts after 其中 (已办结 ⊇ 按时办结)', () => {
    // 按时办结35件 is part of 已办结42件, not a separate category: 42 + 35 = 77 > 50 is no error.
    expect(runRule(RULE, '共受理信访件50件,其中已办结42件,按时办结35件。')).toEqual([]);
  });

  it('speaks English with locale en', () => {
    const text = '2020年度我街共开展法治宣传活动322场,其中进社区200场、进企业150场。';
    const diags = runRule(RULE, text, undefined, 'en');
    expect(diags[0]!.message).toBe('The parts add up to 350, more than the total 322场: 200+150 = 350');
  });
});
