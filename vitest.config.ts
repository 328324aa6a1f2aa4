import { defineConfig } from 'vitest/config';
import Watchdog from './test/watchdog.js';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'rules/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    // The default output, plus a reporter that ends a stalled run with the names of what was running.
    reporters: ['default', new Watchdog()],
  },
});
