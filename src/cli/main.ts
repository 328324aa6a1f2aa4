import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DecodeError } from '../io/decode.js';
import { readReportText } from '../io/read-file.js';
import { parseReport } from '../parse/parse-report.js';
import { formatOutline, reportToJson } from './parse-command.js';

const HELP = `jiaohe — checks Chinese government reports (法治政府建设年度报告)

Usage:
  jiaohe parse FILE... [--format text|json]   read reports and show their structure and figures
  jiaohe --version
  jiaohe --help

Examples:
  jiaohe parse seeds/2020-baiyun-shimen-street.txt
  jiaohe parse seeds/*.txt --format json > model.json

Exit codes: 0 success, 2 bad usage or unreadable input.`;

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Runs the CLI and returns its exit code. */
export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    process.stderr.write(`jiaohe: ${(error as Error).message}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (values.version) {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  const [command, ...files] = positionals;
  if (command !== 'parse') {
    process.stderr.write(command ? `jiaohe: unknown command '${command}' (try --help)\n` : `${HELP}\n`);
    return 2;
  }
  if (values.format !== 'text' && values.format !== 'json') {
    process.stderr.write(`jiaohe: --format must be text or json, not '${values.format}'\n`);
    return 2;
  }
  if (files.length === 0) {
    process.stderr.write('jiaohe: parse needs at least one FILE\n');
    return 2;
  }
  let code = 0;
  const documents: unknown[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = (await readReportText(file)).text;
    } catch (error) {
      const why = error instanceof DecodeError ? error.message : ((error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message);
      process.stderr.write(`jiaohe: ${file}: ${why}\n`);
      code = 2;
      continue;
    }
    const report = parseReport(text, { source: file });
    if (values.format === 'json') documents.push({ path: file, report: reportToJson(report) });
    else process.stdout.write(`${formatOutline(report, file)}\n\n`);
  }
  if (values.format === 'json') process.stdout.write(`${JSON.stringify({ documents }, null, 2)}\n`);
  return code;
}

// A closed pipe (`jiaohe parse … | head`) is a normal way to stop reading, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`jiaohe: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 2;
  },
);
