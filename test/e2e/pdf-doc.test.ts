/**
 * PDF and legacy Word inputs through the built CLI, as a user runs it: a report in a PDF (the
 * wrong rate on page 2, a figure broken over two lines) and in a .doc gives the rate finding at
 * its line; a scanned PDF, a damaged one and another program's file named .doc are input errors (exit 2,
 * one line saying why).
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageOf } from '../../src/report/place.js';
import { CheckOutputSchema, type CheckOutput } from '../../src/index.js';
import { projectPath } from '../helpers.js';
import { buildPdf, paragraphLines } from '../pdf-builder.js';
import { runCli } from './run-cli.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jiaohe-pdf-doc-'));
  const body = { x: 72, width: 12 };
  const page1 = [
    { x: 100, y: 780, text: '某街道2020年法治政府建设年度报告', size: 16 },
    { x: 72, y: 740, text: '一、主要工作' },
    ...paragraphLines('全年办理各类事项,运行平稳。', { ...body, y: 715 }),
  ];
  // Page 2: 二、行政复议工作 / 全年受理复议申请12 / 0件,办结116件,办结 / 率96.6%。
  const page2 = [{ x: 72, y: 780, text: '二、行政复议工作' }, ...paragraphLines('全年受理复议申请120件,办结116件,办结率96.6%。', { ...body, y: 755 })];
  writeFileSync(join(dir, 'report.pdf'), buildPdf([{ lines: page1 }, { lines: page2 }], { title: '某街道2020年法治政府建设年度报告' }));
  writeFileSync(join(dir, 'scan.pdf'), buildPdf([{ image: true }, { image: true }]));
  writeFileSync(join(dir, 'damaged.pdf'), '%PDF-1.7\nthis is not a PDF after all\n'.repeat(10));
  copyFileSync(projectPath('test/fixtures/doc/report.doc'), join(dir, 'report.doc'));
  writeFileSync(join(dir, 'table.doc'), 'a file of another program, named .doc');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function checkJson(files: string[]): CheckOutput {
  const r = runCli(['check', ...files, '--format', 'json', '--locale', 'en'], { cwd: dir });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(1);
  return CheckOutputSchema.parse(JSON.parse(r.stdout));
}

describe('jiaohe check on PDF and .doc files (built CLI)', () => {
  it('reads a PDF: the wrong rate is found on its line, the figure split over two lines read whole', () => {
    const out = checkJson(['report.pdf']);
    const doc = out.documents[0]!;
    expect(doc.format).toBe('pdf');
    expect(doc.page).toEqual({ title: '某街道2020年法治政府建设年度报告' });
    const rate = doc.diagnostics.find((d) => d.ruleId === 'rate-matches-counts');
    expect(rate?.message).toContain('116/120');
    // Line 8 of the extracted text is line 4 of page 2: 率96.6%。
    expect([rate!.line, rate!.column, rate!.endLine, rate!.endColumn]).toEqual([8, 2, 8, 7]);
    // The base, 120件, starts on line 6 (…申请12) and ends on line 7 (0件…).
    const base = rate!.related.find((r) => r.message.includes('120'));
    expect([base?.line, base?.column]).toEqual([6, 9]);
    // Two pages; the rate is on the second, as the JSON's page starts and stylish output say.
    expect(doc.pageStarts).toHaveLength(2);
    expect(pageOf(doc.pageStarts!, rate!.range.start)).toBe(2);
    const stylish = runCli(['check', 'report.pdf'], { cwd: dir }).stdout;
    expect(stylish).toMatch(/8:2 +警告 +办结率96\.6%[^\n]*第2页第4行/);
  });

  it('reads a .doc: the wrong rate is found in paragraph 3', () => {
    const out = checkJson(['report.doc']);
    const doc = out.documents[0]!;
    expect(doc.format).toBe('doc');
    const rate = doc.diagnostics.find((d) => d.ruleId === 'rate-matches-counts');
    expect([rate?.line, rate?.column]).toEqual([3, 26]);
  });

  it('refuses a scanned PDF with exit 2 and a message saying what to give instead', () => {
    const zh = runCli(['check', 'scan.pdf'], { cwd: dir });
    expect(zh.code).toBe(2);
    expect(zh.stdout).toBe('');
    expect(zh.stderr).toBe('jiaohe: scan.pdf: PDF 中没有文字层(可能是扫描件),无法检查;请提供 Word 或文字版 PDF\n');
    const en = runCli(['check', 'scan.pdf', '--locale', 'en'], { cwd: dir });
    expect(en.code).toBe(2);
    expect(en.stderr).toBe('jiaohe: scan.pdf: the PDF has no text layer (a scan?), so there is nothing to check; give the Word file or a PDF with text\n');
  });

  it('says a damaged PDF is damaged, and still checks the other files', () => {
    const r = runCli(['check', 'damaged.pdf', 'report.doc'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('jiaohe: damaged.pdf: PDF 文件不完整或已损坏,无法读取\n');
    expect(r.stdout).toContain('report.doc');
    expect(r.stdout).toContain('rate-matches-counts');
  });

  it('says a file named .doc that is not a Word document is not one', () => {
    const r = runCli(['check', 'table.doc'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('jiaohe: table.doc: 不是 Word 文档,无法读取(可能是 Excel、PowerPoint 等其他程序的文件)\n');
  });
});
