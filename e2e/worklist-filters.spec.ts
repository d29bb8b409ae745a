import { expect, test } from '@playwright/test';
import { login } from './support.js';

/** The fractions worklist's filters: choices for payer and physician, any-case rule ids, patient search, page size and keyset pages. */
test('the fractions worklist filters by choices, searches patients and pages by cursor', async ({ page }) => {
  await login(page, 'coder');
  await page.goto('/fractions');
  await expect(page.getByRole('heading', { level: 1, name: 'Fractions' })).toBeVisible();
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows.nth(1)).toBeVisible();

  // Payer: a choice of the practice's payers; every row then shows that payer.
  const payer = page.getByLabel('Payer');
  await expect(payer.locator('option')).not.toHaveCount(1);
  const firstPayer = (await payer.locator('option').nth(1).textContent())!.trim();
  await payer.selectOption({ label: firstPayer });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/payer=/);
  await expect(rows.nth(1)).toBeVisible();
  await expect(
    rows.filter({ hasNot: page.getByRole('cell', { name: firstPayer, exact: true }) }),
  ).toHaveCount(1);

  // Physician: a choice too.
  await expect(page.getByLabel('Physician').locator('option')).not.toHaveCount(1);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).not.toHaveURL(/payer=/);

  // A rule id typed in lower case finds the same fractions.
  await page.getByLabel('Reason (rule id)').fill('doc-001');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(rows.nth(1)).toBeVisible();
  await expect(rows.filter({ hasNot: page.getByText('DOC-001', { exact: true }) })).toHaveCount(1);
  await page.getByRole('button', { name: 'Clear filters' }).click();

  // Patient search by part of the MRN.
  await expect(rows.nth(1)).toBeVisible();
  const mrn = ((await rows.nth(1).locator('.sub').first().textContent()) ?? '').replace('MRN ', '').trim();
  await page.getByLabel('Patient (name or MRN)').fill(mrn.slice(1));
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/search=/);
  await expect(rows.nth(1)).toBeVisible();
  await expect(rows.filter({ hasNot: page.getByText(new RegExp(mrn.slice(1))) })).toHaveCount(1);
  await page.getByRole('button', { name: 'Clear filters' }).click();

  // Page size 50, then Next and Previous by cursor.
  await page.getByLabel('Rows per page').selectOption('50');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/limit=50/);
  await expect(rows).toHaveCount(51);
  const firstOfPage1 = await rows.nth(1).textContent();
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/after=/);
  await expect(page.getByText(/^51–100 of/)).toBeVisible();
  await expect(rows.nth(1)).not.toHaveText(firstOfPage1!);
  await page.getByRole('button', { name: 'Previous page' }).click();
  await expect(page).not.toHaveURL(/after=/);
  await expect(rows.nth(1)).toHaveText(firstOfPage1!);
});
