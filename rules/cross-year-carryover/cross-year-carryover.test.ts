// Two years' 政府信息公开 reports of one body, checked together: test/fixtures/xxgk/golden-2022.html
// and golden-2023.html, each balanced by itself. 2022's 四、结转下年度 (5, 1, 0, 0, 0, 0; total 6)
// is 2023's 二、上年结转; 2022's 行政规范性文件 in force (10) plus 2023's made (3) less repealed (1)
// is 2023's in force (12); 规章 is 0 throughout.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReports } from '../../src/builtin.js';
import { extractHtml } from '../../src/io/html.js';

const fixture = (year: number): string => readFileSync(new URL(`../../test/fixtures/xxgk/golden-${year}.html`, import.meta.url), 'utf8');

function check(pages: Record<string, string>, locale: 'zh' | 'en' = 'zh') {
  const inputs = Object.entries(pages).map(([id, html]) => {
    const p = extractHtml(html);
    return { id, text: p.text, tables: p.tables, page: p };
  });
  const result = checkReports(inputs, { locale });
  const findings = result.documents.flatMap((d) =>
    d.result.diagnostics.filter((x) => x.ruleId === 'cross-year-carryover').map((x) => ({ id: d.id, text: inputs.find((i) => i.id === d.id)!.text, d: x })),
  );
  return { result, findings, comparisons: result.comparisons.filter((c) => c.ruleId === 'cross-year-carryover') };
}

describe('cross-year-carryover', () => {
  it('holds between two consecutive years of one body: every column carried over, both rows in force', () => {
    const { findings, comparisons } = check({ '2022.html': fixture(2022), '2023.html': fixture(2023) });
    expect(findings).toEqual([]);
    // Seven columns of 二/四, two rows (规章, 行政规范性文件) of 现行有效, all about the 2023 report.
    expect(comparisons.map((c) => c.verdict)).toEqual(Array(9).fill('holds'));
    expect(new Set(comparisons.map((c) => c.document))).toEqual(new Set(['2023.html']));
  });

  it('reports this year’s 上年结转 that is not last year’s 结转下年度, on this year’s cell, last year’s as related', () => {
    // 2022 carried 5 of 自然人 forward; 2023 says it took over 4.
    const html = fixture(2023).replace('二、上年结转政府信息公开申请数量</td><td>5</td>', '二、上年结转政府信息公开申请数量</td><td>4</td>');
    const { findings } = check({ '2022.html': fixture(2022), '2023.html': html });
    // Only the 自然人 column: the row's 总计 still says 6, as 2022 carried forward.
    expect(findings.map((f) => [f.id, f.text.slice(f.d.range.start, f.d.range.end), f.d.severity])).toEqual([['2023.html', '4', 'warning']]);
    expect(findings[0]!.d.message).toBe('“自然人”列不符合“本年“上年结转”等于上年“结转下年度继续办理””:4 ≠ 5(上年报告:2022.html)');
    expect(findings[0]!.d.related.map((r) => [r.document, r.message])).toEqual([['2022.html', '上年: 5']]);
  });

  it('reports documents in force that do not carry over: last year’s + made − repealed', () => {
    const html = fixture(2022).replace('<td>行政规范性文件</td><td>2</td><td>0</td><td>10</td>', '<td>行政规范性文件</td><td>2</td><td>0</td><td>11</td>');
    const { findings } = check({ '2022.html': html, '2023.html': fixture(2023) });
    expect(findings.map((f) => f.d.message)).toEqual(['“行政规范性文件”行不符合“本年“现行有效件数”等于上年现行有效件数加本年制发件数减本年废止件数”:12 ≠ 11+3-1 = 13(上年报告:2022.html)']);
    expect(findings[0]!.text.slice(findings[0]!.d.range.start, findings[0]!.d.range.end)).toBe('12');
  });

  it('pairs only one body’s consecutive years: another body or a gap of two years is not compared', () => {
    const other = fixture(2022).replaceAll('某市某区司法局', '某市某区民政局');
    expect(check({ '2022.html': other, '2023.html': fixture(2023) }).comparisons).toEqual([]);
    const older = fixture(2022).replaceAll('2022年', '2021年').replace('2023年1月18日', '2022年1月18日');
    expect(check({ '2021.html': older, '2023.html': fixture(2023) }).comparisons).toEqual([]);
  });
});
