import { readFileSync } from 'node:fs';
import { bench, describe } from 'vitest';
import { parseReport } from '../src/index.js';

const street = readFileSync(new URL('../seeds/2020-baiyun-shimen-street.txt', import.meta.url), 'utf8');
const district = readFileSync(new URL('../seeds/2020-baiyun-district.txt', import.meta.url), 'utf8');

// Target (issue 2): ≤ 2 ms for the 25 KB street seed, warm, on the 2-core CI machine.
describe('parseReport, warm', () => {
  bench('street seed (25 KB)', () => {
    parseReport(street);
  }, { warmupIterations: 200, iterations: 1000 });
  bench('district seed (15 KB)', () => {
    parseReport(district);
  }, { warmupIterations: 200, iterations: 1000 });
});
