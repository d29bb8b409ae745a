import { expect, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD, type DemoRole, demoEmail, loginToToday } from './support.js';

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
    listed: (page) => captionTotal(page, /(\d[\d,]*) lines?\b/),
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

test("physician: the courses they cover today are in their own section, apart from their patients' counts", async ({
  page,
  request,
}) => {
  await loginToToday(page, 'physician2');
  const own = await countOf(page, 'today-signatures');
  const me = (await (await page.request.get('/api/auth/me')).json()) as { user: { physicianId: string } };
  const admin = (await (
    await request.post('/api/auth/login', { data: { email: demoEmail('admin'), password: DEMO_PASSWORD } })
  ).json()) as { csrfToken: string };
  // Another physician's course held for its order or necessity statement (an administrator sees all).
  const due = (await (await request.get('/api/physician/documents')).json()) as {
    courseKey: string;
    physicianId: string;
  }[];
  const course = due.filter((d) => d.physicianId !== me.user.physicianId).at(-1)!;
  expect(course, "another physician's course held for its documents").toBeDefined();
  const added = await request.post('/api/practice/covers', {
    data: { coveringPhysicianId: me.user.physicianId, courseKey: course.courseKey },
    headers: { 'x-csrf-token': admin.csrfToken },
  });
  expect(added.status(), await added.text()).toBe(200);
  const { id } = ((await added.json()) as { id: string; courseKey: string | null }[]).find(
    (c) => c.courseKey === course.courseKey,
  )!;
  try {
    await page.reload();
    const covered = page
      .getByRole('region', { name: /^Covering for / })
      .filter({ has: page.getByRole('link', { name: new RegExp(`\\(${course.courseKey}\\)$`) }) });
    await expect(covered).toBeVisible();
    await expect(covered.getByTestId('today-covering-counts')).toHaveText(
      /fractions? to sign, \d+ held for the order, \d+ held for the necessity statement/,
    );
    // Their own count is their patients' alone.
    expect(await countOf(page, 'today-signatures')).toBe(own);
    await expect(page.getByRole('heading', { level: 2, name: 'Your patients', exact: true })).toBeVisible();
  } finally {
    const removed = await request.delete(`/api/practice/covers/${id}`, {
      headers: { 'x-csrf-token': admin.csrfToken },
    });
    expect(removed.status()).toBe(200);
  }
});
