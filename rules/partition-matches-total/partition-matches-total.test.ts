import { describe, expect, it } from 'vitest';
import { flagged, runRule } from '../../test/rule-harness.js';
import { seedText } from '../../test/helpers.js';

const RULE = 'partition-matches-total';

describe('partition-matches-total', () => {
  it('finds nothing in the street seed (116 + 4 = 120)', () => {
    // 本级接待来访群众共120批 … 已结案116批,在办案件4批: 116 + 4 = 120.
    expect(runRule(RULE, seedText('street'))).toEqual([]);
  });

  it('reports done + pending short of the total as an error', () => {
    const text = '本级接待来访群众共120批,共274人次,目前已结案115批,在办案件4批。';
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['120批']);
    const d = diags[0]!;
    expect(d.messageId).toBe('mismatch');
    expect(d.severity).toBe('error');
    // 115 + 4 = 119 ≠ 120 (274人次 is another unit and is not a candidate total).
    expect(d.evidence.expression).toBe('115+4 = 119');
    expect(d.evidence.computed).toBe('119');
    expect(d.evidence.expected).toBe('120');
    expect(d.message).toBe('已办结与在办之和为119,与总数120批不符:115+4 = 119');
  });

  it('reports done + pending above the total', () => {
    const text = '本级接待来访群众共120批,目前已结案118批,在办案件4批。';
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['120批']);
    // 118 + 4 = 122 > 120.
    expect(diags[0]!.evidence.computed).toBe('122');
  });

  it('reads 正在办理 as pending', () => {
    const text = '共受理行政复议申请30件,已办结26件,正在办理3件。';
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['30件']);
    // 26 + 3 = 29 ≠ 30.
    expect(diags[0]!.evidence.expression).toBe('26+3 = 29');
  });

  it('accepts rounded figures that agree at their shown precision', () => {
    // 2.1万 → [20500, 21500], 2千 → [1500, 2500]; sum [22000, 24000] meets 2.3万 → [22500, 23500].
    expect(runRule(RULE, '全年共受理信访件2.3万件,已办结2.1万件,在办2千件。')).toEqual([]);
  });

  it('reports rounded figures that cannot meet the total', () => {
    // 2.1万 → [20500, 21500], 500件 → 500; sum [21000, 22000] < 22500 (low end of 2.3万).
    const text = '全年共受理信访件2.3万件,已办结2.1万件,在办500件。';
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['2.3万件']);
    expect(diags[0]!.evidence.computed).toBe('[21000, 22000]');
    expect(diags[0]!.evidence.expected).toBe('[22500, 23500]');
  });

  it('keeps two groups apart when they are separated by ;', () => {
    // The seed sentence: 42批 has no pending count in its clause group, 120 = 116 + 4 in its own.
    const text = '截至目前我街共接收上级交办案42批,共60人次,已结案35批,办结率83.3%;本级接待来访群众共120批,共274人次,目前已结案116批,在办案件4批,办结率96.6%。';
    expect(runRule(RULE, text)).toEqual([]);
  });

  it('does not pair a done count with the pending count of a later group separated only by commas', () => {
    // The same two groups joined by a comma. 在办案件4批 belongs to the 120批 group (116 + 4 = 120);
    // pairing it with 已结案35批 of the 42批 group gives 35 + 4 = 39 ≠ 42, a finding about a
    // sentence that is correct.
    const text = '截至目前我街共接收上级交办案42批,已结案35批,本级接待来访群众共120批,目前已结案116批,在办案件4批。';
    expect(runRule(RULE, text)).toEqual([]);
  });

  it('speaks English with locale en', () => {
    const text = '本级接待来访群众共120批,目前已结案115批,在办案件4批。';
    const diags = runRule(RULE, text, undefined, 'en');
    expect(diags[0]!.message).toBe('Done and pending add up to 119, not the total 120批: 115+4 = 119');
  });
});
