import { describe, expect, it } from 'vitest';
import { checkReports, type CheckReportsResult, type ConfigInput } from '../../src/index.js';
import { DISTRICT, STREET } from '../../test/fixtures/cross-reports.js';

const RULE = 'cross-shared-facts-agree';

const PLATFORM = '建设“令行禁止、有呼必应”综合指挥调度平台,实体平台建设完毕。';
const SECTION3 = '(三)推进基层治理。\n';

function check(street: string, district = DISTRICT, config: ConfigInput = {}): CheckReportsResult {
  return checkReports(
    [
      { id: 'shimen.txt', text: street },
      { id: 'baiyun.txt', text: district },
    ],
    config,
  );
}

/** This rule's findings: document, message id, severity and flagged text. */
function findings(r: CheckReportsResult) {
  return r.documents.flatMap(({ id, result }) =>
    result.diagnostics.filter((d) => d.ruleId === RULE).map((d) => ({ id, messageId: d.messageId, severity: d.severity, text: result.report.text.slice(d.range.start, d.range.end) })),
  );
}

function comparisons(r: CheckReportsResult) {
  return r.comparisons.filter((c) => c.ruleId === RULE).map((c) => [c.what, c.verdict]);
}

const finding = (r: CheckReportsResult, messageId: string) => r.documents[0]!.result.diagnostics.find((x) => x.ruleId === RULE && x.messageId === messageId)!;

describe('cross-shared-facts-agree', () => {
  it('holds when the street names the platform as the district does; a platform the district does not name is not compared', () => {
    const street = STREET.replace(PLATFORM, `${PLATFORM}依托“羊城慧调解”平台开展线上调解。`);
    const r = check(street);
    // District line 10: 建成“令行禁止、有呼必应”综合指挥调度平台3.0版. The street gives no version: only the wording is compared.
    expect(comparisons(r)).toEqual([['“令行禁止、有呼必应”综合指挥调度平台', 'holds']]);
    expect(findings(r)).toEqual([]);
  });

  it('notes (info) a platform the street names otherwise (指挥调度平台 for 综合指挥调度平台), related to the district wording', () => {
    const r = check(STREET.replace('”综合指挥调度平台,', '”指挥调度平台,'));
    expect(comparisons(r)).toEqual([['“令行禁止、有呼必应”指挥调度平台', 'fails']]);
    expect(findings(r)).toEqual([{ id: 'shimen.txt', messageId: 'wording', severity: 'info', text: '“令行禁止、有呼必应”指挥调度平台' }]);
    const d = finding(r, 'wording');
    expect(d.message).toBe('“令行禁止、有呼必应”指挥调度平台在上级报告中称为“令行禁止、有呼必应”综合指挥调度平台');
    expect(d.related.map((x) => [x.document, x.message, x.line])).toEqual([['baiyun.txt', '“令行禁止、有呼必应”综合指挥调度平台', 10]]);
    expect(DISTRICT.slice(d.related[0]!.range.start, d.related[0]!.range.end)).toBe('“令行禁止、有呼必应”综合指挥调度平台3.0版');
    // Lowered to info even when the rule is set to error.
    expect(findings(check(STREET.replace('”综合指挥调度平台,', '”指挥调度平台,'), DISTRICT, { rules: { [RULE]: 'error' } }))[0]!.severity).toBe('info');
  });

  it('warns about another version of the platform (2.0版 against the district’s 3.0版); 3.0版 agrees', () => {
    const r = check(STREET.replace('”综合指挥调度平台,', '”综合指挥调度平台2.0版,'));
    expect(findings(r)).toEqual([{ id: 'shimen.txt', messageId: 'version', severity: 'warning', text: '“令行禁止、有呼必应”综合指挥调度平台2.0版' }]);
    const d = finding(r, 'version');
    expect(d.message).toBe('“令行禁止、有呼必应”综合指挥调度平台的版本为2.0,上级报告为3.0');
    expect(d.evidence.computed).toBe('2.0');
    expect(d.evidence.expected).toBe('3.0');
    expect(d.related.map((x) => [x.document, x.message, x.line])).toEqual([['baiyun.txt', '3.0版', 10]]);
    const en = check(STREET.replace('”综合指挥调度平台,', '”综合指挥调度平台2.0版,'), DISTRICT, { locale: 'en' });
    expect(finding(en, 'version').message).toBe('“令行禁止、有呼必应”综合指挥调度平台 is version 2.0 here but 3.0 in the parent report');

    expect(findings(check(STREET.replace('”综合指挥调度平台,', '”综合指挥调度平台3.0版,')))).toEqual([]);
  });

  it('reports both the wording (info) and the version (warning) when both differ', () => {
    const r = check(STREET.replace('”综合指挥调度平台,', '”指挥调度平台2.0版,'));
    expect(findings(r).map((f) => [f.messageId, f.severity, f.text]).sort()).toEqual([
      ['version', 'warning', '“令行禁止、有呼必应”指挥调度平台2.0版'],
      ['wording', 'info', '“令行禁止、有呼必应”指挥调度平台2.0版'],
    ]);
  });

  it('warns when the street counts the district’s 镇街 otherwise (全区22个镇街 against 24个); 24个 agrees', () => {
    const cite = (n: number) => STREET.replace(SECTION3, `${SECTION3}配合推进全区${n}个镇街综合行政执法改革。\n`);
    const r = check(cite(22));
    expect(comparisons(r)).toEqual([
      ['“令行禁止、有呼必应”综合指挥调度平台', 'holds'],
      ['镇街: 22个 = 24个', 'fails'],
    ]);
    expect(findings(r)).toEqual([{ id: 'shimen.txt', messageId: 'count', severity: 'warning', text: '22个' }]);
    const d = finding(r, 'count');
    expect(d.message).toBe('本报告称全区有22个镇街,上级报告为24个');
    // 出台全区24个镇街新“三定”方案, district line 10.
    expect(d.related.map((x) => [x.document, x.message, x.line])).toEqual([['baiyun.txt', '24个', 10]]);

    const ok = check(cite(24));
    expect(comparisons(ok)).toEqual([
      ['“令行禁止、有呼必应”综合指挥调度平台', 'holds'],
      ['镇街: 24个 = 24个', 'holds'],
    ]);
    expect(findings(ok)).toEqual([]);
  });

  it('lists the version comparison among the comparisons, with its failing verdict', () => {
    const r = check(STREET.replace('”综合指挥调度平台,', '”综合指挥调度平台2.0版,'));
    const d = finding(r, 'version');
    // Every finding rests on a comparison that fails, at the same place.
    const failing = r.comparisons.filter((c) => c.ruleId === RULE && c.verdict === 'fails');
    expect(failing.map((c) => c.range)).toContainEqual(d.range);
  });

  it('does not take a number of neighbouring 镇街 (联合周边3个镇街…) for the district’s count', () => {
    const r = check(STREET.replace(SECTION3, `${SECTION3}联合周边3个镇街开展联合执法行动。\n`));
    expect(findings(r)).toEqual([]);
  });

  it('compares with the district’s own count of 镇街 (全区24个镇街), not a subset it names first (8个镇街创建…)', () => {
    const district = DISTRICT.replace('(二)推进行政复议应诉工作。', '推动8个镇街创建省级法治示范镇街。\n(二)推进行政复议应诉工作。');
    const r = check(STREET.replace(SECTION3, `${SECTION3}配合推进全区24个镇街综合行政执法改革。\n`), district);
    expect(findings(r)).toEqual([]);
  });

  it('does not read “穗好办”等平台 (a list: 穗好办 and other platforms) as another name for “穗好办”政务服务平台', () => {
    const district = DISTRICT.replace('(三)加快智慧治理体系建设。', '依托“穗好办”政务服务平台推进政务服务“一网通办”。\n(三)加快智慧治理体系建设。');
    const r = check(STREET.replace(SECTION3, `${SECTION3}依托“穗好办”等平台推行网上办理。\n`), district);
    expect(findings(r)).toEqual([]);
  });

  it('reads platform names in half-width quotes ("令行禁止、有呼必应"综合指挥调度平台2.0版) as well', () => {
    const r = check(STREET.replace('“令行禁止、有呼必应”综合指挥调度平台,', '"令行禁止、有呼必应"综合指挥调度平台2.0版,'));
    expect(findings(r)).toEqual([{ id: 'shimen.txt', messageId: 'version', severity: 'warning', text: '"令行禁止、有呼必应"综合指挥调度平台2.0版' }]);
  });
});
