// Memory of the parsed model relative to the input, measured on the built package:
//   npm run build && node --expose-gc bench/memory.mjs
// Target (issue 2): the model (without the input string itself) under 20× the input's UTF-8 size.
import { readFileSync } from 'node:fs';
import { parseReport } from '../dist/index.js';

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
process.exit(failed ? 1 : 0);
