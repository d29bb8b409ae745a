/** The first load of the app: no error in the console before anyone logs in, and the tab has an icon. */
import { expect, test } from '@playwright/test';

test('the login page loads without a console error or a failed request, with a favicon', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${new URL(r.url()).pathname}`);
  });
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
  const icon = await page.locator('link[rel="icon"]').getAttribute('href');
  expect(icon).toBeTruthy();
  const served = await page.request.get(new URL(icon!, page.url()).href);
  expect(served.status()).toBe(200);
  expect(served.headers()['content-type']).toContain('image/svg+xml');
  expect(errors).toEqual([]);
});
