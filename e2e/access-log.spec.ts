/** The access log as an administrator reads it: patients by name and MRN, filtered by user, patient, day and action. */
import { expect, test } from '@playwright/test';
import { demoEmail, login } from './support.js';

test('the access log names the patients and filters by user, patient, day and action', async ({ page }) => {
  // A biller's reads of the remittance lines are logged with their patients.
  await login(page, 'biller');
  await page.goto('/denials');
  await expect(page.getByRole('heading', { level: 2, name: 'Lines' })).toBeVisible();
  await page.getByRole('button', { name: /Log out/ }).click();

  await login(page, 'admin');
  await page.goto('/access-log');
  const filters = page.getByRole('form', { name: 'Filters' });
  await filters.getByLabel('User').selectOption({ label: `Demo biller (${demoEmail('biller')})` });
  await filters.getByLabel('Action').selectOption('read');
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/userId=.+&action=read|action=read.*userId=/);
  const table = page.getByRole('table', { name: /^Access log/ });
  const row = table.getByRole('row').filter({ hasText: 'GET /api/remittances/lines' }).first();
  await expect(row).toContainText('Demo biller');
  await expect(row).toContainText(/MRN \S+/);
  const patient = (await row.getByRole('cell').nth(3).textContent())!.replace(/MRN .*/, '').trim();
  expect(patient).not.toBe('—');

  // By part of the patient's name, any case: every row shown is that patient's.
  const part = patient.split(/\s+/)[0]!.toLowerCase();
  await filters.getByLabel('Patient (name or MRN)').fill(part);
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(new RegExp(`patient=${encodeURIComponent(part)}`));
  const cells = table.getByRole('row').locator('td:nth-child(4)');
  await expect(cells.first()).toBeVisible();
  for (const text of await cells.allTextContents()) expect(text.toLowerCase()).toContain(part);

  // A day with no entry: nothing matches; clearing the filters shows everything again.
  await filters.getByLabel('From').fill('2020-01-01');
  await filters.getByLabel('To').fill('2020-01-02');
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByText('No entry matches these filters')).toBeVisible();
  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL(/\/access-log$/);
  await expect(table.getByRole('row').nth(1)).toBeVisible();
});
