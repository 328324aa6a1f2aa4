import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/index.js';
import { seedText } from '../helpers.js';

/** Median milliseconds per input character over `runs` parses. */
function perChar(text: string, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    parseReport(text);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)]! / text.length;
}

function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

const PATTERNS: Record<string, string> = {
  '、': '、',
  digits: '7',
  '（一）': '（一）',
  一是: '一是',
  'unclosed （': '（这是',
  '“': '“',
  '第': '第',
  '约余万': '约余万',
  'numbered lines': '（一）加强。\n1、领导重视。我街\n',
  'seed text': seedText('street'),
};

describe('parseReport stays linear', () => {
  for (const [name, unit] of Object.entries(PATTERNS)) {
    it(`time per character is flat from 10 KB to 1 MB: ${name}`, () => {
      perChar(repeatTo(unit, 10_000), 5); // warm up
      const small = perChar(repeatTo(unit, 10_000), 15);
      const large = perChar(repeatTo(unit, 1_000_000), 2);
      // Quadratic work would make the 1 MB input 100× slower per character; allow noise and GC.
      expect(large).toBeLessThan(small * 4 + 0.0005);
    });
  }
});
