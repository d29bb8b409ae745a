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

/** A record-and-verify history (the demo's layout) of a synthetic patient the course list does not have. */
const EARLY_HISTORY = [
  '"Patient ID","Patient Name","Treatment Date","Plan ID","Field Id","Energy","Beam On","Beam Off","Delivered MU","Planned MU","Fraction","Machine"',
  '"SYN-E2E-EARLY","Early, Synthetic","03/19/2026","EARLY-1","ARC1","6X","06:40:00","06:41:30","200","200","1","TB1"',
].join('\r\n');

test('a file that is not an export next to one that is: Partial, the file listed with its reason', async ({
  page,
}) => {
  await login(page, 'coder');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Imports' }).click();
  await page.getByLabel('Choose files').setInputFiles([
    { name: 'early-rv-history.csv', mimeType: 'text/csv', buffer: Buffer.from(EARLY_HISTORY) },
    { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('a shopping list, not an export\n') },
  ]);
  await expect(page.getByText('2 files selected')).toBeVisible();
  await page.getByRole('button', { name: 'Upload and import' }).click();

  const current = page.getByRole('region', { name: /Current import/ });
  await expect(
    current.getByText(
      'Import finished in part: 1 of 2 files refused (not an export this app reads); the others were imported.',
      { exact: false },
    ),
  ).toBeVisible({ timeout: 60_000 });
  await expect(current.getByRole('heading', { name: /Current import/ })).toContainText('Partial');
  await expect(current.getByRole('row', { name: /notes\.txt/ })).toContainText(
    /Skipped.*not a recognised export format/,
  );
  const past = page.getByRole('region', { name: 'Past imports' });
  await expect(past.getByRole('row').nth(1).getByText('Partial', { exact: true })).toBeVisible();
  // The files counted are the upload's two.
  await expect(past.getByRole('row').nth(1).getByRole('cell').nth(2)).toHaveText('2');
});
