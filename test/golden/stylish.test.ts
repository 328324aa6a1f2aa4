/**
 * The stylish output of both seeds, as the built CLI prints it: a snapshot checked by hand
 * (see README.md), and the caret alignment checked by measuring terminal columns.
 */
import { readFileSync } from 'node:fs';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { projectPath, seedText } from '../helpers.js';
import { runCli } from '../e2e/run-cli.js';

const FILES = ['seeds/2020-baiyun-district.txt', 'seeds/2020-baiyun-shimen-street.txt'];

/** The characters of `line` that sit in terminal columns [from, from + width). */
function underColumns(line: string, from: number, width: number): string {
  let col = 0;
  let out = '';
  for (const ch of line) {
    const w = stringWidth(ch);
    if (col >= from && col + w <= from + width) out += ch;
    col += w;
  }
  return out;
}

describe('stylish output of the seeds', () => {
  const r = runCli(['check', ...FILES]);

  it('matches the hand-checked snapshot, and exits 1 for the errors', () => {
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(readFileSync(projectPath('test/golden/seeds.stylish.txt'), 'utf8'));
  });

  it('puts the carets under exactly the words each finding is about, on lines full of Chinese', () => {
    const lines = r.stdout.split('\n');
    const texts: Record<string, string> = { [FILES[0]!]: seedText('district'), [FILES[1]!]: seedText('street') };
    let file = '';
    let checked = 0;
    for (let i = 0; i < lines.length; i++) {
      if (lines[i]! in texts) file = lines[i]!;
      const head = /^ {2}(\d+):(\d+) +(error|warning|info) /.exec(lines[i]!);
      if (!head) continue;
      const [, lineNo, colNo] = head;
      const frame = lines[i + 1]!.replace(/^ *\d+ \| /, '');
      const carets = lines[i + 2]!.replace(/^ +\| /, '');
      const start = carets.indexOf('^');
      const width = carets.length - start;
      // The words at that line and column of the file, as many as the carets cover.
      const text = texts[file]!.split('\n')[Number(lineNo) - 1]!.slice(Number(colNo) - 1);
      const under = underColumns(frame, start, width);
      expect(under.length).toBeGreaterThan(0);
      expect(text.replace(/\u3000/g, ' ').startsWith(under)).toBe(true);
      // Chinese characters before the carets: the alignment is really tested on wide text.
      expect(stringWidth(frame.slice(0, frame.indexOf(under)))).toBe(start);
      checked++;
    }
    expect(checked).toBe(7);
  });

  // 3 errors, 3 warnings, 1 info are the seven findings listed in README.md; 36/3/7 are the
  // verdict counts of the hand-checked claim lists in claims.test.ts.
  it('says the summary in English with --locale en', () => {
    const en = runCli(['check', ...FILES, '--locale', 'en']);
    expect(en.stdout.trim().split('\n').pop()).toBe('2 file(s), 7 problem(s) (3 errors, 3 warnings, 1 infos); claims: 36 verified, 3 failed, 7 unverifiable');
  });
});
