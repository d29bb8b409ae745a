/**
 * Every page works under the server's Content-Security-Policy (no inline script or style element): the
 * browser reports no CSP violation, and the page and API replies carry the headers.
 */
import { expect, test } from '@playwright/test';
import { login } from './support.js';

const PAGES = [
  '/',
  '/holds',
  '/fractions',
  '/signatures',
  '/courses',
  '/denials',
  '/claims',
  '/rates',
  '/letters',
  '/letters/templates',
  '/imports',
  '/access-log',
  '/settings',
];

test('every page renders under the CSP with no violation', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  const index = await page.request.get('/');
  expect(index.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(index.headers()['x-content-type-options']).toBe('nosniff');
  await login(page, 'admin');
  for (const path of PAGES) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  // A course page, with its timeline pictures.
  await page.goto('/courses');
  await page.getByRole('link').filter({ hasText: /^C/ }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(violations).toEqual([]);
});
