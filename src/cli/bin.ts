/**
 * The `jiaohe` executable. `--version` is answered here, before the checker is loaded, so it
 * returns at once; everything else loads `main`.
 */
import { readFileSync } from 'node:fs';

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
  const { main } = await import('./main.js');
  process.exitCode = await main(argv, {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdoutTty: Boolean(process.stdout.isTTY),
    stderrTty: Boolean(process.stderr.isTTY),
    env: process.env,
    cwd: process.cwd(),
    version: version(),
  });
}
