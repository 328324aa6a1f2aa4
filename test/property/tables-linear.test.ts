/**
 * Reading tables stays linear on pathological text: many bars, many short numeric lines, long
 * rows, labels and numbers alternating line by line, header words repeated. Time per character
 * must not grow with the input (quadratic work would make the large input 10–100× slower per
 * character).
 */
import { describe, expect, it } from 'vitest';
import { checkReport, parseReport } from '../../src/index.js';
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
