/** The check command's options, run through the built CLI (and in-process where a TTY matters). */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_CROSS_RULES, BUILTIN_RULES, CheckOutputSchema } from '../../src/index.js';
import { main, type CliIo } from '../../src/cli/main.js';
import { writeAtomic } from '../../src/cli/output.js';
import { projectPath, scratchDir, seedText } from '../helpers.js';
import { runCli } from './run-cli.js';

let dir: string;

afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jiaohe-opts-'));
  writeFileSync(join(dir, 'street.txt'), seedText('street'));
  writeFileSync(join(dir, 'district.txt'), seedText('district'));
});

const json = (stdout: string) => CheckOutputSchema.parse(JSON.parse(stdout));

/** Runs `main` in-process with a pretend terminal. */
async function inProcess(argv: string[], tty: boolean, env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stdoutTty: tty, stderrTty: tty, env, cwd: dir, version: '0.0.0-test' };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

describe('jiaohe check options', () => {
  it('exits 1 on the street seed (an error), with its findings', () => {
    const r = runCli(['check', 'street.txt', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const out = json(r.stdout);
    expect(out.version).toBe(1);
    expect(out.tool.name).toBe('jiaohe');
    expect(out.tool.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(out.summary.errors).toBe(1);
    expect(out.summary.warnings).toBe(3);
  });

  it('--rule id=off removes a rule; a lower severity lowers it', () => {
    const off = json(runCli(['check', 'street.txt', '--format', 'json', '--rule', 'zero-claim-contradiction=off'], { cwd: dir }).stdout);
    expect(off.summary.errors).toBe(0);
    expect(off.documents[0]!.diagnostics.map((d) => d.ruleId)).not.toContain('zero-claim-contradiction');
    const r = runCli(['check', 'street.txt', '--rule', 'zero-claim-contradiction=off'], { cwd: dir });
    expect(r.code).toBe(0);
    const lowered = json(runCli(['check', 'street.txt', '--format', 'json', '--rule', 'zero-claim-contradiction=warning'], { cwd: dir }).stdout);
    expect(lowered.documents[0]!.diagnostics.find((d) => d.ruleId === 'zero-claim-contradiction')!.severity).toBe('warning');
    expect(lowered.summary).toMatchObject({ errors: 0, warnings: 4 });
  });

  it('--max-warnings N: exit 1 only above N warnings', () => {
    const base = ['check', 'street.txt', '--rule', 'zero-claim-contradiction=off'];
    expect(runCli([...base, '--max-warnings', '3'], { cwd: dir }).code).toBe(0);
    const over = runCli([...base, '--max-warnings', '2', '--locale', 'en'], { cwd: dir });
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('3 warnings, more than --max-warnings 2');
  });

  it('--quiet reports errors only', () => {
    const out = json(runCli(['check', 'street.txt', '--format', 'json', '--quiet'], { cwd: dir }).stdout);
    expect(out.documents[0]!.diagnostics.map((d) => d.severity)).toEqual(['error']);
    // Warnings dropped by --quiet do not count against --max-warnings (as in ESLint).
    expect(runCli(['check', 'street.txt', '--rule', 'zero-claim-contradiction=off', '--quiet', '--max-warnings', '0'], { cwd: dir }).code).toBe(0);
  });

  it('finds jiaohe.config.json upward from the inputs, and flags override it', () => {
    const project = join(dir, 'project');
    mkdirSync(join(project, 'reports', '2020'), { recursive: true });
    writeFileSync(join(project, 'reports', '2020', 'street.txt'), seedText('street'));
    writeFileSync(join(project, 'jiaohe.config.json'), JSON.stringify({ locale: 'en', rules: { 'zero-claim-contradiction': 'off', 'report-date': 'off' } }));
    const r = runCli(['check', 'reports/2020/street.txt', '--format', 'json'], { cwd: project });
    expect(r.code).toBe(0);
    const ids = json(r.stdout).documents[0]!.diagnostics.map((d) => d.ruleId);
    expect(ids).not.toContain('zero-claim-contradiction');
    expect(ids).not.toContain('report-date');
    // The flag wins over the file.
    const again = json(runCli(['check', 'reports/2020/street.txt', '--format', 'json', '--rule', 'report-date=warning'], { cwd: project }).stdout);
    expect(again.documents[0]!.diagnostics.map((d) => d.ruleId)).toContain('report-date');
    // --no-config ignores it; --config names another file.
    expect(runCli(['check', 'reports/2020/street.txt', '--no-config'], { cwd: project }).code).toBe(1);
    writeFileSync(join(dir, 'lenient.json'), JSON.stringify({ rules: { 'zero-claim-contradiction': 'info' } }));
    const lenient = json(runCli(['check', 'street.txt', '--format', 'json', '--config', 'lenient.json'], { cwd: dir }).stdout);
    expect(lenient.summary).toMatchObject({ errors: 0, infos: 1 });
  });

  it('refuses inputs under two different config files', () => {
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    mkdirSync(a);
    mkdirSync(b);
    writeFileSync(join(a, 'jiaohe.config.json'), '{}');
    writeFileSync(join(b, 'jiaohe.config.json'), '{}');
    writeFileSync(join(a, 'r.txt'), seedText('street'));
    writeFileSync(join(b, 'r.txt'), seedText('street'));
    const r = runCli(['check', 'a/r.txt', 'b/r.txt', '--locale', 'en'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('different jiaohe.config.json files');
  });

  it('--output writes the file atomically and prints nothing', () => {
    const r = runCli(['check', 'street.txt', '--format', 'json', '--output', 'out/../result.json'], { cwd: dir });
    // out/ does not exist: the write fails cleanly with exit 2 and no temporary file left behind.
    expect(r.code).toBe(2);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const ok = runCli(['check', 'street.txt', '--format', 'json', '--output', 'result.json'], { cwd: dir });
    expect(ok.code).toBe(1);
    expect(ok.stdout).toBe('');
    expect(json(readFileSync(join(dir, 'result.json'), 'utf8')).summary.errors).toBe(1);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('--baseline with --write-baseline accepts today; later runs report only new findings', () => {
    const work = join(dir, 'baseline');
    mkdirSync(work);
    writeFileSync(join(work, 'street.txt'), seedText('street'));
    const write = runCli(['check', 'street.txt', '--baseline', 'jiaohe-baseline.json', '--write-baseline', '--locale', 'en'], { cwd: work });
    expect(write.code).toBe(0);
    expect(write.stderr).toContain('wrote 4 finding(s) to the baseline jiaohe-baseline.json');
    const saved = JSON.parse(readFileSync(join(work, 'jiaohe-baseline.json'), 'utf8')) as { tool: string; findings: Array<{ path: string; ruleId: string }> };
    expect(saved.tool).toBe('jiaohe');
    expect(saved.findings.map((f) => f.path)).toEqual(['street.txt', 'street.txt', 'street.txt', 'street.txt']);
    // Unchanged report: nothing new, exit 0, and the summary says how many were accepted.
    const same = runCli(['check', 'street.txt', '--baseline', 'jiaohe-baseline.json', '--locale', 'en'], { cwd: work });
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('0 problem(s) (0 errors, 0 warnings, 0 infos, 4 accepted by the baseline)');
    // An edit elsewhere keeps the old findings accepted; a new wrong rate is reported.
    const edited = seedText('street').replace('一、本年度主要举措和成效', '一、本年度主要举措和成效\n全年受理投诉20件,办结19件,办结率为100%。');
    writeFileSync(join(work, 'street.txt'), edited);
    const next = json(runCli(['check', 'street.txt', '--baseline', 'jiaohe-baseline.json', '--format', 'json'], { cwd: work }).stdout);
    expect(next.documents[0]!.baselined).toBe(4);
    expect(next.documents[0]!.diagnostics.map((d) => [d.ruleId, d.line])).toEqual([['rate-matches-counts', 3]]);
  });

  it('--write-baseline refuses to overwrite a file that is not a jiaohe baseline, and overwrites one that is', () => {
    const work = join(dir, 'baseline-target');
    mkdirSync(work);
    writeFileSync(join(work, 'street.txt'), seedText('street'));
    // Another report named by mistake: the JSON output of a run, then a text file.
    const report = runCli(['check', 'street.txt', '--format', 'json'], { cwd: work }).stdout;
    writeFileSync(join(work, 'report.json'), report);
    const refused = runCli(['check', 'street.txt', '--baseline', 'report.json', '--write-baseline', '--locale', 'en'], { cwd: work });
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(
      'jiaohe: report.json: the file exists and is not a jiaohe baseline (it has no "tool": "jiaohe" and "baselineVersion"); --write-baseline will not overwrite it: choose another name, or delete the file first if it is not needed\n',
    );
    expect(readFileSync(join(work, 'report.json'), 'utf8')).toBe(report);
    writeFileSync(join(work, 'notes.txt'), '会议纪要\n');
    const zh = runCli(['check', 'street.txt', '--baseline', 'notes.txt', '--write-baseline'], { cwd: work });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toBe('jiaohe: notes.txt: 文件已存在且不是 jiaohe 的基线文件(内容不是 JSON),--write-baseline 不会覆盖它;请换一个文件名,或确认无用后先删除它\n');
    expect(readFileSync(join(work, 'notes.txt'), 'utf8')).toBe('会议纪要\n');
    // An old jiaohe baseline (here with nothing accepted) is rewritten with today's findings.
    writeFileSync(join(work, 'jiaohe-baseline.json'), JSON.stringify({ tool: 'jiaohe', baselineVersion: 1, findings: [] }));
    const rewrite = runCli(['check', 'street.txt', '--baseline', 'jiaohe-baseline.json', '--write-baseline'], { cwd: work });
    expect(rewrite.code).toBe(0);
    const saved = JSON.parse(readFileSync(join(work, 'jiaohe-baseline.json'), 'utf8')) as { findings: Array<{ count: number }> };
    expect(saved.findings.reduce((n, f) => n + f.count, 0)).toBe(4);
  });

  it('writeAtomic leaves no temporary file and the old file as it was when the content fails midway', async () => {
    const work = scratchDir('jiaohe-atomic-');
    const target = join(work, 'out.json');
    writeFileSync(target, 'old');
    const boom = new Error('formatter failed');
    async function* failing(): AsyncGenerator<string> {
      yield 'x'.repeat(100_000);
      yield 'y'.repeat(100_000);
      throw boom;
    }
    await expect(writeAtomic(target, failing())).rejects.toBe(boom);
    expect(readdirSync(work)).toEqual(['out.json']);
    expect(readFileSync(target, 'utf8')).toBe('old');
    // A file-system failure (no such folder) is a CliError naming the file, with nothing left behind.
    await expect(writeAtomic(join(work, 'missing', 'out.json'), 'text')).rejects.toMatchObject({ name: 'CliError', id: 'cannotWrite' });
    expect(readdirSync(work)).toEqual(['out.json']);
    // Written in pieces of 2^20 characters, a surrogate pair across a boundary stays whole.
    const text = `${'a'.repeat((1 << 20) - 1)}𠀀${'b'.repeat(10)}`;
    await writeAtomic(target, text);
    expect(readFileSync(target, 'utf8')).toBe(text);
    expect(readdirSync(work)).toEqual(['out.json']);
  });

  it('writeAtomic removes its temporary file when SIGINT or SIGTERM arrives during the write, and the signal still ends the process', async () => {
    const work = scratchDir('jiaohe-signal-');
    // The sources bundled, so a plain node child can run them.
    await build({ entryPoints: [projectPath('src/cli/output.ts')], bundle: true, platform: 'node', format: 'esm', outfile: join(work, 'output.mjs'), logLevel: 'silent' });
    writeFileSync(
      join(work, 'write.mjs'),
      [
        "import { writeAtomic } from './output.mjs';",
        'async function* slow() {',
        "  yield 'x'.repeat(100000);",
        // The signal arrives while the write waits for more content.
        '  process.kill(process.pid, process.argv[3]);',
        '  await new Promise((r) => setTimeout(r, 5000));',
        "  yield 'never';",
        '}',
        'await writeAtomic(process.argv[2], slow());',
        "console.log('not interrupted');",
      ].join('\n'),
    );
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const out = join(work, `${signal}.json`);
      writeFileSync(out, 'old');
      const r = spawnSync(process.execPath, [join(work, 'write.mjs'), out, signal], { encoding: 'utf8', timeout: 10_000 });
      expect(r.signal, r.stderr).toBe(signal);
      expect(r.stdout).toBe('');
      expect(readFileSync(out, 'utf8')).toBe('old');
    }
    expect(readdirSync(work).filter((f) => f.includes('.tmp'))).toEqual([]);
    expect(readdirSync(work).sort()).toEqual(['SIGINT.json', 'SIGTERM.json', 'output.mjs', 'write.mjs']);
  });

  it('reads standard input with -, named by --stdin-filename', () => {
    const r = runCli(['check', '-', '--stdin-filename', 'from-pipe.txt', '--format', 'json'], { cwd: dir, input: seedText('street') });
    expect(r.code).toBe(1);
    const out = json(r.stdout);
    expect(out.documents[0]!.path).toBe('from-pipe.txt');
    expect(out.summary.errors).toBe(1);
    const html = runCli(['check', '-', '--format', 'json'], { cwd: dir, input: `<!doctype html><html><body><p>${seedText('street').split('\n').join('</p><p>')}</p></body></html>` });
    const page = json(html.stdout).documents[0]!;
    expect(page.path).toBe('<stdin>');
    expect(page.format).toBe('html');
    expect(page.diagnostics.map((d) => d.ruleId)).toContain('zero-claim-contradiction');
  });

  it('checks a directory as a batch: every supported file, streets linked to their district', () => {
    const batch = join(dir, 'batch');
    mkdirSync(join(batch, 'streets'), { recursive: true });
    writeFileSync(join(batch, 'district.txt'), seedText('district'));
    writeFileSync(join(batch, 'streets', 'shimen.txt'), seedText('street'));
    writeFileSync(join(batch, 'README.md'), '# 2020 reports');
    writeFileSync(join(batch, '~$shimen.docx'), 'Word lock file');
    const out = json(runCli(['check', 'batch', '--format', 'json'], { cwd: dir }).stdout);
    expect(out.documents.map((d) => d.path.replace(/\\/g, '/'))).toEqual(['batch/district.txt', 'batch/streets/shimen.txt']);
    expect(out.links).toHaveLength(1);
  });

  it('reads a file named twice (or through a link) once', () => {
    const out = json(runCli(['check', 'street.txt', './street.txt', '--format', 'json'], { cwd: dir }).stdout);
    expect(out.documents.map((d) => d.path)).toEqual(['street.txt']);
    expect(out.summary.errors).toBe(1);
  });

  it('takes the config of the inputs for a --parent or input that has none above it', () => {
    const project = join(dir, 'proj-parent');
    mkdirSync(project);
    writeFileSync(join(project, 'jiaohe.config.json'), JSON.stringify({ rules: { 'zero-claim-contradiction': 'off' } }));
    writeFileSync(join(project, 'street.txt'), seedText('street'));
    const r = runCli(['check', 'street.txt', '--parent', join(dir, 'district.txt'), '--format', 'json'], { cwd: project });
    const out = json(r.stdout);
    expect(out.links).toHaveLength(1);
    expect(out.documents.flatMap((d) => d.diagnostics.map((x) => x.ruleId))).not.toContain('zero-claim-contradiction');
    // The district itself is not "unplaced" noise.
    expect(r.stderr).toBe('');
  });

  it('reads UTF-16 without a BOM, and a Word file whatever its name', async () => {
    writeFileSync(join(dir, 'nobom.txt'), Buffer.from(seedText('street'), 'utf16le'));
    const a = json(runCli(['check', 'nobom.txt', '--format', 'json'], { cwd: dir }).stdout);
    expect(a.documents[0]!.encoding).toBe('utf-16le');
    expect(a.summary.errors).toBe(1);
    const { Document, Packer, Paragraph } = await import('docx');
    const bytes = await Packer.toBuffer(new Document({ sections: [{ children: seedText('street').split('\n').map((t) => new Paragraph({ text: t })) }] }));
    writeFileSync(join(dir, 'saved-from-word.txt'), bytes);
    const b = json(runCli(['check', 'saved-from-word.txt', '--format', 'json'], { cwd: dir }).stdout);
    expect(b.documents[0]!.format).toBe('docx');
    expect(b.summary.errors).toBe(1);
  });

  it('parse shows an HTML page\'s headings at their lines in the HTML file', () => {
    const lines = ['<!doctype html>', '<html><body>', '<nav><a href="/">首页</a><a href="/x">信息公开</a></nav>', '<div id="zoom">', '<p>2020年,我街坚持依法行政。</p>', '<p>一、本年度主要举措和成效</p>', '<p>(一)加强统筹。</p>', '</div></body></html>'];
    writeFileSync(join(dir, 'outline.html'), lines.join('\n'));
    const r = runCli(['parse', 'outline.html'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('一、本年度主要举措和成效  [6:4]');
  });

  it('lists the rules with descriptions and default severities', () => {
    const r = runCli(['rules', '--locale', 'en']);
    expect(r.code).toBe(0);
    for (const rule of [...BUILTIN_RULES, ...BUILTIN_CROSS_RULES]) {
      const line = r.stdout.split('\n').find((l) => l.startsWith(`${rule.meta.id} `));
      expect(line, rule.meta.id).toBeDefined();
      expect(line).toContain(rule.meta.defaultSeverity);
      expect(line).toContain(rule.meta.docs.description.en);
    }
    const zh = runCli(['rules']);
    expect(zh.stdout).toContain('默认级别');
    expect(zh.stdout).toContain(BUILTIN_RULES[0]!.meta.docs.description.zh);
    // Severities in the words the Chinese stylish output uses, never the English ids.
    const words = { error: '错误', warning: '警告', info: '提示' } as const;
    for (const rule of [...BUILTIN_RULES, ...BUILTIN_CROSS_RULES]) {
      const line = zh.stdout.split('\n').find((l) => l.startsWith(`${rule.meta.id} `))!;
      expect(line.slice(rule.meta.id.length).trimStart().startsWith(words[rule.meta.defaultSeverity]), line).toBe(true);
      expect(line).not.toMatch(/ (error|warning|info) /);
    }
    const listed = JSON.parse(runCli(['rules', '--format', 'json']).stdout) as Array<{ id: string }>;
    expect(listed).toHaveLength(BUILTIN_RULES.length + BUILTIN_CROSS_RULES.length);
  });

  it('prints help with examples, in Chinese unless --locale en, and on stderr with exit 2 when run bare', () => {
    const help = runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('示例:');
    expect(help.stdout).toContain('--baseline 文件               只报告基线文件中未接受的问题');
    expect(help.stdout).not.toContain('Examples:');
    const en = runCli(['--help', '--locale', 'en']);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('Examples:');
    expect(en.stdout).toContain('--baseline FILE');
    const bare = runCli([]);
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe('');
    expect(bare.stderr).toContain('用法:');
    // A locale but no command is still no command.
    const bareEn = runCli(['--locale', 'en']);
    expect(bareEn.code).toBe(2);
    expect(bareEn.stderr).toContain('Usage:');
  });

  it('colours stylish output only on a terminal and never with NO_COLOR', async () => {
    const tty = await inProcess(['check', join(dir, 'street.txt')], true);
    expect(tty.stdout).toContain('\u001b[31m');
    const noColor = await inProcess(['check', join(dir, 'street.txt')], true, { NO_COLOR: '1' });
    expect(noColor.stdout).not.toContain('\u001b[');
    const pipe = await inProcess(['check', join(dir, 'street.txt')], false);
    expect(pipe.stdout).not.toContain('\u001b[');
    expect(pipe.stdout).toBe(noColor.stdout);
  });

  it('shows progress on a terminal for more than a few files, and clears it', async () => {
    const many = join(dir, 'many');
    mkdirSync(many);
    for (let i = 0; i < 6; i++) writeFileSync(join(many, `r${i}.txt`), seedText('street'));
    const tty = await inProcess(['check', join(dir, 'many'), '--format', 'json'], true);
    // The last count, then the line wiped before anything else is written.
    expect(tty.stderr).toContain('\r检查中 6/6\u001b[K\r\u001b[K');
    const pipe = await inProcess(['check', join(dir, 'many'), '--format', 'json'], false);
    expect(pipe.stderr).not.toContain('检查中');
    const few = await inProcess(['check', join(dir, 'street.txt'), '--format', 'json'], true);
    expect(few.stderr).toBe('');
  });
});
