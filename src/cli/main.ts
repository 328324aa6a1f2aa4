import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkReports, type CheckReportsResult } from '../cross/check.js';
import { parseArgs } from 'node:util';
import { ConfigError } from '../engine/config.js';
import { DecodeError } from '../io/decode.js';
import { readReportText } from '../io/read-file.js';
import { parseReport } from '../parse/parse-report.js';
import { formatJson } from '../report/json.js';
import { formatStylish, type CheckedDocument } from '../report/stylish.js';
import { formatOutline, reportToJson } from './parse-command.js';
import { parseProfile, type Profile } from '../profiles/schema.js';

const HELP = `jiaohe — checks Chinese government reports (法治政府建设年度报告)

Usage:
  jiaohe check FILE|DIR... [--format stylish|json] [--locale zh|en]
                     [--profile PROFILE.json]... [--kind ID] [--level LEVEL]
                     [--parent DISTRICT-FILE]
                                   check figures, sums, rates, required sections, numbering
                                   and dates; print located findings
  jiaohe parse FILE... [--format text|json]
                                   show a report's structure, metadata and figures
  jiaohe --version | --help

Examples:
  jiaohe check seeds/*.txt
  jiaohe check report.txt --format json > findings.json
  jiaohe check report.txt --locale en
  jiaohe check street.txt --level street
  jiaohe check street.txt --parent district.txt
  jiaohe check reports/              (every .txt/.md inside, streets linked to their district)
  jiaohe check report.txt --profile my-kind.json --kind my-kind

Exit codes: 0 no error-severity finding; 1 at least one; 2 bad usage or unreadable input.`;

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function fail(message: string): number {
  process.stderr.write(`jiaohe: ${message}\n`);
  return 2;
}

/** Reads a JSON file, with a message that names it when it is missing or not JSON. */
function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`${file}: cannot read the file`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`);
  }
}

/** Files to read: the files given, and the .txt/.md files inside each directory given (sorted). */
function expandPaths(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      // A missing file is reported when it is read.
    }
    if (!isDir) {
      out.push(p);
      continue;
    }
    const found = (readdirSync(p, { recursive: true }) as string[])
      .map((f) => join(p, String(f)))
      // README.md beside the reports documents them; it is not one of them.
      .filter((f) => /\.(txt|md)$/i.test(f) && !/(^|[\\/])readme\.md$/i.test(f))
      .sort();
    if (found.length === 0) throw new Error(`${p}: no reports (.txt or .md files) in this directory`);
    out.push(...found);
  }
  return out;
}

/** Reads every file; unreadable ones are reported on stderr and skipped. */
async function readAll(files: string[]): Promise<{ texts: Array<{ path: string; text: string }>; failed: boolean }> {
  const texts: Array<{ path: string; text: string }> = [];
  let failed = false;
  for (const path of files) {
    try {
      texts.push({ path, text: (await readReportText(path)).text });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why = error instanceof DecodeError ? error.message : code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
      process.stderr.write(`jiaohe: ${path}: ${why}\n`);
      failed = true;
    }
  }
  return { texts, failed };
}

/** Runs the CLI and returns its exit code. */
export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        locale: { type: 'string', default: 'zh' },
        profile: { type: 'string', multiple: true },
        kind: { type: 'string' },
        parent: { type: 'string' },
        level: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    return fail(`${(error as Error).message} (try --help)`);
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
  if (command !== 'parse' && command !== 'check') {
    if (!command) process.stderr.write(`${HELP}\n`);
    return command ? fail(`unknown command '${command}' (try --help)`) : 2;
  }
  if (values.locale !== 'zh' && values.locale !== 'en') return fail(`--locale must be zh or en, not '${values.locale}'`);
  const formats = command === 'check' ? ['stylish', 'json'] : ['text', 'json'];
  const format = values.format ?? formats[0]!;
  if (!formats.includes(format)) return fail(`--format must be ${formats.join(' or ')}, not '${format}'`);
  if (files.length === 0) return fail(`${command} needs at least one FILE`);

  let expanded: string[];
  try {
    expanded = expandPaths(files);
  } catch (error) {
    return fail((error as Error).message);
  }
  const parentFile = values.parent;
  if (parentFile && !expanded.includes(parentFile)) expanded.push(parentFile);
  const { texts, failed } = await readAll(expanded);
  if (command === 'parse') {
    const documents: unknown[] = [];
    for (const { path, text } of texts) {
      const report = parseReport(text, { source: path });
      if (format === 'json') documents.push({ path, report: reportToJson(report) });
      else process.stdout.write(`${formatOutline(report, path)}\n\n`);
    }
    if (format === 'json') process.stdout.write(`${JSON.stringify({ documents }, null, 2)}\n`);
    return failed ? 2 : 0;
  }

  let profiles: Profile[];
  try {
    profiles = (values.profile ?? []).map((file) => parseProfile(readJson(file), file));
  } catch (error) {
    return fail((error as Error).message);
  }
  const config = { locale: values.locale, ...(values.kind ? { profile: values.kind } : {}), ...(values.level ? { level: values.level } : {}) };
  const docs: CheckedDocument[] = [];
  let links: CheckReportsResult['links'] = [];
  let unplaced: CheckReportsResult['unplaced'] = [];
  let comparisons: CheckReportsResult['comparisons'] = [];
  try {
    // Every file on its own, then streets and towns against their district (or the --parent).
    const parents: Record<string, string> = {};
    if (parentFile) for (const { path } of texts) if (path !== parentFile) parents[path] = parentFile;
    const all = checkReports(
      texts.map(({ path, text }) => ({ id: path, text })),
      config,
      { profiles, parents },
    );
    links = all.links;
    unplaced = all.unplaced;
    comparisons = all.comparisons;
    for (const { id, result } of all.documents) {
      const text = texts.find((t) => t.path === id)!.text;
      docs.push({ path: id, text, diagnostics: result.diagnostics, claims: result.claims, kind: result.kind, year: result.report.metadata.reportingYear?.year ?? null });
    }
  } catch (error) {
    if (error instanceof ConfigError) return fail(error.message);
    throw error;
  }
  // Reports the user may expect to be linked but that found no district are said once on stderr.
  if (texts.length > 1) for (const u of unplaced) process.stderr.write(`jiaohe: ${u.id}: not linked to a district (${u.reason})\n`);
  const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  process.stdout.write(`${format === 'json' ? formatJson(docs, links, { unplaced, comparisons }) : formatStylish(docs, { color, locale: values.locale })}\n`);
  if (failed) return 2;
  return docs.some((d) => d.diagnostics.some((x) => x.severity === 'error')) ? 1 : 0;
}

// A closed pipe (`jiaohe check … | head`) is a normal way to stop reading, not an error.
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
