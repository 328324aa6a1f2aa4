import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CheckOutputSchema } from '../../src/index.js';
import { projectPath, scratchDir } from '../helpers.js';
import { runCli } from './run-cli.js';

const run = (args: string[]) => runCli(args);

describe('jiaohe parse (built CLI)', () => {
  it('prints the outline and metadata of both seeds', () => {
    const r = run(['parse', 'seeds/2020-baiyun-shimen-street.txt', 'seeds/2020-baiyun-district.txt']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('level: street');
    expect(r.stdout).toContain('level: district');
    expect(r.stdout).toContain('2020年12月2日 (signature)');
    expect(r.stdout).toContain('2021-01-12 (chrome)');
    expect(r.stdout).toContain('二、存在的问题和原因  [37:1]');
    expect(r.stdout).toContain('(九)推进法律服务集聚发展,全力打造法治城市新标杆  [91:3]');
  });

  it('prints the model as JSON with decimals as strings', () => {
    const r = run(['parse', 'seeds/2020-baiyun-shimen-street.txt', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { documents: Array<{ report: { quantities: Array<{ value: string; unit: string }> } }> };
    const q = doc.documents[0]!.report.quantities.find((x) => x.value === '1382000000');
    expect(q?.unit).toBe('元');
  });

  it('answers --version and --help', () => {
    expect(run(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(run(['--help']).stdout).toContain('jiaohe parse 文件...           显示报告的结构、元数据和数字');
    expect(run(['--help', '--locale', 'en']).stdout).toContain('jiaohe parse FILE');
  });

  it('runs the --plugin example of --help as written, and README names the same file', () => {
    const paths = (['zh', 'en'] as const).map((locale) => /^ {2}jiaohe check report\.txt --plugin (\S+)/m.exec(run(['--help', '--locale', locale]).stdout)?.[1]);
    expect(paths[0]).toBeDefined();
    expect(paths[1]).toBe(paths[0]);
    const plugin = paths[0]!;
    // From the repository's root, as the example is written; the seed stands in for report.txt.
    const checked = run(['check', 'seeds/2020-baiyun-shimen-street.txt', '--plugin', plugin]);
    expect([0, 1], checked.stderr).toContain(checked.code);
    const listed = run(['rules', '--plugin', plugin]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^sessions-match-list /m);
    // Every plugin path README shows, on the command line or in a config, is that file.
    const readme = readFileSync(projectPath('README.md'), 'utf8');
    const named = [...readme.matchAll(/--plugin (\.?\/?[\w./-]+\.m?js)/g), ...readme.matchAll(/"plugins": \["([^"]+)"\]/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThanOrEqual(3);
    for (const path of named) expect(path).toBe(plugin);
  });

  it('says why a plugin is not one, in Chinese by default and in English on request', () => {
    const dir = scratchDir('jiaohe-');
    const notRule = join(dir, 'five.mjs');
    writeFileSync(notRule, 'export default 5;\n');
    const badId = join(dir, 'bad-id.mjs');
    writeFileSync(badId, "export default { meta: { id: 'Bad_Id' }, check() {} };\n");
    const zh = run(['check', 'seeds/2020-baiyun-district.txt', '--plugin', notRule]);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('无法加载插件规则(它没有导出规则(请 export default 一条带 meta 和 check 的规则、规则数组或 { rules }))');
    const en = run(['check', 'seeds/2020-baiyun-district.txt', '--plugin', notRule, '--locale', 'en']);
    expect(en.stderr).toContain('cannot load the plugin (it exports no rule');
    const id = run(['check', 'seeds/2020-baiyun-district.txt', '--plugin', badId]);
    expect(id.code).toBe(2);
    expect(id.stderr).toContain("规则 id 'Bad_Id' 应为小写字母加连字符");
    const missing = run(['check', 'seeds/2020-baiyun-district.txt', '--plugin', join(dir, 'nowhere.mjs')]);
    expect(missing.stderr).toContain('nowhere.mjs: 无法加载插件规则(文件不存在)');
  });

  it('exits 2 with a one-line message on a missing file, an empty file and a binary file', () => {
    const dir = scratchDir('jiaohe-');
    const empty = join(dir, 'empty.txt');
    const binary = join(dir, 'image.txt');
    writeFileSync(empty, '');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02]));
    for (const [file, message] of [
      ['missing.txt', 'no such file'],
      [empty, 'the file is empty'],
      [binary, 'the file is binary'],
    ] as const) {
      const r = run(['parse', file, '--locale', 'en']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('reads GBK and UTF-16 text the same as UTF-8', () => {
    const dir = scratchDir('jiaohe-');
    const text = '一、主要举措\n我街受理12345热线事项1904件,办结率达100%。\n';
    const utf16 = join(dir, 'utf16.txt');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const gbk = join(dir, 'gbk.txt');
    // '一、主要举措\n我街受理热线事项1904件。\n' in GBK (bytes from Python's gbk codec).
    const gbkBytes = Buffer.from('d2bba1a2d6f7d2aabed9b4eb0aced2bdd6cadcc0edc8c8cfdfcac2cfee31393034bcfea1a30a', 'hex');
    writeFileSync(gbk, gbkBytes);
    const a = run(['parse', utf16, '--format', 'json']);
    expect(a.code).toBe(0);
    expect(a.stdout).toContain('"value": "1904"');
    const b = run(['parse', gbk]);
    expect(b.code).toBe(0);
    expect(b.stdout).toContain('一、主要举措');
    expect(run(['parse', gbk, '--format', 'json']).stdout).toContain('"value": "1904"');
  });

  it('rejects an unknown command and format with exit 2', () => {
    expect(run(['lint', 'x']).code).toBe(2);
    expect(run(['parse', 'seeds/2020-baiyun-district.txt', '--format', 'xml']).code).toBe(2);
    expect(run(['parse', '--nope']).code).toBe(2);
  });
});

describe('jiaohe check (built CLI)', () => {
  it('prints each finding with its position, the offending text and a summary, and exits 1 on errors', () => {
    const r = run(['check', 'seeds/2020-baiyun-shimen-street.txt', 'seeds/2020-baiyun-district.txt']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('12:192');
    expect(r.stdout).toContain('称行政诉讼数量为0,但另有8件、1件、2件、1件');
    expect(r.stdout).toContain('zero-claim-contradiction');
    expect(r.stdout).toContain('办结率96.6%系截断所得');
    // The code frame shows the line with carets under the figure.
    expect(r.stdout).toMatch(/在办案件4批,办结率96\.6%。\n\s+\| +\^{5}\n/);
    // Street: 1 error (zero claim), 3 warnings (完成和归档率 above 1742/1904, truncated rate,
    // part-year date); district: 2 errors (no causes, no first-responsible part) and, the two
    // being linked, 1 info (it names 24 镇街 but only one street's report is given).
    expect(r.stdout).toContain('2 个文件,7 个问题(错误 3,警告 3,提示 1)');
  });

  it('exits 0 when there is no error-severity finding', () => {
    const dir = scratchDir('jiaohe-');
    const file = join(dir, 'tidy.txt');
    writeFileSync(
      file,
      [
        '某某区人民政府2022年法治政府建设年度报告',
        '一、2022年推进法治政府建设的主要举措和成效',
        '全年共受理行政复议申请40件,其中已审结36件、在办4件,审结率90%。',
        '二、党政主要负责人履行推进法治建设第一责任人职责情况',
        '区政府主要负责同志带头学法,召开专题会议3次。',
        '三、存在的不足和原因',
        '基层执法力量不足,原因是编制紧张。',
        '四、2023年度推进法治政府建设的主要安排',
        '一是加强统筹;二是强化执法监督。',
        '某某区人民政府',
        '2023年1月10日',
      ].join('\n'),
    );
    const r = run(['check', file]);
    expect(r.stdout).toContain('1 个文件,0 个问题');
    expect(r.code).toBe(0);
  });

  it('prints { documents: [{ path, diagnostics, claims }], summary } with --format json', () => {
    const r = run(['check', 'seeds/2020-baiyun-shimen-street.txt', '--format', 'json', '--locale', 'en']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as {
      documents: Array<{ path: string; diagnostics: Array<{ ruleId: string; message: string; line: number }>; claims: unknown[] }>;
      summary: { files: number; errors: number; warnings: number };
    };
    expect(out.documents[0]!.path).toBe('seeds/2020-baiyun-shimen-street.txt');
    expect(out.documents[0]!.diagnostics.map((d) => d.ruleId)).toEqual(['rate-matches-counts', 'zero-claim-contradiction', 'rate-matches-counts', 'report-date']);
    expect(out.documents[0]!.diagnostics[2]!.message).toBe('办结率 96.6% was truncated: 116/120 = 96.6667% rounds to 96.7%');
    expect(out.documents[0]!.claims.length).toBeGreaterThan(30);
    expect(out.summary).toMatchObject({ files: 1, errors: 1, warnings: 3 });
    expect(out.documents[0]).toMatchObject({ kind: 'fazhi-zhengfu-annual-report', level: 'street', year: 2020 });
  });

  it('lists the inputs it could not read in the JSON output, as SARIF does', () => {
    const r = run(['check', 'seeds/2020-baiyun-shimen-street.txt', 'missing.txt', '--format', 'json', '--locale', 'en']);
    expect(r.code).toBe(2);
    const out = CheckOutputSchema.parse(JSON.parse(r.stdout));
    expect(out.documents.map((d) => d.path)).toEqual(['seeds/2020-baiyun-shimen-street.txt']);
    expect(out.unreadable).toEqual([{ path: 'missing.txt', message: 'missing.txt: no such file' }]);
    const zh = CheckOutputSchema.parse(JSON.parse(run(['check', 'seeds/2020-baiyun-shimen-street.txt', 'missing.txt', '--format', 'json']).stdout));
    expect(zh.unreadable).toEqual([{ path: 'missing.txt', message: 'missing.txt: 文件不存在' }]);
    // Nothing unreadable: an empty list, not a missing field.
    expect((JSON.parse(run(['check', 'seeds/2020-baiyun-shimen-street.txt', '--format', 'json']).stdout) as { unreadable: unknown }).unreadable).toEqual([]);
  });

  it('exits 2 on unreadable input and bad options', () => {
    expect(run(['check', 'missing.txt']).code).toBe(2);
    expect(run(['check', 'seeds/2020-baiyun-district.txt', '--locale', 'fr']).code).toBe(2);
    expect(run(['check', 'seeds/2020-baiyun-district.txt', '--format', 'text']).code).toBe(2);
    expect(run(['check']).code).toBe(2);
  });
});

describe('jiaohe check across documents (built CLI)', () => {
  it('checks a street against --parent and shows the link in JSON', () => {
    const r = run(['check', 'seeds/2020-baiyun-shimen-street.txt', '--parent', 'seeds/2020-baiyun-district.txt', '--format', 'json']);
    const out = JSON.parse(r.stdout) as { links: Array<{ child: string; parent: string; explicit: boolean }>; documents: Array<{ path: string; links: unknown[] }> };
    expect(out.links).toEqual([expect.objectContaining({ child: 'seeds/2020-baiyun-shimen-street.txt', parent: 'seeds/2020-baiyun-district.txt', explicit: true })]);
    expect(out.documents).toHaveLength(2);
    expect(out.documents[0]!.links).toHaveLength(1);
  });

  it('reports a cross-document finding with its related location in the other file', () => {
    const dir = scratchDir('jiaohe-');
    const street = readFileSync(projectPath('seeds/2020-baiyun-shimen-street.txt'), 'utf8').replace('承办区人大代表建议3件', '承办区人大代表建议300件');
    writeFileSync(join(dir, 'street.txt'), street);
    writeFileSync(join(dir, 'district.txt'), readFileSync(projectPath('seeds/2020-baiyun-district.txt'), 'utf8'));
    writeFileSync(join(dir, 'README.md'), '# notes\n');
    // A directory: every report inside, linked by place names (README.md is not a report).
    const r = run(['check', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { documents: Array<{ path: string; diagnostics: Array<{ ruleId: string; related: Array<{ document?: string; line: number }> }> }> };
    expect(out.documents.map((d) => d.path.split(/[\\/]/).pop())).toEqual(['district.txt', 'street.txt']);
    const finding = out.documents[1]!.diagnostics.find((d) => d.ruleId === 'cross-child-within-parent')!;
    // 办理各级人大代表建议204件 is on line 29 of the district report.
    expect(finding.related).toEqual([expect.objectContaining({ document: join(dir, 'district.txt'), line: 29 })]);
  });

  it('exits 2 on a directory with no reports', () => {
    const dir = scratchDir('jiaohe-');
    const r = run(['check', dir, '--locale', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no reports');
  });
});
