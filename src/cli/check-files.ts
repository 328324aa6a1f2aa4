/**
 * `checkFiles`: the command line's `check` as a function, for programs that embed jiaohe. It runs
 * the very code `jiaohe check` runs (the same options, validation, reading, checking, output and
 * exit code), so what it returns is exactly what the command would print.
 */
import pkg from '../../package.json' with { type: 'json' };
import type { CheckedDocument } from '../report/document.js';
import type { CliIo } from './check-command.js';
import { main } from './main.js';

/** Options of `checkFiles`: the command line's options of `check`, by name. */
export interface CheckFilesOptions {
  /** An output format (`stylish`, `json`, `sarif`, `html`, `csv`, `rdjson`) or a formatter file; default `json`. */
  format?: string;
  locale?: 'zh' | 'en';
  /** A configuration file; without one, jiaohe.config.json is looked for upward from the inputs. */
  config?: string;
  noConfig?: boolean;
  /** Rule severities over the configuration's, as `--rule id=severity`. */
  rules?: Record<string, 'off' | 'info' | 'warning' | 'error'>;
  maxWarnings?: number;
  quiet?: boolean;
  baseline?: string;
  writeBaseline?: boolean;
  profiles?: string[];
  plugins?: string[];
  kind?: string;
  level?: string;
  parent?: string;
  ignorePatterns?: string[];
  /** Write a commented copy of each .docx beside it, or into `annotateDir`. */
  annotate?: boolean;
  annotateDir?: string;
  /** Write the output to this file (atomically) instead of returning it. */
  output?: string;
  /** Environment variables the run sees (default: the process's). */
  env?: Record<string, string | undefined>;
}

/** What `checkFiles` returns: what the command would print, and its exit code. */
export interface CheckFilesResult {
  /** 0: no errors (and warnings within `maxWarnings`); 1: errors or too many warnings; 2: a problem with the options or an input. */
  exitCode: number;
  /** What `jiaohe check` prints on standard output (empty when written to `output`). */
  output: string;
  /** The lines it prints on standard error: inputs that could not be read, usage problems. */
  errors: string[];
  /** The checked documents, positions in the files' terms (empty when the run stopped early). */
  documents: CheckedDocument[];
}

/** The command-line arguments that say `options`. */
function argvOf(paths: readonly string[], options: CheckFilesOptions): string[] {
  const argv = ['check', '--format', options.format ?? 'json'];
  const flag = (name: string, value: string | undefined): void => {
    if (value !== undefined) argv.push(`--${name}`, value);
  };
  flag('locale', options.locale);
  flag('config', options.config);
  if (options.noConfig) argv.push('--no-config');
  for (const [id, severity] of Object.entries(options.rules ?? {})) argv.push('--rule', `${id}=${severity}`);
  flag('max-warnings', options.maxWarnings === undefined ? undefined : String(options.maxWarnings));
  if (options.quiet) argv.push('--quiet');
  flag('baseline', options.baseline);
  if (options.writeBaseline) argv.push('--write-baseline');
  for (const p of options.profiles ?? []) argv.push('--profile', p);
  for (const p of options.plugins ?? []) argv.push('--plugin', p);
  flag('kind', options.kind);
  flag('level', options.level);
  flag('parent', options.parent);
  for (const p of options.ignorePatterns ?? []) argv.push('--ignore-pattern', p);
  if (options.annotate && options.annotateDir === undefined) argv.push('--annotate');
  flag('annotate-dir', options.annotateDir);
  flag('output', options.output);
  // Paths after `--`: a file named -x.txt is a file, not an option.
  argv.push('--', ...paths);
  return argv;
}

/**
 * Checks report files as `jiaohe check` does and returns what it would print, its exit code and
 * the checked documents. Never throws for a bad option or input: those are exit code 2 with the
 * reason in `errors`, as on the command line.
 */
export async function checkFiles(paths: readonly string[], options: CheckFilesOptions = {}): Promise<CheckFilesResult> {
  const out: string[] = [];
  const err: string[] = [];
  let documents: CheckedDocument[] = [];
  const io: CliIo = {
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    stdoutTty: false,
    stderrTty: false,
    env: options.env ?? process.env,
    // Paths are the process's own, as on the command line: resolved against its working directory.
    cwd: process.cwd(),
    version: pkg.version,
    onDocuments: (docs) => {
      documents = docs;
    },
  };
  const exitCode = await main(argvOf(paths, options), io);
  const errors = err
    .join('')
    .split('\n')
    .filter((line) => line !== '');
  return { exitCode, output: out.join(''), errors, documents };
}
