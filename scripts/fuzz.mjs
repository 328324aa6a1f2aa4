// Fuzzes checkReport: npm run fuzz -- --runs 100000 [--seed S] [--replay FILE.json]
// The generator lives in test/fuzz/ (shared with the short run in npm test); it is bundled with the
// current sources into a temporary directory, so the run needs no build of dist/.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'jiaohe-fuzz-build-'));
const outfile = join(dir, 'fuzz.mjs');
let main;
try {
  await build({
    entryPoints: [join(root, 'test/fuzz/main.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'warning',
    // Bundled CommonJS dependencies may call require().
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  ({ main } = await import(pathToFileURL(outfile).href));
} finally {
  // Loaded modules stay in memory, so the bundle can go before the run (which may exit early).
  rmSync(dir, { recursive: true, force: true });
}
process.exit(await main(process.argv.slice(2), root));
