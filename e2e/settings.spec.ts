import { expect, test } from '@playwright/test';
import { login } from './support.js';

test('an admin edits the billing settings (kept after a reload; a bad NPI is refused at its field), adds a viewer and disables it', async ({
  page,
}) => {
  await login(page, 'admin');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

  // The demo's billing provider, renamed and saved.
  const provider = page.getByRole('group', { name: 'Billing provider' });
  const name = provider.getByLabel('Name', { exact: true });
  await expect(name).toHaveValue('DEMO RADIATION ONCOLOGY');
  await name.fill('DEMO RADIATION ONCOLOGY EAST');
  await page.getByRole('button', { name: 'Save billing settings' }).click();
  await expect(page.getByText('Billing settings saved.')).toBeVisible();
  await page.reload();
  await expect(
    page.getByRole('group', { name: 'Billing provider' }).getByLabel('Name', { exact: true }),
  ).toHaveValue('DEMO RADIATION ONCOLOGY EAST');

  // The payer profiles of the demo's courses are listed with their payers.
  await expect(page.getByLabel('Payer name of the profile uhc')).toHaveValue('UNITEDHEALTHCARE SYNTHETIC');

  // The demo's physicians: the rendering providers, with their NPIs; a bad physician NPI is marked.
  await expect(page.getByLabel('Physician NPI of DR-SYN-01')).toHaveValue('1999000015');
  await expect(page.getByLabel('Physician taxonomy of DR-SYN-01')).toHaveValue('2085R0001X');
  await page.getByLabel('Physician NPI of DR-SYN-01').fill('1999000011');
  await page.getByRole('button', { name: 'Save billing settings' }).click();
  await expect(page.locator('#billing-physicians-DR-SYN-01-npi-error')).toHaveText(
    'a 10-digit NPI with its check digit',
  );
  await page.getByLabel('Physician NPI of DR-SYN-01').fill('1999000015');

  // An NPI whose check digit is wrong: refused, the error is on the field, the form keeps what was typed.
  const npi = page.getByRole('group', { name: 'Billing provider' }).getByLabel('NPI');
  await npi.fill('1234567890');
  await page.getByRole('button', { name: 'Save billing settings' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The settings were not saved' })).toBeVisible();
  await expect(npi).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#billing-provider-npi-error')).toHaveText('a 10-digit NPI with its check digit');
  await expect(npi).toHaveValue('1234567890');

  // A viewer login.
  const add = page.getByRole('form', { name: 'Add a user' });
  await add.getByLabel('Email').fill('viewer2@demo.test');
  await add.getByLabel('Display name').fill('Second Viewer');
  await add.getByLabel('Role').selectOption('viewer');
  await add.getByLabel('Initial password').fill('viewer-password-2026');
  await add.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByText('viewer2@demo.test added.')).toBeVisible();
  await expect(
    page
      .getByRole('table', { name: "The practice's users" })
      .getByRole('row', { name: /viewer2@demo\.test/ }),
  ).toContainText('Second Viewer');

  // Disabled after a confirmation: the row says so and offers no action.
  const users = page.getByRole('table', { name: "The practice's users" });
  page.once('dialog', (dialog) => void dialog.accept());
  await users.getByRole('button', { name: 'Disable viewer2@demo.test' }).click();
  await expect(page.getByText('viewer2@demo.test disabled.')).toBeVisible();
  const disabled = users.getByRole('row', { name: /viewer2@demo\.test/ });
  await expect(disabled).toContainText('Disabled');
  await expect(disabled.getByRole('button')).toHaveCount(0);
});

test('an admin designates a covering physician over dates and removes the designation; a course that is not in the chart is refused at the form', async ({
  page,
}) => {
  await login(page, 'admin');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const section = page.getByRole('region', { name: 'Covering physicians' });
  const add = page.getByRole('form', { name: 'Designate a covering physician' });

  // Per course: a course id the chart does not have is refused; the form keeps what was typed.
  await add.getByLabel('Covering physician id').fill('DR-SYN-08');
  await add.getByLabel('Course id in the chart').fill('NO-SUCH-COURSE');
  await add.getByRole('button', { name: 'Designate' }).click();
  await expect(add.getByRole('alert')).not.toBeEmpty();
  await expect(add.getByLabel('Course id in the chart')).toHaveValue('NO-SUCH-COURSE');

  // Per physician over dates: both are the practice's physicians (a designation may name no other); the
  // week before the demo's first fraction, so nothing else changes.
  await add.getByLabel('Covering physician id').fill('DR-SYN-03');
  await add.getByLabel('Covers').selectOption('dates');
  await add.getByLabel('Physician covered').fill('DR-SYN-05');
  await add.getByLabel('From').fill('2026-01-05');
  await add.getByLabel('To').fill('2026-01-09');
  await add.getByRole('button', { name: 'Designate' }).click();
  await expect(
    section.getByText('Designation added; the courses it concerns were re-audited.'),
  ).toBeVisible();
  const row = section
    .getByRole('table', { name: "The practice's covering physicians" })
    .getByRole('row', { name: /DR-SYN-03/ });
  await expect(row).toContainText('DR-SYN-05');
  await expect(row).toContainText('2026-01-05 to 2026-01-09');
  await expect(add.getByLabel('Covering physician id')).toHaveValue('');

  page.once('dialog', (dialog) => void dialog.accept());
  await row.getByRole('button', { name: 'Remove DR-SYN-03' }).click();
  await expect(section.getByText('Designation removed.')).toBeVisible();
  await expect(section.getByRole('row', { name: /DR-SYN-03/ })).toHaveCount(0);
});

test('an admin sets the guideline versions letters cite: the seed placeholder is refused at its field; the page fits 1366 px', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await login(page, 'admin');
  await page.goto('/settings');
  const group = page.getByRole('group', { name: 'Guideline versions' });
  const prostate = group.getByLabel(/Version of .*Prostate Cancer/);
  const breast = group.getByLabel(/Version of .*Invasive Breast Cancer/);
  // The demo practice follows a prostate version; the breast guideline has none yet.
  await expect(prostate).toHaveValue('5.2026');
  await expect(breast).toHaveValue('');

  // The seed's "XX.2026" is a placeholder, never a version: refused at its field, kept as typed.
  await breast.fill('XX.2026');
  await page.getByRole('button', { name: 'Save billing settings' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The settings were not saved' })).toBeVisible();
  await expect(breast).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#billing-guidelineVersions-nccn-breast-error')).toContainText('e.g. 5.2026');

  await breast.fill('2.2026');
  await page.getByRole('button', { name: 'Save billing settings' }).click();
  await expect(page.getByText('Billing settings saved.')).toBeVisible();
  await page.reload();
  await expect(
    page.getByRole('group', { name: 'Guideline versions' }).getByLabel(/Version of .*Invasive Breast Cancer/),
  ).toHaveValue('2.2026');

  // Usable at 1366 px: nothing scrolls sideways.
  expect(await page.locator('html').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  const table = page.getByRole('table', { name: 'Guideline versions the practice follows' });
  expect(await table.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
});
