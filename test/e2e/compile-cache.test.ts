/**
 * The CLI's V8 code cache (src/cli/compile-cache.ts) only ever saves time: a cache that is
 * damaged, cut short, another build's, or in a directory others could write to is not used, and
 * the output is the same with it, without it and after it was damaged.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchDir } from '../helpers.js';
import { runCli } from './run-cli.js';

const ARGS = ['check', 'seeds/2020-baiyun-shimen-street.txt', '--format', 'json'];
const uid = process.getuid?.();
const cacheDirIn = (tmp: string) => join(tmp, uid === undefined ? 'jiaohe' : `jiaohe-${uid}`);
const cacheFile = (tmp: string) => join(cacheDirIn(tmp), `cli-main-${process.version}-${process.arch}.cache`);
/** The JSON output without the run's timings, which differ from run to run. */
const findings = (stdout: string) => JSON.stringify(JSON.parse(stdout), (k, v) => (k === 'stats' ? undefined : v));

describe('the CLI code cache', () => {
  const reference = (() => {
    const r = runCli(ARGS, { env: { JIAOHE_NO_COMPILE_CACHE: '1' } });
    return { code: r.code, out: findings(r.stdout) };
  })();

  it('is written after a check, private to the user, and gives the same output as no cache', () => {
    const tmp = scratchDir('jiaohe-cache-');
    const first = runCli(ARGS, { env: { TMPDIR: tmp, TMP: tmp, TEMP: tmp } });
    expect(first.code).toBe(reference.code);
    expect(findings(first.stdout)).toBe(reference.out);
    const file = cacheFile(tmp);
    expect(existsSync(file)).toBe(true);
    if (uid !== undefined) {
      expect(statSync(cacheDirIn(tmp)).mode & 0o777).toBe(0o700);
      expect(statSync(file).mode & 0o777).toBe(0o600);
    }
    const second = runCli(ARGS, { env: { TMPDIR: tmp, TMP: tmp, TEMP: tmp } });
    expect(findings(second.stdout)).toBe(reference.out);
  });

  it('is not written when turned off', () => {
    const tmp = scratchDir('jiaohe-cache-');
    const r = runCli(ARGS, { env: { TMPDIR: tmp, TMP: tmp, TEMP: tmp, JIAOHE_NO_COMPILE_CACHE: '1' } });
    expect(findings(r.stdout)).toBe(reference.out);
    expect(existsSync(cacheDirIn(tmp))).toBe(false);
  });

  it.each([
    ['a byte of the cached data changed', (b: Buffer) => Buffer.concat([b.subarray(0, b.length - 100), Buffer.from([b[b.length - 100]! ^ 0xff]), b.subarray(b.length - 99)])],
    ['cut short', (b: Buffer) => b.subarray(0, Math.floor(b.length / 2))],
    ['another build (source hash changed)', (b: Buffer) => Buffer.concat([b.subarray(0, 4), Buffer.from([b[4]! ^ 1]), b.subarray(5)])],
    ['not a cache file at all', () => Buffer.from('not a cache')],
  ])('is ignored and rewritten when %s', (_, damage) => {
    const tmp = scratchDir('jiaohe-cache-');
    const env = { TMPDIR: tmp, TMP: tmp, TEMP: tmp };
    runCli(ARGS, { env });
    const good = readFileSync(cacheFile(tmp));
    const bad = damage(good);
    writeFileSync(cacheFile(tmp), bad);
    const r = runCli(ARGS, { env });
    expect(r.code).toBe(reference.code);
    expect(r.stderr).toBe('');
    expect(findings(r.stdout)).toBe(reference.out);
    // The damaged file was replaced by a whole one: the same layout, readable again.
    const rewritten = readFileSync(cacheFile(tmp));
    expect(rewritten.equals(bad)).toBe(false);
    expect(rewritten.subarray(0, 12).equals(good.subarray(0, 12))).toBe(true);
  });

  it.skipIf(uid === undefined)('is not used from a directory others may write to', () => {
    const tmp = scratchDir('jiaohe-cache-');
    mkdirSync(cacheDirIn(tmp), { mode: 0o700 });
    chmodSync(cacheDirIn(tmp), 0o777);
    const r = runCli(ARGS, { env: { TMPDIR: tmp, TMP: tmp, TEMP: tmp } });
    expect(findings(r.stdout)).toBe(reference.out);
    expect(existsSync(cacheFile(tmp))).toBe(false);
  });
});
