/**
 * Bad input gets a clear one-line message and exit code 2, never a crash or a hang; the other
 * files of a batch are still checked; nothing the tool reads is modified.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_RULES, checkReport, ConfigError, resolveConfig } from '../../src/index.js';
import { seedText } from '../helpers.js';
import { runCli } from './run-cli.js';
import { zipBomb } from './zip-bomb.js';

let dir: string;
let report: string;

afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jiaohe-bad-'));
  report = join(dir, 'street.txt');
  writeFileSync(report, seedText('street'));
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
  const docx = await Packer.toBuffer(new Document({ sections: [{ children: seedText('street').split('\n').map((t) => new Paragraph({ text: t })) }] }));
  writeFileSync(join(dir, 'truncated.docx'), docx.subarray(0, Math.floor(docx.length / 2)));
  writeFileSync(join(dir, 'renamed.docx'), 'this is plain text, not a Word file');
  mkdirSync(join(dir, 'no-reports'));
  writeFileSync(join(dir, 'no-reports', 'notes.xlsx'), 'PK');
  writeFileSync(join(dir, 'no-reports', 'README.md'), '# about these reports');
  writeFileSync(join(dir, 'bad.json'), '{ "rules": { "report-date": "off", } ');
  writeFileSync(join(dir, 'wrong-key.json'), JSON.stringify({ rulez: {} }));
  writeFileSync(join(dir, 'bad-severity.json'), JSON.stringify({ rules: { 'report-date': 'fatal' } }));
  writeFileSync(join(dir, 'bomb.docx'), zipBomb(66));
  writeFileSync(join(dir, 'proto.json'), '{ "rules": { "__proto__": "off" } }');
  writeFileSync(join(dir, 'eslint-suppressions.json'), JSON.stringify({ 'src/a.js': { 'no-undef': { count: 1 } } }));
  writeFileSync(
    join(dir, 'other.sarif'),
    JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'eslint' } }, results: [] }] }),
  );
});

/** Runs the CLI in the temporary folder and checks the one-line message and exit code 2. */
function expectInputError(args: string[], message: string | RegExp): string {
  const r = runCli(['--locale', 'en', ...args], { cwd: dir });
  expect(r.code, r.stderr).toBe(2);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^jiaohe: /);
  if (typeof message === 'string') expect(lines[0]).toContain(message);
  else expect(lines[0]).toMatch(message);
  return lines[0]!;
}

describe('bad input: message and exit code 2', () => {
  it('a missing file', () => {
    expectInputError(['check', 'missing.txt'], 'missing.txt: no such file');
  });

  it('a directory with no reports (README.md and other files are not reports)', () => {
    expectInputError(['check', 'no-reports'], 'no-reports: no reports (.txt, .md, .html, .docx, .pdf, .doc, .wps) in this directory');
  });

  it('an empty file', () => {
    expectInputError(['check', 'empty.txt'], 'empty.txt: the file is empty');
  });

  it('a binary file', () => {
    expectInputError(['check', 'image.txt'], 'image.txt: the file is binary, not text');
  });

  it('a truncated .docx', () => {
    expectInputError(['check', 'truncated.docx'], /truncated\.docx: the \.docx file is truncated or damaged/);
  });

  it('a text file named .docx', () => {
    expectInputError(['check', 'renamed.docx'], /renamed\.docx: not a \.docx file/);
  });

  it('invalid JSON config, naming the file and what is wrong', () => {
    expectInputError(['check', 'street.txt', '--config', 'bad.json'], /bad\.json: not valid JSON/);
  });

  it('a config with an unknown key or a bad severity, naming the key', () => {
    expectInputError(['check', 'street.txt', '--config', 'wrong-key.json'], /wrong-key\.json: invalid configuration: rulez/);
    expectInputError(['check', 'street.txt', '--config', 'bad-severity.json'], /bad-severity\.json: invalid configuration: rules\.report-date/);
  });

  it('an unknown rule id, with the nearest known one', () => {
    expectInputError(['check', 'street.txt', '--rule', 'report-dates=off'], "unknown rule 'report-dates', did you mean 'report-date'");
    expectInputError(['check', 'street.txt', '--rule', 'no-such-thing=warning'], "unknown rule 'no-such-thing' (jiaohe rules lists them all)");
    expectInputError(['check', 'street.txt', '--rule', 'report-date=fatal'], '--rule takes rule=off|info|warning|error');
  });

  it('a baseline file from another tool', () => {
    expectInputError(['check', 'street.txt', '--baseline', 'eslint-suppressions.json'], /eslint-suppressions\.json: not a jiaohe baseline file/);
    expectInputError(['check', 'street.txt', '--baseline', 'other.sarif'], /other\.sarif: not a jiaohe baseline file/);
  });

  it('a file with no report text: white space only, or a page of scripts', () => {
    writeFileSync(join(dir, 'blank.txt'), '  \n\u3000\n\t\n');
    writeFileSync(join(dir, 'scripts.html'), '<!doctype html><html><head><script>var a = "一、情况 1904件";</script></head><body><nav><a href="/">首页</a></nav></body></html>');
    expectInputError(['check', 'blank.txt'], 'blank.txt: the file has no report text');
    expectInputError(['check', 'scripts.html'], 'scripts.html: the file has no report text');
  });

  it('a device or other non-regular file, and a file over 8 MB', () => {
    expectInputError(['check', '/dev/zero'], '/dev/zero: cannot read (not a regular file)');
    writeFileSync(join(dir, 'big.txt'), Buffer.alloc(8 * 1024 * 1024 + 1, 0x41));
    expectInputError(['check', 'big.txt'], 'big.txt: the file is too large (over 8 MB) to be a report');
  });

  it('a small .docx that would inflate past the XML limit: what was refused and why, not "over 8 MB"', () => {
    // 66 MiB declared for word/document.xml against the 64 MiB limit; the file is about 67 KB.
    const line = expectInputError(['check', 'bomb.docx'], /^jiaohe: bomb\.docx: refused: word\/document\.xml inside the \.docx would decompress to 66\.0 MB, over the 64\.0 MB limit for its XML \(a zip bomb\?; the file itself is 6\d\.\d KB\)$/);
    expect(line).not.toContain('8 MB');
    const zh = runCli(['check', 'bomb.docx'], { cwd: dir });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toMatch(/^jiaohe: bomb\.docx: 已拒绝读取:\.docx 中的 word\/document\.xml 解压后将达 66\.0 MB,超过正文 XML 解压后 64\.0 MB 的上限\(疑似“压缩炸弹”;文件本身 6\d\.\d KB\)\n$/);
  });

  it('flags that name a bad value are blamed on the flag, not on a config file', () => {
    expectInputError(['check', 'street.txt', '--level', 'galaxy'], /^jiaohe: --level: /);
    expectInputError(['check', 'street.txt', '--kind', 'nope'], /^jiaohe: --kind: .*nope/);
  });

  it('an option a rule does not have, in the config file', () => {
    writeFileSync(join(dir, 'typo-option.json'), JSON.stringify({ rules: { 'sum-matches-total': ['warning', { reportShrot: true }] } }));
    expectInputError(['check', 'street.txt', '--config', 'typo-option.json'], "rule sum-matches-total has no option 'reportShrot'");
  });

  it('bad usage: unknown command, flag, format, locale, --max-warnings', () => {
    expectInputError(['rules', 'street.txt'], 'the rules command takes no files');
    expectInputError(['lint', 'street.txt'], "unknown command 'lint'");
    expectInputError(['check', 'street.txt', '--colour'], "unknown option '--colour' (try --help)");
    expectInputError(['check', 'street.txt', '--format', 'xml'], "--format must be stylish|json|sarif|html|csv|rdjson, not 'xml'");
    expectInputError(['check', 'street.txt', '--max-warnings=-1'], "--max-warnings needs a whole number ≥ 0, not '-1'");
    expectInputError(['check', 'street.txt', '--max-warnings', 'many'], "--max-warnings needs a whole number ≥ 0, not 'many'");
    expectInputError(['check', 'street.txt', '--max-warnings'], "option '--max-warnings' needs a value");
    expectInputError(['check', 'street.txt', '--max-warnings', '-1'], "the value of '--max-warnings' starts with -: write --max-warnings=VALUE");
    expectInputError(['check'], 'check needs at least one FILE');
    expectInputError(['check', 'street.txt', '--write-baseline'], '--write-baseline needs --baseline FILE');
  });

  it('a forbidden key (__proto__, constructor, prototype) in a config file, which zod would drop without a word', () => {
    expectInputError(['check', 'street.txt', '--config', 'proto.json'], "proto.json: invalid configuration: rules.__proto__: the key '__proto__' is not allowed");
    writeFileSync(join(dir, 'ctor-option.json'), JSON.stringify({ rules: { 'sum-matches-total': ['warning', { constructor: true }] } }));
    expectInputError(['check', 'street.txt', '--config', 'ctor-option.json'], "ctor-option.json: invalid configuration: rules.sum-matches-total[1].constructor: the key 'constructor' is not allowed");
    writeFileSync(join(dir, 'proto-top.json'), '{ "prototype": {} }');
    expectInputError(['check', 'street.txt', '--config', 'proto-top.json'], "proto-top.json: invalid configuration: prototype: the key 'prototype' is not allowed");
    const zh = runCli(['check', 'street.txt', '--config', 'proto.json'], { cwd: dir });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toBe("jiaohe: proto.json: 配置无效:rules.__proto__: 不允许使用键 '__proto__'(__proto__、constructor、prototype 不能作为规则名、选项名或其他键)\n");
  });

  it("says it in Chinese by default, Node's own option errors included", () => {
    const r = runCli(['check', 'missing.txt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('jiaohe: missing.txt: 文件不存在');
    expect(runCli(['check', 'street.txt', '--bogus'], { cwd: dir }).stderr.trim()).toBe("jiaohe: 未知选项 '--bogus'(参见 --help)");
    expect(runCli(['check', 'truncated.docx'], { cwd: dir }).stderr.trim()).toBe('jiaohe: truncated.docx: .docx 文件不完整或已损坏');
  });

  it('says in Chinese what used to be said in English: zod, JSON, option and file-system reasons', () => {
    const zh = (args: string[]): string => {
      const r = runCli(args, { cwd: dir });
      expect(r.code, r.stderr).toBe(2);
      return r.stderr.trim();
    };
    expect(zh(['check', 'street.txt', '--config', 'bad-severity.json'])).toBe('jiaohe: bad-severity.json: 配置无效:rules.report-date: 应为 "off"、"error"、"warning"、"info" 之一');
    expect(zh(['check', 'street.txt', '--config', 'wrong-key.json'])).toBe('jiaohe: wrong-key.json: 配置无效:rulez: 未知的键 "rulez"');
    // '{ "rules": { "report-date": "off", } ': the } after the stray comma is the 36th character.
    expect(zh(['check', 'street.txt', '--config', 'bad.json'])).toBe('jiaohe: bad.json: 不是有效的 JSON(第 1 行第 36 列附近有误)');
    writeFileSync(join(dir, 'typo-option-zh.json'), JSON.stringify({ rules: { 'sum-matches-total': ['warning', { reportShrot: true }] } }));
    expect(zh(['check', 'street.txt', '--config', 'typo-option-zh.json'])).toBe("jiaohe: typo-option-zh.json: 配置无效:选项 rules.sum-matches-total[1].reportShrot 无效:规则 sum-matches-total 没有选项 'reportShrot'");
    expect(zh(['check', 'street.txt', '--baseline', 'eslint-suppressions.json'])).toBe('jiaohe: eslint-suppressions.json: 不是 jiaohe 的基线文件(tool: 应为 "jiaohe")');
    expect(zh(['check', '/dev/zero'])).toBe('jiaohe: /dev/zero: 无法读取(不是普通文件)');
    expect(zh(['check', 'street.txt', '-o', 'no-such-dir/out.json'])).toBe('jiaohe: no-such-dir/out.json: 无法写入(文件或目录不存在)');
    expect(zh(['check', 'street.txt', '--format'])).toBe("jiaohe: 选项 '--format' 缺少参数");
    expect(zh(['check', 'street.txt', '--quiet=yes'])).toBe("jiaohe: 选项 '--quiet' 不接受参数");
    expect(zh(['check', 'street.txt', '--level', 'galaxy'])).toMatch(/^jiaohe: --level: 配置项 level 无效:应为 "district"、"county"、"street"、"town"、.* 之一$/);
  });

  it('checks the other files of a batch, reports each unreadable one, and exits 2', () => {
    const r = runCli(['--locale', 'en', 'check', 'street.txt', 'missing.txt', 'empty.txt', 'truncated.docx', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      'jiaohe: missing.txt: no such file',
      'jiaohe: empty.txt: the file is empty',
      expect.stringMatching(/^jiaohe: truncated\.docx: the \.docx file is truncated or damaged/),
    ]);
    const out = JSON.parse(r.stdout) as { documents: Array<{ path: string; diagnostics: unknown[] }> };
    expect(out.documents.map((d) => d.path)).toEqual(['street.txt']);
    expect(out.documents[0]!.diagnostics.length).toBeGreaterThan(0);
  });

  it('never writes over a configuration, profile or baseline the run reads', () => {
    writeFileSync(join(dir, 'ok.json'), '{}');
    expectInputError(['check', 'street.txt', '--config', 'ok.json', '--output', 'ok.json'], 'ok.json: the output file is one of the files being checked');
    expect(readFileSync(join(dir, 'ok.json'), 'utf8')).toBe('{}');
    const project = join(dir, 'proj');
    mkdirSync(project);
    writeFileSync(join(project, 'jiaohe.config.json'), '{}');
    writeFileSync(join(project, 'r.txt'), seedText('street'));
    const r = runCli(['check', 'r.txt', '--output', 'jiaohe.config.json', '--locale', 'en'], { cwd: project });
    expect(r.code).toBe(2);
    expect(readFileSync(join(project, 'jiaohe.config.json'), 'utf8')).toBe('{}');
  });

  it('never writes over an input with --output, and leaves the input as it was', () => {
    const before = readFileSync(report);
    const mtime = statSync(report).mtimeMs;
    expectInputError(['check', 'street.txt', '--output', 'street.txt'], 'street.txt: the output file is one of the files being checked');
    expectInputError(['check', 'street.txt', '--output', `./sub/../street.txt`], 'the output file is one of the files being checked');
    expect(readFileSync(report).equals(before)).toBe(true);
    expect(statSync(report).mtimeMs).toBe(mtime);
  });

  it('does not hang on a huge single-line input', () => {
    // 30,000 sentences of three numbers each: 90,000 runs of digits, under the limit of 100,000.
    writeFileSync(join(dir, 'huge.txt'), `一、情况\n${'受理1件,办结1件,办结率100%。'.repeat(30_000)}`);
    const r = runCli(['check', 'huge.txt', '--quiet'], { cwd: dir });
    expect([0, 1]).toContain(r.code);
    expect(r.ms).toBeLessThan(20_000);
  });

  it('refuses a text of more numbers than can be checked in bounded time, before parsing it', () => {
    // 3.7 million figures in 7.4 MB (under the 8 MB input limit): checking it once took minutes
    // and ended in a heap-limit abort. Now it is refused at once, with the limit named.
    writeFileSync(join(dir, 'dense.txt'), `${'1 '.repeat(3_700_000)}件`);
    writeFileSync(join(dir, 'fine.txt'), '一、情况\n受理10件,办结10件。\n');
    const r = runCli(['check', 'dense.txt', 'fine.txt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('dense.txt: 含有超过 100000 个数字,不像是一份报告');
    expect(r.ms).toBeLessThan(10_000);
    const en = runCli(['check', 'dense.txt', '--locale', 'en'], { cwd: dir });
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('dense.txt: holds more than 100000 numbers');
  });
});

describe('forbidden keys in a configuration given to the library', () => {
  /** The ConfigError `resolveConfig` throws for a configuration read from JSON. */
  function configError(json: string): ConfigError {
    try {
      resolveConfig(JSON.parse(json), BUILTIN_RULES);
    } catch (e) {
      if (e instanceof ConfigError) return e;
      throw e;
    }
    throw new Error(`accepted: ${json}`);
  }

  it('refuses __proto__ as a rule id, which zod would drop without a word', () => {
    const e = configError('{ "rules": { "__proto__": "off" } }');
    expect(e.key).toBe('rules.__proto__');
    expect(e.message).toBe("配置项 rules.__proto__ 无效:不允许使用键 '__proto__'(__proto__、constructor、prototype 不能作为规则名或选项名)");
    expect(configError('{ "locale": "en", "rules": { "__proto__": { "report-date": "off" } } }').message).toBe(
      "invalid configuration at rules.__proto__: the key '__proto__' is not allowed (__proto__, constructor and prototype cannot name a rule or an option)",
    );
  });

  it('refuses constructor and prototype as rule ids and as option names, and an inherited name as an option', () => {
    expect(configError('{ "rules": { "constructor": "off" } }').key).toBe('rules.constructor');
    expect(configError('{ "rules": { "sum-matches-total": ["warning", { "prototype": true }] } }').key).toBe('rules.sum-matches-total[1].prototype');
    expect(configError('{ "rules": { "sum-matches-total": ["warning", { "__proto__": { "reportShort": true } }] } }').key).toBe('rules.sum-matches-total[1].__proto__');
    // toString is on every object's prototype, not an option of the rule.
    const inherited = configError('{ "locale": "en", "rules": { "sum-matches-total": ["warning", { "toString": true }] } }');
    expect(inherited.message).toBe("invalid option at rules.sum-matches-total[1].toString: rule sum-matches-total has no option 'toString'");
  });

  it('refuses them through checkReport too, and still takes an ordinary configuration', () => {
    expect(() => checkReport('一、情况', JSON.parse('{ "rules": { "__proto__": "off" } }'))).toThrow(ConfigError);
    const ok = resolveConfig(JSON.parse('{ "rules": { "report-date": "off", "sum-matches-total": ["warning", { "reportShort": true }] } }'), BUILTIN_RULES);
    expect(ok.rules.map((r) => r.rule.meta.id)).not.toContain('report-date');
    expect(ok.rules.find((r) => r.rule.meta.id === 'sum-matches-total')).toMatchObject({ severity: 'warning', options: { reportShort: true } });
  });
});
