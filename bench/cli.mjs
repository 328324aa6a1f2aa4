// Wall time of the built CLI as a user starts it: `--version`, and a check of both seeds.
// Each run is a new process (cold: nothing cached in the process; the V8 code cache the CLI
// keeps in the OS temporary directory is warm after the first run, as it is for a user, and one
// row measures without it); the table gives the best and the median of the runs, and the check
// of both seeds is held against issue 12's target. Run with `npm run bench` (after the build).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.RUNS ?? 10);

/** Issue 12's target for `jiaohe check seeds/*.txt` in a new process, best of the runs (ms). */
const TARGET_MS = 250;

function time(args, env = {}) {
  const ms = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, ['dist/cli.js', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
    ms.push(performance.now() - t);
    if (r.status !== 0 && r.status !== 1) throw new Error(`jiaohe ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  }
  ms.sort((a, b) => a - b);
  return { best: ms[0], median: ms[Math.floor(ms.length / 2)] };
}

const rows = [
  ['node -e 0 (Node alone)', (() => {
    const ms = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      spawnSync(process.execPath, ['-e', '0']);
      ms.push(performance.now() - t);
    }
    ms.sort((a, b) => a - b);
    return { best: ms[0], median: ms[Math.floor(ms.length / 2)] };
  })()],
  ['jiaohe --version', time(['--version'])],
  ['jiaohe check seeds/*.txt', time(['check', 'seeds/2020-baiyun-district.txt', 'seeds/2020-baiyun-shimen-street.txt'])],
  ['jiaohe check seeds/*.txt, no code cache', time(['check', 'seeds/2020-baiyun-district.txt', 'seeds/2020-baiyun-shimen-street.txt'], { JIAOHE_NO_COMPILE_CACHE: '1' })],
  ['jiaohe check seeds/*.txt --format sarif', time(['check', 'seeds/2020-baiyun-district.txt', 'seeds/2020-baiyun-shimen-street.txt', '--format', 'sarif'])],
];
console.log(`CLI wall time over ${RUNS} new processes each (ms):`);
for (const [name, { best, median }] of rows) console.log(`  ${name.padEnd(42)} best ${best.toFixed(0).padStart(4)}   median ${median.toFixed(0).padStart(4)}`);
const check = rows.find(([name]) => name === 'jiaohe check seeds/*.txt')[1].best;
console.log(`  target: jiaohe check seeds/*.txt ≤ ${TARGET_MS} ms (best): ${check.toFixed(0)} ms, ${check <= TARGET_MS ? 'met' : `not met (${(check - TARGET_MS).toFixed(0)} ms over)`}; Node alone ${rows[0][1].best.toFixed(0)} ms`);
