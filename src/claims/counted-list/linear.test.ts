/**
 * Reading counted lists stays linear on texts made of one list shape repeated: every count looks
 * a bounded distance around itself and clause starts are looked up, not walked again per count.
 */
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../parse/parse-report.js';
import { ClaimList } from '../builder.js';
import { buildContext } from '../context.js';
import { builtinLexicon } from '../lexicon.js';
import { extractCountedLists } from './index.js';
import { medianPerChar, repeatTo } from '../../../test/helpers.js';

/** Median milliseconds per character of extracting the counted lists of `text` (parsed once). */
function perChar(text: string, runs: number): number {
  const ctx = buildContext(parseReport(text), builtinLexicon);
  return medianPerChar(() => extractCountedLists(ctx, new ClaimList()), text, runs);
}

const SHAPES: Record<string, string> = {
  'names before a count': '甲、乙、丙三项',
  'names before a count, no breaks': '甲、乙、丙三项制度建设、',
  'set phrase and bracket': '“三项制度”(甲、乙、',
  'quoted compound': '“三位一体”',
  'titles and sessions': '《甲培训》、《乙培训》等专题培训2次、',
  'rank and its list': '前三的部门为甲局、乙局、',
  'count and colon': '五个类型:甲类;乙类;',
  'rank and lines': '前10位的是:\n甲类1件\n',
  'clause before a count': '甲制度、乙制度,实现两个制度',
};

describe('extractCountedLists stays linear', () => {
  for (const [name, unit] of Object.entries(SHAPES)) {
    it(`time per character is flat from 10 KB to 100 KB: ${name}`, () => {
      perChar(repeatTo(unit, 10_000), 3); // warm up
      const small = perChar(repeatTo(unit, 10_000), 9);
      const large = perChar(repeatTo(unit, 100_000), 3);
      // Quadratic work would make the 100 KB input 10× slower per character; allow noise and GC.
      expect(large).toBeLessThan(small * 4 + 0.0005);
    });
  }
});
