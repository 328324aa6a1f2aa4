// Memory of the parsed model relative to the input, measured on the built package:
//   npm run build && node --expose-gc bench/memory.mjs
// Target (issue 2): the model (without the input string itself) under 20× the input's UTF-8 size.
// Target (issue 12): what checkReport returns retains ≤ 4 KB of heap per KB of input.
import { readFileSync } from 'node:fs';
import { checkReport, parseReport } from '../dist/index.js';

if (typeof globalThis.gc !== 'function') {
  console.error('run with node --expose-gc');
  process.exit(2);
}
const N = 50;
let failed = false;
for (const name of ['2020-baiyun-shimen-street.txt', '2020-baiyun-district.txt']) {
  const bytes = readFileSync(new URL(`../seeds/${name}`, import.meta.url));
  const text = bytes.toString('utf8');
  const keep = [];
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < N; i++) {
    // A fresh copy of the text each time so the input is counted once per model, as a caller's would be.
    const own = (' ' + text).slice(1);
    keep.push(parseReport(own));
  }
  gc();
  const after = process.memoryUsage().heapUsed;
  const perModel = (after - before) / N;
  // The caller's string (2 bytes per UTF-16 unit) is the caller's, not the model's.
  const model = perModel - text.length * 2;
  const ratio = model / bytes.length;
  console.log(`${name}: input ${bytes.length} B, model ≈ ${Math.round(model / 1024)} KiB, ${ratio.toFixed(1)}× input`);
  if (ratio >= 20) failed = true;
  keep.length = 0;
}

// Retained heap of what checkReport returns (findings, claims, stats; the model and figure context
// are held weakly, see CheckResult), per KB of the input file, the input string itself left out.
// Target (issue 12): ≤ 4 KB per KB. Measured warm (the first check builds the word-list indexes
// every later check shares) and after a turn of the event loop, as a caller would keep results.
const TARGET = 4;
const turn = () => new Promise((resolve) => setTimeout(resolve, 0));
const street = readFileSync(new URL('../seeds/2020-baiyun-shimen-street.txt', import.meta.url), 'utf8');
const headings = Array.from({ length: 400 }, (_, i) => `${i + 1}.第${i + 1}项工作`).join('\n');
for (const [name, text] of [['street seed', street], ['headings only', headings]]) {
  const bytes = Buffer.byteLength(text);
  checkReport(text);
  const keep = [];
  await turn();
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < N; i++) keep.push(checkReport((' ' + text).slice(1)));
  await turn();
  gc();
  const perResult = (process.memoryUsage().heapUsed - before) / N - text.length * 2;
  const ratio = perResult / bytes;
  console.log(`checkReport result, ${name}: ≈ ${ratio.toFixed(1)} KB retained per KB of input (target ≤ ${TARGET}: ${ratio <= TARGET ? 'met' : 'NOT met'})`);
  if (ratio > TARGET) failed = true;
  keep.length = 0;
}
process.exit(failed ? 1 : 0);
