import { describe, expect, it } from 'vitest';
import { Marks } from './marks.js';

describe('Marks', () => {
  it('keeps every marked position when far more units are marked than the first buffer holds', () => {
    // All digits: every unit is marked, eight times what the buffer starts with for this length.
    const norm = '1234567890'.repeat(3000);
    const marks = new Marks(norm, [{ start: 0, end: norm.length }]);
    expect(marks.length).toBe(norm.length);
    const wrong = [];
    for (let k = 0; k < marks.length; k++) if (marks.positions[k] !== k) wrong.push(k);
    expect(wrong).toEqual([]);
  });

  it('visits only the given ranges, in order', () => {
    const norm = '甲1乙。丙2丁' + '戊'.repeat(5000) + '3己';
    const marks = new Marks(norm, [
      { start: 0, end: 4 },
      { start: 5, end: 7 },
      { start: norm.length - 2, end: norm.length },
    ]);
    expect(Array.from(marks.positions.subarray(0, marks.length))).toEqual([1, 3, 5, norm.length - 2]);
    expect(marks.from(4)).toBe(2);
  });
});
