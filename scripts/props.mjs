// Runs the property tests with more cases: npm run test:props -- --runs 10000
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const at = args.indexOf('--runs');
const runs = at >= 0 ? args[at + 1] : '2000';
if (!/^\d+$/.test(runs ?? '')) {
  console.error('usage: npm run test:props -- --runs N');
  process.exit(2);
}
const r = spawnSync('npx', ['vitest', 'run', 'test/property', '--exclude', 'test/property/linear.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, JIAOHE_PROP_RUNS: runs },
});
process.exit(r.status ?? 1);
