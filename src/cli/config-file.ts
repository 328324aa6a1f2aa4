/** `jiaohe.config.json`: found upward from the inputs, validated by zod, merged with flags. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { ConfigSchema, issuePath } from '../engine/config.js';
import { CliError } from './messages.js';

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

/** Reads a JSON file; a missing file or bad JSON is a `CliError` naming it. */
export function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? 'noSuchFile' : code === 'EISDIR' ? 'isDirectory' : 'cannotRead', { path, why: code ?? '' });
  }
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new CliError('notJson', { path, why: (error as Error).message });
  }
}

/** Reads and validates a config file; profile paths become absolute. */
export function loadConfigFile(path: string): LoadedConfig {
  const parsed = ConfigFileSchema.safeParse(readJsonFile(path));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const keys = issue.code === 'unrecognized_keys' ? (issue as { keys: string[] }).keys.join(', ') : '';
    const at = issuePath(issue.path) || keys || '(root)';
    throw new CliError('badConfig', { path, why: `${at}: ${issue.message}` });
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
