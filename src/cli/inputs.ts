/** Finding the files to check and reading them, many at a time, one failure not stopping the rest. */
import { realpathSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { DecodeError } from '../io/decode.js';
import { NODE_INPUT_FORMATS } from '../io/formats/node.js';
import { formatOfPath, loadSourceBytes, loadSourceFile, MAX_INPUT_BYTES } from '../io/load.js';
import { countDigitRuns, MAX_DIGIT_RUNS } from '../parse/limits.js';
import type { DocxSizeRefusal } from '../io/docx.js';
import type { LoadedSource } from '../io/source.js';
import { CliError, DECODE_MESSAGE_IDS, errnoText } from './messages.js';
import { isAnnotatedCopy } from '../io/annotated-name.js';

/** The report files a folder is searched for, as the message about an empty folder lists them. */
const REPORT_EXTENSIONS = ['.txt', '.md', '.html', ...NODE_INPUT_FORMATS.filter((f) => f.name !== 'text' && f.name !== 'html').flatMap((f) => f.extensions)].join(', ');

/** The path standard input is reported under. */
export const STDIN = '<stdin>';

/** Directory entries never read as reports: documentation beside them, Word's lock files, hidden files, jiaohe's commented copies. */
function skipped(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$') || name.toLowerCase() === 'readme.md' || name === 'node_modules' || isAnnotatedCopy(name);
}

/** Collects the supported files under `dir`; a folder that cannot be listed is an error, not the end of the run. */
async function walk(dir: string, out: string[], errors: CliError[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    errors.push(new CliError('cannotReadDir', { path: dir, why: errnoText(error) }));
    return;
  }
  for (const e of entries) {
    if (skipped(e.name)) continue;
    const path = join(dir, e.name);
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      // A linked report is read like any other; a link to a folder is not followed (no cycles).
      try {
        isFile = (await stat(path)).isFile();
      } catch {
        isFile = false;
      }
      isDir = false;
    }
    if (isDir) await walk(path, out, errors);
    else if (isFile && formatOfPath(e.name)) out.push(path);
  }
}

/** The files to read, and the folders that could not be searched. */
export interface ExpandedInputs {
  files: string[];
  errors: CliError[];
}

/** Characters that make an argument a glob pattern when no file of that name exists. */
const GLOB_CHARS = /[*?[\]{}]/;

/** Options for finding the files to read. */
export interface ExpandOptions {
  /**
   * Patterns (picomatch, relative to `cwd`; one without a slash matches a file name anywhere) of
   * files left out of directories searched and patterns expanded. A file named outright is read.
   */
  ignore?: readonly string[];
  /** The directory patterns and ignore patterns are relative to (default: the process's). */
  cwd?: string;
  /** Whether backslashes separate folders in patterns (Windows). */
  windows?: boolean;
}

/**
 * A test for paths left out by `--ignore-pattern`, or null when there are none. A pattern is
 * matched against the path from `cwd` and against each folder on it (`reports/drafts` leaves out
 * what is inside); one without a slash against the file's and the folders' names; an absolute
 * pattern is taken from `cwd` too.
 */
async function ignoreTest(patterns: readonly string[], cwd: string, windows: boolean): Promise<((path: string) => boolean) | null> {
  if (patterns.length === 0) return null;
  const { default: picomatch } = await import('picomatch');
  const slashed = patterns.map((p) => {
    const forward = windows ? p.replace(/\\/g, '/') : p;
    return isAbsolute(forward) ? relative(cwd, forward).split(sep).join('/') : forward.replace(/^\.\//, '').replace(/\/$/, '');
  });
  const whole = picomatch(slashed.filter((p) => p.includes('/')), { dot: true });
  const named = picomatch(slashed.filter((p) => !p.includes('/')), { dot: true });
  return (path) => {
    const parts = relative(cwd, resolve(cwd, path)).split(sep);
    for (let n = parts.length; n > 0; n--) {
      if (whole(parts.slice(0, n).join('/')) || named(parts[n - 1]!)) return true;
    }
    return false;
  };
}

/**
 * Files a glob pattern matches, sorted; only files of a format jiaohe reads, never its commented
 * copies. Expanded here, not by the shell: Windows shells pass `*.docx` through as it is. The
 * folders before the first segment with a wildcard are taken literally (报告(2024)/*.docx has no
 * group in it), the rest as a pattern.
 */
async function expandPattern(pattern: string, cwd: string, windows: boolean): Promise<string[]> {
  const { glob } = await import('tinyglobby');
  const segments = (windows ? pattern.replace(/\\/g, '/') : pattern).split('/');
  const first = segments.findIndex((seg) => GLOB_CHARS.test(seg));
  const base = segments.slice(0, first).join('/');
  const root = base === '' && pattern.startsWith('/') ? '/' : base;
  const found = await glob(segments.slice(first).join('/'), {
    cwd: resolve(cwd, root === '' ? '.' : root),
    onlyFiles: true,
    dot: false,
    expandDirectories: false,
    followSymbolicLinks: false,
    ignore: ['**/node_modules/**', '**/~$*'],
  });
  const joined = found.filter((f) => formatOfPath(f) !== null && !isAnnotatedCopy(f)).map((f) => (root === '' ? f : root === '/' ? `/${f}` : `${root}/${f}`));
  // Paths as the pattern gave them (relative when it was), readable from this process's directory.
  return joined.map((f) => (isAbsolute(f) || resolve(cwd) === process.cwd() ? f : resolve(cwd, f))).sort();
}

/**
 * The files to read: each file given as it is, the supported files inside each directory, and the
 * files a glob pattern matches (both sorted, so output order does not depend on the file system),
 * less those `ignore` leaves out. `-` stands for standard input. A file named twice (or through a
 * link) is read once, under the first name given.
 */
export async function expandInputs(paths: readonly string[], options: ExpandOptions = {}): Promise<ExpandedInputs> {
  const cwd = options.cwd ?? process.cwd();
  const windows = options.windows ?? process.platform === 'win32';
  const ignored = await ignoreTest(options.ignore ?? [], cwd, windows);
  const keep = (found: string[], from: string): string[] => {
    if (!ignored) return found;
    const kept = found.filter((f) => !ignored(f));
    // Everything left out is not a clean run: say so, as for a pattern that matches nothing.
    if (kept.length === 0 && found.length > 0) throw new CliError('allIgnored', { pattern: from });
    return kept;
  };
  const files: string[] = [];
  const errors: CliError[] = [];
  for (const p of paths) {
    if (p === '-') {
      files.push('-');
      continue;
    }
    let kind: 'dir' | 'file' | 'missing' = 'missing';
    try {
      kind = (await stat(p)).isDirectory() ? 'dir' : 'file';
    } catch {
      // A missing file is reported when it is read, with the others still checked.
    }
    if (kind === 'missing' && GLOB_CHARS.test(p)) {
      const matched = await expandPattern(p, cwd, windows);
      if (matched.length === 0) throw new CliError('noMatch', { pattern: p });
      files.push(...keep(matched, p));
      continue;
    }
    if (kind !== 'dir') {
      files.push(p);
      continue;
    }
    const found: string[] = [];
    const before = errors.length;
    await walk(p, found, errors);
    if (found.length === 0 && errors.length === before) throw new CliError('noReports', { path: p, extensions: REPORT_EXTENSIONS });
    files.push(...keep(found.sort(), p));
  }
  const seen = new Set<string>();
  const unique = files.filter((f) => {
    const key = f === '-' ? '-' : realPath(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { files: unique, errors };
}

/**
 * The real path of a file (through links); for a file not there yet, its folder's real path and
 * its name; else its absolute path.
 */
export function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(resolve(path))), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

/** Bytes as megabytes with one decimal. */
const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);

/** A file size as people write it: bytes, KB or MB. */
function byteSize(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${mb(n)} MB`;
}

/** Why a file could not be read, as a command-line error naming it. */
export function inputError(path: string, error: unknown): CliError {
  if (error instanceof CliError) return error;
  if (error instanceof DecodeError) {
    const id = DECODE_MESSAGE_IDS[error.code];
    return new CliError(id, { path });
  }
  const e = error as { name?: string; code?: string; message?: string; refusal?: DocxSizeRefusal };
  if (e.name === 'DocxError') {
    if (e.code === 'damaged') return new CliError('damagedDocx', { path });
    // A small file that would inflate past the XML limit is not "over 8 MB": say what was refused.
    if (e.code === 'too-large' && e.refusal) return new CliError('docxTooLarge', { path, part: e.refusal.part, size: mb(e.refusal.size), limit: mb(e.refusal.limit), fileSize: byteSize(e.refusal.fileSize) });
    if (e.code === 'too-large') return new CliError('tooLarge', { path });
    return new CliError((e.message ?? '').includes('zip') && !(e.message ?? '').includes('document.xml') ? 'notZip' : 'noDocumentXml', { path });
  }
  if (e.code === 'ENOENT') return new CliError('noSuchFile', { path });
  if (e.code === 'EISDIR') return new CliError('isDirectory', { path });
  return new CliError('cannotRead', { path, why: errnoText(error) });
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > MAX_INPUT_BYTES) throw new DecodeError('the input is too large', 'too-large');
    chunks.push(chunk as Buffer);
  }
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
        // A text of more numbers than can be checked in bounded time is refused here, with the
        // other unreadable inputs, before any parsing.
        const runs = countDigitRuns(source.text, MAX_DIGIT_RUNS);
        if (runs > MAX_DIGIT_RUNS) throw new CliError('tooManyNumbers', { path: shown, max: String(MAX_DIGIT_RUNS) });
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
