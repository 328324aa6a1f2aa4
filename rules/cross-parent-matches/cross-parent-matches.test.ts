import { describe, expect, it } from 'vitest';
import { checkReports, type CheckReportsResult, type ConfigInput } from '../../src/index.js';
import { DISTRICT, STREET } from '../../test/fixtures/cross-reports.js';

const RULE = 'cross-parent-matches';

/** The same street moved to 天河区 (石牌街), as if filed under the wrong district. */
const TIANHE_STREET = STREET.replaceAll('白云区', '天河区').replaceAll('石门街', '石牌街');

function check(street: string, parents?: Record<string, string>, config: ConfigInput = {}): CheckReportsResult {
  return checkReports(
    [
      { id: 'street.txt', text: street },
      { id: 'baiyun.txt', text: DISTRICT },
    ],
    config,
    parents ? { parents } : {},
  );
}

/** Every cross-document finding: document, rule, message id, severity and flagged text. */
function cross(r: CheckReportsResult) {
  return r.documents.flatMap(({ id, result }) =>
    result.diagnostics
      .filter((d) => d.ruleId.startsWith('cross-'))
      .map((d) => ({ id, ruleId: d.ruleId, messageId: d.messageId, severity: d.severity, text: result.report.text.slice(d.range.start, d.range.end) })),
  );
}

/** Without the district's note that only some of its 24 镇街 are given. */
const notIncomplete = (r: CheckReportsResult) => cross(r).filter((x) => x.messageId !== 'incomplete');

function comparisons(r: CheckReportsResult) {
  return r.comparisons.filter((c) => c.ruleId === RULE).map((c) => [c.document, c.others, c.verdict, c.evidence.computed ?? null, c.evidence.expected ?? null]);
}

describe('cross-parent-matches', () => {
  it('holds for 石门街道办事处 under 白云区: the link and the comparison say why', () => {
    const r = check(STREET);
    const reason = '广州市白云区人民政府石门街道办事处 names 白云区, the district of baiyun.txt';
    expect(r.links).toEqual([{ child: 'street.txt', parent: 'baiyun.txt', reason, explicit: false }]);
    expect(r.unplaced).toEqual([]);
    // Evidence names the city with the district: 广州市白云区 (贵阳市白云区 is another place).
    expect(comparisons(r)).toEqual([['street.txt', ['baiyun.txt'], 'holds', '广州市白云区', '广州市白云区']]);
    expect(r.comparisons.find((c) => c.ruleId === RULE)!.evidence.note).toBe(reason);
    expect(notIncomplete(r)).toEqual([]);
  });

  it('places a town (广州市白云区人和镇人民政府) under its district the same way', () => {
    const town = STREET.replaceAll('广州市白云区人民政府石门街道办事处', '广州市白云区人和镇人民政府').replaceAll('石门街', '人和镇').replaceAll('街道', '镇').replaceAll('我街', '我镇');
    const r = check(town);
    expect(r.links).toEqual([{ child: 'street.txt', parent: 'baiyun.txt', reason: '广州市白云区人和镇人民政府 names 白云区, the district of baiyun.txt', explicit: false }]);
    // Evidence names the city with the district: 广州市白云区 (贵阳市白云区 is another place).
    expect(comparisons(r)).toEqual([['street.txt', ['baiyun.txt'], 'holds', '广州市白云区', '广州市白云区']]);
    expect(notIncomplete(r)).toEqual([]);
  });

  it('reports a 天河区 street given 白云区 as its parent: an error on 天河区, related to 白云区 in the district report, and nothing else', () => {
    const r = check(TIANHE_STREET, { 'street.txt': 'baiyun.txt' });
    expect(r.links).toEqual([{ child: 'street.txt', parent: 'baiyun.txt', reason: 'given by the caller', explicit: true }]);
    expect(comparisons(r)).toEqual([['street.txt', ['baiyun.txt'], 'fails', '广州市天河区', '广州市白云区']]);
    // The figures still compare (3 ≤ 204, 10 ≤ 156, 0 ≤ 555) and the platform wording is the same: only the district differs.
    expect(notIncomplete(r)).toEqual([{ id: 'street.txt', ruleId: RULE, messageId: 'mismatch', severity: 'error', text: '天河区' }]);
    const d = r.documents[0]!.result.diagnostics.find((x) => x.ruleId === RULE)!;
    expect(d.message).toBe('本报告的发文机关属于广州市天河区,而所给上级报告属于广州市白云区');
    // The district is read from the issuers first: the signature 广州市天河区人民政府石牌街道办事处, line 18.
    expect(d.line).toBe(18);
    expect(d.related).toHaveLength(1);
    expect(d.related[0]!.document).toBe('baiyun.txt');
    expect(d.related[0]!.message).toBe('白云区');
    expect(DISTRICT.slice(d.related[0]!.range.start, d.related[0]!.range.end)).toBe('白云区');

    const en = check(TIANHE_STREET, { 'street.txt': 'baiyun.txt' }, { locale: 'en' });
    expect(en.documents[0]!.result.diagnostics.find((x) => x.ruleId === RULE)!.message).toBe('This report is issued in 广州市天河区, but its given parent is of 广州市白云区');
  });

  it('without an explicit parent, the 天河区 street is unplaced (no report of 天河区) and nothing is compared', () => {
    const r = check(TIANHE_STREET);
    expect(r.links).toEqual([]);
    expect(r.unplaced).toEqual([{ id: 'street.txt', reason: 'no report of 天河区 among the reports' }]);
    expect(r.comparisons).toEqual([]);
    // No cross finding at all: the district has no linked street, so not even the 24个镇街 note.
    expect(cross(r)).toEqual([]);
  });

  it('an explicit parent that is not among the reports leaves the street unplaced, saying so', () => {
    const r = check(STREET, { 'street.txt': 'baiyun-2020.txt' });
    expect(r.links).toEqual([]);
    expect(r.unplaced).toEqual([{ id: 'street.txt', reason: 'the parent baiyun-2020.txt is not among the reports' }]);
    expect(comparisons(r)).toEqual([]);
  });

  it('a street whose issuer names no district: unplaced on its own, unverifiable (no finding) under an explicit parent', () => {
    const bare = STREET.replaceAll('广州市白云区人民政府石门街道办事处', '石门街道办事处');
    const alone = check(bare);
    expect(alone.unplaced).toEqual([{ id: 'street.txt', reason: 'its issuer and title name no district or county' }]);
    expect(alone.links).toEqual([]);

    const given = check(bare, { 'street.txt': 'baiyun.txt' });
    expect(given.comparisons.filter((c) => c.ruleId === RULE).map((c) => [c.document, c.verdict, c.evidence.note])).toEqual([['street.txt', 'unverifiable', 'a district name is missing']]);
    expect(notIncomplete(given)).toEqual([]);
  });

  it('follows the configured severity and is silent when off', () => {
    const warn = check(TIANHE_STREET, { 'street.txt': 'baiyun.txt' }, { rules: { [RULE]: 'warning' } });
    expect(notIncomplete(warn)).toEqual([{ id: 'street.txt', ruleId: RULE, messageId: 'mismatch', severity: 'warning', text: '天河区' }]);
    const off = check(TIANHE_STREET, { 'street.txt': 'baiyun.txt' }, { rules: { [RULE]: 'off' } });
    expect(notIncomplete(off)).toEqual([]);
    expect(comparisons(off)).toEqual([]);
  });

  // 贵阳市 also has a 白云区. A street of 贵阳市白云区 does not belong to 广州市白云区: the
  // district name alone is not the district.
  const GUIYANG_STREET = STREET.replaceAll('广州市白云区人民政府石门街道办事处', '贵阳市白云区人民政府大山洞街道办事处').replaceAll('石门街', '大山洞街');

  it('reports a street of 贵阳市白云区 given 广州市白云区 as its parent (same district name, another city)', () => {
    const r = check(GUIYANG_STREET, { 'street.txt': 'baiyun.txt' });
    expect(comparisons(r).map((c) => c[2])).toEqual(['fails']);
    expect(notIncomplete(r)).toEqual([{ id: 'street.txt', ruleId: RULE, messageId: 'mismatch', severity: 'error', text: expect.any(String) }]);
  });

  it('does not link a street of 贵阳市白云区 to the report of 广州市白云区 by the name 白云区 alone', () => {
    const r = check(GUIYANG_STREET);
    expect(r.links).toEqual([]);
    expect(r.unplaced.map((u) => u.id)).toEqual(['street.txt']);
  });
});
