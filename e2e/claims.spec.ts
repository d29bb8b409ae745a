import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, demoEmail, login } from './support.js';

test('a biller creates an 837P batch of released charges and downloads it', async ({ page, request }) => {
  // A coder releases a few ready fractions first: the latest ones (the demo set-up billed those before the
  // day before), away from the first rows the worklist specs pick.
  const session = (await (
    await request.post('/api/auth/login', { data: { email: demoEmail('coder'), password: DEMO_PASSWORD } })
  ).json()) as { csrfToken: string };
  const ready = (await (
    await request.get('/api/fractions?status=ready&sort=date&order=desc&limit=5')
  ).json()) as {
    items: { id: string }[];
  };
  expect(ready.items.length).toBeGreaterThan(0);
  const release = await request.post('/api/charges/release', {
    data: { fractionIds: ready.items.map((f) => f.id) },
    headers: { 'x-csrf-token': session.csrfToken },
  });
  expect(release.ok()).toBe(true);

  await login(page, 'biller');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Claims' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Claims' })).toBeVisible();
  const ready837p = page.getByRole('table', { name: /not sent yet/ }).getByRole('row', { name: /837P/ });
  await expect(ready837p.first()).toBeVisible();

  await page.getByRole('button', { name: 'Create 837P batch' }).click();
  const created = page.getByRole('status').filter({ hasText: /837P batch created: [1-9]\d* claims?,/ });
  await expect(created).toBeVisible();
  const download = page.waitForEvent('download');
  await created.getByRole('link', { name: 'Download the 837P file' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^837p-\d+\.837$/);
  const text = await readFile((await file.path())!, 'utf8');
  expect(text.startsWith('ISA*')).toBe(true);
  expect(text).toContain('ST*837*0001*005010X222A1~');

  // The batch is in the history after the demo's own (the set-up billed up to the day before), and
  // nothing is left to bill in 837P.
  await expect(page.getByRole('table', { name: /837 batches/ }).getByRole('row')).toHaveCount(3);
  await expect(page.getByRole('button', { name: 'Create 837P batch' })).toBeDisabled();
});

test("a biller sends a corrected claim and voids it from the claim's history", async ({ page }) => {
  await login(page, 'biller');
  await page.goto('/claims');
  const sent = page.getByRole('table', { name: 'Claims sent, newest first' });
  // A commercial claim: Medicare Part B takes no replacement claim (a reopening instead), and the claims
  // of one batch share their sent time, so "newest first" alone does not say which payer comes first.
  await sent
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: '837P' }) })
    .filter({ hasNotText: /MEDICARE/ })
    .first()
    .getByRole('button')
    .click();
  const history = page.getByRole('region', { name: /^Claim / });
  await expect(history.getByRole('table', { name: 'Versions sent' }).getByRole('row')).toHaveCount(2);

  // One confirmation; the payer's claim control number comes from the 835, else it is typed.
  await history.getByRole('button', { name: 'Send corrected claim' }).click();
  const clp07 = history.getByLabel('Payer claim control number (CLP07)');
  if (await clp07.isVisible()) await clp07.fill('E2ECCN0001');
  await history.getByRole('button', { name: 'Confirm: send corrected claim' }).click();
  await expect(
    history.getByRole('status').filter({ hasText: 'Corrected claim (replacement, 7) sent' }),
  ).toBeVisible();
  const versions = history.getByRole('table', { name: 'Versions sent' });
  await expect(versions.getByRole('row', { name: /Corrected claim \(replacement, 7\)/ })).toBeVisible();

  await history.getByRole('button', { name: 'Void claim' }).click();
  if (await clp07.isVisible()) await clp07.fill('E2ECCN0001');
  await history.getByRole('button', { name: 'Confirm: void claim' }).click();
  await expect(versions.getByRole('row', { name: /Void \(8\)/ })).toBeVisible();
  // A voided claim offers nothing more to send.
  await expect(history.getByRole('button', { name: 'Send corrected claim' })).toHaveCount(0);
  await expect(history.getByRole('button', { name: 'Void claim' })).toHaveCount(0);
});

test('physicians have no Claims page in the navigation', async ({ page }) => {
  await login(page, 'physician');
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Claims' }),
  ).toHaveCount(0);
});
