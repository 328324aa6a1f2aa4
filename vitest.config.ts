import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'rules/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
