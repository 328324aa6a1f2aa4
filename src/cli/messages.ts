/** The command line's own messages (errors, notices), in both locales. */
import { formatMessage, type Locale, type MessageTemplate } from '../engine/messages.js';

const MESSAGES = {
  usage: { zh: '{detail}(参见 --help)', en: '{detail} (try --help)' },
  unknownCommand: { zh: "未知命令 '{command}'(参见 --help)", en: "unknown command '{command}' (try --help)" },
  badChoice: { zh: "{flag} 只能是 {choices},而不是 '{value}'", en: "{flag} must be {choices}, not '{value}'" },
  needFiles: { zh: '{command} 需要至少一个文件、目录或 -', en: '{command} needs at least one FILE, DIR or -' },
  badMaxWarnings: { zh: "--max-warnings 需要一个非负整数,而不是 '{value}'", en: "--max-warnings needs a whole number ≥ 0, not '{value}'" },
  badRuleFlag: { zh: "--rule 的写法是 规则=off|info|warning|error,而不是 '{value}'", en: "--rule takes rule=off|info|warning|error, not '{value}'" },
  unknownRule: { zh: "未知规则 '{id}'{hint}(jiaohe rules 列出全部规则)", en: "unknown rule '{id}'{hint} (jiaohe rules lists them all)" },
  didYouMean: { zh: ",是否想用 '{id}'", en: ", did you mean '{id}'" },
  writeBaselineNeedsFile: { zh: '--write-baseline 需要同时给出 --baseline FILE', en: '--write-baseline needs --baseline FILE' },
  outputIsInput: { zh: '{path}: 输出文件不能是被检查的文件', en: '{path}: the output file is one of the files being checked' },
  noSuchFile: { zh: '{path}: 文件不存在', en: '{path}: no such file' },
  isDirectory: { zh: '{path}: 这是一个目录', en: '{path}: is a directory' },
  cannotRead: { zh: '{path}: 无法读取({why})', en: '{path}: cannot read ({why})' },
  cannotWrite: { zh: '{path}: 无法写入({why})', en: '{path}: cannot write ({why})' },
  noReports: { zh: '{path}: 目录中没有可检查的报告(.txt、.md、.html、.docx)', en: '{path}: no reports (.txt, .md, .html, .docx) in this directory' },
  empty: { zh: '{path}: 文件为空', en: '{path}: the file is empty' },
  binary: { zh: '{path}: 这是二进制文件,不是文本', en: '{path}: the file is binary, not text' },
  undecodable: { zh: '{path}: 无法按 UTF-8、UTF-16 或 GBK/GB18030 解码', en: '{path}: the bytes are neither UTF-8, UTF-16 nor GBK/GB18030 text' },
  notZip: { zh: '{path}: 不是有效的 .docx 文件(不是 zip 压缩包)', en: '{path}: not a .docx file (not a zip archive)' },
  noDocumentXml: { zh: '{path}: 不是有效的 .docx 文件(压缩包中没有 word/document.xml)', en: '{path}: not a .docx file (the archive has no word/document.xml)' },
  damagedDocx: { zh: '{path}: .docx 文件不完整或已损坏', en: '{path}: the .docx file is truncated or damaged' },
  tooLarge: { zh: '{path}: 文件过大(超过 8 MB),不像是一份报告', en: '{path}: the file is too large (over 8 MB) to be a report' },
  noText: { zh: '{path}: 文件中没有报告正文', en: '{path}: the file has no report text' },
  cannotReadDir: { zh: '{path}: 无法读取目录({why})', en: '{path}: cannot read the directory ({why})' },
  badPlugin: { zh: '{path}: 无法加载插件规则({why})', en: '{path}: cannot load the plugin ({why})' },
  untrustedPlugins: {
    zh: '{path}: 这个配置文件是在被检查的文件旁找到的,其中的 plugins 不会自动运行;确认可信后请用 --config 指定它,或用 --plugin',
    en: '{path}: this config was found beside the files being checked, and its plugins are not run on their own; if you trust it, pass it with --config, or use --plugin',
  },
  rulesTakesNoFiles: { zh: 'rules 命令不接受文件参数', en: 'the rules command takes no files' },
  badFlagValue: { zh: '{flag}: {why}', en: '{flag}: {why}' },
  unknownOption: { zh: "未知选项 '{option}'(参见 --help)", en: "unknown option '{option}' (try --help)" },
  missingValue: { zh: "选项 '{option}' 缺少参数", en: "option '{option}' needs a value" },
  ambiguousValue: { zh: "选项 '{option}' 的参数以 - 开头,请写成 {option}=值", en: "the value of '{option}' starts with -: write {option}=VALUE" },
  notJson: { zh: '{path}: 不是有效的 JSON({why})', en: '{path}: not valid JSON ({why})' },
  badConfig: { zh: '{path}: 配置无效:{why}', en: '{path}: invalid configuration: {why}' },
  configConflict: {
    zh: '输入文件分属不同的 jiaohe.config.json({a} 与 {b});请用 --config 指定一个',
    en: 'the inputs fall under different jiaohe.config.json files ({a} and {b}); pass one with --config',
  },
  badBaseline: { zh: '{path}: 不是 jiaohe 的基线文件({why})', en: '{path}: not a jiaohe baseline file ({why})' },
  wroteBaseline: { zh: '已将 {count} 条问题写入基线 {path}', en: 'wrote {count} finding(s) to the baseline {path}' },
  unplaced: { zh: '{path}: 未能与所属区县报告关联({why})', en: '{path}: not linked to a district ({why})' },
  progress: { zh: '检查中 {done}/{total}', en: 'checking {done}/{total}' },
  tooManyWarnings: { zh: '警告 {count} 条,超过 --max-warnings {max}', en: '{count} warnings, more than --max-warnings {max}' },
  internal: { zh: '内部错误:{why}', en: 'internal error: {why}' },
} satisfies Record<string, MessageTemplate>;

/** Ids of the command line's messages. */
export type CliMessageId = keyof typeof MESSAGES;

/** A command-line message in a locale. */
export function cliMessage(locale: Locale, id: CliMessageId, data?: Record<string, string | number>): string {
  return formatMessage(MESSAGES[id][locale], data);
}

/** A usage, configuration or input problem: exit code 2 with a one-line message. */
export class CliError extends Error {
  constructor(
    readonly id: CliMessageId,
    readonly data: Record<string, string | number> = {},
  ) {
    super(formatMessage(MESSAGES[id].en, data));
    this.name = 'CliError';
  }

  /** The message in a locale. */
  text(locale: Locale): string {
    return cliMessage(locale, this.id, this.data);
  }
}
