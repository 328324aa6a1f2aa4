// Wall time of the built CLI as a user starts it: `--version`, and a check of both seeds.
// Each run is a new process (cold: nothing cached in the process); the table gives the best and
// the median of the runs. Run with `npm run bench` (after the build).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.RUNS ?? 10);

function time(args) {
  const ms = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, ['dist/cli.js', ...args], { cwd: root, encoding: 'utf8' });
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
  ['jiaohe check seeds/*.txt --format sarif', time(['check', 'seeds/2020-baiyun-district.txt', 'seeds/2020-baiyun-shimen-street.txt', '--format', 'sarif'])],
];
console.log(`CLI wall time over ${RUNS} new processes each (ms):`);
for (const [name, { best, median }] of rows) console.log(`  ${name.padEnd(42)} best ${best.toFixed(0).padStart(4)}   median ${median.toFixed(0).padStart(4)}`);
