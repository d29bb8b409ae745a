import { expect, test } from '@playwright/test';
import { login } from './support.js';

test('a viewer reads everything and sees no action it cannot use', async ({ page }) => {
  await login(page, 'viewer');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Access log' })).toHaveCount(0);

  await nav.getByRole('link', { name: 'Charges on hold' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Charges on hold' })).toBeVisible();
  await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Release selected' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Hold selected' })).toHaveCount(0);
  await expect(page.getByRole('checkbox')).toHaveCount(0);
  await expect(page.getByRole('link', { name: /^Export/ })).toHaveCount(0);

  await nav.getByRole('link', { name: 'Signatures due' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Signatures due' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Sign/ })).toHaveCount(0);

  await nav.getByRole('link', { name: 'Imports' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Imports' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Upload and import' })).toHaveCount(0);
  await expect(page.getByLabel('Choose files')).toHaveCount(0);

  await nav.getByRole('link', { name: 'Courses' }).click();
  await page.getByRole('table').getByRole('row').nth(1).getByRole('link').click();
  await expect(page.getByRole('heading', { name: 'Documentation elements' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Sign / })).toHaveCount(0);
});

test('an admin sees the access log', async ({ page }) => {
  await login(page, 'admin');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Access log' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Access log' })).toBeVisible();
  await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
});
