/**
 * Loads the CLI's bundle (dist/cli-main.cjs) with a V8 code cache, so a new process does not
 * parse and compile the same megabyte of JavaScript each time it starts: with the cache, the
 * functions a check runs arrive compiled. Node 20 has no `module.enableCompileCache()` (22.1+),
 * so the bundle is CommonJS and compiled here through `vm.Script` with `cachedData`.
 *
 * Safety: the cache only ever saves time, never changes what runs.
 * - V8 accepts cached data only for its own version and flags and a source of the same length,
 *   and does not checksum it; so the file also records a CRC-32 of the source and one of the
 *   cached data, and anything that does not match (another build, a truncated or corrupt file)
 *   is ignored and the bundle compiled from source, as if there were no cache.
 * - It lives in the OS temporary directory, in a directory of the user's own (`jiaohe-<uid>`,
 *   mode 0700; one of someone else's or open to others is not used), never in the working tree.
 * - Writes go to a temporary file renamed over the old one, so a reader never sees half a file;
 *   any error while reading or writing it is ignored.
 * - `JIAOHE_NO_COMPILE_CACHE=1` (or Node's own `NODE_DISABLE_COMPILE_CACHE=1`) turns it off.
 */
import { lstatSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import vm from 'node:vm';
import { crc32 } from 'node:zlib';

/** Marks a cache file of this layout: magic, source CRC-32 and length, data CRC-32, flags; then V8's data. */
const MAGIC = 0x4a484331; // 'JHC1'
const HEADER = 20;
/** Flag: written after a `check`, so it holds the check's functions too, not only the start-up. */
const AFTER_CHECK = 1;

/** A loaded bundle: its exports, and a way to save its code cache once the run is over. */
export interface CachedModule {
  exports: Record<string, unknown>;
  /** Saves the code cache when there was none, V8 refused it, or it lacks what a check compiles. */
  save(afterCheck: boolean): void;
}

/** The user's own cache directory, or null when caching is off or the directory cannot be trusted. */
function cacheDir(env: Record<string, string | undefined>, create: boolean): string | null {
  if (env.JIAOHE_NO_COMPILE_CACHE || env.NODE_DISABLE_COMPILE_CACHE) return null;
  const uid = process.getuid?.();
  const dir = join(tmpdir(), uid === undefined ? 'jiaohe' : `jiaohe-${uid}`);
  try {
    if (create) mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stat = lstatSync(dir);
    // On a shared temporary directory, someone else's directory (or one they may write in)
    // could hold code made to run as this user.
    if (!stat.isDirectory()) return null;
    if (uid !== undefined && (stat.uid !== uid || (stat.mode & 0o022) !== 0)) return null;
    return dir;
  } catch {
    return null;
  }
}

/** The cached data stored for `source`, or undefined when the file is missing, another build's or damaged. */
function readCache(file: string, sourceCrc: number, sourceLength: number): { data: Buffer; flags: number } | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  if (bytes.length <= HEADER || bytes.readUInt32LE(0) !== MAGIC) return undefined;
  if (bytes.readUInt32LE(4) !== sourceCrc || bytes.readUInt32LE(8) !== sourceLength) return undefined;
  const data = bytes.subarray(HEADER);
  if (crc32(data) !== bytes.readUInt32LE(12)) return undefined;
  return { data, flags: bytes.readUInt32LE(16) };
}

/** Writes the cache file whole or not at all. */
function writeCache(dir: string, file: string, sourceCrc: number, sourceLength: number, data: Buffer, flags: number): void {
  const header = Buffer.alloc(HEADER);
  header.writeUInt32LE(MAGIC, 0);
  header.writeUInt32LE(sourceCrc, 4);
  header.writeUInt32LE(sourceLength, 8);
  header.writeUInt32LE(crc32(data), 12);
  header.writeUInt32LE(flags, 16);
  const tmp = join(dir, `.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(tmp, Buffer.concat([header, data]), { mode: 0o600 });
    renameSync(tmp, file);
  } catch {
    rmSync(tmp, { force: true });
  }
}

/** Runs the CommonJS bundle at `path` (bundled: it requires only Node's own modules) and returns its exports. */
export function loadCached(path: string, env: Record<string, string | undefined>): CachedModule {
  const bytes = readFileSync(path);
  const source = bytes.toString('utf8');
  const sourceCrc = crc32(bytes);
  const dir = cacheDir(env, false);
  // One file per Node version and architecture: a new build replaces the old one's.
  const name = `cli-main-${process.version}-${process.arch}.cache`;
  const cached = dir ? readCache(join(dir, name), sourceCrc, source.length) : undefined;
  // The wrapper stays on the source's first line, so line numbers in stack traces are the file's;
  // strict, as the ES modules the bundle is made of are.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {'use strict';${source}\n})`, {
    filename: path,
    ...(cached ? { cachedData: cached.data } : {}),
    // Plugin files are ES modules imported by URL: the same loader as everywhere else.
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {} as Record<string, unknown> };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(path), module, path, dirname(path));
  const usable = cached !== undefined && !script.cachedDataRejected;
  return {
    exports: module.exports,
    save(afterCheck) {
      if (usable && (!afterCheck || (cached.flags & AFTER_CHECK) !== 0)) return;
      const target = cacheDir(env, true);
      if (!target) return;
      try {
        writeCache(target, join(target, name), sourceCrc, source.length, script.createCachedData(), afterCheck ? AFTER_CHECK : 0);
      } catch {
        // A cache that cannot be written costs only time.
      }
    },
  };
}
