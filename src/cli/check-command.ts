/** `jiaohe check`: read the inputs, check them together, report, and pick the exit code. */
import { basename, dirname, isAbsolute, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUILTIN_CROSS_RULES, BUILTIN_RULES } from '../../rules/index.js';
import { type CheckReportsResult } from '../cross/check.js';
import { checkReports } from '../builtin.js';
import { ConfigError, type Config } from '../engine/config.js';
import { checkedDocuments } from '../io/checked-documents.js';
import type { LoadedSource } from '../io/source.js';
import { parseProfile, ProfileError } from '../profiles/schema.js';
import type { CheckedDocument } from '../report/document.js';
import { summarize } from '../report/document.js';
import { BUILTIN_FORMATTERS, formatterOf, type FormatContext, type Formatter } from '../report/formatters.js';
import type { CliOptions } from './args.js';
import { applyBaseline, buildBaseline, readBaseline } from './baseline.js';
import { discoverConfig, readJsonFile } from './config-file.js';
import { expandInputs, readInputs, STDIN } from './inputs.js';
import { CliError, cliMessage, failureList, type CliMessageId } from './messages.js';
import { assertNotInput, writeAtomic } from './output.js';
import { importUserModule, loadPlugins, runPlugins, type PluginRules } from './plugins.js';
import { Progress } from './progress.js';
import { annotatedName } from '../io/annotated-name.js';

/** Where the command writes, so tests can run it in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout and stderr are terminals (colour, progress). */
  stdoutTty: boolean;
  stderrTty: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
  version: string;
  /** Handed the checked documents, as reported (for `checkFiles`). */
  onDocuments?: (docs: CheckedDocument[]) => void;
}

/** Every built-in rule id. */
export const BUILTIN_IDS: ReadonlySet<string> = new Set([...BUILTIN_RULES, ...BUILTIN_CROSS_RULES].map((r) => r.meta.id));

/** Edit distance between two short ids. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** A `CliError` for an unknown rule id, suggesting the nearest known one. */
export function unknownRule(id: string, locale: CliOptions['locale'], known: Iterable<string> = BUILTIN_IDS): CliError {
  const ranked = [...known]
    .map((known) => ({ known, d: distance(id, known) }))
    .sort((a, b) => a.d - b.d);
  const near = ranked[0] && ranked[0].d <= Math.max(2, Math.floor(id.length / 3)) ? ranked[0].known : undefined;
  return new CliError('unknownRule', { id, hint: near ? cliMessage(locale, 'didYouMean', { id: near }) : '' });
}

/** Whether `dir` is `ancestor` or inside it. */
function isWithin(dir: string, ancestor: string): boolean {
  const rel = relative(ancestor, resolve(dir));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The run's configuration: the config file, then the flags over it; plugin rules loaded. */
async function buildConfig(
  options: CliOptions,
  inputs: readonly string[],
  cwd: string,
  env: CliIo['env'],
): Promise<{ config: Config; profilePaths: string[]; pluginPaths: string[]; configPath: string | null; plugins: PluginRules }> {
  const loaded = options.noConfig && !options.config ? null : discoverConfig(inputs, options.config, cwd);
  const { $schema: _schema, profiles = [], plugins: filePlugins = [], ...fromFile } = loaded?.config ?? {};
  // A config found beside submitted reports is someone else's: its rules are data, but code it
  // names is run only when the user vouches for the file (--config) or it is their own (the
  // working directory or above).
  if (filePlugins.length > 0 && loaded && !options.config && !isWithin(cwd, dirname(resolve(loaded.path)))) {
    throw new CliError('untrustedPlugins', { path: loaded.path });
  }
  const pluginPaths = [...filePlugins, ...options.plugins];
  // The worker that imports the files is kept to run their rules.
  const plugins = await loadPlugins(pluginPaths, BUILTIN_IDS, { env, keepWorker: true });
  const rules: NonNullable<Config['rules']> = { ...(fromFile.rules ?? {}) };
  const known = new Set([...BUILTIN_IDS, ...plugins.rules.map((r) => r.meta.id), ...plugins.crossRules.map((r) => r.meta.id)]);
  for (const id of Object.keys(rules)) if (!known.has(id)) throw new CliError('badConfig', { path: loaded!.path, why: unknownRule(id, options.locale, known).text(options.locale) });
  for (const { id, severity } of options.rules) {
    if (!known.has(id)) throw unknownRule(id, options.locale, known);
    const current = rules[id];
    // A flag changes the severity and keeps the options the config file gave.
    rules[id] = Array.isArray(current) ? [severity, current[1]] : severity;
  }
  const config: Config = {
    ...fromFile,
    locale: options.locale,
    ...(options.kind ? { profile: options.kind } : {}),
    ...(options.level ? { level: options.level as Config['level'] } : {}),
    rules,
  };
  return { config, profilePaths: [...profiles, ...options.profiles], pluginPaths, configPath: loaded?.path ?? null, plugins };
}

/** A configuration error, blamed on the flag or the file it came from. */
function configProblem(error: ConfigError, options: CliOptions, configPath: string | null): CliError {
  if (error.key === 'level' && options.level) return new CliError('badFlagValue', { flag: '--level', why: error.message });
  if (error.key === 'profile' && options.kind) return new CliError('badFlagValue', { flag: '--kind', why: error.message });
  return new CliError('badConfig', { path: configPath ?? '--rule', why: error.message });
}

/** Runs `jiaohe check` and returns its exit code. */
export async function runCheck(options: CliOptions, io: CliIo): Promise<number> {
  const locale = options.locale;
  const expanded = await expandInputs(options.parent ? [...options.inputs, options.parent] : options.inputs, { ignore: options.ignorePatterns, cwd: io.cwd });
  const inputs = expanded.files;
  const { config, profilePaths, pluginPaths, configPath, plugins } = await buildConfig(options, inputs, io.cwd, io.env);
  const profiles = profilePaths.map((file) => {
    try {
      return parseProfile(readJsonFile(file), file);
    } catch (error) {
      if (error instanceof ProfileError) throw new CliError('badConfig', { path: file, why: error.message });
      throw error;
    }
  });
  const baseline = options.baseline && !options.writeBaseline ? readBaseline(options.baseline) : null;
  // Nothing the run reads is ever written over: reports, configuration, profiles, the baseline read.
  const read = [...inputs, ...profilePaths, ...pluginPaths, ...(configPath ? [configPath] : []), ...(baseline && options.baseline ? [options.baseline] : [])];
  if (options.output) assertNotInput(options.output, read);
  if (options.baseline && options.writeBaseline) assertNotInput(options.baseline, read);

  // A formatter file that cannot be loaded is found before the inputs are read and checked.
  const formatter = await formatterFor(options.format, io.cwd, locale);
  const progress = new Progress(io, inputs.length, locale);
  const outcomes = await readInputs(inputs, { limit: 8, onRead: (n) => progress.update(n / 2), ...(options.stdinFilename ? { stdinName: options.stdinFilename } : {}) });
  const failures = [...expanded.errors];
  const sources: LoadedSource[] = [];
  for (const o of outcomes) {
    if ('error' in o) failures.push(o.error);
    else sources.push(o.source);
  }
  if (failures.length) progress.clear();
  for (const f of failures) io.stderr(`jiaohe: ${f.text(locale)}\n`);

  const byPath = new Map(sources.map((s) => [s.path, s]));
  const parents: Record<string, string> = {};
  if (options.parent) for (const s of sources) if (s.path !== options.parent) parents[s.path] = options.parent;
  const reports = sources.map((s) => ({ id: s.path, text: s.text, ...(s.tables ? { tables: s.tables } : {}) }));
  // Plugin rules run in a worker under a time budget; the built-in ones stay in this thread.
  const sandboxed = runPlugins(plugins, { paths: pluginPaths, inputs: reports, config, profiles, parents, env: io.env });
  let all: CheckReportsResult;
  try {
    all = checkReports(reports, config, {
      profiles,
      parents,
      rules: sandboxed.rules,
      crossRules: sandboxed.crossRules,
      onChecked: (done) => progress.update(inputs.length / 2 + done / 2),
    });
    sandboxed.finish(all);
  } catch (error) {
    if (error instanceof ConfigError) throw configProblem(error, options, configPath);
    throw error;
  } finally {
    sandboxed.close();
  }
  progress.clear();

  const { documents: docs, comparisons } = checkedDocuments(all, byPath);

  let written: ReturnType<typeof buildBaseline> | null = null;
  if (options.baseline && options.writeBaseline) {
    written = buildBaseline(options.baseline, docs);
    for (const d of docs) {
      d.baselined = d.diagnostics;
      d.diagnostics = [];
    }
  } else if (baseline && options.baseline) {
    const split = applyBaseline(baseline, options.baseline, docs);
    docs.forEach((d, i) => {
      d.diagnostics = split[i]!.fresh;
      d.baselined = split[i]!.accepted;
    });
  }
  // --quiet drops warnings and infos before anything counts them, as ESLint's --quiet does.
  if (options.quiet) for (const d of docs) d.diagnostics = d.diagnostics.filter((x) => x.severity === 'error');

  // Only reports someone may expect to be linked are named: not the parents themselves.
  const isParent = new Set(all.links.map((l) => l.parent));
  if (sources.length > 1) {
    for (const u of all.unplaced) if (!isParent.has(u.id) && u.id !== options.parent) io.stderr(`jiaohe: ${cliMessage(locale, 'unplaced', { path: u.id, why: u.reason })}\n`);
  }

  // A run where nothing could be read prints no report that looks like a clean one.
  if (docs.length > 0 || failures.length === 0) {
    const text = await render(formatter, options, docs, { ...all, comparisons }, failures, io, plugins);
    if (options.output) await writeAtomic(options.output, text);
    else io.stdout(text);
  }
  // The baseline is written last, so a failed output leaves the old baseline as it was.
  if (written && options.baseline) {
    await writeAtomic(options.baseline, `${JSON.stringify(written, null, 2)}\n`);
    const count = written.findings.reduce((n, f) => n + f.count, 0);
    io.stderr(`jiaohe: ${cliMessage(locale, 'wroteBaseline', { count, path: options.baseline })}\n`);
  }

  io.onDocuments?.(docs);
  if (options.annotate) await annotateAll(docs, byPath, options, io);

  const s = summarize(docs);
  const tooManyWarnings = options.maxWarnings !== null && s.warnings > options.maxWarnings;
  if (tooManyWarnings) io.stderr(`jiaohe: ${cliMessage(locale, 'tooManyWarnings', { count: s.warnings, max: options.maxWarnings! })}\n`);
  if (failures.length) return 2;
  return s.errors > 0 || tooManyWarnings ? 1 : 0;
}

/** Where the commented copy of `path` goes: `报告.校核.docx` beside it, or in `dir`. */
export function annotatedPath(path: string, dir?: string): string {
  return resolve(dir ?? dirname(resolve(path)), annotatedName(basename(path)));
}

/**
 * Writes a commented copy of each checked .docx: one Word comment per finding reported, anchored on
 * its text. A file that cannot be annotated (not a .docx, read from standard input, changed since it
 * was read, its copy's name an input or taken by another copy) is said on stderr and left alone;
 * the others are still written.
 */
async function annotateAll(docs: readonly CheckedDocument[], byPath: ReadonlyMap<string, LoadedSource>, options: CliOptions, io: CliIo): Promise<void> {
  const locale = options.locale;
  const [{ readFile, mkdir }, { annotateDocx }, { commentBody }] = await Promise.all([
    import('node:fs/promises'),
    import('../io/docx-annotate.js'),
    import('../report/finding-text.js'),
  ]);
  const skip = (id: CliMessageId, data: Record<string, string>): void => io.stderr(`jiaohe: ${cliMessage(locale, id, data)}\n`);
  if (options.annotateDir) await mkdir(resolve(io.cwd, options.annotateDir), { recursive: true });
  const inputs = [...byPath.keys()].map((path) => resolve(io.cwd, path));
  // Standard input is reported under its --stdin-filename: there is no file of that name to copy.
  const stdinName = options.inputs.includes('-') ? (options.stdinFilename ?? STDIN) : null;
  const written = new Set<string>();
  for (const doc of docs) {
    const source = byPath.get(doc.path);
    if (!source || source.format !== 'docx' || source.path === stdinName) {
      skip('annotateNotDocx', { path: doc.path });
      continue;
    }
    const target = annotatedPath(resolve(io.cwd, doc.path), options.annotateDir ? resolve(io.cwd, options.annotateDir) : undefined);
    const shown = relative(io.cwd, target) || target;
    try {
      assertNotInput(target, inputs);
    } catch {
      skip('annotateOverInput', { path: doc.path, target: shown });
      continue;
    }
    if (written.has(target)) {
      skip('annotateSameName', { path: doc.path, target: shown });
      continue;
    }
    const bytes = new Uint8Array(await readFile(resolve(io.cwd, doc.path)));
    let annotated: Uint8Array;
    try {
      annotated = annotateDocx(bytes, doc.diagnostics.map((d) => ({ range: d.range, text: commentBody(d, locale) })), { author: 'jiaohe', expectedText: source.text });
    } catch (error) {
      if ((error as { name?: string; code?: string }).name === 'DocxError' && (error as { code?: string }).code === 'changed') skip('changedWhileChecked', { path: doc.path });
      else skip('cannotAnnotate', { path: doc.path, why: error instanceof Error ? error.message : String(error) });
      continue;
    }
    await writeAtomic(target, annotated);
    written.add(target);
    skip('wroteAnnotated', { path: shown, count: String(doc.diagnostics.length) });
  }
}

/** The formatter `--format` names: a built-in one, or the one a file exports. */
async function formatterFor(value: string, cwd: string, locale: CliOptions['locale']): Promise<Formatter> {
  const builtin = BUILTIN_FORMATTERS.get(value);
  if (builtin) return builtin();
  const path = resolve(cwd, value);
  let mod: Record<string, unknown>;
  try {
    mod = (await importUserModule(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (error) {
    throw new CliError('badFormatter', { path: value, why: error instanceof Error ? error.message.split('\n')[0]! : String(error) });
  }
  const formatter = formatterOf(mod, basename(value));
  if (!formatter) throw new CliError('badFormatter', { path: value, why: cliMessage(locale, 'formatterExportsNone') });
  return formatter;
}

async function render(formatter: Formatter, options: CliOptions, docs: CheckedDocument[], all: CheckReportsResult, failures: readonly CliError[], io: CliIo, plugins: PluginRules): Promise<string> {
  const context: FormatContext = {
    locale: options.locale,
    toolVersion: io.version,
    cwd: io.cwd,
    color: !options.output && io.stdoutTty && !io.env.NO_COLOR,
    rules: [...BUILTIN_RULES, ...BUILTIN_CROSS_RULES, ...plugins.rules, ...plugins.crossRules],
    links: all.links,
    unplaced: all.unplaced,
    comparisons: all.comparisons,
    unreadable: failureList(failures, options.locale),
  };
  let text: unknown;
  try {
    text = await formatter.format(docs, context);
  } catch (error) {
    // A formatter of the user's that throws is their file's problem, not an internal error.
    if (BUILTIN_FORMATTERS.has(options.format)) throw error;
    throw new CliError('badFormatter', { path: options.format, why: error instanceof Error ? error.message : String(error) });
  }
  if (typeof text !== 'string') throw new CliError('badFormatter', { path: options.format, why: cliMessage(options.locale, 'formatterNotText', { type: typeof text }) });
  return text;
}
