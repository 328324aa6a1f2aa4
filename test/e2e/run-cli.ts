import { spawnSync } from 'node:child_process';
import { projectPath } from '../helpers.js';

/** The built CLI, as `npx jiaohe` runs it. */
export const CLI = projectPath('dist/cli.js');

/** The longest a CLI run in a test may take; a run of the slowest test takes a few seconds. */
export const CLI_TIMEOUT_MS = 120_000;

/** What a run of the CLI printed and returned, and how long it took. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs the built CLI in a child process, without colour unless `env` asks for it. */
export function runCli(args: readonly string[], options: { cwd?: string; input?: string | Buffer; env?: Record<string, string | undefined> } = {}): CliRun {
  const t = performance.now();
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? projectPath(''),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    // A hung CLI would block this worker for good (spawnSync stops vitest's own timeouts).
    timeout: CLI_TIMEOUT_MS,
    ...(options.input !== undefined ? { input: options.input } : {}),
  });
  if (r.error) throw new Error(`jiaohe ${args.join(' ')}: ${r.error.message}`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - t };
}
