/** The unlinked-records page: the demo's records that matched no course, their reasons, and dismissing one. */
import { expect, type Page, test } from '@playwright/test';
import { login, loginToToday } from './support.js';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });
const table = (page: Page) => page.getByRole('table', { name: /^Unlinked records, \d+/ });

/** A synthetic R&V history of a patient the demo's course list does not have: its records match no course. */
const STRAY = [
  '"Patient ID","Patient Name","Treatment Date","Plan ID","Field Id","Energy","Beam On","Beam Off","Delivered MU","Planned MU","Fraction","Machine"',
  '"SYN-E2E-STRAY","Stray, Synthetic","03/09/2026","STRAY-1","ARC1","6X","10:00:00","10:01:30","200","200","1","TB1"',
  '"SYN-E2E-STRAY","Stray, Synthetic","03/10/2026","STRAY-1","ARC1","6X","10:00:00","10:01:30","200","200","2","TB1"',
].join('\r\n');

test.describe.configure({ mode: 'serial' });

async function shownTotal(page: Page): Promise<number> {
  const caption = await table(page).locator('caption').textContent();
  return Number((caption ?? '').replace(/[^\d]/g, ''));
}

test('coder: an uploaded file naming a patient with no course is listed as unlinked', async ({ page }) => {
  await login(page, 'coder');
  await nav(page).getByRole('link', { name: 'Imports' }).click();
  await page
    .getByLabel('Choose files')
    .setInputFiles([{ name: 'stray-rv-history.csv', mimeType: 'text/csv', buffer: Buffer.from(STRAY) }]);
  await page.getByRole('button', { name: 'Upload and import' }).click();
  const current = page.getByRole('region', { name: /Current import/ });
  await expect(current.getByRole('heading', { name: /Current import/ })).toContainText(/Done|Partial/, {
    timeout: 60_000,
  });
  await nav(page).getByRole('link', { name: 'Unlinked records' }).click();
  const stray = table(page).getByRole('row').filter({ hasText: 'MRN SYN-E2E-STRAY' });
  await expect(stray.first()).toContainText('stray-rv-history.csv');
  await expect(stray.first()).toContainText('The patient has no course in the course list');
});

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
  const row = table(page).getByRole('row').filter({ hasText: 'MRN SYN-E2E-STRAY' }).first();
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
