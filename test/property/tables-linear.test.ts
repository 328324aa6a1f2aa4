/**
 * Reading tables stays linear on pathological text: many bars, many short numeric lines, long
 * rows, labels and numbers alternating line by line, header words repeated. Time per character
 * must not grow with the input (quadratic work would make the large input 10–100× slower per
 * character).
 */
import { describe, expect, it } from 'vitest';
import { checkReport, parseReport } from '../../src/index.js';
import { extractHtml } from '../../src/io/html.js';
import { medianPerChar, repeatTo } from '../helpers.js';

const PATTERNS: Record<string, string> = {
  bars: '|',
  'empty cells': '||||\n',
  'short numeric lines': '7\n',
  'numeric cells': '7 |\n',
  'label then numbers': '甲类 |\n1 |\n2 |\n3 |\n',
  'rows of ever more cells': '合计 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 |\n',
  'serial numbers': '1 |\n甲 |\n5 |\n2 |\n乙 |\n6 |\n',
  'header words repeated': '信息内容 |\n总计 |\n信息内容 |\n1 |\n',
  'spaced figures': '结转 0 0 0 0 0 0 0\n',
  'markers and totals': '(三)\n不予公开\n1.国家秘密\n0\n(四)总计\n0\n',
};

describe('table reading stays linear', () => {
  for (const [name, unit] of Object.entries(PATTERNS)) {
    it(`parseReport time per character is flat from 10 KB to 200 KB: ${name}`, () => {
      const run = (t: string): number => medianPerChar(parseReport, t, 1);
      run(repeatTo(unit, 10_000));
      const small = medianPerChar(parseReport, repeatTo(unit, 10_000), 7);
      const large = medianPerChar(parseReport, repeatTo(unit, 200_000), 1);
      expect(large).toBeLessThan(small * 4 + 0.0005);
    });
  }

  for (const name of ['label then numbers', 'rows of ever more cells', 'markers and totals']) {
    it(`checkReport time per character is flat from 10 KB to 100 KB: ${name}`, () => {
      const unit = PATTERNS[name]!;
      medianPerChar(checkReport, repeatTo(unit, 10_000), 2);
      const small = medianPerChar(checkReport, repeatTo(unit, 10_000), 5);
      const large = medianPerChar(checkReport, repeatTo(unit, 100_000), 2);
      expect(large).toBeLessThan(small * 4 + 0.0005);
    });
  }

  // Tables a page gives as tables: read from the page's structure, linear in their cells.
  const row = (label: string): string => `<tr><td>${label}</td>${'<td>3</td>'.repeat(6)}<td>18</td></tr>`;
  const HTML: Record<string, (n: number) => string> = {
    'one long table': (n) => `<table><tr><td>类别</td>${'<td>甲</td>'.repeat(6)}<td>总计</td></tr>${Array.from({ length: n }, (_, i) => row(`第${i}类`)).join('')}</table>`,
    'many small tables': (n) => Array.from({ length: n }, (_, i) => `<table><tr><td>项目</td><td>数</td></tr><tr><td>第${i}项</td><td>1</td></tr></table>`).join(''),
    'a label spanning every row': (n) =>
      `<table><tr><td colspan="2">类别</td><td>件数</td></tr>${Array.from({ length: n }, (_, i) => `<tr>${i === 0 ? `<td rowspan="${n}">全部</td>` : ''}<td>第${i}类</td><td>2</td></tr>`).join('')}</table>`,
    // Every row restated in the text: each figure looks up the rows its words name, never all of them.
    'a long table and a restatement of every row': (n) =>
      `<table><tr><td>类别</td><td>件数</td></tr>${Array.from({ length: n }, (_, i) => `<tr><td>第${i}类事项</td><td>3</td></tr>`).join('')}</table><p>${Array.from({ length: n }, (_, i) => `办理第${i}类事项3件`).join(',')}。</p>`,
    'hostile spans': (n) => `<table>${Array.from({ length: n }, () => '<tr><td colspan="9999" rowspan="9999">1</td><td>2</td></tr>').join('')}</table>`,
  };
  for (const [name, make] of Object.entries(HTML)) {
    it(`a page's tables: read and checked in time per character flat from 100 to 2000 rows: ${name}`, () => {
      const page = (n: number): string => `<html><body><p>统计表</p>${make(n)}</body></html>`;
      const check = (html: string): unknown => {
        const p = extractHtml(html);
        return checkReport(parseReport(p.text, { tables: p.tables }));
      };
      medianPerChar(check, page(100), 2);
      const small = medianPerChar(check, page(100), 5);
      const large = medianPerChar(check, page(2000), 2);
      expect(large).toBeLessThan(small * 4 + 0.0005);
    });
  }

  it('never throws and keeps every cell range inside the text on these inputs', () => {
    for (const unit of Object.values(PATTERNS)) {
      const text = repeatTo(unit, 5_000);
      const report = parseReport(text);
      expect(report.notes.filter((n) => n.code === 'internal-error')).toEqual([]);
      for (const t of report.tables) {
        for (const row of t.rows) for (const c of row.cells) expect(c.range.end).toBeLessThanOrEqual(text.length);
      }
    }
  });
});
