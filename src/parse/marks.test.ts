import { describe, expect, it } from 'vitest';
import { normalizeView } from '../text/normalize.js';
import { MARK_OF, Marks } from './marks.js';

describe('Marks', () => {
  it('keeps every marked position when far more units are marked than the first buffer holds', () => {
    // All digits: every unit is marked, eight times what the buffer starts with for this length.
    const norm = '1234567890'.repeat(3000);
    const marks = Marks.scan(norm, [{ start: 0, end: norm.length }]);
    expect(marks.length).toBe(norm.length);
    const wrong = [];
    for (let k = 0; k < marks.length; k++) if (marks.positions[k] !== k) wrong.push(k);
    expect(wrong).toEqual([]);
  });

  it('visits only the given ranges, in order', () => {
    const norm = '甲1乙。丙2丁' + '戊'.repeat(5000) + '3己';
    const marks = Marks.scan(norm, [
      { start: 0, end: 4 },
      { start: 5, end: 7 },
      { start: norm.length - 2, end: norm.length },
    ]);
    expect(Array.from(marks.positions.subarray(0, marks.length))).toEqual([1, 3, 5, norm.length - 2]);
    expect(marks.from(4)).toBe(2);
  });

  it('collected while normalising, they are the marks of the normalised text, whether the text folds few units or many', () => {
    // Sparse: one full-width digit (folds to 1) among marks that do not fold.
    const sparse = '一是完成１件。“二”《三》前4名第5\n';
    // Dense: full-width punctuation throughout, so the view is copied unit by unit after the first 64 folds.
    const dense = '受理１２件，办结３件；'.repeat(40) + '一是“甲”。';
    for (const text of [sparse, dense, '', '无标记的文字']) {
      const view = normalizeView(text, MARK_OF);
      const scanned = Marks.scan(view.norm, [{ start: 0, end: view.norm.length }]);
      const collected = Array.from(view.marked!.positions.subarray(0, view.marked!.length));
      expect(collected).toEqual(Array.from(scanned.positions.subarray(0, scanned.length)));
    }
    // Checked by hand for the sparse text: 一 0, 是 1, １ 4, 。 6, “ 7, 二 8, ” 9, 《 10, 三 11, 》 12, 前 13, 4 14, 第 16, 5 17.
    const view = normalizeView(sparse, MARK_OF);
    expect(Array.from(view.marked!.positions.subarray(0, view.marked!.length))).toEqual([0, 1, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 16, 17]);
    expect(normalizeView(sparse).marked).toBeNull();
  });
});
