/** Finding the files to check and reading them, many at a time, one failure not stopping the rest. */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DecodeError } from '../io/decode.js';
import { formatOfPath, loadSourceBytes, loadSourceFile } from '../io/load.js';
import type { LoadedSource } from '../io/source.js';
import { CliError } from './messages.js';

/** The path standard input is reported under. */
export const STDIN = '<stdin>';

/** Directory entries never read as reports: documentation beside them, Word's lock files, hidden files. */
function skipped(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$') || name.toLowerCase() === 'readme.md' || name === 'node_modules';
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const e of entries) {
    if (skipped(e.name)) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) await walk(path, out);
    else if (e.isFile() && formatOfPath(e.name)) out.push(path);
  }
}

/**
 * The files to read: each file given as it is, and the supported files inside each directory
 * (sorted, so output order does not depend on the file system). `-` stands for standard input.
 */
export async function expandInputs(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    if (p === '-') {
      out.push('-');
      continue;
    }
    let isDir = false;
    try {
      isDir = (await stat(p)).isDirectory();
    } catch {
      // A missing file is reported when it is read, with the others still checked.
    }
    if (!isDir) {
      out.push(p);
      continue;
    }
    const found: string[] = [];
    await walk(p, found);
    if (found.length === 0) throw new CliError('noReports', { path: p });
    out.push(...found.sort());
  }
  return [...new Set(out)];
}

/** Why a file could not be read, as a command-line error naming it. */
export function inputError(path: string, error: unknown): CliError {
  if (error instanceof CliError) return error;
  if (error instanceof DecodeError) return new CliError(error.code === 'empty' ? 'empty' : error.code === 'binary' ? 'binary' : 'undecodable', { path });
  const e = error as { name?: string; code?: string; message?: string };
  if (e.name === 'DocxError') {
    const id = e.code === 'damaged' ? 'damagedDocx' : e.code === 'too-large' ? 'tooLarge' : 'notDocx';
    return new CliError(id, { path, why: e.message ?? '' });
  }
  if (e.code === 'ENOENT') return new CliError('noSuchFile', { path });
  if (e.code === 'EISDIR') return new CliError('isDirectory', { path });
  return new CliError('cannotRead', { path, why: e.code ?? e.message ?? String(error) });
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const all = Buffer.concat(chunks);
  return new Uint8Array(all.buffer, all.byteOffset, all.byteLength);
}

/** One input's outcome: its source, or the error that kept it from being read. */
export type ReadOutcome = { path: string; source: LoadedSource } | { path: string; error: CliError };

/**
 * Reads every input, `limit` at a time, in input order. Reading and decoding overlap with
 * waiting on the disk; a file that cannot be read is an outcome, not an exception.
 */
export async function readInputs(
  paths: readonly string[],
  options: { stdinName?: string; limit?: number; onRead?: (done: number) => void } = {},
): Promise<ReadOutcome[]> {
  const outcomes = new Array<ReadOutcome>(paths.length);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < paths.length) {
      const i = next++;
      const path = paths[i]!;
      const shown = path === '-' ? (options.stdinName ?? STDIN) : path;
      try {
        const source =
          path === '-'
            ? await loadSourceBytes(shown, await readStdin(), options.stdinName ? (formatOfPath(options.stdinName) ?? undefined) : undefined)
            : await loadSourceFile(path);
        outcomes[i] = { path: shown, source };
      } catch (error) {
        outcomes[i] = { path: shown, error: inputError(shown, error) };
      }
      options.onRead?.(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.limit ?? 8, paths.length)) }, worker));
  return outcomes;
}
