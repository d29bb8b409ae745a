import { expect, type Page, test } from '@playwright/test';
import { type DemoRole, loginToToday } from './support.js';

/** The count of a Today item (its link's leading number). */
async function countOf(page: Page, testId: string): Promise<number> {
  const text = await page.getByTestId(testId).locator('.today-count').textContent();
  return Number((text ?? '').replace(/[^\d]/g, ''));
}

test.use({ viewport: { width: 1366, height: 768 } });

/** Each role lands on Today, follows one item by the keyboard and the list shows the same count. */
const cases: {
  role: DemoRole;
  item: string;
  listed: (page: Page) => Promise<number>;
}[] = [
  {
    // The signing specs sign as the second physician: the first one's signatures are still due.
    role: 'physician',
    item: 'today-signatures',
    listed: async (page) => {
      const text = await page.getByTestId('signatures-count').textContent();
      return Number((text ?? '').replace(/[^\d].*$/s, ''));
    },
  },
  {
    role: 'coder',
    item: 'today-downgrades',
    listed: (page) => captionTotal(page, /(\d[\d,]*) in all/),
  },
  {
    role: 'biller',
    item: 'today-rejected',
    listed: (page) => captionTotal(page, /(\d[\d,]*) lines/),
  },
];

async function captionTotal(page: Page, pattern: RegExp): Promise<number> {
  // The list's table says its total in its caption (the Remittances page has the scorecards too).
  const caption = page.locator('table caption').filter({ hasText: pattern }).first();
  await expect(caption).toBeAttached();
  return Number(pattern.exec((await caption.textContent()) ?? '')![1]!.replace(/,/g, ''));
}

for (const c of cases) {
  test(`${c.role}: Today lists the work and a link opens the list with the same count`, async ({ page }) => {
    await loginToToday(page, c.role);
    const count = await countOf(page, c.item);
    expect(count).toBeGreaterThan(0);
    // Fits 1366 px: no sideways scrolling.
    expect(await page.locator('html').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await page.getByTestId(c.item).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Today');
    expect(await c.listed(page)).toBe(count);
  });
}

test('admin: Today shows imports, unlinked records and the reference data in force', async ({ page }) => {
  await loginToToday(page, 'admin');
  expect(await countOf(page, 'today-releases')).toBeGreaterThan(0);
  await page.getByTestId('today-releases').click();
  await expect(page.getByRole('heading', { level: 1, name: /Rates/ })).toBeVisible();
});

test('coder: holds are grouped by who can fix them, with one 77412 share', async ({ page }) => {
  await loginToToday(page, 'coder');
  await expect(page.getByRole('heading', { level: 3, name: /^Physician: / })).toBeVisible();
  await expect(page.getByText(/of delivery sessions/)).toBeVisible();
});

test('physician: the orders and statements listed are those of the patients the counts count', async ({
  page,
}) => {
  await loginToToday(page, 'physician');
  const orders = await countOf(page, 'today-DOC-001');
  const statements = await countOf(page, 'today-DOC-002');
  const card = page.getByRole('region', { name: /orders and necessity statements to fix/ });
  const none = card.getByText(/^No fraction of your patients/);
  await expect(none.or(card.getByRole('listitem')).first()).toBeVisible();
  // Each listed course says how many of its fractions are held for its order and/or statement.
  const held = (await card.getByRole('listitem').allTextContents())
    .map((text) => Number(/\((\d[\d,]*) fractions? held\)/.exec(text)![1]!.replace(/,/g, '')))
    .reduce((n, h) => n + h, 0);
  expect(held).toBeGreaterThanOrEqual(Math.max(orders, statements));
  expect(held).toBeLessThanOrEqual(orders + statements);
  await expect(none).toHaveCount(held === 0 ? 1 : 0);
});
