/** `jiaohe.config.json`: found upward from the inputs, validated by zod, merged with flags. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { ConfigSchema, findForbiddenKey, issuePath, issueText } from '../engine/config.js';
import { CliError, cliTemplate, errnoText, type MessageValue } from './messages.js';

/** The file name looked for upward from the inputs. */
export const CONFIG_FILE_NAME = 'jiaohe.config.json';

/** A config file: the engine's configuration plus profile files (paths relative to the config file). */
export const ConfigFileSchema = ConfigSchema.extend({
  /** Editors' JSON-schema hint; ignored. */
  $schema: z.string().optional(),
  /** Document profiles to load, relative to the config file. */
  profiles: z.array(z.string()).optional(),
  /** Rule files to load, relative to the config file (as `--plugin`). */
  plugins: z.array(z.string()).optional(),
}).strict();
/** A config file's content. */
export type ConfigFile = z.infer<typeof ConfigFileSchema>;

/** A config file read from disk, with its path. */
export interface LoadedConfig {
  path: string;
  config: ConfigFile;
}

/** Where JSON.parse gave up, in words: line and column (V8 says only the offset), or that the text ended. */
function jsonProblem(text: string, error: Error): MessageValue {
  const at = /at position (\d+)/.exec(error.message);
  if (!at) return /end of JSON input/.test(error.message) ? cliTemplate('jsonEnd') : error.message;
  const before = text.slice(0, Number(at[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return cliTemplate('jsonAt', { line, column });
}

/** Reads a JSON file; a missing file or bad JSON is a `CliError` naming it. */
export function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? 'noSuchFile' : code === 'EISDIR' ? 'isDirectory' : 'cannotRead', { path, why: errnoText(error) });
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch (error) {
    throw new CliError('notJson', { path, why: jsonProblem(body, error as Error) });
  }
}

/** Reads and validates a config file; profile paths become absolute. */
export function loadConfigFile(path: string): LoadedConfig {
  const raw = readJsonFile(path);
  // zod drops `__proto__` from a record without a word; a key like it is refused by name.
  const forbidden = findForbiddenKey(raw);
  if (forbidden) {
    throw new CliError('badConfig', {
      path,
      why: {
        zh: `${forbidden.path}: 不允许使用键 '${forbidden.key}'(__proto__、constructor、prototype 不能作为规则名、选项名或其他键)`,
        en: `${forbidden.path}: the key '${forbidden.key}' is not allowed (__proto__, constructor and prototype cannot name a rule, an option or anything else)`,
      },
    });
  }
  const parsed = ConfigFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const keys = issue.code === 'unrecognized_keys' ? (issue as { keys: string[] }).keys.join(', ') : '';
    const at = issuePath(issue.path) || keys || '(root)';
    throw new CliError('badConfig', { path, why: { zh: `${at}: ${issueText(issue, 'zh')}`, en: `${at}: ${issueText(issue, 'en')}` } });
  }
  const base = dirname(resolve(path));
  const config = parsed.data;
  if (config.profiles) config.profiles = config.profiles.map((p) => (isAbsolute(p) ? p : join(base, p)));
  if (config.plugins) config.plugins = config.plugins.map((p) => (isAbsolute(p) ? p : join(base, p)));
  return { path, config };
}

/** The nearest `jiaohe.config.json` in `dir` or above it, or null. */
export function findConfigFile(dir: string): string | null {
  let at = resolve(dir);
  for (;;) {
    const candidate = join(at, CONFIG_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    const up = dirname(at);
    if (up === at) return null;
    at = up;
  }
}

/**
 * The config file for a run: the one given, else the nearest above the inputs (the working
 * directory for standard input). Inputs under different config files are a usage error, since
 * one run links its reports under one configuration.
 */
export function discoverConfig(inputs: readonly string[], given: string | undefined, cwd: string): LoadedConfig | null {
  if (given) return loadConfigFile(given);
  // An input with no config file above it takes the others' (a --parent kept elsewhere, stdin).
  const found = new Set<string>();
  for (const input of inputs.length ? inputs : ['-']) {
    const file = findConfigFile(input === '-' ? cwd : dirname(resolve(cwd, input)));
    if (file) found.add(file);
  }
  const files = [...found];
  if (files.length > 1) throw new CliError('configConflict', { a: files[0]!, b: files[1]! });
  return files[0] ? loadConfigFile(files[0]) : null;
}
