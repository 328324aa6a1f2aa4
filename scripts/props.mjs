// Runs the property tests with more cases: npm run test:props -- --runs 10000
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const at = args.indexOf('--runs');
const runs = at >= 0 ? args[at + 1] : '2000';
if (!/^\d+$/.test(runs ?? '')) {
  console.error('usage: npm run test:props -- --runs N');
  process.exit(2);
}
// Each run costs milliseconds; give every property time in proportion to its runs.
const timeout = String(60_000 + Number(runs) * 20);
const r = spawnSync('npx', ['vitest', 'run', 'test/property', 'test/examples', '--exclude', 'test/property/linear.test.ts', '--testTimeout', timeout], {
  stdio: 'inherit',
  env: { ...process.env, JIAOHE_PROP_RUNS: runs },
});
process.exit(r.status ?? 1);
