import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { login } from './support.js';

test('the holds worklist filters by reason and exports the same list as CSV', async ({ page }) => {
  await login(page, 'coder');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Charges on hold' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Charges on hold' })).toBeVisible();

  const table = page.getByRole('table');
  const rows = table.getByRole('row');
  await expect(rows.nth(1)).toBeVisible();
  const ruleId = ((await rows.nth(1).locator('.rule-id').first().textContent()) ?? '').trim();
  expect(ruleId).toMatch(/^[A-Z]+-\d{3}$/);

  await page.getByLabel('Reason (rule id)').fill(ruleId);
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(new RegExp(`ruleId=${ruleId}`));
  // Every row but the header names the rule (retried until the filtered page has replaced the old one).
  await expect(rows.nth(1)).toBeVisible();
  await expect(rows.filter({ hasNot: page.getByText(ruleId, { exact: true }) })).toHaveCount(1);

  // Sorting by a column header is announced with aria-sort.
  await page.getByRole('button', { name: /At risk/ }).click();
  await expect(page.getByRole('columnheader', { name: /At risk/ })).toHaveAttribute('aria-sort', 'ascending');

  // Coders can release and hold selected fractions.
  await expect(page.getByRole('button', { name: 'Release selected' })).toBeDisabled();
  await rows.nth(1).getByRole('checkbox').check();
  await expect(page.getByRole('button', { name: 'Release selected' })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Hold selected' })).toBeEnabled();

  const exportLink = page.getByRole('link', { name: 'Export CSV' });
  await expect(exportLink).toHaveAttribute(
    'href',
    new RegExp(`/api/exports/holds\\.csv\\?.*ruleId=${ruleId}`),
  );
  await expect(page.getByRole('link', { name: 'Export Excel' })).toHaveAttribute('href', /holds\.xlsx/);
  const [download] = await Promise.all([page.waitForEvent('download'), exportLink.click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const path = await download.path();
  const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  expect(lines.length).toBeGreaterThanOrEqual(2);
  expect(lines[0]).toMatch(/,/);
  expect(lines[0]?.toLowerCase()).toMatch(/[a-z]/);
  expect(lines.slice(1).some((l) => l.includes(ruleId))).toBe(true);
});

test('the Fractions tab lists every status with a status filter', async ({ page }) => {
  await login(page, 'biller');
  await page.goto('/holds');
  await page.getByRole('navigation', { name: 'Worklists' }).getByRole('link', { name: 'Fractions' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fractions' })).toBeVisible();
  await page.getByLabel('Status').selectOption('ready');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/status=ready/);
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows.nth(1)).toBeVisible();
  await expect(rows.filter({ hasNot: page.getByText('Ready', { exact: true }) })).toHaveCount(1);
  // Billers may export but not release or hold.
  await expect(page.getByRole('link', { name: 'Export CSV' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Release selected' })).toHaveCount(0);
});

test('a coder holds a ready fraction with a reason, and a release of an audit hold is skipped with the reason', async ({
  page,
}) => {
  await login(page, 'coder');
  // The latest first: the demo set-up released (and billed) the earlier ones.
  await page.goto('/fractions?status=ready&sort=date&order=desc');
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows.nth(1)).toBeVisible();
  // A fraction whose charges are still unreleased (no separate charge status shown).
  const row = rows
    .filter({ has: page.getByRole('checkbox', { name: /fraction \d+ on/ }) })
    .filter({ hasNotText: 'Charges:' })
    .first();
  await row.getByRole('checkbox').check();
  await expect(page.getByText('1 selected')).toBeVisible();

  // A hold needs a reason.
  await page.getByRole('button', { name: 'Hold selected' }).click();
  await expect(page.getByText('Enter a reason for the hold.')).toBeVisible();
  await page.getByLabel('Hold reason').fill('Waiting for the payer');
  await page.getByRole('button', { name: 'Hold selected' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: /Put on hold: [1-9]\d* charges?\./ }),
  ).toBeVisible();
  await expect(page.getByRole('table').getByText('Manual hold').first()).toBeVisible();

  // A fraction the audit holds is not released: the skipped list says why.
  await page
    .getByRole('navigation', { name: 'Worklists' })
    .getByRole('link', { name: 'Charges on hold' })
    .click();
  await expect(rows.nth(1)).toBeVisible();
  await rows.nth(1).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Release selected' }).click();
  const skipped = page.getByRole('list', { name: 'Skipped fractions' });
  await expect(skipped.getByRole('listitem').first()).toContainText(/[A-Z]+-\d{3}|held/);
});
