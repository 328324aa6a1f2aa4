/**
 * The `jiaohe` program, loaded by the executable dist/cli.js (entry.ts). `--version` is answered
 * here, before the checker is loaded, so it returns at once; everything else runs `main` from the
 * CommonJS bundle beside this file (dist/cli-main.cjs), loaded with a code cache
 * (compile-cache.ts) so a run does not compile it again each time.
 *
 * Built as CommonJS (dist/cli.cjs): importing a built-in module from ES code evaluates all of its
 * exports (`node:fs` then loads the stream classes) and goes through the ES module loader, a few
 * milliseconds a run that a check never needs. Plugins, which are ES modules, still come through
 * `import()`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCached } from './compile-cache.js';
import type { main as Main, setPluginImporter as SetPluginImporter } from './main.js';

function version(): string {
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
  process.stdout.write(`${version()}\n`);
} else {
  // A closed pipe (`jiaohe check … | head`) is a normal way to stop reading, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  const bundle = loadCached(fileURLToPath(new URL('./cli-main.cjs', import.meta.url)), process.env);
  const main = bundle.exports.main as typeof Main;
  // Plugin files are imported from here, with Node's own import(): the cached bundle cannot (plugins.ts).
  (bundle.exports.setPluginImporter as typeof SetPluginImporter)((url) => import(url));
  void run(main, () => bundle.save(argv[0] === 'check'));
}

/** Runs the command; its promise is not awaited at top level, which CommonJS cannot do. */
async function run(main: typeof Main, afterOutput: () => void): Promise<void> {
  process.exitCode = await main(argv, {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdoutTty: Boolean(process.stdout.isTTY),
    stderrTty: Boolean(process.stderr.isTTY),
    env: process.env,
    cwd: process.cwd(),
    version: version(),
  });
  // After the output: the first run pays for writing the cache, not for a later one's answer.
  afterOutput();
}
