/** The unlinked-records page: the demo's records that matched no course, their reasons, and dismissing one. */
import { expect, type Page, test } from '@playwright/test';
import { login, loginToToday } from './support.js';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });
const table = (page: Page) => page.getByRole('table', { name: /^Unlinked records, \d+/ });

async function shownTotal(page: Page): Promise<number> {
  const caption = await table(page).locator('caption').textContent();
  return Number((caption ?? '').replace(/[^\d]/g, ''));
}

test("admin: Today's unlinked records open the list, with the reasons in words", async ({ page }) => {
  await loginToToday(page, 'admin');
  const item = page.getByTestId('today-unlinked');
  const count = Number(((await item.locator('.today-count').textContent()) ?? '').replace(/[^\d]/g, ''));
  expect(count).toBeGreaterThan(0);
  await item.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Unlinked records' })).toBeVisible();
  await expect(page).toHaveURL(/\/unlinked$/);
  expect(await shownTotal(page)).toBe(count);
  const first = table(page).getByRole('row').nth(1);
  await expect(first.getByRole('cell').nth(4)).toHaveText(/\.$/);
  await expect(first.getByRole('cell').nth(2)).toHaveText(/MRN \S+|No patient named/);
});

test('coder: dismisses a record with a reason; it is hidden unless dismissed ones are shown', async ({
  page,
}) => {
  await login(page, 'coder');
  await nav(page).getByRole('link', { name: 'Unlinked records' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Unlinked records' })).toBeVisible();
  const before = await shownTotal(page);
  const row = table(page).getByRole('row').nth(1);
  const source = (await row.getByRole('cell').first().textContent())!;
  await row.getByRole('button', { name: 'Dismiss…' }).click();
  const form = page.getByRole('form', { name: `Dismiss the record from ${source}` });
  await form.getByRole('button', { name: 'Dismiss', exact: true }).click();
  await expect(form.getByRole('alert')).toHaveText('Say why the record needs no course.');
  await form.getByLabel('Reason').fill('Synthetic test record sent in error');
  await form.getByRole('button', { name: 'Dismiss', exact: true }).click();
  await expect(page.getByText(`Dismissed the record from ${source}.`)).toBeVisible();
  await expect.poll(() => shownTotal(page)).toBe(before - 1);

  await page.getByLabel('Show dismissed').check();
  await expect(page).toHaveURL(/dismissed=true/);
  await expect.poll(() => shownTotal(page)).toBe(before);
  await expect(
    table(page).getByRole('row').filter({ hasText: 'Dismissed: Synthetic test record sent in error' }),
  ).toHaveCount(1);
});

test('biller sees the list without the dismiss action; a physician has no such page in the menu', async ({
  page,
}) => {
  await login(page, 'biller');
  await nav(page).getByRole('link', { name: 'Unlinked records' }).click();
  await expect(table(page)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Dismiss…' })).toHaveCount(0);
  await page.getByRole('button', { name: /Log out/ }).click();
  await login(page, 'physician');
  await expect(nav(page).getByRole('link', { name: 'Unlinked records' })).toHaveCount(0);
});
