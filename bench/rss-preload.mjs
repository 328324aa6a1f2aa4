// Preloaded into a CLI process by bench/limits.mjs: prints the process's peak resident memory
// on exit, so the benchmark reads it the same way on any platform.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  writeSync(2, `\nmax-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
