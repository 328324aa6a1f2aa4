import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkReport, type CheckResult, type Diagnostic } from '../../src/index.js';
import { fuzzText, SHORT_RUN } from '../fuzz/arbitraries.js';
import { checkInput, referencePositions } from '../fuzz/invariants.js';
import { MAX_LINEARITY_RATIO, measureLinearity } from '../fuzz/linearity.js';
import { loadFuzzSources } from '../fuzz/sources.js';
import { projectPath } from '../helpers.js';

// The short run of `npm run fuzz`: same generator and invariants, 10^3 inputs, a fixed seed so a
// failure here reproduces; inputs are smaller than the long run's (SHORT_RUN) to keep `npm test` quick.
const RUNS = 1000;
const SEED = 12;
const sources = loadFuzzSources(projectPath(''));
if (sources.corpusNote) console.warn(sources.corpusNote);
const arb = fuzzText(sources, SHORT_RUN);

describe("the fuzzer's own line and column arithmetic", () => {
  it('counts \\r\\n, \\r, \\n, U+2028 and U+2029 as one break each and columns in UTF-16 units', () => {
    // a0 \r1 \n2 b3 \r4 c5 \n6 d7 U+2028@8 e9 U+2029@10 f11 😀12-13 g14, length 15
    const text = 'a\r\nb\rc\nd\u2028e\u2029f😀g';
    const at = referencePositions(text, [0, 1, 2, 3, 5, 7, 9, 11, 14, 15]);
    expect([...at].map(([o, p]) => `${o}=${p.line}:${p.column}`)).toEqual(['0=1:1', '1=1:2', '2=1:3', '3=2:1', '5=3:1', '7=4:1', '9=5:1', '11=6:1', '14=6:4', '15=6:5']);
  });

  it('reads \\n\\r as two breaks and a trailing \\r as one', () => {
    const at = referencePositions('x\n\ry\r', [3, 5]);
    expect(at.get(3)).toEqual({ line: 3, column: 1 });
    expect(at.get(5)).toEqual({ line: 4, column: 1 });
  });
});

describe('fragment sources', () => {
  it('reads the seeds and the corpus bodies, header lines left out', () => {
    // Two seeds and, when the shared corpus is there, one body per corpus text file.
    expect(sources.texts.length).toBeGreaterThanOrEqual(2);
    if (!sources.corpusNote) expect(sources.texts.some((t) => t.startsWith('url:'))).toBe(false);
  });

  it('falls back to the seeds with a note when ../shared/corpus is absent', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiaohe-fuzz-src-'));
    try {
      const root = join(dir, 'project');
      mkdirSync(join(root, 'seeds'), { recursive: true });
      writeFileSync(join(root, 'seeds', 'a.txt'), '共计3件');
      writeFileSync(join(root, 'seeds', 'README.md'), 'not a seed');
      const got = loadFuzzSources(root);
      expect(got.texts).toEqual(['共计3件']);
      expect(got.corpusNote).toContain('not found');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the invariants the fuzzer checks', () => {
  // Line 2 starts at offset 10, after the CRLF at 8–9; 9/10 is 90%, not 80%: "80%" is [26, 29).
  const text = '一、总体情况说明\r\n共受理10件,已办结9件,办结率80%。';
  const real = checkReport(text);
  const broken = (edit: (d: Diagnostic) => Diagnostic) => (t: string) => Object.assign(checkReport(t), { diagnostics: real.diagnostics.map(edit) });

  it('pass on a real check of a small report with a finding after a CRLF', () => {
    const rate = real.diagnostics.find((d) => d.ruleId === 'rate-matches-counts');
    expect(rate && [rate.range.start, `${rate.line}:${rate.column}-${rate.endLine}:${rate.endColumn}`]).toEqual([26, '2:17-2:20']);
    expect(checkInput(text).problems).toEqual([]);
  });

  it('catch a throw, a crashed rule, a range past the end and a wrong line or column', () => {
    const kinds = (check: (t: string) => CheckResult) => checkInput(text, check).problems.map((p) => p.kind);
    expect(kinds(() => { throw new Error('boom'); })).toEqual(['throw']);
    expect(kinds(broken((d) => ({ ...d, ruleId: 'internal-error' })))).toContain('internal-error');
    expect(kinds(broken((d) => ({ ...d, range: { start: d.range.start, end: text.length + 1 } })))).toContain('range');
    expect(kinds(broken((d) => ({ ...d, column: d.column + 1 })))).toContain('position');
    expect(kinds(broken((d) => ({ ...d, endLine: d.endLine + 1 })))).toContain('position');
  });
});

describe('fuzzing checkReport (short run)', () => {
  it('makes the inputs the fuzzer is meant to make', () => {
    const sample = fc.sample(arb, { seed: SEED, numRuns: 300 }).join('\u0000');
    const wanted: Record<string, RegExp> = {
      'lone surrogate': /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/,
      astral: /[\ud800-\udbff][\udc00-\udfff]/,
      NBSP: /\u00a0/,
      'full-width comma': /，/,
      CRLF: /\r\n/,
      'lone CR': /\r(?!\n)/,
      'repeated heading': /(（一）[^]{0,12}){5}/,
      'dense ones': /(1 ){50}/,
      share: /\d+(\.\d+)?%/,
      万: /\d万/,
      其中: /其中/,
      共计: /共计/,
      分别为: /分别为/,
      占比: /占比/,
      'tab cells': /\S\t\S/,
      'pipe cells': / \| /,
      'real report text': /法治政府建设/,
    };
    const missing = Object.entries(wanted)
      .filter(([, re]) => !re.test(sample))
      .map(([name]) => name);
    expect(missing).toEqual([]);
  });

  it('never throws or crashes a rule, and places every finding inside the text at its line and column', () => {
    let withFindings = 0;
    fc.assert(
      fc.property(arb, (text) => {
        const outcome = checkInput(text);
        expect(outcome.problems).toEqual([]);
        if (outcome.findings > 0) withFindings++;
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // The position checks only mean something if findings are common.
    expect(withFindings).toBeGreaterThan(RUNS / 4);
  });

  it('spends about as much time per character on ~200 KB of fuzzed text as on the same text in ~10 KB pieces', () => {
    const l = measureLinearity(arb, { seed: SEED, blockChars: 10_000, blocks: 20 });
    expect(l.largeChars).toBeGreaterThan(200_000);
    expect(l.ratio).toBeLessThan(MAX_LINEARITY_RATIO);
  });

  it('would see a checker that scans the whole text once per figure-like character', () => {
    // Every 200th character looks at the whole text: 20 blocks joined cost about 20× per character.
    const quadratic = (t: string): number => {
      let n = 0;
      for (let i = 0; i < t.length; i += 200) for (let j = 0; j < t.length; j++) n += t.charCodeAt(j) & 1;
      return n;
    };
    const l = measureLinearity(arb, { seed: SEED, blockChars: 2_000, blocks: 20, check: quadratic });
    expect(l.ratio).toBeGreaterThan(MAX_LINEARITY_RATIO * 2);
  });
});
