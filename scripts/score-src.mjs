#!/usr/bin/env node
// Scores the current sources (not dist/) against the shared corpus: bundles src/index.ts with
// esbuild into a scratch folder, then runs ../shared/tools/score-corpus.mjs on it. Lets several
// people score work in progress without rebuilding or clobbering dist/.
//   node scripts/score-src.mjs [--verbose] [--json]   (scratch folder: $JIAOHE_SCORE_DIR or a temp dir)
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = process.env.JIAOHE_SCORE_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'jiaohe-score-'));
fs.mkdirSync(out, { recursive: true });
await build({
  entryPoints: [path.join(root, 'src/index.ts')],
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  outfile: path.join(out, 'index.js'),
  logLevel: 'error',
});
fs.writeFileSync(path.join(out, 'package.json'), JSON.stringify({ type: 'module', exports: { '.': './index.js' } }));
const scorer = path.resolve(root, '..', 'shared', 'tools', 'score-corpus.mjs');
const r = spawnSync(process.execPath, [scorer, '--project', out, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
