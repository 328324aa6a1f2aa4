import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../parse-report.js';

// Claims look dates up by binary search (restatement.ts), which holds only if the scanner
// records them in text order. Checked on every real text the project can read.
const root = new URL('../../../', import.meta.url);
const corpus = new URL('../shared/corpus/', root);
const texts: Array<[string, string]> = [
  ...readdirSync(new URL('seeds/', root)).map((f): [string, string] => [f, readFileSync(new URL(`seeds/${f}`, root), 'utf8')]),
  ...(existsSync(corpus) ? readdirSync(corpus).filter((f) => f.endsWith('.txt')).map((f): [string, string] => [f, readFileSync(new URL(f, corpus), 'utf8')]) : []),
];

describe('dates are recorded in text order', () => {
  it('on the seeds and the corpus', () => {
    expect(texts.length).toBeGreaterThanOrEqual(2);
    for (const [name, text] of texts) {
      const starts = parseReport(text).dates.map((d) => d.range.start);
      expect(starts, name).toEqual([...starts].sort((a, b) => a - b));
    }
  });
});
