/** Writing results: atomically to a file (never over an input), or to standard output. */
import { rmSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { realPath } from './inputs.js';
import { CliError, errnoText } from './messages.js';

/** Refuses an output path that is one of the inputs (through links and relative paths too). */
export function assertNotInput(output: string, inputs: readonly string[]): void {
  const target = realPath(output);
  for (const input of inputs) {
    if (input !== '-' && realPath(input) === target) throw new CliError('outputIsInput', { path: output });
  }
}

/** Characters written per call: small enough that a signal is handled between two writes. */
const CHUNK = 1 << 20;

/** A string in pieces of about `CHUNK` characters, never splitting a surrogate pair. */
function* pieces(text: string): Generator<string> {
  for (let at = 0; at < text.length; ) {
    let end = Math.min(text.length, at + CHUNK);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
    yield text.slice(at, end);
    at = end;
  }
}

/** Signals that end a run from the terminal or a supervisor; the temporary file goes with them. */
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Writes a file atomically: into a temporary file beside it, then renamed over it, so a reader
 * never sees half a report and a failed or interrupted run leaves the old file as it was and no
 * temporary file behind. `content` is text, bytes (a Word file), or text in pieces (a formatter that streams); an error
 * while producing it removes the temporary file and is thrown as it was. A file-system error
 * is a `CliError` naming the file. On SIGINT, SIGTERM or SIGHUP during the write the temporary
 * file is removed and the signal then takes its usual course.
 */
export async function writeAtomic(path: string, content: string | Uint8Array | Iterable<string> | AsyncIterable<string>): Promise<void> {
  // node:crypto is loaded here, not at start-up: most runs write to standard output. (Not by
  // `import()`, which the CLI's cached bundle cannot use on Node 20: compile-cache.ts.)
  const { randomBytes } = process.getBuiltinModule('node:crypto');
  const tmp = join(dirname(resolve(path)), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const removeTmp = (): void => {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // Nothing more can be done about it on the way out.
    }
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    removeTmp();
    release();
    // With no other listener left, the default action (ending the process) is restored; raise
    // the signal again so the exit status still says how the run ended.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const release = (): void => {
    for (const s of SIGNALS) process.removeListener(s, onSignal);
  };
  for (const s of SIGNALS) process.on(s, onSignal);
  let file: Awaited<ReturnType<typeof open>> | undefined;
  try {
    file = await open(tmp, 'wx');
    for await (const piece of typeof content === 'string' ? pieces(content) : content instanceof Uint8Array ? [content] : content) {
      const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
      // A write may take fewer bytes than given; go on until all are written.
      for (let at = 0; at < bytes.length; ) at += (await file.write(bytes, at, bytes.length - at)).bytesWritten;
    }
    await file.close();
    file = undefined;
    await rename(tmp, path);
  } catch (error) {
    await file?.close().catch(() => undefined);
    removeTmp();
    // An error of the content's own (a formatter's bug) is not a file-system problem.
    if (!(error as NodeJS.ErrnoException).syscall) throw error;
    throw new CliError('cannotWrite', { path, why: errnoText(error) });
  } finally {
    release();
  }
}
