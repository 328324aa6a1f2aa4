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
  const en = runCli(['check', ...FILES, '--locale', 'en']);

  it('matches the hand-checked snapshot, and exits 1 for the errors', () => {
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(readFileSync(projectPath('test/golden/seeds.stylish.txt'), 'utf8'));
  });

  /** Checks every finding's carets against the file's text; returns the severity words seen. */
  function checkCarets(stdout: string): string[] {
    const lines = stdout.split('\n');
    const texts: Record<string, string> = { [FILES[0]!]: seedText('district'), [FILES[1]!]: seedText('street') };
    let file = '';
    const severities: string[] = [];
    for (let i = 0; i < lines.length; i++) {
      if (lines[i]! in texts) file = lines[i]!;
      const head = /^ {2}(\d+):(\d+) +(错误|警告|提示|error|warning|info) +\S/.exec(lines[i]!);
      if (!head) continue;
      const [, lineNo, colNo, severity] = head;
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
      // Every message starts in the same terminal column, whatever the severity word: 2 + 8
      // (position) + 1 + the severity's width (错误 is 4 columns; warning, padded, 7) + 2.
      expect(stringWidth(/^ {2}\S+ +\S+ +/.exec(lines[i]!)![0])).toBe(severity!.length === 2 ? 17 : 20);
      severities.push(severity!);
    }
    return severities;
  }

  it('puts the carets under exactly the words each finding is about, on lines full of Chinese', () => {
    // District: 提示, 错误, 错误; street: 警告, 错误, 警告, 警告 (the seven findings of README.md).
    expect(checkCarets(r.stdout)).toEqual(['提示', '错误', '错误', '警告', '错误', '警告', '警告']);
  });

  it('says the severities in English with --locale en, the carets still in place', () => {
    expect(checkCarets(en.stdout)).toEqual(['info', 'error', 'error', 'warning', 'error', 'warning', 'warning']);
  });

  it('ends a finding that has a fix with the suggestion, in each locale', () => {
    // The two rates of the street seed have one (91% for 达100%, 96.7% for the truncated 96.6%); no other finding does.
    expect(r.stdout.split('\n').filter((l) => l.includes('建议:'))).toEqual(['         建议:改为91%', '         建议:改为96.7%']);
    const lines = en.stdout.split('\n');
    expect(lines.filter((l) => l.includes('suggestion:'))).toEqual(['         suggestion: write 91%', '         suggestion: write 96.7%']);
    expect(lines[lines.indexOf('         suggestion: write 96.7%') - 1]).toBe('         30:195 base: 120批');
  });

  // 3 errors, 3 warnings, 1 info are the seven findings listed in README.md; 36/3/7 are the
  // verdict counts of the hand-checked claim lists in claims.test.ts.
  it('says the summary in English with --locale en', () => {
    expect(en.stdout.trim().split('\n').pop()).toBe('2 file(s), 7 problem(s) (3 errors, 3 warnings, 1 infos); claims: 36 verified, 3 failed, 7 unverifiable');
  });
});
