/** Writing results: atomically to a file (never over an input), or to standard output. */
import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { realPath } from './inputs.js';
import { CliError } from './messages.js';

/** Refuses an output path that is one of the inputs (through links and relative paths too). */
export function assertNotInput(output: string, inputs: readonly string[]): void {
  const target = realPath(output);
  for (const input of inputs) {
    if (input !== '-' && realPath(input) === target) throw new CliError('outputIsInput', { path: output });
  }
}

/**
 * Writes a file atomically: into a temporary file beside it, then renamed over it, so a reader
 * never sees half a report and a failed run leaves the old file as it was.
 */
export function writeAtomic(path: string, content: string): void {
  const tmp = join(dirname(resolve(path)), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, content, { flag: 'wx' });
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError('cannotWrite', { path, why: code ?? (error as Error).message });
  }
}
