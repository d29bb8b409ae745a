import { expect, test } from '@playwright/test';
import { login } from './support.js';

test('a passed signature deadline reads "Overdue" on the course page as on /signatures', async ({ page }) => {
  // Some demo records were due before the demo's clock (whose physician varies with the demo): find one.
  for (const role of ['physician', 'physician2', 'physician3', 'physician4'] as const) {
    await login(page, role);
    await expect(page.getByText(/signatures? due$|^No signatures due$/).first()).toBeVisible();
    const overdue = page.locator('tr.overdue').first();
    if ((await overdue.count()) === 0) {
      await page.getByRole('button', { name: 'Log out' }).click();
      continue;
    }
    await expect(overdue.getByText('Overdue')).toBeVisible();
    const fractionLabel = (await overdue.locator('td').nth(2).locator('.sub').textContent()) ?? '';
    await overdue.getByRole('link').click();
    const fraction = page.getByRole('article').filter({
      has: page.getByRole('heading', { level: 3, name: new RegExp(`^${fractionLabel.split(',')[0]} ·`) }),
    });
    const deadline = fraction.locator('.fraction-header .deadline');
    await expect(deadline).toContainText('Overdue');
    await expect(deadline).toContainText(/\(passed .+ ago\)/);
    await expect(deadline).not.toContainText('Sign by');
    return;
  }
  throw new Error('no physician of the demo has an overdue signature');
});

test('a physician signs a record from the course view and the fraction is re-audited', async ({ page }) => {
  await login(page, 'physician2');

  const table = page.getByRole('table');
  const rows = table.getByRole('row');
  await expect(rows.nth(1)).toBeVisible();
  // Rows come as returned: each shows what must be signed and a deadline in the browser's zone.
  await expect(rows.nth(1).getByText(/SGRT record|IGRT review/)).toBeVisible();

  // Open the course of the first row.
  const courseLink = rows.nth(1).getByRole('link');
  const courseKey = (await courseLink.textContent())?.trim() ?? '';
  await courseLink.click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(courseKey) })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Documentation elements' })).toBeVisible();

  // A fraction on hold until the physician signs (the demo runs on its clinic's clock: the next beam-on
  // is still ahead), with its timeline.
  const signable = page
    .getByRole('article')
    .filter({ has: page.getByRole('button', { name: /^(Review and sign SGRT record|Sign IGRT review)$/ }) });
  await expect(signable.first()).toBeVisible();
  const fraction = signable
    .filter({ has: page.locator('.fraction-header .badge', { hasText: /^Hold$/ }) })
    .first();
  await expect(fraction.getByRole('img', { name: /Treatment session of fraction/ })).toBeVisible();
  const heading = (await fraction.getByRole('heading', { level: 3 }).textContent()) ?? '';
  // The deadline reads in the facility's zone, ahead on the app's clock (not the browser's).
  await expect(fraction.getByText(/Sign by .+ E[DS]T \(in /)).toBeVisible();

  // Sign everything the fraction offers (an SGRT record after its preview); each signature re-audits it.
  const signButtons = fraction.getByRole('button', {
    name: /^(Review and sign SGRT record|Sign IGRT review)$/,
  });
  while ((await signButtons.count()) > 0) {
    const before = await signButtons.count();
    const label = (await signButtons.first().textContent()) ?? '';
    await signButtons.first().click();
    if (label.startsWith('Review'))
      await fraction.getByRole('button', { name: 'Confirm and sign the SGRT record' }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Signed / })).toBeVisible();
    await expect(signButtons).toHaveCount(before - 1);
  }

  // The fraction re-renders with the signatures and the re-audited status: the hold clears.
  const signed = page
    .getByRole('article')
    .filter({ has: page.getByRole('heading', { level: 3, name: heading }) });
  await expect(signed.getByText(/signed in the app/).first()).toBeVisible();
  await expect(signed.locator('.fraction-header .badge')).toHaveText(/^(Ready|Downgrade)$/);

  // Back on the worklist, the signed fraction is gone.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Signatures due' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Signatures due' })).toBeVisible();
});

test('a physician signs from the signatures worklist after the record preview, and the row disappears', async ({
  page,
}) => {
  await login(page, 'physician2');
  const rows = page.getByRole('table', { name: /^Signatures due/ }).locator(':scope > tbody > tr');
  await expect(rows.first()).toBeVisible();
  const before = await rows.count();
  const button = rows.first().getByRole('button', { name: /^Review and sign / });
  const label = (await button.getAttribute('aria-label')) ?? '';
  await button.click();
  // The record as the course page shows it, then one confirmation.
  const preview = page.getByTestId('record-preview');
  await expect(preview.getByRole('heading', { name: /what you sign/ })).toBeFocused();
  await expect(preview.getByText('Monitored beam-on time')).toBeVisible();
  await expect(preview.getByRole('table', { name: /Monitoring per beam/ })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^Signed / })).toHaveCount(0);
  await preview.getByRole('button', { name: /^Confirm and sign the / }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Signed / })).toBeVisible();
  await expect(preview).toHaveCount(0);
  await expect(page.getByRole('button', { name: label, exact: true })).toHaveCount(0);
  if (before > 1) await expect(rows).toHaveCount(before - 1);
});
