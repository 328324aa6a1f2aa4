import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, onTestFinished } from 'vitest';
import { DecodeError } from '../src/io/decode.js';
import { parseReport, type CheckedDocument, type Report } from '../src/index.js';

/** Absolute path of a file under the project root. */
export function projectPath(rel: string): string {
  return fileURLToPath(new URL(`../${rel}`, import.meta.url));
}

/**
 * A new folder in the OS temporary directory, removed when the test that made it ends, so a run of
 * the suite leaves nothing behind. Inside a test only; a folder made in beforeAll is removed by the
 * file's own afterAll.
 */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The text of a seed report. */
export function seedText(name: 'street' | 'district'): string {
  const file = name === 'street' ? '2020-baiyun-shimen-street.txt' : '2020-baiyun-district.txt';
  return readFileSync(projectPath(`seeds/${file}`), 'utf8');
}

const cache = new Map<string, Report>();
/** The parsed seed report (parsed once per test file). */
export function seedReport(name: 'street' | 'district'): Report {
  let r = cache.get(name);
  if (!r) {
    r = parseReport(seedText(name));
    cache.set(name, r);
  }
  return r;
}

/** Median milliseconds per input character over `runs` calls of `fn`: flat when the work is linear. */
export function medianPerChar(fn: (text: string) => unknown, text: string, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn(text);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)]! / text.length;
}

/** `unit` repeated to exactly `length` characters. */
export function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** Rule settings that leave only the arithmetic rules on: structure rules need whole reports. */
export const ARITHMETIC_ONLY = {
  'required-sections': 'off',
  'signature-block': 'off',
  'report-date': 'off',
  'heading-numbering': 'off',
  'plan-year': 'off',
  'enumeration-sequence': 'off',
  'document-kind': 'off',
} as const;

/** Both seeds, checked together as `jiaohe check seeds/*.txt` checks them (through `checkFiles`), positions in the files. */
export async function checkedSeeds(locale: 'zh' | 'en'): Promise<CheckedDocument[]> {
  const { checkFiles } = await import('../src/node.js');
  const result = await checkFiles(['seeds/2020-baiyun-district.txt', 'seeds/2020-baiyun-shimen-street.txt'], { locale, noConfig: true });
  if (result.exitCode === 2) throw new Error(`the seeds could not be checked: ${result.errors.join('\n')}`);
  return result.documents;
}

/** The `DecodeError` a load fails with; the test fails if it succeeds or fails otherwise. */
export async function decodeFailure(promise: Promise<unknown>): Promise<DecodeError> {
  const e = await promise.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DecodeError);
  return e as DecodeError;
}
