import { describe, expect, it } from 'vitest';
import { checkReport } from '../builtin.js';
import { assertWithinLimits, countDigitRuns, InputLimitError, MAX_DIGIT_RUNS } from './limits.js';
import { parseReport } from './parse-report.js';

describe('the digit-run limit', () => {
  it('counts runs of ASCII and full-width digits, not digits', () => {
    // 2020 | 12 | 31 | 3 | 12 | 5 (a decimal point splits a run) | ０８ : seven runs.
    expect(countDigitRuns('2020年12月31日,受理3件,占比12.5%,第０８号')).toBe(7);
    expect(countDigitRuns('三项制度,一二三')).toBe(0);
    expect(countDigitRuns('')).toBe(0);
  });

  it('stops counting just past the limit, so the count of a huge text is cheap', () => {
    expect(countDigitRuns('1 '.repeat(1000), 10)).toBe(11);
  });

  it('refuses a text of more numbers than the limit before parsing, with the counts', () => {
    const dense = '1 '.repeat(MAX_DIGIT_RUNS + 1) + '件';
    let caught: unknown = null;
    try {
      parseReport(dense);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InputLimitError);
    expect((caught as InputLimitError).found).toBe(MAX_DIGIT_RUNS + 1);
    expect((caught as InputLimitError).max).toBe(MAX_DIGIT_RUNS);
    expect(() => checkReport(dense)).toThrow(InputLimitError);
  });

  it('accepts a text at the limit, and a caller may lower it', () => {
    expect(() => assertWithinLimits('1 '.repeat(MAX_DIGIT_RUNS))).not.toThrow();
    expect(() => parseReport('受理3件,办结2件。', { maxDigitRuns: 1 })).toThrow(/more than 1 numbers/);
    expect(parseReport('受理3件,办结2件。', { maxDigitRuns: 2 }).quantities).toHaveLength(2);
  });
});
