/**
 * docs/writing-rules.md quotes the worked example: every block marked `<!-- quote: PATH -->` must
 * appear, line for line, in that file, and the terminal output it shows must be what the built CLI
 * prints (run `npx tsup` first).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../e2e/run-cli.js';
import { projectPath } from '../helpers.js';

const GUIDE = readFileSync(projectPath('docs/writing-rules.md'), 'utf8');

/** The quoted blocks of the guide: the file named and the code under it. */
const QUOTES = [...GUIDE.matchAll(/<!-- quote: (\S+) -->\n```[a-z]*\n([\s\S]*?)\n```/g)].map((m) => ({ path: m[1]!, code: m[2]! }));

describe('docs/writing-rules.md', () => {
  it('quotes the example files', () => {
    expect(QUOTES.length).toBeGreaterThanOrEqual(15);
    const files = new Set(QUOTES.map((q) => q.path));
    expect([...files].sort()).toEqual([
      'test/examples/sessions-match-list/index.d.mts',
      'test/examples/sessions-match-list/index.mjs',
      'test/examples/sessions-match-list/sessions-match-list.test.ts',
    ]);
  });

  for (const [i, q] of QUOTES.entries()) {
    it(`quote ${i + 1} (${q.path}: ${q.code.split('\n')[0]!.trim().slice(0, 40)}) is in the file as written`, () => {
      const file = readFileSync(projectPath(q.path), 'utf8');
      // Whole lines: the quote starts at a line start and ends at a line end.
      expect(`\n${file}\n`.includes(`\n${q.code}\n`), `docs/writing-rules.md quotes ${q.path}, but the file no longer has:\n${q.code}`).toBe(true);
    });
  }

  describe('the terminal output it shows', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiaohe-guide-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('is what jiaohe check prints for the example report', () => {
      writeFileSync(
        join(dir, 'report.txt'),
        ['一、主要举措和成效', '(一)领导带头学法', '全年召开区政府常务会议学法2次,分别学习了《宪法》、《民法典》、《行政处罚法》。', ''].join('\n'),
      );
      const r = runCli(['check', 'report.txt', '--plugin', projectPath('test/examples/sessions-match-list/index.mjs')], { cwd: dir });
      const shown = /In the terminal:\n\n```\n([\s\S]*?)\n```/.exec(GUIDE)?.[1];
      expect(shown).toBeDefined();
      expect(r.stdout.trimEnd()).toBe(shown);
    });
  });
});
