/** The command line: parses options, runs the command, turns problems into exit code 2. */
import { mapRanges } from '../io/map-findings.js';
import { parseReport } from '../parse/parse-report.js';
import { helpText, parseCli, type CliOptions } from './args.js';
import { assertBaselineWritable } from './baseline.js';
import { BUILTIN_IDS, runCheck, type CliIo } from './check-command.js';
import { loadPlugins } from './plugins.js';
import { expandInputs, readInputs } from './inputs.js';
import { CliError, cliMessage } from './messages.js';
import { formatOutline, reportToJson } from './parse-command.js';
import { formatRules } from './rules-command.js';
import { runWeb } from './web-command.js';

export type { CliIo } from './check-command.js';
export { setPluginImporter } from './plugins.js';

/** `jiaohe parse`: the outline or the model of each file. */
async function runParse(options: CliOptions, io: CliIo): Promise<number> {
  const expanded = await expandInputs(options.inputs);
  const outcomes = await readInputs(expanded.files, options.stdinFilename ? { stdinName: options.stdinFilename } : {});
  const documents: unknown[] = [];
  let failed = expanded.errors.length > 0;
  for (const e of expanded.errors) io.stderr(`jiaohe: ${e.text(options.locale)}\n`);
  for (const o of outcomes) {
    if ('error' in o) {
      io.stderr(`jiaohe: ${o.error.text(options.locale)}\n`);
      failed = true;
      continue;
    }
    // Positions are the file's: an HTML page's lines, a .docx's paragraphs.
    const report = parseReport(o.source.text, { source: o.path, ...(o.source.tables ? { tables: o.source.tables } : {}) });
    if (options.format === 'json') documents.push({ path: o.path, format: o.source.format, encoding: o.source.encoding, page: o.source.page, report: mapRanges(reportToJson(report), o.source) });
    else io.stdout(`${formatOutline(report, o.path, (offset) => o.source.locate(offset, 'start'))}\n\n`);
  }
  if (options.format === 'json') io.stdout(`${JSON.stringify({ documents }, null, 2)}\n`);
  return failed ? 2 : 0;
}

/** The locale asked for on the command line, even when the rest of it does not parse. */
function localeOf(argv: readonly string[]): 'zh' | 'en' {
  const i = argv.findIndex((a) => a === '--locale' || a.startsWith('--locale='));
  const value = i < 0 ? undefined : argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  return value === 'en' ? 'en' : 'zh';
}

/** Runs the CLI with `argv` (without node and script) and returns its exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let options: CliOptions | undefined;
  try {
    options = parseCli(argv);
    switch (options.command) {
      case 'help': {
        // Asked for, the help is the answer; given instead of a command, it is a usage error.
        const asked = argv.some((a) => a === '--help' || a === '-h');
        (asked ? io.stdout : io.stderr)(`${helpText(options.locale)}\n`);
        return asked ? 0 : 2;
      }
      case 'version':
        io.stdout(`${io.version}\n`);
        return 0;
      case 'rules':
        io.stdout(formatRules(options.locale, options.format, await loadPlugins(options.plugins, BUILTIN_IDS)));
        return 0;
      case 'parse':
        return await runParse(options, io);
      case 'web':
        return await runWeb(options.locale, io);
      case 'check':
        // Before any work: a baseline written over someone's report would be lost for good.
        if (options.writeBaseline && options.baseline) assertBaselineWritable(options.baseline);
        return await runCheck(options, io);
    }
  } catch (error) {
    const locale = options?.locale ?? localeOf(argv);
    if (error instanceof CliError) {
      io.stderr(`jiaohe: ${error.text(locale)}\n`);
      return 2;
    }
    io.stderr(`jiaohe: ${cliMessage(locale, 'internal', { why: error instanceof Error ? (error.stack ?? error.message) : String(error) })}\n`);
    return 2;
  }
}
