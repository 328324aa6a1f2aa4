import { describe, expect, it } from 'vitest';
import { flagged, runRule } from '../../test/rule-harness.js';

const RULE = 'table-share-matches';

const shares = (a: string, b: string, counts = ['150', '100', '250']): string =>
  ['单位 | 工单 | 占比 |', `甲区 | ${counts[0]} | ${a} |`, `乙区 | ${counts[1]} | ${b} |`, `总计 | ${counts[2]} | 100% |`].join('\n');

describe('table-share-matches', () => {
  it('accepts shares of the column total', () => {
    // 150/250 = 60%, 100/250 = 40%.
    expect(runRule(RULE, shares('60.00%', '40.00%'))).toEqual([]);
  });

  it('reports a share that does not match its count over the column total', () => {
    const text = shares('62.00%', '40.00%');
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['62.00%']);
    const d = diags[0]!;
    expect([d.messageId, d.severity]).toEqual(['mismatch', 'error']);
    expect(d.evidence.expression).toBe('150/250 = 60%');
    expect(d.evidence.expected).toBe('60.00%');
    expect(d.suggestion?.replacement).toBe('60.00%');
    expect(d.message).toBe('表格“甲区”行的占比62.00%与数据不符:150/250 = 60%,应为60.00%');
  });

  it('reports a truncated share at warning, or not at all with reportTruncation: false', () => {
    // 1/3 = 33.333…% → 33.33% holds; 2/3 = 66.666…% rounds to 66.67%, and 66.66% is its truncation.
    const text = shares('33.33%', '66.66%', ['1', '2', '3']);
    const diags = runRule(RULE, text);
    expect(flagged(text, diags)).toEqual(['66.66%']);
    expect([diags[0]!.messageId, diags[0]!.severity, diags[0]!.evidence.expected]).toEqual(['truncated', 'warning', '66.67%']);
    expect(runRule(RULE, text, { reportTruncation: false })).toEqual([]);
  });

  it('accepts shares of a table-level total spanning the rows (one cell per line)', () => {
    // 300/400 = 75%, 100/400 = 25%.
    const text = ['受理总量 |', '类别 |', '数量 |', '占比 |', '400 |', '咨询 |', '300 |', '75% |', '投诉 |', '100 |', '25% |'].join('\n');
    expect(runRule(RULE, text)).toEqual([]);
  });

  it('never fails a share whose base the table does not name', () => {
    // 100/400 = 25%, not 20%; but 受理总量 heads a cell the table does not tie to this column,
    // and no 总计 row names the base: unverifiable, not a finding.
    const text = ['受理总量 |', '类别 |', '数量 |', '占比 |', '400 |', '咨询 |', '300 |', '75% |', '投诉 |', '100 |', '20% |'].join('\n');
    expect(runRule(RULE, text)).toEqual([]);
    // 不满意率 over an unstated sub-count: no base at all.
    expect(runRule(RULE, ['单位 | 不满意数 | 不满意率 |', '甲区 | 8 | 9% |', '乙区 | 6 | 9% |'].join('\n'))).toEqual([]);
  });

  it('speaks English with locale en', () => {
    const diags = runRule(RULE, shares('62.00%', '40.00%'), undefined, 'en');
    expect(diags[0]!.message).toBe('In table row “甲区”, the share 62.00% does not match: 150/250 = 60%, expected 60.00%');
  });
});
