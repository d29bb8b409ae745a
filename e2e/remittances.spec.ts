import { expect, type Page, test } from '@playwright/test';
import type { Page as ListPage, RemitLineView } from '../src/app/views.js';
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
  for (const label of ['Retro-authorization', 'Twice-daily documentation', 'Appeal']) {
    await expect(queues.getByRole('link', { name: new RegExp(`^${label} \\([1-9]`) })).toContainText(
      /\$[\d,]+ open, by \w{3} \d{1,2}, \d{4}/,
    );
  }
  // A corrected or new claim has no appeal date (only a Medicare reopening or redetermination in this queue does).
  await expect(queues.getByRole('link', { name: /^Corrected claim \([1-9]/ })).toContainText(/\$[\d,]+ open/);
  await queues.getByRole('link', { name: /^Corrected claim/ }).click();
  await expect(page).toHaveURL(/queue=corrected-claim/);
  const table = page.getByRole('table', { name: /^Corrected claim/ });
  const row = table.getByRole('row').filter({ hasText: 'N290' }).first();
  await expect(row).toContainText('rendering provider identifier missing');
  // Medicare Part B answers an unprocessable claim with a new claim (CMS 100-04 ch. 1 §80.3); others, a corrected one.
  await expect(row).toContainText(/Send a corrected claim|send it as a new claim/);
  // A missing-information line is answered by a corrected claim, never by a letter.
  await expect(row.getByRole('button', { name: /^Draft/ })).toHaveCount(0);
  // Nor by an appeal: no appeal date (CMS IOM 100-04 ch. 1 §80.3: a claim sent again, within timely filing).
  await expect(row.getByRole('cell').nth(7)).toHaveText('—');
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
    // Its letter action: Draft, Open letter once an earlier spec drafted the line's letter, or why the
    // server refuses the line's letter.
    const button = wrap
      .getByRole('button', { name: /^Draft / })
      .or(wrap.getByRole('link', { name: /^Open the letter of / }))
      .or(wrap.locator('.letter-refusal'))
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
  // Earlier specs draft letters: a category whose first page still has a line to draft.
  const view = await firstPageWithDraftable(page);
  await page.goto(view);
  const table = page.getByRole('table').filter({ has: page.getByRole('button', { name: /^Draft / }) });
  const draft = table
    .getByRole('button', { name: /^Draft (appeal|peer-to-peer sheet|redetermination request) for / })
    .first();
  const label = (await draft.getAttribute('aria-label'))!;
  const name = label.replace(/^Draft .*? for (?=claim )/, '');
  await draft.click();
  await expect(page).toHaveURL(/\/letters\/[\w-]+$/);
  const letterUrl = page.url();

  await page.goto(view);
  const open = page.getByRole('link', { name: `Open the letter of ${name}` });
  await expect(open).toBeVisible();
  await expect(page.getByRole('button', { name: label })).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: `Select ${name} for a letter` })).toHaveCount(0);
  await open.click();
  await expect(page).toHaveURL(letterUrl);
});

/** The Remittances view of the first category whose first page (50 lines) has a line to draft. */
async function firstPageWithDraftable(page: Page): Promise<string> {
  for (const category of [
    'downcoded',
    'zero-paid-no-denial-code',
    'igrt-professional-denied',
    'other-denial',
    'authorization-2025',
    'frequency-denial',
  ]) {
    const res = await page.request.get(`/api/remittances/lines?category=${category}&limit=50`);
    const shown = ((await res.json()) as ListPage<RemitLineView>).items;
    if (shown.some((l) => l.letter && !l.letter.refusal && !l.letterId))
      return `/denials?category=${category}`;
  }
  throw new Error('no category with a line to draft on its first page');
}

/** The lines the API lists, with the server's answer on each one's letter. */
async function apiLines(page: Page, query: string): Promise<RemitLineView[]> {
  const res = await page.request.get(`/api/remittances/lines?${query}&limit=500`);
  expect(res.ok()).toBe(true);
  return ((await res.json()) as ListPage<RemitLineView>).items;
}

const rowOf = (page: Page, line: RemitLineView) =>
  page
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: line.claim, exact: true }) })
    .filter({ hasText: line.line === 0 ? 'no service lines' : `line ${line.line}` })
    .first();

test('a line whose letter the server refuses shows why instead of a draft; its appeal date agrees with the API', async ({
  page,
}) => {
  await openRemittances(page);
  // Authorization denials: an authorization on file (reprocess) refuses the request (traditional
  // Medicare's are offered the redetermination instead); the API says which, the page shows the same.
  const lines = (await apiLines(page, 'category=authorization-denial')).filter((l) => l.letterId === null);
  const refused = lines.filter((l) => l.letter?.refusal);
  expect(refused.length, 'an authorization denial whose letter is refused in the demo').toBeGreaterThan(0);
  await page.goto('/denials?category=authorization-denial');
  for (const line of refused.slice(0, 3)) {
    const row = rowOf(page, line);
    await expect(row.locator('.letter-refusal')).toHaveText(line.letter!.refusal!);
    await expect(row.getByRole('button', { name: /^Draft/ })).toHaveCount(0);
    await expect(row.getByRole('checkbox')).toHaveCount(0);
    await expect(row.getByRole('cell').nth(7)).toHaveText(line.appealBy ? /\w{3} \d{1,2}, \d{4}/ : '—');
  }
  for (const line of lines.filter((l) => l.letter && !l.letter.refusal).slice(0, 3))
    await expect(rowOf(page, line).getByRole('button', { name: /^Draft / })).toBeVisible();
});

test('a batch with a refused line drafts the others and names the refused line with its reason', async ({
  page,
}) => {
  await openRemittances(page);
  const matched = await apiLines(page, 'matched=true');
  const refused = matched.find((l) => l.letter?.refusal && !l.letterId);
  expect(refused, 'a line whose letter is refused in the demo').toBeDefined();
  // A line with a letter to draft and none yet (earlier specs draft some), on the first page of its
  // category as the page lists it (50 lines).
  let open: RemitLineView | undefined;
  for (const category of new Set(matched.map((l) => l.category))) {
    const res = await page.request.get(`/api/remittances/lines?category=${category}&limit=50`);
    const shown = ((await res.json()) as ListPage<RemitLineView>).items;
    open = shown.find((l) => l.letter && !l.letter.refusal && !l.letterId);
    if (open) break;
  }
  expect(open, 'a line whose letter can be drafted').toBeDefined();
  const name = `claim ${open!.claim}, line ${open!.line}`;
  await page.goto(`/denials?category=${open!.category}`);
  await page.getByRole('checkbox', { name: `Select ${name} for a letter` }).check();
  // The page offers no refused line: the request gets one added on its way, as another client could send it.
  await page.route('**/api/letters', async (route) => {
    const body = route.request().postDataJSON() as { remitLineIds: string[] };
    await route.continue({ postData: JSON.stringify({ remitLineIds: [...body.remitLineIds, refused!.id] }) });
  });
  await page.getByRole('button', { name: 'Draft letters for 1 selected line' }).click();
  const notice = page.getByRole('status').filter({ hasText: 'no letter' });
  await expect(notice).toContainText('1 letter drafted');
  await expect(notice).toContainText(`1 line has no letter:`);
  // Named as the page shows it (claim and line), or by its id when it is not on this page.
  await expect(notice.getByRole('listitem')).toContainText(`: ${refused!.letter!.refusal}`);
  await page.unroute('**/api/letters');
  // The drafted line now opens its letter.
  await expect(page.getByRole('link', { name: `Open the letter of ${name}` })).toBeVisible();
});

test('physicians have no Remittances page in the navigation', async ({ page }) => {
  await login(page, 'physician');
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Remittances' }),
  ).toHaveCount(0);
});
