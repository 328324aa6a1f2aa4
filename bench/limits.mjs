// The hard limits, through the built CLI in new processes: a 7.4 MB file of dense figures
// (`1 1 1 …件`, under the 8 MB input limit) and an 8 MB realistic report (the seeds repeated).
//   npm run build && node bench/limits.mjs
// Target (issue 12): each checked in ≤ 15 s and ≤ 1 GB peak RSS, or refused up front with exit 2
// and a clear reason; never an abort.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const seed = (name) => readFileSync(join(root, 'seeds', name), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'jiaohe-limits-'));
try {
  const dense = join(dir, 'dense.txt');
  writeFileSync(dense, `${'1 '.repeat(3_700_000)}件`);
  const unit = `${seed('2020-baiyun-shimen-street.txt')}\n${seed('2020-baiyun-district.txt')}\n`;
  let big = '';
  while (Buffer.byteLength(big) + Buffer.byteLength(unit) < 8 * 1024 * 1024) big += unit;
  const realistic = join(dir, 'realistic.txt');
  writeFileSync(realistic, big);
  console.log('hard limits through the CLI (new process each):');
  for (const [name, file] of [['7.4 MB of dense figures', dense], ['8 MB realistic report', realistic]]) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ['--import', join(root, 'bench/rss-preload.mjs'), join(root, 'dist/cli.js'), 'check', '--format', 'json', file], { encoding: 'utf8', maxBuffer: 1 << 30 });
    const seconds = (performance.now() - t0) / 1000;
    const rss = Number(/max-rss-kb (\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
    const said = r.status === 2 ? r.stderr.split('\n').find((l) => l.trim() && !l.startsWith('max-rss')) : `${(JSON.parse(r.stdout).documents?.[0]?.diagnostics ?? []).length} findings`;
    const ok = (r.status === 0 || r.status === 1 || r.status === 2) && seconds <= 15 && rss <= 1024;
    console.log(`  ${name.padEnd(26)} exit ${r.status}  ${seconds.toFixed(1).padStart(5)} s  peak ${rss.toFixed(0).padStart(5)} MB  ${ok ? 'met' : 'NOT MET'}  (${said})`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
