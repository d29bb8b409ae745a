// Browser end-to-end tests of the web UI against a real server: `npm run build`, then
// `sgrt-billing serve --demo` on a fresh PGlite data directory, waiting for /api/health.
// Chromium is Debian's /usr/bin/chromium (no browser download). E2E_SKIP_BUILD=1 skips the build;
// E2E_BASE_URL points the specs at a server that is already running (no webServer then).
import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PORT = Number(process.env['E2E_PORT'] ?? 4173);
const external = process.env['E2E_BASE_URL'];
const baseURL = external ?? `http://127.0.0.1:${PORT}`;

// One fresh database per run. The runner loads this file in each worker too: the directory made by the
// main process is passed on through the environment so workers do not make their own.
process.env['E2E_DATA_DIR'] ??= mkdtempSync(join(tmpdir(), 'sgrt-e2e-db-'));
const dataDir = process.env['E2E_DATA_DIR'];

const build = process.env['E2E_SKIP_BUILD'] === '1' ? '' : 'npm run build && ';

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env['CI'],
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: join(tmpdir(), 'sgrt-e2e-results'),
  use: {
    baseURL,
    viewport: { width: 1280, height: 800 },
    browserName: 'chromium',
    acceptDownloads: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: external
    ? undefined
    : {
        command: `${build}node bin/sgrt-billing.js serve --demo --port ${PORT} --host 127.0.0.1 --data-dir ${dataDir}`,
        url: `${baseURL}/api/health`,
        timeout: 300_000,
        reuseExistingServer: false,
        stdout: 'ignore',
        stderr: 'pipe',
      },
});
