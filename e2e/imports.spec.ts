import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { login } from './support.js';

let clinic = '';

/** Every file of the generated clinic except the expected outcome (the answer key, not an export). */
function exportFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .filter((p) => !relative(dir, p).startsWith('expected'));
}

test.beforeAll(() => {
  clinic = join(mkdtempSync(join(tmpdir(), 'sgrt-e2e-clinic-')), 'clinic');
  execFileSync(
    process.execPath,
    ['bin/sgrt-billing.js', 'demo-data', '--patients', '2', '--days', '3', '--seed', '7', '--out', clinic],
    { stdio: 'pipe' },
  );
});

test.afterAll(() => {
  if (clinic) rmSync(join(clinic, '..'), { recursive: true, force: true });
});

test('an upload of a demo clinic folder shows progress and per-file results', async ({ page }) => {
  await login(page, 'coder');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Imports' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Imports' })).toBeVisible();

  const files = exportFiles(clinic);
  expect(files.length).toBeGreaterThan(3);
  await page.getByLabel('Choose files').setInputFiles(files);
  await expect(page.getByText(`${files.length} files selected`)).toBeVisible();
  await page.getByRole('button', { name: 'Upload and import' }).click();

  const current = page.getByRole('region', { name: /Current import/ });
  await expect(current).toBeVisible();
  // One file refused and the rest stored: the import is partial, never a green "Done".
  await expect(current.getByText(/Import finished in part: 1 of \d+ files refused/)).toBeVisible({
    timeout: 60_000,
  });
  await expect(current.getByRole('heading', { name: /Current import/ })).toContainText('Partial');

  const results = current.getByRole('table');
  await expect(results.getByRole('row')).toHaveCount(files.length + 1);
  await expect(results.getByRole('rowheader', { name: /orders-signatures\.csv/ })).toBeVisible();
  await expect(results.getByText(/Imported|Duplicate|Skipped|Failed/).first()).toBeVisible();
  // Another clinic numbers its courses like the demo's (C-5001…) for other patients: its course list is
  // refused with the reason, so the demo's courses keep their charts.
  await expect(results.getByRole('row', { name: /courses\.json/ })).toContainText(
    /belongs to another patient in this practice/,
  );

  // The job is listed among past imports.
  const past = page.getByRole('region', { name: 'Past imports' });
  await expect(past.getByRole('row').nth(1).getByText('Partial', { exact: true })).toBeVisible();
  await expect(past.getByRole('row').nth(1)).toContainText(/1 of \d+ files refused/);
});
