/** The command line's own messages (errors, notices), in both locales. */
import type { DecodeError } from '../io/decode.js';
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
  noReports: { zh: '{path}: 目录中没有可检查的报告({extensions})', en: '{path}: no reports ({extensions}) in this directory' },
  empty: { zh: '{path}: 文件为空', en: '{path}: the file is empty' },
  binary: { zh: '{path}: 这是二进制文件,不是文本', en: '{path}: the file is binary, not text' },
  undecodable: { zh: '{path}: 无法按 UTF-8、UTF-16 或 GBK/GB18030 解码', en: '{path}: the bytes are neither UTF-8, UTF-16 nor GBK/GB18030 text' },
  notZip: { zh: '{path}: 不是有效的 .docx 文件(不是 zip 压缩包)', en: '{path}: not a .docx file (not a zip archive)' },
  noDocumentXml: { zh: '{path}: 不是有效的 .docx 文件(压缩包中没有 word/document.xml)', en: '{path}: not a .docx file (the archive has no word/document.xml)' },
  damagedDocx: { zh: '{path}: .docx 文件不完整或已损坏', en: '{path}: the .docx file is truncated or damaged' },
  noTextLayer: {
    zh: '{path}: PDF 中没有文字层(可能是扫描件),无法检查;请提供 Word 或文字版 PDF',
    en: '{path}: the PDF has no text layer (a scan?), so there is nothing to check; give the Word file or a PDF with text',
  },
  encrypted: { zh: '{path}: 文件已加密(需要密码才能打开),无法读取;请提供未加密的文件', en: '{path}: the file is encrypted (it needs a password to open); give an unencrypted copy' },
  damagedPdf: { zh: '{path}: PDF 文件不完整或已损坏,无法读取', en: '{path}: the PDF file is truncated or damaged' },
  damagedDoc: { zh: '{path}: Word 文件(.doc)不完整或已损坏,无法读取', en: '{path}: the Word file (.doc) is truncated or damaged' },
  notWord: {
    zh: '{path}: 不是 Word 文档,无法读取(可能是 Excel、PowerPoint 等其他程序的文件)',
    en: '{path}: not a Word document (perhaps a file of another program, such as Excel or PowerPoint)',
  },
  rtf: {
    zh: '{path}: 这是 RTF 格式的文件(只是以 Word 文件名保存),无法读取;请在 Word 或 WPS 中另存为 .docx',
    en: '{path}: a Rich Text Format file (saved under a Word name), which cannot be read; save it as .docx in Word or WPS',
  },
  oldWord: {
    zh: '{path}: 这是 Word 95 或更早版本的文件,无法读取;请在 Word 或 WPS 中另存为 .docx',
    en: '{path}: a Word 95 (or older) file, which cannot be read; save it as .docx in Word or WPS',
  },
  tooManyNumbers: {
    zh: '{path}: 含有超过 {max} 个数字,不像是一份报告(像是数据表或生成的文件);为在有限时间内完成检查,未予检查',
    en: '{path}: holds more than {max} numbers, which is a data dump or a generated file rather than a report; refused rather than checked slowly',
  },
  tooLarge: { zh: '{path}: 文件过大(超过 8 MB),不像是一份报告', en: '{path}: the file is too large (over 8 MB) to be a report' },
  docxTooLarge: {
    zh: '{path}: 已拒绝读取:.docx 中的 {part} 解压后将达 {size} MB,超过正文 XML 解压后 {limit} MB 的上限(疑似“压缩炸弹”;文件本身 {fileSize})',
    en: '{path}: refused: {part} inside the .docx would decompress to {size} MB, over the {limit} MB limit for its XML (a zip bomb?; the file itself is {fileSize})',
  },
  noText: { zh: '{path}: 文件中没有报告正文', en: '{path}: the file has no report text' },
  cannotReadDir: { zh: '{path}: 无法读取目录({why})', en: '{path}: cannot read the directory ({why})' },
  badPlugin: { zh: '{path}: 无法加载插件规则({why})', en: '{path}: cannot load the plugin ({why})' },
  pluginLoadTimeout: {
    zh: '{path}: 插件在 {seconds} 秒内未能加载完成(模块顶层代码可能陷入了死循环;可用环境变量 JIAOHE_PLUGIN_LOAD_TIMEOUT 放宽时限)',
    en: '{path}: the plugin did not finish loading within {seconds} s (its top-level code may never return; JIAOHE_PLUGIN_LOAD_TIMEOUT allows more)',
  },
  pluginOverran: { zh: '规则 {id} 运行超出时间预算({seconds} 秒),已中止', en: 'rule {id} overran its time budget of {seconds} s and was stopped' },
  badPluginBudget: { zh: "环境变量 {name} 应为大于 0 的秒数,而不是 '{value}'", en: "{name} must be a number of seconds greater than 0, not '{value}'" },
  untrustedPlugins: {
    zh: '{path}: 这个配置文件是在被检查的文件旁找到的,其中的 plugins 不会自动运行;确认可信后请用 --config 指定它,或用 --plugin',
    en: '{path}: this config was found beside the files being checked, and its plugins are not run on their own; if you trust it, pass it with --config, or use --plugin',
  },
  rulesTakesNoFiles: { zh: 'rules 命令不接受文件参数', en: 'the rules command takes no files' },
  badFlagValue: { zh: '{flag}: {why}', en: '{flag}: {why}' },
  noMatch: { zh: '{pattern}: 没有匹配的报告文件', en: '{pattern}: no report files match' },
  allIgnored: { zh: '{pattern}: 找到的文件都被 --ignore-pattern 排除,没有可检查的报告', en: '{pattern}: every file found is left out by --ignore-pattern; there is nothing to check' },
  annotateNotDocx: { zh: '{path}: 不是从文件读取的 .docx,不生成带批注的副本', en: '{path}: not a .docx read from a file; no commented copy is written' },
  annotateOverInput: { zh: '{path}: 带批注的副本 {target} 是被检查的文件之一,未写入', en: '{path}: its commented copy {target} is one of the files checked; not written' },
  annotateSameName: { zh: '{path}: 带批注的副本 {target} 已由另一个同名文件写入,未覆盖', en: '{path}: its commented copy {target} was already written for another file of that name; not overwritten' },
  cannotAnnotate: { zh: '{path}: 无法生成带批注的副本({why})', en: '{path}: cannot write a commented copy ({why})' },
  changedWhileChecked: { zh: '{path}: 文件在检查期间被修改,未生成带批注的副本', en: '{path}: the file changed while it was checked; no commented copy was written' },
  wroteAnnotated: { zh: '已写入带批注的副本 {path}({count} 条批注)', en: 'wrote the commented copy {path} ({count} comments)' },
  badFormatter: { zh: '--format {path}: 无法作为输出格式使用({why})', en: '--format {path}: cannot be used as an output format ({why})' },
  formatterExportsNone: { zh: '没有导出格式:应默认导出 { name, format } 或导出 format 函数', en: 'it exports no formatter: a default export { name, format } or a format function' },
  formatterNotText: { zh: 'format() 返回的是 {type},不是文本', en: 'its format() returned {type}, not text' },
  unknownOption: { zh: "未知选项 '{option}'(参见 --help)", en: "unknown option '{option}' (try --help)" },
  missingValue: { zh: "选项 '{option}' 缺少参数", en: "option '{option}' needs a value" },
  takesNoValue: { zh: "选项 '{option}' 不接受参数", en: "option '{option}' takes no value" },
  ambiguousValue: { zh: "选项 '{option}' 的参数以 - 开头,请写成 {option}=值", en: "the value of '{option}' starts with -: write {option}=VALUE" },
  notJson: { zh: '{path}: 不是有效的 JSON({why})', en: '{path}: not valid JSON ({why})' },
  jsonAt: { zh: '第 {line} 行第 {column} 列附近有误', en: 'line {line}, column {column}' },
  jsonEnd: { zh: '内容不完整', en: 'it ends too early' },
  badConfig: { zh: '{path}: 配置无效:{why}', en: '{path}: invalid configuration: {why}' },
  configConflict: {
    zh: '输入文件分属不同的 jiaohe.config.json({a} 与 {b});请用 --config 指定一个',
    en: 'the inputs fall under different jiaohe.config.json files ({a} and {b}); pass one with --config',
  },
  badBaseline: { zh: '{path}: 不是 jiaohe 的基线文件({why})', en: '{path}: not a jiaohe baseline file ({why})' },
  notBaselineTarget: {
    zh: '{path}: 文件已存在且不是 jiaohe 的基线文件({why}),--write-baseline 不会覆盖它;请换一个文件名,或确认无用后先删除它',
    en: '{path}: the file exists and is not a jiaohe baseline ({why}); --write-baseline will not overwrite it: choose another name, or delete the file first if it is not needed',
  },
  notJsonContent: { zh: '内容不是 JSON', en: 'its content is not JSON' },
  notJsonObject: { zh: '内容不是 JSON 对象', en: 'its content is not a JSON object' },
  tooBigForBaseline: { zh: '文件有 {size},不像是基线文件', en: 'it is {size}, too large to be a baseline' },
  notJiaoheTool: { zh: '没有 "tool": "jiaohe" 和 "baselineVersion"', en: 'it has no "tool": "jiaohe" and "baselineVersion"' },
  wroteBaseline: { zh: '已将 {count} 条问题写入基线 {path}', en: 'wrote {count} finding(s) to the baseline {path}' },
  unplaced: { zh: '{path}: 未能与所属区县报告关联({why})', en: '{path}: not linked to a district ({why})' },
  progress: { zh: '检查中 {done}/{total}', en: 'checking {done}/{total}' },
  tooManyWarnings: { zh: '警告 {count} 条,超过 --max-warnings {max}', en: '{count} warnings, more than --max-warnings {max}' },
  // The address ends its line, so a terminal that makes links of addresses takes nothing after it.
  webServing: {
    zh: '在浏览器中打开校核网页版: {url}\n检查在浏览器中进行,文件不会上传。按 Ctrl-C 停止。',
    en: 'Open jiaohe in a browser: {url}\nReports are checked in the browser and never uploaded. Ctrl-C stops.',
  },
  webPageMissing: { zh: '{path}: 找不到网页版页面(请先运行 npm run build)', en: '{path}: the web page is missing (run npm run build first)' },
  webPageBroken: { zh: '{path}: 网页版页面不完整(缺少内容安全策略),请重新构建', en: '{path}: the web page is damaged (it declares no Content-Security-Policy); build it again' },
  webCannotListen: { zh: '无法在 127.0.0.1 上启动网页服务({why})', en: 'cannot serve on 127.0.0.1 ({why})' },
  webTakesNoFiles: { zh: 'web 命令不接受文件参数(在网页中选择文件)', en: 'the web command takes no files (choose them in the page)' },
  internal: { zh: '内部错误:{why}', en: 'internal error: {why}' },
} satisfies Record<string, MessageTemplate>;

/** Ids of the command line's messages. */
export type CliMessageId = keyof typeof MESSAGES;

/** A value filled into a message: the same in both locales, or said in each (a reason from zod or the OS). */
export type MessageValue = string | number | MessageTemplate;

/** The values of a message in one locale. */
function inLocale(data: Record<string, MessageValue>, locale: Locale): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(data)) out[k] = typeof v === 'object' ? v[locale] : v;
  return out;
}

/** A command-line message in a locale. */
export function cliMessage(locale: Locale, id: CliMessageId, data?: Record<string, MessageValue>): string {
  return formatMessage(MESSAGES[id][locale], data && inLocale(data, locale));
}

/** A command-line message in both locales, to fill into another message. */
export function cliTemplate(id: CliMessageId, data?: Record<string, MessageValue>): MessageTemplate {
  return { zh: cliMessage('zh', id, data), en: cliMessage('en', id, data) };
}

/** A usage, configuration or input problem: exit code 2 with a one-line message. */
export class CliError extends Error {
  constructor(
    readonly id: CliMessageId,
    readonly data: Record<string, MessageValue> = {},
  ) {
    super(cliMessage('en', id, data));
    this.name = 'CliError';
  }

  /** The message in a locale. */
  text(locale: Locale): string {
    return cliMessage(locale, this.id, this.data);
  }
}

/** The inputs that could not be read, as the JSON and SARIF outputs list them. */
export function failureList(failures: readonly CliError[], locale: Locale): Array<{ path: string; message: string }> {
  return failures.map((f) => ({ path: typeof f.data.path === 'string' ? f.data.path : '', message: f.text(locale) }));
}

/** What an operating-system error code means, in words, in both locales. */
export function errnoText(error: unknown): MessageTemplate {
  const code = (error as { code?: string } | null)?.code;
  const words: Record<string, MessageTemplate> = {
    ENOENT: { zh: '文件或目录不存在', en: 'no such file or directory' },
    EACCES: { zh: '没有权限', en: 'permission denied' },
    EPERM: { zh: '不允许此操作', en: 'operation not permitted' },
    EISDIR: { zh: '这是一个目录', en: 'is a directory' },
    ENOTDIR: { zh: '路径中有一部分不是目录', en: 'not a directory' },
    EROFS: { zh: '文件系统只读', en: 'read-only file system' },
    ENOSPC: { zh: '磁盘空间不足', en: 'no space left on the device' },
    EDQUOT: { zh: '超出磁盘配额', en: 'disk quota exceeded' },
    EBUSY: { zh: '文件正被占用', en: 'the file is in use' },
    EMFILE: { zh: '打开的文件过多', en: 'too many open files' },
    ENOTFILE: { zh: '不是普通文件', en: 'not a regular file' },
    EEXIST: { zh: '文件已存在', en: 'the file already exists' },
  };
  if (code && Object.hasOwn(words, code)) return words[code]!;
  const raw = code ?? (error instanceof Error ? error.message : String(error));
  return { zh: raw, en: raw };
}

/** The message for each way a file cannot be decoded or read (`DecodeError` codes), shared by the CLI and the web page. */
export const DECODE_MESSAGE_IDS = {
  empty: 'empty',
  binary: 'binary',
  undecodable: 'undecodable',
  'no-text': 'noText',
  'too-large': 'tooLarge',
  'no-text-layer': 'noTextLayer',
  encrypted: 'encrypted',
  'damaged-pdf': 'damagedPdf',
  'damaged-doc': 'damagedDoc',
  'not-word': 'notWord',
  'old-word': 'oldWord',
  rtf: 'rtf',
} as const satisfies Record<DecodeError['code'], CliMessageId>;
