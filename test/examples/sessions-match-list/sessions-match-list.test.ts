/**
 * The worked example of docs/writing-rules.md: RuleTester cases, fast-check properties (a
 * consistent sentence gives nothing; one with its count lowered gives exactly the finding at the
 * count), and the rule loaded into the built CLI with --plugin (run `npx tsup` first).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { reportArbitrary, RuleTester, runRule, toChinese } from '../../../src/testing/index.js';
import { runCli } from '../../e2e/run-cli.js';
import { projectPath, seedText } from '../../helpers.js';
import rule from './index.mjs';

new RuleTester().run(rule, {
  valid: [
    '全年召开区政府常务会议学法3次,分别学习了《宪法》、《民法典》、《行政处罚法》。',
    // 等: two titles named of four sessions.
    '党工委理论学习中心组专题学法4次,分别集中学习了《宪法》、《民法典》等法律法规。',
    // Fewer titles without 等 is reported only with reportFewer.
    '全年召开区政府常务会议学法4次,分别学习了《宪法》、《民法典》、《行政处罚法》。',
    // 3次以上 stands for [3, ∞): four titles fit.
    '组织学法3次以上,分别学习了《宪法》《民法典》《行政复议法》《行政处罚法》。',
    // 3至5次 stands for [3, 5].
    '组织学法3至5次,分别学习了《宪法》、《民法典》、《行政复议法》、《行政处罚法》。',
    // 10余场 stands for [10, 20].
    '举办法治讲座10余场,分别为《宪法》、《民法典》、《行政复议法》、《行政处罚法》、《行政诉讼法》、《行政许可法》、《行政强制法》、《国家赔偿法》、《信访工作条例》、《安全生产法》、《消防法》。',
    // Per quarter, per item: the count is not of the list.
    '每季度学法1次,分别学习了《宪法》、《民法典》、《行政复议法》、《行政处罚法》。',
    '《宪法》、《民法典》专题讲座各1次,分别学习了《宪法》、《民法典》。',
    // Two counts in one clause: 分别 may share out over both.
    '学法2次、讲座1场,分别学习了《宪法》、《民法典》、《行政复议法》。',
    // 分别 shares out over the speakers.
    '学法2次,分别由区长和副区长主讲《宪法》、《民法典》、《行政复议法》。',
    // The list goes on in words the rule does not count: even with reportFewer, two titles read
    // of three or four sessions say nothing.
    { text: '学法3次,分别学习了《宪法》、《民法典》和有关文件精神。', options: { reportFewer: true } },
    { text: '学法4次,分别学习了《宪法》、《民法典》和相关文件、《行政复议法》。', options: { reportFewer: true } },
    { text: '学法3次,分别学习了《宪法》、《民法典》第一编、《行政复议法》。', options: { reportFewer: true } },
    // One title: 分别 shares out over something else (the two books of the code).
    { text: '学法2次,分别学习了《民法典》总则编和物权编。', options: { reportFewer: true } },
    // No 分别: one session may study several laws.
    '学法2次,学习了《宪法》、《民法典》、《行政复议法》。',
    // Dates are not titles.
    '学法2次,分别于3月、6月、9月学习了《宪法》、《民法典》、《行政复议法》。',
    { name: 'a unit left out of the units option is not a session', text: '举办法治讲座2场,分别为《宪法》、《民法典》、《行政复议法》。', options: { units: ['次'] } },
  ],
  invalid: [
    {
      text: '一、主要举措和成效\n全年召开区政府常务会议学法2次,分别学习了《宪法》、《民法典》、《行政处罚法》。',
      errors: [{ messageId: 'moreItems', data: { count: '2次', items: 3 }, text: '2次', line: 2, column: 14, severity: 'warning' }],
    },
    {
      name: 'a Chinese numeral and an open list: 等 allows fewer titles, never more',
      text: '党工委理论学习中心组专题学法两次,分别集中学习了《宪法》、《民法典》、《行政复议法》等法律法规。',
      errors: [{ messageId: 'moreItems', data: { count: '两次', items: 3 }, text: '两次', line: 1, column: 15 }],
    },
    {
      name: 'a full-width comma and titles joined by nothing and 和',
      text: '区政府常务会议学法2次，分别学习了《宪法》《民法典》和《行政处罚法》。',
      errors: [{ messageId: 'moreItems', data: { count: '2次', items: 3 }, text: '2次', line: 1, column: 10 }],
    },
    {
      name: 'titles with 、 and <…> inside are one item each',
      text: '举办专题讲座2场,分别为《第二期“白云讲坛”暨领导干部学习<民法典>专题法治培训会》、《行政复议、行政应诉案例点评》、《安全生产法》。',
      errors: [{ messageId: 'moreItems', data: { count: '2场', items: 3 }, text: '2场', line: 1, column: 7 }],
    },
    {
      name: '近3次 stands for [2, 3]: four titles are too many',
      text: '组织学法近3次,分别学习了《宪法》、《民法典》、《行政复议法》、《行政处罚法》。',
      errors: [{ messageId: 'moreItems', data: { count: '近3次', items: 4 }, text: '近3次', line: 1, column: 5 }],
    },
    {
      name: '3至5次 stands for [3, 5]: six titles are too many',
      text: '组织学法3至5次,分别学习了《宪法》、《民法典》、《行政复议法》、《行政处罚法》、《行政诉讼法》、《行政许可法》。',
      errors: [{ messageId: 'moreItems', data: { count: '3至5次', items: 6 }, text: '3至5次', line: 1, column: 5 }],
    },
    {
      name: 'reportFewer: fewer titles without 等, as info',
      text: '全年召开区政府常务会议学法4次,分别学习了《宪法》、《民法典》、《行政处罚法》。',
      options: { reportFewer: true },
      errors: [{ messageId: 'fewerItems', data: { count: '4次', items: 3 }, text: '4次', line: 1, column: 14, severity: 'info' }],
    },
    {
      name: 'English messages',
      text: '全年召开区政府常务会议学法2次,分别学习了《宪法》、《民法典》、《行政处罚法》。',
      config: { locale: 'en' },
      errors: [{ messageId: 'moreItems', data: { count: '2次', items: 3 }, text: '2次' }],
    },
  ],
});

describe('sessions-match-list on the seeds', () => {
  it('finds nothing in the two real reports', () => {
    // Neither seed shares sessions out with 分别; the rule must stay silent, with reportFewer too.
    expect(runRule(rule, seedText('street'), { options: { reportFewer: true } })).toEqual([]);
    expect(runRule(rule, seedText('district'), { options: { reportFewer: true } })).toEqual([]);
  });
});

describe('sessions-match-list evidence', () => {
  it('gives the count with its interval, the titles counted, and each title as a related location', () => {
    const text = '一、主要举措和成效\n全年召开区政府常务会议学法2次,分别学习了《宪法》、《民法典》、《行政处罚法》。';
    const [d, ...rest] = runRule(rule, text);
    expect(rest).toEqual([]);
    expect(d!.message).toBe('写明2次,但“分别”之后列举了3项');
    expect(d!.evidence).toEqual({
      figures: [{ role: 'count', text: '2次', value: '2', interval: { lo: '2', hi: '2' }, range: d!.range }],
      expression: '《宪法》、《民法典》、《行政处罚法》 → 3',
      computed: '3',
      expected: '2',
    });
    expect(d!.related.map((r) => `${r.line}:${r.column} ${r.message}`)).toEqual(['2:22 第1项:《宪法》', '2:27 第2项:《民法典》', '2:33 第3项:《行政处罚法》']);
    expect(runRule(rule, text, { locale: 'en' })[0]!.related[0]!.message).toBe('item 1: 《宪法》');
  });

  it('shows the interval of a qualified count and notes an open list', () => {
    const few = runRule(rule, '举办法治讲座10余场,分别为《宪法》、《民法典》。', { options: { reportFewer: true } });
    // 10余场 → [10, 20]: two titles are fewer than its lowest value.
    expect(few.map((d) => [d.messageId, d.severity, d.evidence.computed, d.evidence.expected])).toEqual([['fewerItems', 'info', '2', '[10, 20]']]);
    const open = runRule(rule, '专题学法两次,分别学习了《宪法》、《民法典》、《行政复议法》等法律法规。');
    expect(open[0]!.evidence.expression).toBe('《宪法》、《民法典》、《行政复议法》等 → 3');
    expect(open[0]!.evidence.note).toBe('the list ends in 等: it may name fewer titles than sessions, never more');
  });
});

const RUNS = Number(process.env.JIAOHE_PROP_RUNS ?? 200);
const params = { numRuns: RUNS, seed: 20210301 };

const SUBJECTS = ['全年召开区政府常务会议学法', '党工委理论学习中心组专题学法', '组织领导干部集中学法', '举办法治讲座'];
const LEADS = ['学习了', '集中学习了', '传达学习了', '为', '专题学习'];
const TITLES = ['《宪法》', '《民法典》', '《行政处罚法》', '《行政复议法》', '《信访工作条例》', '《优化营商环境条例》', '《习近平法治思想学习纲要》', '《第二期“白云讲坛”暨领导干部学习<民法典>专题法治培训会》'];

/** A sentence with a count of sessions and the titles it shares out with 分别. */
interface SessionSentence {
  text: string;
  /** The count as written and where it stands. */
  count: { text: string; start: number; end: number };
  titles: number;
}

/** The parts a sentence is written from; `sessions` is what the count says. */
interface SentenceSeed {
  subject: string;
  chinese: boolean;
  unit: string;
  comma: string;
  lead: string;
  joiner: string;
  titles: string[];
  open: boolean;
  sessions: number;
}

function write(seed: SentenceSeed): SessionSentence {
  // Two counterexamples fast-check found: to the parser 一次 is a word (once) and 三期 an ordinal
  // (phase three), not figures; such sessions are written in Arabic numerals (1次, 3期).
  const chinese = seed.chinese && seed.sessions > 1 && seed.unit !== '期';
  const count = `${chinese ? toChinese(seed.sessions) : seed.sessions}${seed.unit}`;
  const start = seed.subject.length;
  const text = `${seed.subject}${count}${seed.comma}分别${seed.lead}${seed.titles.join(seed.joiner)}${seed.open ? '等法律法规' : ''}。`;
  return { text, count: { text: count, start, end: start + count.length }, titles: seed.titles.length };
}

/** Seeds whose count agrees with the list: as many sessions as titles, or more with 等. */
const consistentSeed: fc.Arbitrary<SentenceSeed> = fc
  .record({
    subject: fc.constantFrom(...SUBJECTS),
    chinese: fc.boolean(),
    unit: fc.constantFrom('次', '场', '期'),
    comma: fc.constantFrom(',', '，'),
    lead: fc.constantFrom(...LEADS),
    joiner: fc.constantFrom('、', '', '和'),
    titles: fc.uniqueArray(fc.constantFrom(...TITLES), { minLength: 2, maxLength: 6 }),
    open: fc.boolean(),
    extra: fc.integer({ min: 0, max: 3 }),
  })
  .map(({ extra, ...s }) => ({ ...s, joiner: s.titles.length > 2 && s.joiner === '和' ? '、' : s.joiner, sessions: s.titles.length + (s.open ? extra : 0) }));

describe('sessions-match-list properties', () => {
  it('finds nothing in a sentence whose count agrees with its titles (reportFewer on)', () => {
    fc.assert(
      fc.property(consistentSeed.map(write), (s) => {
        expect(runRule(rule, s.text, { options: { reportFewer: true } })).toEqual([]);
      }),
      params,
    );
  });

  it('finds exactly moreItems at the count when the count is lowered below the titles', () => {
    const mutated = consistentSeed.chain((seed) => fc.integer({ min: 1, max: seed.titles.length - 1 }).map((sessions) => write({ ...seed, sessions })));
    fc.assert(
      fc.property(mutated, (s) => {
        const found = runRule(rule, s.text);
        expect(found.map((d) => [d.messageId, s.text.slice(d.range.start, d.range.end), d.range.start])).toEqual([['moreItems', s.count.text, s.count.start]]);
        expect(found[0]!.message).toBe(`写明${s.count.text},但“分别”之后列举了${s.titles}项`);
      }),
      params,
    );
  });

  it('stays silent on generated reports, and finds only the planted contradiction in them', () => {
    const planted = fc.record({ report: reportArbitrary(), seed: consistentSeed, lower: fc.boolean() });
    fc.assert(
      fc.property(planted, ({ report, seed, lower }) => {
        // The sentence goes in as the first line under the first part's heading.
        const at = report.parts.measures.heading.range.end + 1;
        const s = write(lower ? { ...seed, sessions: seed.titles.length - 1 } : seed);
        const text = `${report.text.slice(0, at)}${s.text}\n${report.text.slice(at)}`;
        const found = runRule(rule, text).map((d) => [d.messageId, d.range.start]);
        expect(found).toEqual(lower ? [['moreItems', at + s.count.start]] : []);
      }),
      params,
    );
  });
});

describe('sessions-match-list in the built CLI', () => {
  const PLUGIN = 'test/examples/sessions-match-list/index.mjs';
  const dir = mkdtempSync(join(tmpdir(), 'jiaohe-sessions-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // Line 3: two sessions, three titles (moreItems at 3:14). Line 4: four sessions, three titles
  // without 等 (fewerItems at 4:15, only with reportFewer).
  const TEXT = [
    '一、主要举措和成效',
    '(一)领导带头学法',
    '全年召开区政府常务会议学法2次,分别学习了《宪法》、《民法典》、《行政处罚法》。',
    '党工委理论学习中心组专题学法4次,分别学习了《宪法》、《民法典》、《行政复议法》。',
    '',
  ].join('\n');
  const report = join(dir, 'report.txt');
  writeFileSync(report, TEXT);

  interface JsonFinding {
    ruleId: string;
    messageId: string;
    severity: string;
    message: string;
    line: number;
    column: number;
  }
  const findings = (stdout: string): JsonFinding[] =>
    (JSON.parse(stdout) as { documents: Array<{ diagnostics: JsonFinding[] }> }).documents[0]!.diagnostics.filter((d) => d.ruleId === 'sessions-match-list');

  it('reports the finding at its line:column with --plugin', () => {
    const r = runCli(['check', report, '--plugin', PLUGIN, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(findings(r.stdout).map((d) => `${d.line}:${d.column} ${d.severity} ${d.messageId} ${d.message}`)).toEqual(['3:14 warning moreItems 写明2次,但“分别”之后列举了3项']);
  });

  it('does not load the rule unless it is named', () => {
    const r = runCli(['check', report, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(findings(r.stdout)).toEqual([]);
  });

  it('loads it from plugins in jiaohe.config.json, with its severity and options', () => {
    const withConfig = mkdtempSync(join(dir, 'config-'));
    writeFileSync(
      join(withConfig, 'jiaohe.config.json'),
      JSON.stringify({ plugins: [projectPath(PLUGIN)], rules: { 'sessions-match-list': ['error', { reportFewer: true }] } }),
    );
    writeFileSync(join(withConfig, 'report.txt'), TEXT);
    // Run from the project the config belongs to: there it is the user's own.
    const r = runCli(['check', 'report.txt', '--format', 'json'], { cwd: withConfig });
    expect(r.stderr).toBe('');
    // The error makes the exit code 1; fewerItems is lowered to info.
    expect(r.code).toBe(1);
    expect(findings(r.stdout).map((d) => `${d.line}:${d.column} ${d.severity} ${d.messageId}`)).toEqual(['3:14 error moreItems', '4:15 info fewerItems']);
  });

  it('does not run plugins named by a config found beside reports from elsewhere, unless given with --config', () => {
    const submitted = mkdtempSync(join(dir, 'submitted-'));
    const marker = join(submitted, 'ran.txt');
    writeFileSync(join(submitted, 'evil.mjs'), `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(marker)}, 'ran');\nexport default [];\n`);
    writeFileSync(join(submitted, 'jiaohe.config.json'), JSON.stringify({ plugins: ['evil.mjs'] }));
    writeFileSync(join(submitted, 'report.txt'), TEXT);
    const r = runCli(['check', join(submitted, 'report.txt'), '--locale', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/jiaohe\.config\.json: this config was found beside the files being checked, and its plugins are not run on their own/);
    expect(existsSync(marker)).toBe(false);
    // Vouched for with --config, it runs (and a module with no rule is an error).
    const vouched = runCli(['check', join(submitted, 'report.txt'), '--config', join(submitted, 'jiaohe.config.json'), '--locale', 'en']);
    expect(vouched.code).toBe(2);
    expect(vouched.stderr).toContain('it exports no rule');
    expect(existsSync(marker)).toBe(true);
  });

  it('lists the rule with jiaohe rules --plugin', () => {
    const r = runCli(['rules', '--plugin', PLUGIN]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^sessions-match-list +警告 +“学法4次,分别学习了《A》、《B》…”:分别列出的篇目数应与场次数相符$/m);
    const json = runCli(['rules', '--plugin', PLUGIN, '--format', 'json', '--locale', 'en']);
    expect((JSON.parse(json.stdout) as Array<{ id: string }>).find((x) => x.id === 'sessions-match-list')).toEqual({
      id: 'sessions-match-list',
      scope: 'document',
      type: 'problem',
      defaultSeverity: 'warning',
      description: 'A count of sessions followed by 分别 and a list of titles names one title per session',
      url: 'test/examples/sessions-match-list/README.md',
    });
  });

  it('refuses a plugin whose rule has no messages: exit 2, one line on stderr', () => {
    const broken = join(dir, 'broken.mjs');
    writeFileSync(
      broken,
      `export default {
  meta: { id: 'broken-rule', type: 'problem', docs: { description: { zh: '坏规则', en: 'broken' }, url: '' }, defaultSeverity: 'warning' },
  check() {},
};
`,
    );
    const r = runCli(['check', report, '--plugin', broken]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`jiaohe: ${broken}: 无法加载插件规则(规则 broken-rule 没有消息)\n`);
    expect(runCli(['rules', '--plugin', broken, '--locale', 'en']).stderr).toBe(`jiaohe: ${broken}: cannot load the plugin (rule broken-rule has no messages)\n`);
  });
});
