import { expect, type Page, test } from '@playwright/test';
import { login } from './support.js';

/** The categories of the Remittances page, as labelled there (the demo's 835s hold each of them). */
const CATEGORIES = [
  'Downcoded',
  'IGRT professional denied',
  'Zero paid, no denial code',
  '2025 authorization denied',
  'Authorization denied',
  'Frequency denied',
  'Missing information',
  'Underpaid',
  'Other denials',
  'Patient responsibility',
  'Coordination of benefits',
  'Reversals',
  'Paid, expected unknown',
];

const openRemittances = async (page: Page) => {
  await login(page, 'biller');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Remittances' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Remittances' })).toBeVisible();
};

test('a biller sees every category of the demo remittances and the downcoded lines', async ({ page }) => {
  await openRemittances(page);

  // The demo practice's 835s hold every category: each card counts at least one line.
  const cards = page.getByRole('region', { name: 'By category' });
  for (const label of CATEGORIES) {
    await expect(cards.getByRole('link', { name: new RegExp(`^${label}: `) })).toHaveAccessibleName(
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

test('work queues: counts, dollars and the soonest deadline; a corrected claim names what is missing', async ({
  page,
}) => {
  await openRemittances(page);
  const queues = page.getByRole('navigation', { name: 'Work queues' });
  for (const label of ['Retro-authorization', 'Corrected claim', 'Twice-daily documentation', 'Appeal']) {
    await expect(queues.getByRole('link', { name: new RegExp(`^${label} \\([1-9]`) })).toContainText(
      /\$[\d,]+ open, by \w{3} \d{1,2}, \d{4}/,
    );
  }
  await queues.getByRole('link', { name: /^Corrected claim/ }).click();
  await expect(page).toHaveURL(/queue=corrected-claim/);
  const table = page.getByRole('table', { name: /^Corrected claim/ });
  const row = table.getByRole('row').filter({ hasText: 'N290' }).first();
  await expect(row).toContainText('rendering provider identifier missing');
  // Medicare Part B answers an unprocessable claim with a new claim (CMS 100-04 ch. 1 §80.3); others, a corrected one.
  await expect(row).toContainText(/Send a corrected claim|send it as a new claim/);
  // A missing-information line is answered by a corrected claim, never by a letter.
  await expect(row.getByRole('button', { name: /^Draft/ })).toHaveCount(0);
  // Its claim opens on the Claims page, where the corrected claim is sent.
  await row.getByRole('link', { name: /^C-/ }).first().click();
  await expect(page).toHaveURL(/\/claims\?claim=/);
  const history = page.getByRole('region', { name: /^Claim / });
  await expect(history.getByRole('button', { name: 'Send corrected claim' })).toBeVisible();
});

test('reversals net out; payments show their PLB and the reconciliation', async ({ page }) => {
  await openRemittances(page);
  await page
    .getByRole('navigation', { name: 'Remittance categories' })
    .getByRole('link', { name: /^Reversals/ })
    .click();
  const rows = page.getByRole('table', { name: /^Reversals/ }).getByRole('row');
  await expect(rows.filter({ hasText: 'reversal of a payment' }).first()).toContainText(
    /takes back .+: nets \$0\.00/,
  );
  await expect(rows.filter({ hasText: 'processed as primary' }).first()).toContainText(
    /taken back .+: nets \$0\.00/,
  );
  // The category card never counts the take-back as income.
  await expect(page.locator('[data-category="reversal"]')).toContainText('nets to $0');

  const payments = page.getByRole('table', { name: /^Payments/ });
  await expect(
    payments.getByRole('row').filter({ hasText: 'interest paid by the payer' }).first(),
  ).toContainText(/adds \$[\d.,]+/);
  await expect(payments.getByRole('row').filter({ hasText: 'recoupment' }).first()).toContainText(
    /withholds \$[\d.,]+/,
  );
  await expect(payments.getByText('Balanced').first()).toBeVisible();
});

test('at 1366 px the lines fit without sideways scrolling and the letter button is whole', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await openRemittances(page);
  for (const [category, label] of [
    ['downcoded', 'Downcoded'],
    ['authorization-denial', 'Authorization denied'],
    ['frequency-denial', 'Frequency denied'],
    ['', 'All lines'],
  ]) {
    await page.goto(category ? `/denials?category=${category}` : '/denials');
    const wrap = page.locator('.table-wrap', {
      has: page.getByRole('table', { name: new RegExp(`^${label}`) }),
    });
    // Its letter action: Draft, or Open letter once an earlier spec drafted the line's letter.
    const button = wrap
      .getByRole('button', { name: /^Draft / })
      .or(wrap.getByRole('link', { name: /^Open the letter of / }))
      .first();
    await expect(button).toBeVisible();
    const fits = await wrap.evaluate((el) => el.scrollWidth <= el.clientWidth);
    expect(fits, `the ${label} table scrolls sideways`).toBe(true);
    const box = (await button.boundingBox())!;
    const frame = (await wrap.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(frame.x + frame.width);
    expect(await page.locator('html').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  }
});

test('a line with a letter links to it; drafting again opens that letter, never a second one', async ({
  page,
}) => {
  await openRemittances(page);
  // All lines: earlier specs may have drafted the letters of some categories' lines already.
  await page.goto('/denials');
  const table = page.getByRole('table', { name: /^All lines/ });
  const draft = table.getByRole('button', { name: /^Draft (appeal|peer-to-peer sheet) for / }).first();
  const label = (await draft.getAttribute('aria-label'))!;
  const name = label.replace(/^Draft .*? for (?=claim )/, '');
  await draft.click();
  await expect(page).toHaveURL(/\/letters\/[\w-]+$/);
  const letterUrl = page.url();

  await page.goto('/denials');
  const open = table.getByRole('link', { name: `Open the letter of ${name}` });
  await expect(open).toBeVisible();
  await expect(table.getByRole('button', { name: label })).toHaveCount(0);
  await expect(table.getByRole('checkbox', { name: `Select ${name} for a letter` })).toHaveCount(0);
  await open.click();
  await expect(page).toHaveURL(letterUrl);
});

test('physicians have no Remittances page in the navigation', async ({ page }) => {
  await login(page, 'physician');
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Remittances' }),
  ).toHaveCount(0);
});
