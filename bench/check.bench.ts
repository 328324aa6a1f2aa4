import { readFileSync } from 'node:fs';
import { bench, describe } from 'vitest';
import { checkReport, parseReport } from '../src/index.js';

const street = readFileSync(new URL('../seeds/2020-baiyun-shimen-street.txt', import.meta.url), 'utf8');
const district = readFileSync(new URL('../seeds/2020-baiyun-district.txt', import.meta.url), 'utf8');
const parsed = parseReport(street);

// Target (issue 3): ≤ 5 ms for checkReport on the 25 KB street seed, warm, on the 2-core CI machine.
describe('checkReport, warm', () => {
  bench('street seed from text (parse + claims + rules)', () => {
    checkReport(street);
  }, { warmupIterations: 100, iterations: 500 });
  bench('street seed, already parsed', () => {
    checkReport(parsed);
  }, { warmupIterations: 100, iterations: 500 });
  bench('district seed from text', () => {
    checkReport(district);
  }, { warmupIterations: 100, iterations: 500 });
});
