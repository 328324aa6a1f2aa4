import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES } from '../../rules/index.js';
import { checkReport, parseProfile, ProfileError } from '../../src/index.js';
import type { RuleSetting } from '../../src/engine/config.js';
import { projectPath, scratchDir, seedText } from '../helpers.js';
import { CLI_TIMEOUT_MS } from '../e2e/run-cli.js';

const STRUCTURE = ['required-sections', 'heading-numbering', 'enumeration-sequence', 'report-date', 'plan-year', 'signature-block', 'document-kind'];

/** Only the structure rules, so the arithmetic findings do not get in the way. */
function structural(text: string) {
  const rules: Record<string, RuleSetting> = {};
  for (const r of BUILTIN_RULES) if (!STRUCTURE.includes(r.meta.id)) rules[r.meta.id] = 'off';
  return checkReport(text, { rules });
}

describe('structural findings on the seeds', () => {
  it('the street seed: only that it is dated inside 2020 while saying 截至目前', () => {
    // Signature dated 2020年12月2日 for the year 2020 (L59), and the body says 截至目前 (e.g. L8
    // "2020年度截至目前…", L12 "截至目前,我街…"): a part-year report, a warning. Everything else
    // is in order: 一、二、三 with (一)…(八), (一)…(四), (一)…(五) and 1、… each from 1 without gaps
    // (see the outline golden file); (1)…(7) in L36 and no 一是 runs; the causes are in the
    // heading 二、存在的问题和原因; the first-responsible duty is the subject of the opening
    // sentence (现将我街2020年度党政主要负责人履行推进法治建设第一责任人职责…情况汇报如下); the plan
    // heading names 2021年度; the signature names 石门街道办事处.
    const r = structural(seedText('street'));
    expect(r.kind).toMatchObject({ profile: 'fazhi-zhengfu-annual-report', variant: 'street-town', level: 'street' });
    expect(r.diagnostics.map((d) => [d.ruleId, d.messageId, d.severity, d.line, r.report.text.slice(d.range.start, d.range.end)])).toEqual([
      ['report-date', 'partialYearSoFar', 'warning', 59, '2020年12月2日'],
    ]);
  });

  it('the district seed: no causes for its problems, and no part on the first-responsible duty', () => {
    // L99 "二、存在的问题": its paragraph lists problems (重视度有待加强, 基层执法仍存在薄弱环节 …)
    // but no 原因. No heading or paragraph reports how the principal leaders fulfilled their
    // duty in 2020: the only mention is 二是落实党政主要负责人…职责 inside the 2021 plan (L105),
    // and the title is a plain 年度报告. The missing part is expected before "三、2021年工作计划".
    // The page metadata gives the issuer (发布机构) and dates (成文 2021-01-12, 发布 2021-01-13),
    // both in time; numbering 一、二、三 / (一)…(九) / 1.… is consecutive; 一是…七是 is too.
    const r = structural(seedText('district'));
    expect(r.kind).toMatchObject({ profile: 'fazhi-zhengfu-annual-report', variant: 'district-county', level: 'district' });
    expect(r.diagnostics.map((d) => [d.ruleId, d.messageId, d.severity, d.line, r.report.text.slice(d.range.start, d.range.end)])).toEqual([
      ['required-sections', 'noCauses', 'error', 99, '二、存在的问题'],
      ['required-sections', 'missing', 'error', 103, '三、2021年工作计划'],
    ]);
    expect(r.diagnostics[1]!.message).toContain('第一责任人');
  });
});

describe('the street seed without its part 三 (the 2021 plan)', () => {
  it('misses the plan: a measures sub-heading naming 工作要点 does not stand for it', () => {
    // Cut from L47 三、2021年度法治政府建设的工作安排 to the signature (L58). What is left of the plan
    // words is L6 3、周密部署,落实全年法治政府建设工作要点, a sub-heading of part 一: this year's
    // work. The plan is expected after the last part found, 二, whose last line is L46; nothing
    // else changes (the numbering 一、二 is still consecutive, the date, now on L48 after the
    // issuers' L47, still part-year).
    const street = seedText('street');
    const cut = street.slice(0, street.indexOf('三、2021年度法治政府建设的工作安排')) + street.slice(street.indexOf('中共广州市白云区石门街工作委员会'));
    const r = structural(cut);
    expect(r.diagnostics.map((d) => [d.ruleId, d.messageId, d.severity, d.line])).toEqual([
      ['required-sections', 'missing', 'error', 46],
      ['report-date', 'partialYearSoFar', 'warning', 48],
    ]);
  });
});

describe('a user-supplied profile', () => {
  const profileFile = projectPath('test/fixtures/xinxi-gongkai.profile.json');
  const reportFile = projectPath('test/fixtures/xinxi-gongkai-2022.txt');
  const profile = parseProfile(JSON.parse(readFileSync(profileFile, 'utf8')));
  const text = readFileSync(reportFile, 'utf8');

  it('is detected from the title and checked from the API', () => {
    const r = checkReport(text, {}, { profiles: [profile] });
    expect(r.kind.profile).toBe('xinxi-gongkai-annual-report');
    // The sample has 总体情况, 主动公开, 申请 and 问题 sections but no 行政复议、行政诉讼 section;
    // it was expected before "四、存在的主要问题及改进情况".
    const missing = r.diagnostics.filter((d) => d.ruleId === 'required-sections');
    expect(missing.map((d) => [d.messageId, text.slice(d.range.start, d.range.end)])).toEqual([['missing', '四、存在的主要问题及改进情况']]);
    expect(missing[0]!.message).toContain('政府信息公开行政复议、行政诉讼情况');
    // Its own deadline: published by 31 January; this one is dated 2023年1月20日, in time.
    expect(r.diagnostics.filter((d) => d.messageId === 'late')).toEqual([]);
  });

  it('works from the CLI with --profile', () => {
    const cli = spawnSync(process.execPath, [projectPath('dist/cli.js'), 'check', reportFile, '--profile', profileFile, '--format', 'json'], { encoding: 'utf8', timeout: CLI_TIMEOUT_MS });
    expect(cli.status).toBe(1);
    const out = JSON.parse(cli.stdout) as { documents: Array<{ kind: string; diagnostics: Array<{ ruleId: string; messageId: string }> }> };
    expect(out.documents[0]!.kind).toBe('xinxi-gongkai-annual-report');
    expect(out.documents[0]!.diagnostics.filter((d) => d.ruleId === 'required-sections').map((d) => d.messageId)).toEqual(['missing']);
  });

  it('can be forced with --kind and a level with --level', () => {
    const r = checkReport(text, { profile: 'fazhi-zhengfu-annual-report', level: 'street' }, { profiles: [profile] });
    expect(r.kind).toMatchObject({ profile: 'fazhi-zhengfu-annual-report', level: 'street', reason: 'given by the caller' });
  });

  it('is rejected when malformed, naming the bad field (API)', () => {
    const bad = JSON.parse(readFileSync(profileFile, 'utf8')) as { items: Array<{ headings: unknown }> };
    bad.items[2]!.headings = '公开申请情况';
    expect(() => parseProfile(bad)).toThrow(ProfileError);
    try {
      parseProfile(bad);
    } catch (e) {
      expect((e as ProfileError).field).toBe('items[2].headings');
    }
  });

  it('is rejected when malformed, naming the bad field (CLI, exit 2)', () => {
    const dir = scratchDir('jiaohe-');
    const bad = join(dir, 'bad.profile.json');
    writeFileSync(bad, JSON.stringify({ id: 'Bad Id', name: { zh: 'x', en: 'x' }, recognize: { title: [], body: [] }, items: [] }));
    const cli = spawnSync(process.execPath, [projectPath('dist/cli.js'), 'check', reportFile, '--profile', bad], { encoding: 'utf8', timeout: CLI_TIMEOUT_MS });
    expect(cli.status).toBe(2);
    expect(cli.stderr).toContain('invalid profile at id');
    const notJson = join(dir, 'x.json');
    writeFileSync(notJson, '{ id: ');
    const cli2 = spawnSync(process.execPath, [projectPath('dist/cli.js'), 'check', reportFile, '--profile', notJson, '--locale', 'en'], { encoding: 'utf8', timeout: CLI_TIMEOUT_MS });
    expect(cli2.status).toBe(2);
    expect(cli2.stderr).toContain('not valid JSON');
  });

  it('an unknown --kind or --level is a configuration error', () => {
    const a = spawnSync(process.execPath, [projectPath('dist/cli.js'), 'check', reportFile, '--kind', 'nope'], { encoding: 'utf8', timeout: CLI_TIMEOUT_MS });
    expect(a.status).toBe(2);
    expect(a.stderr).toContain("配置项 profile 无效:没有名为 'nope' 的报告类型(已知:fazhi-zhengfu-annual-report, xxgk-annual-report)");
    const en = spawnSync(process.execPath, [projectPath('dist/cli.js'), 'check', reportFile, '--kind', 'nope', '--locale', 'en'], { encoding: 'utf8', timeout: CLI_TIMEOUT_MS });
    expect(en.status).toBe(2);
    expect(en.stderr).toContain("unknown profile 'nope' at profile (known: fazhi-zhengfu-annual-report, xxgk-annual-report)");
    const b = spawnSync(process.execPath, [projectPath('dist/cli.js'), 'check', reportFile, '--level', 'village'], { encoding: 'utf8', timeout: CLI_TIMEOUT_MS });
    expect(b.status).toBe(2);
    expect(b.stderr).toContain('level');
  });
});
