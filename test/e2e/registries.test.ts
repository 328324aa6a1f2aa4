import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/node.js';
import { FORMAT_FACTS, SourceFormatSchema } from '../../src/io/formats/facts.js';
import { INPUT_FORMATS, formatOfName, sniffFormat } from '../../src/io/formats/index.js';
import { NODE_INPUT_FORMATS } from '../../src/io/formats/node.js';
import { BUILTIN_FORMAT_NAMES } from '../../src/report/formatters.js';
import { scratchDir, seedText } from '../helpers.js';
import { runCli } from './run-cli.js';

/** A folder of reports: two streets, one draft to leave out, one in a sub-folder. */
function reportsDir(): string {
  const dir = scratchDir('jiaohe-registries-');
  const street = seedText('street');
  writeFileSync(join(dir, 'a.txt'), street);
  writeFileSync(join(dir, 'b.txt'), street.replace('2020年', '2020 年'));
  writeFileSync(join(dir, '草稿.txt'), street);
  writeFileSync(join(dir, 'notes.json'), '{}');
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 'c.txt'), street);
  return dir;
}

const paths = (stdout: string): string[] => (JSON.parse(stdout) as { documents: Array<{ path: string }> }).documents.map((d) => d.path);

describe('input formats as a registry', () => {
  it('names each format once, with its extensions, MIME type and (for binary formats) a magic number', () => {
    const names = INPUT_FORMATS.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    const extensions = INPUT_FORMATS.flatMap((f) => f.extensions);
    expect(new Set(extensions).size).toBe(extensions.length);
    for (const f of INPUT_FORMATS) expect(f.mime).toMatch(/^[a-z]+\/[\w.+-]+$/);
    expect(formatOfName('报告.DOCX')?.name).toBe('docx');
    expect(formatOfName('dir.docx/报告')).toBeNull();
    expect(sniffFormat(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]))?.name).toBe('docx');
    expect(sniffFormat(new TextEncoder().encode('PK? not a zip'))).toBeNull();
  });

  it('has a reader under Node for every format name, each with the facts outputs read', () => {
    expect(NODE_INPUT_FORMATS.map((f) => f.name).sort()).toEqual([...SourceFormatSchema.options].sort());
    for (const f of NODE_INPUT_FORMATS) expect(f.mime).toBe(FORMAT_FACTS[f.name].mime);
    // The browser's registry is Node's less the formats whose readers need Node.
    expect(INPUT_FORMATS.every((f) => NODE_INPUT_FORMATS.includes(f))).toBe(true);
    expect(NODE_INPUT_FORMATS.filter((f) => !INPUT_FORMATS.includes(f)).map((f) => f.name)).toEqual(['doc']);
  });
});

describe('glob patterns expanded by the tool, with --ignore-pattern', () => {
  it('expands a quoted pattern itself (as a Windows shell passes it), sorted, only report files', () => {
    const dir = reportsDir();
    const r = runCli(['check', '*.txt', '--format', 'json', '--no-config'], { cwd: dir });
    expect(r.code).not.toBe(2);
    expect(paths(r.stdout)).toEqual(['a.txt', 'b.txt', '草稿.txt']);
  });

  it('follows ** into sub-folders and leaves out what --ignore-pattern names, by name or by path', () => {
    const dir = reportsDir();
    const all = runCli(['check', '**/*.txt', '--format', 'json', '--no-config', '--ignore-pattern', '草稿*'], { cwd: dir });
    expect(paths(all.stdout)).toEqual(['a.txt', 'b.txt', 'sub/c.txt']);
    const folder = runCli(['check', '.', '--format', 'json', '--no-config', '--ignore-pattern', 'sub/**', '--ignore-pattern', '草稿.txt'], { cwd: dir });
    expect(paths(folder.stdout).map((p) => p.replace(/^\.\//, ''))).toEqual(['a.txt', 'b.txt']);
  });

  it('takes the folders before the first wildcard literally, so brackets in a folder name are no group', () => {
    const dir = reportsDir();
    mkdirSync(join(dir, '报告(2024)'));
    writeFileSync(join(dir, '报告(2024)', 'x.txt'), seedText('street'));
    const r = runCli(['check', '报告(2024)/*.txt', '--format', 'json', '--no-config'], { cwd: dir });
    expect(paths(r.stdout)).toEqual(['报告(2024)/x.txt']);
  });

  it('leaves out a folder named by --ignore-pattern, takes an absolute pattern from the working directory, and refuses to check nothing', () => {
    const dir = reportsDir();
    const folder = runCli(['check', '**/*.txt', '--format', 'json', '--no-config', '--ignore-pattern', 'sub', '--ignore-pattern', join(dir, '草稿.txt')], { cwd: dir });
    expect(paths(folder.stdout)).toEqual(['a.txt', 'b.txt']);
    const none = runCli(['check', '*.txt', '--no-config', '--ignore-pattern', '*.txt'], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('*.txt: 找到的文件都被 --ignore-pattern 排除');
  });

  it('reads a file named .doc that is a web page as a web page', () => {
    const dir = reportsDir();
    writeFileSync(join(dir, 'word-page.doc'), `<html><body><p>${seedText('street').split('\n').join('</p><p>')}</p></body></html>`);
    const r = runCli(['check', 'word-page.doc', '--format', 'json', '--no-config'], { cwd: dir });
    expect(r.code).not.toBe(2);
    expect((JSON.parse(r.stdout) as { documents: Array<{ format: string }> }).documents[0]!.format).toBe('html');
  });

  it('says a file named .doc that is Rich Text is RTF, with exit code 2', () => {
    const dir = reportsDir();
    writeFileSync(join(dir, 'rich.doc'), '{\\rtf1\\ansi 本街道受理120件}');
    const r = runCli(['check', 'rich.doc', '--no-config'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('jiaohe: rich.doc: 这是 RTF 格式的文件(只是以 Word 文件名保存),无法读取;请在 Word 或 WPS 中另存为 .docx\n');
  });

  it('reads a file named outright even when a pattern would leave it out', () => {
    const dir = reportsDir();
    const r = runCli(['check', '草稿.txt', '--format', 'json', '--no-config', '--ignore-pattern', '草稿*'], { cwd: dir });
    expect(paths(r.stdout)).toEqual(['草稿.txt']);
  });

  it('says so when a pattern matches no report, with exit code 2', () => {
    const dir = reportsDir();
    const r = runCli(['check', '*.docx', '--no-config'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('*.docx: 没有匹配的报告文件');
  });
});

describe('output formats as a registry, and a formatter from a file', () => {
  it('lists every built-in format in the help', () => {
    const help = runCli(['--help']).stdout;
    for (const name of BUILTIN_FORMAT_NAMES) expect(help).toContain(name);
  });

  it('prints each built-in format through the CLI, the same findings in each', () => {
    const seeds = ['seeds/2020-baiyun-district.txt', 'seeds/2020-baiyun-shimen-street.txt'];
    const json = JSON.parse(runCli(['check', ...seeds, '--format', 'json', '--no-config']).stdout) as { documents: Array<{ diagnostics: Array<{ message: string }> }> };
    const messages = json.documents.flatMap((d) => d.diagnostics.map((x) => x.message));
    expect(messages.length).toBeGreaterThan(3);
    const html = runCli(['check', ...seeds, '--format', 'html', '--no-config']).stdout;
    expect(html.startsWith('<!DOCTYPE html>') || html.startsWith('<!doctype html>')).toBe(true);
    const csv = runCli(['check', ...seeds, '--format', 'csv', '--no-config']).stdout;
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rd = JSON.parse(runCli(['check', ...seeds, '--format', 'rdjson', '--no-config']).stdout) as { diagnostics: Array<{ message: string }> };
    expect(rd.diagnostics).toHaveLength(messages.length);
    const unescape = (t: string): string => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    for (const m of messages) {
      expect(unescape(html)).toContain(m);
      expect(csv).toContain(m.replace(/"/g, '""'));
      expect(rd.diagnostics.some((d) => d.message.includes(m))).toBe(true);
    }
  });

  it('loads --format ./file.mjs and prints what its format() returns for the checked documents', () => {
    const dir = reportsDir();
    writeFileSync(
      join(dir, 'count.mjs'),
      `export default { name: 'count', format: (docs, context) => docs.map((d) => d.path + ' ' + d.diagnostics.length + ' ' + context.locale).join('\\n') + '\\n' };\n`,
    );
    const json = runCli(['check', 'a.txt', 'b.txt', '--format', 'json', '--no-config'], { cwd: dir });
    const counts = (JSON.parse(json.stdout) as { documents: Array<{ path: string; diagnostics: unknown[] }> }).documents.map((d) => `${d.path} ${d.diagnostics.length} en`);
    const custom = runCli(['check', 'a.txt', 'b.txt', '--format', './count.mjs', '--locale', 'en', '--no-config'], { cwd: dir });
    expect(custom.stderr).not.toContain('--format');
    expect(custom.stdout).toBe(`${counts.join('\n')}\n`);
    expect(custom.code).toBe(json.code);
  });

  it('refuses a formatter file that exports no formatter, or whose format() returns no text', () => {
    const dir = reportsDir();
    writeFileSync(join(dir, 'none.mjs'), 'export const x = 1;\n');
    writeFileSync(join(dir, 'number.mjs'), 'export function format() { return 42; }\n');
    const none = runCli(['check', 'a.txt', '--format', './none.mjs', '--no-config'], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--format ./none.mjs: 无法作为输出格式使用(没有导出格式');
    const number = runCli(['check', 'a.txt', '--format', './number.mjs', '--no-config'], { cwd: dir });
    expect(number.code).toBe(2);
    expect(number.stderr).toContain('format() 返回的是 number,不是文本');
    writeFileSync(join(dir, 'throws.mjs'), "export default { name: 'x', format() { throw new Error('boom'); } };\n");
    const throws = runCli(['check', 'a.txt', '--format', './throws.mjs', '--no-config'], { cwd: dir });
    expect(throws.code).toBe(2);
    expect(throws.stderr).toBe('jiaohe: --format ./throws.mjs: 无法作为输出格式使用(boom)\n');
    const missing = runCli(['check', 'a.txt', '--format', './missing.mjs', '--no-config'], { cwd: dir });
    expect(missing.code).toBe(2);
  });
});

describe('checkFiles (jiaohe/node)', () => {
  it('returns exactly what the command prints, its exit code and the documents', async () => {
    const dir = reportsDir();
    const a = join(dir, 'a.txt');
    const c = join(dir, 'sub', 'c.txt');
    const cli = runCli(['check', a, c, '--format', 'json', '--no-config']);
    const result = await checkFiles([a, c], { noConfig: true });
    expect(result.exitCode).toBe(cli.code);
    // The tool's version is the one field a library run and the built CLI both take from package.json.
    expect(result.output).toBe(cli.stdout);
    expect(result.documents.map((d) => d.path)).toEqual([a, c]);
    expect(result.documents[0]!.diagnostics.length).toBe((JSON.parse(cli.stdout) as { documents: Array<{ diagnostics: unknown[] }> }).documents[0]!.diagnostics.length);
    expect(result.documents[0]!.diagnostics.length).toBeGreaterThan(0);
    const stylish = await checkFiles([a], { noConfig: true, format: 'stylish' });
    expect(stylish.output).toBe(runCli(['check', a, '--no-config']).stdout);
  });

  it('gives a problem with an input or an option as exit code 2 and its message, never a throw', async () => {
    const dir = reportsDir();
    const missing = await checkFiles([join(dir, 'nope.txt')], { noConfig: true });
    expect(missing.exitCode).toBe(2);
    expect(missing.errors.join('\n')).toContain('nope.txt');
    const bad = await checkFiles([join(dir, 'a.txt')], { noConfig: true, rules: { 'no-such-rule': 'error' } });
    expect(bad.exitCode).toBe(2);
    expect(bad.errors.join('\n')).toContain('no-such-rule');
    // A file whose name starts with a dash is a file, not an option.
    const dash = await checkFiles(['-x.txt'], { noConfig: true, locale: 'en' });
    expect(dash.exitCode).toBe(2);
    expect(dash.errors.join('\n')).toContain('-x.txt');
    expect(dash.errors.join('\n')).not.toContain('unknown option');
  });
});
