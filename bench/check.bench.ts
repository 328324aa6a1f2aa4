import { readFileSync } from 'node:fs';
import { bench, describe } from 'vitest';
import { checkReport, checkReports, parseReport } from '../src/index.js';

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

// Target (issue 5): linking and checking 25 street reports against one district ≤ 100 ms.
const names = '东西南北中上下左右前后新老大小金银铜铁江河湖海山林';
const family = [
  { id: 'district', report: parseReport(district) },
  ...Array.from({ length: 25 }, (_, i) => ({ id: `street-${i}`, report: parseReport(street.replaceAll('石门街', `${names[i]}门街`)) })),
];
describe('checkReports, warm', () => {
  bench('25 streets and their district, parsed', () => {
    checkReports(family);
  }, { warmupIterations: 5, iterations: 30 });
});
