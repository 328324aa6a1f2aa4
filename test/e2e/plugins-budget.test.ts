/**
 * Plugins under the CLI's time budget (run `npx tsup` first: this runs the built CLI, whose plugin
 * rules run in a worker thread). A rule that never returns is stopped and becomes an
 * `internal-error` finding while the run goes on; a module that never finishes loading is a usage
 * error; a well-behaved plugin's findings are those the library gives in-process.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkReports } from '../../src/builtin.js';
import type { CrossRule } from '../../src/cross/rule.js';
import type { Rule } from '../../src/engine/rule.js';
import { CheckOutputSchema } from '../../src/index.js';
import { loadSourceFile } from '../../src/node.js';
import { seedText } from '../helpers.js';
import { CLI, type CliRun } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'jiaohe-budget-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'street.txt'), seedText('street'));
writeFileSync(join(dir, 'district.txt'), seedText('district'));

/**
 * Runs the built CLI in `dir`. Unlike runCli it has a timeout of its own: a run that hangs, which
 * is what these tests are about, fails instead of blocking the test file (spawnSync cannot be
 * interrupted by vitest's timeout).
 */
function run(args: string[], env: Record<string, string> = {}): CliRun {
  const t = performance.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', timeout: 30_000, env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - t };
}

/** A plugin module of plain JavaScript (no imports, so it loads from a temporary folder): the rules' sources. */
function plugin(name: string, rules: string[], prelude = ''): string {
  const path = join(dir, name);
  writeFileSync(
    path,
    `${prelude}
const options = { shape: {}, safeParse: (value) => ({ success: true, data: value ?? {} }) };
const meta = (id, messages) => ({ id, type: 'problem', docs: { description: { zh: id, en: id }, url: '' }, messages, options, defaultSeverity: 'warning' });
export default [${rules.join(',\n')}];
`,
  );
  return path;
}

const json = (stdout: string) => CheckOutputSchema.parse(JSON.parse(stdout));
/** Offsets of every occurrence of `needle` in `text`. */
const offsetsOf = (text: string, needle: string): number[] => [...text.matchAll(new RegExp(needle, 'g'))].map((m) => m.index);

describe('a plugin rule that never returns', () => {
  // `spin` never returns on the street report, `cross-spin` never returns at all; the rules after
  // them must still run, in a fresh worker.
  const loops = plugin('loops.mjs', [
    `{ meta: meta('spin', { m: { zh: '转', en: 'spin' } }), check(ctx) { if (ctx.document.source === 'street.txt') for (;;) {} } }`,
    `{ meta: meta('first-stop', { stop: { zh: '第一个句号', en: 'first full stop' } }), check(ctx) {
        const at = ctx.document.text.indexOf('。');
        ctx.report({ messageId: 'stop', range: { start: at, end: at + 1 }, evidence: { figures: [] } });
      } }`,
    `{ meta: meta('cross-spin', { m: { zh: '转', en: 'spin' } }), checkCross() { for (;;) {} } }`,
    `{ meta: meta('cross-after', { linked: { zh: '上级:{parent}', en: 'parent: {parent}' } }), checkCross(ctx) {
        for (const { child, parent } of ctx.links) ctx.report({ document: child.id, messageId: 'linked', data: { parent: parent.id }, range: { start: 0, end: 1 }, evidence: { figures: [] } });
      } }`,
  ]);

  it('is stopped after its budget and reported as an internal-error finding, an error; the run goes on', () => {
    // The seeds' own errors made warnings, so that the exit code shows the overruns alone.
    const quiet = ['--rule', 'zero-claim-contradiction=warning', '--rule', 'required-sections=warning'];
    const r = run(['check', 'street.txt', 'district.txt', '--plugin', loops, ...quiet, '--format', 'json'], { JIAOHE_PLUGIN_TIMEOUT: '0.5' });
    expect(r.stderr).toBe('');
    // Two budgets of half a second, two fresh workers and the CLI's start-up: far below the 30 s timeout.
    expect(r.ms).toBeLessThan(20_000);
    const out = json(r.stdout);
    const [street, district] = out.documents;
    const internal = (doc: typeof street) => doc!.diagnostics.filter((d) => d.ruleId === 'internal-error').map((d) => `${d.line}:${d.column} ${d.severity} ${d.messageId} ${d.message}`);
    // A cross-document rule's overrun lands in the first report, as its crash would.
    expect(internal(street)).toEqual([
      '1:1 error overran 规则 spin 运行超出时间预算(0.5 秒),已中止',
      '1:1 error overran 规则 cross-spin 运行超出时间预算(0.5 秒),已中止',
    ]);
    expect(internal(district)).toEqual([]);
    // They are the run's only errors, and make its exit code 1.
    expect(out.summary.errors).toBe(2);
    expect(r.code).toBe(1);
    // The rule after spin ran on both reports, the one after cross-spin on the link.
    const stops = (doc: typeof street) => doc!.diagnostics.filter((d) => d.ruleId === 'first-stop').map((d) => d.range.start);
    expect(stops(street)).toEqual([seedText('street').indexOf('。')]);
    expect(stops(district)).toEqual([seedText('district').indexOf('。')]);
    expect(street!.diagnostics.filter((d) => d.ruleId === 'cross-after').map((d) => d.message)).toEqual(['上级:district.txt']);
  });
});

describe('a plugin module that never finishes loading', () => {
  const stuck = plugin('stuck.mjs', [`{ meta: meta('never', { m: { zh: '无', en: 'never' } }), check() {} }`], 'for (;;) {}');

  it('is a usage error naming the file and the deadline (exit 2), for check and for rules', () => {
    const r = run(['check', 'street.txt', '--plugin', stuck], { JIAOHE_PLUGIN_LOAD_TIMEOUT: '0.5' });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`jiaohe: ${stuck}: 插件在 0.5 秒内未能加载完成(模块顶层代码可能陷入了死循环;可用环境变量 JIAOHE_PLUGIN_LOAD_TIMEOUT 放宽时限)\n`);
    const rules = run(['rules', '--plugin', stuck, '--locale', 'en'], { JIAOHE_PLUGIN_LOAD_TIMEOUT: '0.5' });
    expect(rules.code).toBe(2);
    expect(rules.stderr).toBe(`jiaohe: ${stuck}: the plugin did not finish loading within 0.5 s (its top-level code may never return; JIAOHE_PLUGIN_LOAD_TIMEOUT allows more)\n`);
  });

  it('refuses a budget that is not a positive number of seconds', () => {
    const r = run(['check', 'street.txt', '--plugin', stuck, '--locale', 'en'], { JIAOHE_PLUGIN_TIMEOUT: '0' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("jiaohe: JIAOHE_PLUGIN_TIMEOUT must be a number of seconds greater than 0, not '0'\n");
  });
});

describe('a well-behaved plugin', () => {
  const source = [
    `{ meta: meta('title-marks', { mark: { zh: '第{n}个书名号', en: 'title mark {n}' } }), check(ctx) {
        let n = 0;
        for (let p = ctx.document.text.indexOf('《'); p >= 0; p = ctx.document.text.indexOf('《', p + 1)) {
          ctx.report({ messageId: 'mark', data: { n: ++n }, range: { start: p, end: p + 1 }, evidence: { figures: [], note: 'a title' } });
        }
      } }`,
    // Sees the findings the reports have when it runs: here the title marks of the rule above.
    `{ meta: meta('marks-linked', { linked: { zh: '{marks}个书名号,上级{parent}', en: '{marks} title marks, parent {parent}' } }), checkCross(ctx) {
        for (const { child, parent } of ctx.links) {
          const marks = child.result.diagnostics.filter((d) => d.ruleId === 'title-marks').length;
          ctx.compare({ document: child.id, others: [parent.id], what: 'title marks', verdict: 'holds', evidence: { figures: [] }, range: { start: 0, end: 1 } });
          ctx.report({ document: child.id, messageId: 'linked', data: { marks, parent: parent.id }, range: { start: 0, end: 2 }, evidence: { figures: [] }, related: [{ document: parent.id, range: { start: 0, end: 2 }, message: 'parent' }] });
        }
      } }`,
  ];
  const path = plugin('marks.mjs', source);

  it('gives the findings and comparisons the library gives in-process: ranges, messages, severities, fingerprints', async () => {
    const r = run(['check', 'street.txt', 'district.txt', '--plugin', path, '--rule', 'marks-linked=info', '--format', 'json']);
    expect(r.stderr).toBe('');
    const out = json(r.stdout);
    const ours = new Set(['title-marks', 'marks-linked']);
    const street = seedText('street');
    const district = seedText('district');

    // By hand: one finding per 《, numbered; the cross rule saw the street's 27 of them.
    const marks = out.documents.map((d) => d.diagnostics.filter((x) => x.ruleId === 'title-marks'));
    expect(marks[0]!.map((d) => d.range.start)).toEqual(offsetsOf(street, '《'));
    expect(marks[1]!.map((d) => d.range.start)).toEqual(offsetsOf(district, '《'));
    expect(marks[0]!.length).toBe(27);
    expect(marks[0]![0]).toMatchObject({ severity: 'warning', message: '第1个书名号', evidence: { figures: [], note: 'a title' } });
    const linked = out.documents[0]!.diagnostics.filter((d) => d.ruleId === 'marks-linked');
    expect(linked.map((d) => `${d.severity} ${d.message} ${d.related[0]!.document}`)).toEqual(['info 27个书名号,上级district.txt district.txt']);
    expect(out.comparisons.filter((c) => c.ruleId === 'marks-linked')).toEqual([
      { ruleId: 'marks-linked', document: 'street.txt', others: ['district.txt'], what: 'title marks', verdict: 'holds', evidence: { figures: [] }, range: { start: 0, end: 1 } },
    ]);

    // And exactly what checkReports gives with the same rules in this process.
    const rules = (await import(pathToFileURL(path).href)).default as Array<Rule & CrossRule>;
    const inputs = await Promise.all(['street.txt', 'district.txt'].map(async (id) => ({ id, text: (await loadSourceFile(join(dir, id))).text })));
    const local = checkReports(inputs, { rules: { 'marks-linked': 'info' } }, { rules: rules.filter((x) => x.check), crossRules: rules.filter((x) => x.checkCross) });
    const fields = (d: (typeof out.documents)[number]['diagnostics'][number]) => {
      const { ruleId, messageId, severity, message, range, line, column, endLine, endColumn, sectionPath, evidence, related, fingerprint } = d;
      return { ruleId, messageId, severity, message, range, line, column, endLine, endColumn, sectionPath, evidence, related, fingerprint };
    };
    for (const [i, doc] of local.documents.entries()) {
      expect(out.documents[i]!.diagnostics.filter((d) => ours.has(d.ruleId)).map(fields)).toEqual(doc.result.diagnostics.filter((d) => ours.has(d.ruleId)).map(fields));
    }
    expect(out.comparisons.filter((c) => ours.has(c.ruleId))).toEqual(local.comparisons.filter((c) => ours.has(c.ruleId)));
  });
});
