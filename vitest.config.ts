import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
    pool: 'threads',
    // Integration tests open databases and load the demo practice; a busy 2-core CI machine needs room.
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
