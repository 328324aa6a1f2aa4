import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/index.js';
import { projectPath } from '../helpers.js';

const STRUCTURE = ['required-sections', 'heading-numbering', 'enumeration-sequence', 'report-date', 'plan-year', 'signature-block'];
const dir = (sub: string) => projectPath(`test/fixtures/reports/${sub}`);
const read = (sub: string, f: string) => readFileSync(`${dir(sub)}/${f}`, 'utf8');

/**
 * Well-formed reports in many real forms (district, county, street, town and department
 * reports; 关于…情况的报告 and 第一责任人…情况报告 titles; headings from 一、 or only from （一）;
 * unnumbered parts; full- and half-width brackets; 一是 lists across paragraphs; two signatures,
 * 附注 and 版记 lines, scraped page metadata). A careful auditor finds nothing structural to
 * fault in them, so no rule may warn or err (style hints at info are allowed).
 */
describe('well-formed reports get no structural warning or error', () => {
  const files = readdirSync(dir('well-formed')).filter((f) => f.endsWith('.txt')).sort();

  it('has the fixture reports', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
  });

  it.each(files)('%s', (file) => {
    const r = checkReport(read('well-formed', file));
    expect(r.kind.profile).toBe('fazhi-zhengfu-annual-report');
    const findings = r.diagnostics.filter((d) => STRUCTURE.includes(d.ruleId) && d.severity !== 'info');
    expect(findings.map((d) => `${d.ruleId}/${d.messageId} at ${d.line}:${d.column}: ${d.message}`)).toEqual([]);
  });
});

/** Each defect report carries the one defect its name says; the finding must be there. */
const DEFECTS: Record<string, [string, string]> = {
  'd01-noplan.txt': ['required-sections', 'missing'],
  'd02-nocause.txt': ['required-sections', 'noCauses'],
  'd03-gap.txt': ['heading-numbering', 'gap'],
  'd04-shi.txt': ['enumeration-sequence', 'gap'],
  'd05-late.txt': ['report-date', 'late'], // dated 2023年3月2日, after 1 March
  'd06-planyear.txt': ['plan-year', 'planYear'],
  'd07-partial.txt': ['report-date', 'partialYearSoFar'],
  'd08-trailing.txt': ['heading-numbering', 'trailing'], // （一）、
  'd09-baddate.txt': ['report-date', 'invalid'], // 2月30日
  'd10-pad.txt': ['report-date', 'format'], // 2023年01月05日
  'd11-nosig.txt': ['signature-block', 'noIssuer'],
  'd12-measyear.txt': ['plan-year', 'measuresYear'],
  'd13-plan2024.txt': ['plan-year', 'planYear'],
  // The 三、第一责任人 heading is gone but its paragraph (…履行推进法治建设第一责任人职责…) remains,
  // which satisfies the item: what is left is the numbering gap 二、→四、.
  'd14-nofirst.txt': ['heading-numbering', 'gap'],
  'd15-street-district.txt': ['signature-block', 'wrongIssuer'],
  'd16-mixed.txt': ['heading-numbering', 'mixedStyle'],
  'd17-pubLate.txt': ['report-date', 'latePublished'],
};

describe('defect reports get the finding for their defect', () => {
  it.each(Object.entries(DEFECTS))('%s → %s', (file, [ruleId, messageId]) => {
    const r = checkReport(read('defects', file));
    expect(r.diagnostics.map((d) => `${d.ruleId}/${d.messageId}`)).toContain(`${ruleId}/${messageId}`);
  });
});

describe('another kind of report is not taken for this one', () => {
  it('a 政府信息公开工作年度报告 that mentions 依法行政 is not checked as a 法治政府建设年度报告', () => {
    const text = [
      '广州市某某区人民政府2022年政府信息公开工作年度报告',
      '一、总体情况',
      '2022年,我区推进法治政府建设,提升依法行政水平,全年主动公开政府信息1200条。',
      '二、主动公开政府信息情况',
      '全年主动公开政府信息1200条。',
    ].join('\n');
    const r = checkReport(text);
    // It is checked as what it is: the parts it lacks are the disclosure report's, not the
    // 法治政府 report's (第一责任人职责, 下一年度安排).
    expect(r.kind.profile).toBe('xxgk-annual-report');
    const missing = r.diagnostics.filter((d) => d.ruleId === 'required-sections').map((d) => d.message);
    expect(missing).toHaveLength(4);
    expect(missing.join('\n')).toContain('收到和处理政府信息公开申请情况');
    expect(missing.join('\n')).not.toMatch(/第一责任人|下一年度/);
  });

  it('reads the reporting year next to 年度, not one inside a book title', () => {
    const text = '某某区人民政府贯彻落实《法治政府建设实施纲要(2021-2025年)》2022年度情况报告\n一、主要举措和成效\n正文。';
    expect(checkReport(text).report.metadata.reportingYear?.year).toBe(2022);
  });
});
