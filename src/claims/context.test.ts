import { describe, expect, it } from 'vitest';
import { overlapsTitle, titleSpans } from './context.js';

describe('book titles, which name laws and trainings rather than what a figure counts', () => {
  it('finds the inside of each title, nesting counted, an unclosed one ending with its line', () => {
    const text = '学习《宪法》和《关于《民法典》的决定》3次,《未完\n第二行';
    // 学0 习1 《2 宪3 法4 》5 和6 《7 关8 … 》18 3 19 次20 ,21 《22 未23 完24 \n25.
    // 《宪法》: inside 3..5; the outer title's inside 8..18 holds the nested one; 《未完 runs to the
    // line break at 25.
    expect(titleSpans(text)).toEqual([
      [3, 5],
      [8, 18],
      [23, 25],
    ]);
    expect(titleSpans('没有书名号的句子')).toEqual([]);
  });

  it('says whether a span shares a character with a title', () => {
    const spans = titleSpans('学习《宪法》和《民法典》3次');
    // 《宪法》 inside 3..5, 《民法典》 inside 8..11.
    expect(overlapsTitle(spans, 0, 3)).toBe(false); // 学习《
    expect(overlapsTitle(spans, 4, 5)).toBe(true); // 法
    expect(overlapsTitle(spans, 5, 8)).toBe(false); // 》和《
    expect(overlapsTitle(spans, 6, 12)).toBe(true); // 和《民法典
    expect(overlapsTitle(spans, 12, 14)).toBe(false); // 》3
    expect(overlapsTitle(spans, 4, 4)).toBe(false); // empty
  });
});
