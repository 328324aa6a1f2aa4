import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseReport, type Report } from '../src/index.js';

/** Absolute path of a file under the project root. */
export function projectPath(rel: string): string {
  return fileURLToPath(new URL(`../${rel}`, import.meta.url));
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
