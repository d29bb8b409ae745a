import { expect, test } from '@playwright/test';
import { login } from './support.js';

/** The problem categories of the Remittances page, as labelled there. */
const PROBLEMS = [
  'Downcoded',
  'IGRT professional denied',
  'Zero paid, no denial code',
  '2025 authorization denied',
  'Underpaid',
  'Other denials',
];

test('a biller sees every problem category of the demo remittances and the downcoded lines', async ({
  page,
}) => {
  await login(page, 'biller');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Remittances' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Remittances' })).toBeVisible();

  // The demo practice has a remittance file with every category: each card counts at least one line.
  const cards = page.getByRole('region', { name: 'By category' });
  for (const label of PROBLEMS) {
    await expect(cards.getByRole('link', { name: `${label}: ` })).toHaveAccessibleName(
      new RegExp(`^${label}: [1-9][\\d,]* lines?$`),
    );
  }
  await expect(page.getByRole('figure', { name: 'Dollars short per category' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Payer scorecards' }).getByRole('row').nth(1)).toBeVisible();
  // The scorecard over time: a chart whose text alternative names the latest week's rates.
  await expect(
    page.getByRole('figure', { name: 'Denial and downcode rates by week of payment, all payers' }),
  ).toContainText(/weeks of payments\. In the week of .+: denial rate \d/);

  await page
    .getByRole('navigation', { name: 'Remittance categories' })
    .getByRole('link', { name: /^Downcoded/ })
    .click();
  await expect(page).toHaveURL(/category=downcoded/);
  const rows = page.getByRole('table', { name: /^Downcoded/ }).getByRole('row');
  await expect(rows.nth(1)).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Remittance categories' }).getByRole('link', { name: /^Downcoded/ }),
  ).toHaveAttribute('aria-current', 'page');
  const downcode = rows.filter({ has: page.locator('[title="sent 77412, paid as 77407"]') }).first();
  await expect(downcode).toBeVisible();
  await expect(downcode.locator('.code-sent')).toHaveText('77412');
  await expect(downcode.locator('.code-paid')).toHaveText(/^77407/);
});

test('physicians have no Remittances page in the navigation', async ({ page }) => {
  await login(page, 'physician');
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Remittances' }),
  ).toHaveCount(0);
});
