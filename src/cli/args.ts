/** The command line's options, their validation and the help text. */
import { parseArgs } from 'node:util';
import type { Locale } from '../engine/messages.js';
import { BUILTIN_FORMAT_NAMES, isFormatterPath } from '../report/formatters.js';
import { CliError } from './messages.js';

/** The example plugin rule of docs/writing-rules.md, as the help names it (from the repository's root). */
export const EXAMPLE_PLUGIN = 'test/examples/sessions-match-list/index.mjs';

/** The examples both help texts end with; only the plugin line's note is in each language. */
function examples(pluginNote: string): string {
  return `  jiaohe check seeds/*.txt
  jiaohe check 报告.docx 区政府网页.html
  jiaohe check reports/ --format sarif -o findings.sarif
  jiaohe check "reports/*.docx" --annotate --format html -o 审核意见.html
  jiaohe check report.txt --format json > findings.json
  jiaohe check report.txt --rule report-date=off --max-warnings 0
  jiaohe check reports/ --baseline jiaohe-baseline.json --write-baseline
  jiaohe check reports/ --baseline jiaohe-baseline.json
  jiaohe check street.txt --parent district.txt --locale en
  cat report.txt | jiaohe check - --stdin-filename report.txt
  jiaohe check report.txt --plugin ${EXAMPLE_PLUGIN}   # ${pluginNote}
  jiaohe rules --locale en
`;
}

const HELP_ZH = `jiaohe(校核)— 在报送或公开前检查政府报告(法治政府建设年度报告等)

用法:
  jiaohe check 文件|目录|- ...   检查数字、合计、比率、必备内容、编号和日期,以及街道报告
                                 与所属区报告是否相符;输出每个问题及其位置
  jiaohe rules [--plugin 文件]   列出全部规则及其说明和默认级别
  jiaohe parse 文件...           显示报告的结构、元数据和数字
  jiaohe web                     在本机(127.0.0.1)提供离线网页版,在浏览器中选择文件检查;
                                 也可直接双击打开 dist/jiaohe.html
  jiaohe --version | --help

输入:.txt/.md(UTF-8 带或不带 BOM、UTF-16 带 BOM、GBK/GB18030)、.html/.htm(保存下来的
政府网页)、.docx、.doc/.wps(Word 97–2003、WPS 文字)、.pdf(须有文字层,扫描件无法检查)。
目录会被递归查找这些文件;- 表示从标准输入读取。

check 的选项:
  --format 格式                 输出格式:stylish(默认)、json、sarif、html(可打印、可归档的
                                审核意见页面)、csv(Excel 可直接打开)、rdjson(reviewdog),
                                或一个导出 { name, format } 的 .mjs 格式文件
  -o, --output 文件             把结果写入文件(原子写入;不会覆盖被检查的文件)
  --annotate                    为每个 .docx 在旁边写一份带批注的副本(报告.校核.docx),
                                每个问题一条 Word 批注,标在相关数字或标题上
  --annotate-dir 目录           把带批注的副本写入此目录
  --ignore-pattern 模式         在目录和通配符展开的文件中跳过匹配的文件(可重复)
  -c, --config 文件             配置文件(默认:从输入文件所在目录向上查找 jiaohe.config.json)
  --no-config                   不查找 jiaohe.config.json
  --rule 规则=级别              把某条规则设为 off|info|warning|error(可重复)
  --locale zh|en                消息语言(默认 zh)
  --max-warnings N              警告多于 N 条时以 1 退出
  --quiet                       只报告错误
  --baseline 文件               只报告基线文件中未接受的问题
  --write-baseline              接受当前的全部问题:写入 --baseline 指定的文件
  --plugin 文件                 从自己的 JavaScript 文件加载规则(可重复)
  --profile 文件                自定义的文档类型配置(可重复)
  --kind ID                     按此文档类型检查,不自动识别
  --level 级别                  报告主体的层级(district、street、town 等)
  --parent 文件                 街道报告所属的区报告
  --stdin-filename 名称         标准输入的文件名(按扩展名决定格式)

示例:
${examples('示例插件,在 jiaohe 代码库中')}
退出码:0 没有错误,且警告不多于 --max-warnings;1 有错误,或警告多于 --max-warnings;
2 用法、配置或输入有问题(标准错误输出中用一行说明问题及其位置)。`;

const HELP_EN = `jiaohe — checks Chinese government reports (法治政府建设年度报告) before they go out

Usage:
  jiaohe check FILE|DIR|- ...   check figures, sums, rates, required sections, numbering, dates,
                                and streets against their district; print located findings
  jiaohe rules [--plugin FILE]  list the rules with their descriptions and default severities
  jiaohe parse FILE...          show a report's structure, metadata and figures
  jiaohe web                    serve the offline web page on 127.0.0.1 and check files chosen in
                                the browser (or open dist/jiaohe.html directly)
  jiaohe --version | --help

Inputs: .txt/.md (UTF-8 with or without BOM, UTF-16 with BOM, GBK/GB18030), .html/.htm
(a saved government page), .docx, .doc/.wps (Word 97–2003, WPS Writer), .pdf (with a text
layer: a scan cannot be checked). A directory is searched for them; - reads standard input.

Options for check:
  --format FORMAT               output format: stylish (default), json, sarif, html (a page to
                                print and file), csv (opens in Excel), rdjson (reviewdog), or a
                                .mjs file exporting { name, format }
  -o, --output FILE             write the output to FILE (atomically; never over an input)
  --annotate                    write a commented copy of each .docx beside it (报告.校核.docx):
                                one Word comment per finding, on its figure or heading
  --annotate-dir DIR            write the commented copies into DIR
  --ignore-pattern PATTERN      skip matching files found in directories and patterns (repeatable)
  -c, --config FILE             configuration (default: jiaohe.config.json found upward from the inputs)
  --no-config                   do not look for jiaohe.config.json
  --rule ID=SEVERITY            set a rule to off|info|warning|error (repeatable)
  --locale zh|en                language of messages (default zh)
  --max-warnings N              exit 1 when there are more than N warnings
  --quiet                       report errors only
  --baseline FILE               report only findings not accepted in FILE
  --write-baseline              accept today's findings: write them to the --baseline FILE
  --plugin FILE                 load rules from a JavaScript file of your own (repeatable)
  --profile FILE                a document profile of your own (repeatable)
  --kind ID                     check against this profile instead of detecting it
  --level LEVEL                 the reporting body's level (district, street, town, …)
  --parent FILE                 the district report the street reports belong to
  --stdin-filename NAME         the name (and format, by extension) for standard input

Examples:
${examples("the example plugin, in jiaohe's repository")}
Exit codes: 0 no errors and warnings within --max-warnings; 1 errors, or more warnings than
--max-warnings; 2 a usage, configuration or input problem (one line on stderr says what and where).`;

/** The help text, with examples, in a locale. */
export function helpText(locale: Locale): string {
  return locale === 'en' ? HELP_EN : HELP_ZH;
}

/** The formats each command prints (check's are the registry's, src/report/formatters.ts, or a formatter file). */
const FORMATS = { check: BUILTIN_FORMAT_NAMES, parse: ['text', 'json'], rules: ['text', 'json'] } as const;

/** A command the CLI runs (`web` prints no format: it serves the web page). */
export type Command = keyof typeof FORMATS | 'web';

/** Parsed and validated options. */
export interface CliOptions {
  command: Command | 'help' | 'version';
  inputs: string[];
  format: string;
  output?: string;
  config?: string;
  noConfig: boolean;
  rules: Array<{ id: string; severity: 'off' | 'info' | 'warning' | 'error' }>;
  locale: Locale;
  maxWarnings: number | null;
  quiet: boolean;
  baseline?: string;
  writeBaseline: boolean;
  profiles: string[];
  /** Rule files to load (`--plugin`). */
  plugins: string[];
  /** Files left out of directories and patterns (`--ignore-pattern`). */
  ignorePatterns: string[];
  /** Write a commented copy of each .docx beside it (`--annotate`) or into a directory (`--annotate-dir`). */
  annotate: boolean;
  annotateDir?: string;
  kind?: string;
  level?: string;
  parent?: string;
  stdinFilename?: string;
}

const SEVERITIES = ['off', 'info', 'warning', 'error'] as const;

function choice(flag: string, value: string, choices: readonly string[]): string {
  if (!choices.includes(value)) throw new CliError('badChoice', { flag, value, choices: choices.join('|') });
  return value;
}

/** Parses argv; a bad option is a `CliError`. The locale is read first so errors use it. */
export function parseCli(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        config: { type: 'string', short: 'c' },
        'no-config': { type: 'boolean' },
        rule: { type: 'string', multiple: true },
        locale: { type: 'string' },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        baseline: { type: 'string' },
        'write-baseline': { type: 'boolean' },
        profile: { type: 'string', multiple: true },
        plugin: { type: 'string', multiple: true },
        'ignore-pattern': { type: 'string', multiple: true },
        annotate: { type: 'boolean' },
        'annotate-dir': { type: 'string' },
        kind: { type: 'string' },
        parent: { type: 'string' },
        level: { type: 'string' },
        'stdin-filename': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    // Node's messages are English and run over several sentences; say the same in our words.
    const e = error as { code?: string; message: string };
    // Node names an option as '-f, --format <value>': the long name is the one people type.
    const quoted = /'(-[^']*)'/.exec(e.message)?.[1] ?? '';
    const option = /--[A-Za-z][\w-]*/.exec(quoted)?.[0] ?? /-[A-Za-z]/.exec(quoted)?.[0] ?? quoted;
    if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new CliError('unknownOption', { option });
    if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const id = e.message.includes('ambiguous') ? 'ambiguousValue' : e.message.includes('does not take an argument') ? 'takesNoValue' : 'missingValue';
      throw new CliError(id, { option });
    }
    throw new CliError('usage', { detail: e.message.split('\n')[0]! });
  }
  const { values: v, positionals } = parsed;
  const locale = choice('--locale', v.locale ?? 'zh', ['zh', 'en']) as Locale;
  const base = {
    inputs: positionals.slice(1),
    noConfig: Boolean(v['no-config']),
    locale,
    quiet: Boolean(v.quiet),
    writeBaseline: Boolean(v['write-baseline']),
    profiles: v.profile ?? [],
    plugins: v.plugin ?? [],
    ignorePatterns: v['ignore-pattern'] ?? [],
    annotate: Boolean(v.annotate) || v['annotate-dir'] !== undefined,
    ...(v['annotate-dir'] !== undefined ? { annotateDir: v['annotate-dir'] } : {}),
    rules: [] as CliOptions['rules'],
    maxWarnings: null as number | null,
    ...(v.output !== undefined ? { output: v.output } : {}),
    ...(v.config !== undefined ? { config: v.config } : {}),
    ...(v.baseline !== undefined ? { baseline: v.baseline } : {}),
    ...(v.kind !== undefined ? { kind: v.kind } : {}),
    ...(v.level !== undefined ? { level: v.level } : {}),
    ...(v.parent !== undefined ? { parent: v.parent } : {}),
    ...(v['stdin-filename'] !== undefined ? { stdinFilename: v['stdin-filename'] } : {}),
  };
  if (v.help) return { ...base, command: 'help', format: '' };
  if (v.version) return { ...base, command: 'version', format: '' };
  const command = positionals[0];
  if (command === undefined) return { ...base, command: 'help', format: '' };
  if (command === 'web') {
    if (base.inputs.length > 0) throw new CliError('webTakesNoFiles');
    return { ...base, command, format: '' };
  }
  if (command !== 'check' && command !== 'parse' && command !== 'rules') throw new CliError('unknownCommand', { command });
  const format = command === 'check' && v.format !== undefined && isFormatterPath(v.format) ? v.format : choice('--format', v.format ?? FORMATS[command][0]!, FORMATS[command]);
  for (const r of v.rule ?? []) {
    const eq = r.indexOf('=');
    const id = r.slice(0, eq).trim();
    const severity = r.slice(eq + 1).trim();
    if (eq <= 0 || !(SEVERITIES as readonly string[]).includes(severity)) throw new CliError('badRuleFlag', { value: r });
    base.rules.push({ id, severity: severity as CliOptions['rules'][number]['severity'] });
  }
  if (v['max-warnings'] !== undefined) {
    const n = v['max-warnings'];
    if (!/^\d{1,9}$/.test(n)) throw new CliError('badMaxWarnings', { value: n });
    base.maxWarnings = Number(n);
  }
  if (base.writeBaseline && !base.baseline) throw new CliError('writeBaselineNeedsFile');
  if (command !== 'rules' && base.inputs.length === 0) throw new CliError('needFiles', { command });
  if (command === 'rules' && base.inputs.length > 0) throw new CliError('rulesTakesNoFiles');
  return { ...base, command, format };
}
