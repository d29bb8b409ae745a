import { expect, test } from '@playwright/test';
import { login } from './support.js';

test('an admin edits a payer’s appeal window and adds a contract rate; the expected amount shows the contract basis', async ({
  page,
}) => {
  await login(page, 'admin');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Rates & payers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rates & payers' })).toBeVisible();

  // The demo's synthetic CMS release and locality are loaded; the installation operator loads CMS files,
  // the practice's admin uploads only contract rates.
  const releases = page.getByRole('table', { name: 'Loaded CMS releases' });
  await expect(releases.getByRole('row', { name: /^RVU26A/ })).toContainText('in force');
  await expect(page.getByLabel("Practice's Medicare locality")).toHaveValue('99901-01');
  await expect(page.getByRole('form', { name: 'Upload contract rates' })).toBeVisible();
  await expect(page.getByRole('form', { name: 'Load CMS files for every practice' })).toHaveCount(0);

  // Appeal window: UnitedHealthcare has 90 days in the demo; the commercial PPO goes from 180 to 120.
  const payers = page.getByRole('table', { name: 'Payers and their appeal windows' });
  await expect(payers.getByLabel('Appeal window of UnitedHealthcare (synthetic) in days')).toHaveValue('90');
  const window = payers.getByLabel('Appeal window of Synthetic Commercial PPO in days');
  await window.fill('120');
  await payers
    .getByRole('row', { name: /Synthetic Commercial PPO/ })
    .getByRole('button', { name: 'Save' })
    .click();
  await expect(page.getByText('Synthetic Commercial PPO: appeal window 120 days saved.')).toBeVisible();
  // A plan's name does not say it is Medicare Advantage: declared so, its window is 60 days (CMS Part C reconsideration).
  await payers
    .getByLabel('Kind of payer of Example Health Plan (eviCore)')
    .selectOption({ label: 'Medicare Advantage' });
  await expect(
    page.getByText('Example Health Plan (eviCore): Medicare Advantage, appeal window 60 days saved.'),
  ).toBeVisible();
  await expect(payers.getByLabel('Appeal window of Example Health Plan (eviCore) in days')).toHaveValue('60');

  // A contract rate for 77407.
  const add = page.getByRole('form', { name: 'Add a contract rate' });
  await add.getByLabel('Payer').fill('Synthetic Commercial PPO');
  await add.getByLabel('Code').fill('77407');
  await add.getByLabel('Rate per unit ($)').fill('350.00');
  await add.getByLabel('From').fill('2026-01-01');
  await add.getByRole('button', { name: 'Add rate' }).click();
  await expect(page.getByText('Contract rate for 77407 saved.')).toBeVisible();
  await expect(
    page
      .getByRole('table', { name: 'Contract rates' })
      .getByRole('row', { name: /Synthetic Commercial PPO 77407/ }),
  ).toContainText('$350.00');

  // The expected amount of 77407 for that payer now comes from the contract; for another payer, Medicare.
  const expected = page.getByRole('form', { name: 'Expected amount of a code' });
  await expected.getByLabel('Code').fill('77407');
  await expected.getByLabel('Payer').fill('Synthetic Commercial PPO');
  await expected.getByLabel('Date of service').fill('2026-03-02');
  await expected.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByTestId('expected-answer')).toContainText('$350.00');
  await expect(page.getByTestId('expected-answer')).toContainText(
    'Contract: contract (Synthetic Commercial PPO)',
  );
  await expected.getByLabel('Payer').fill('Medicare Part B (synthetic)');
  await expected.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByTestId('expected-answer')).toContainText(
    'Medicare: medicare locality 99901-01 (RVU26A)',
  );
});

test('the installation operator loads CMS files; a viewer sees the releases in force', async ({ page }) => {
  await login(page, 'operator');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Rates & payers' }).click();
  await expect(page.getByRole('form', { name: 'Load CMS files for every practice' })).toBeVisible();
  await page.getByRole('button', { name: 'Log out' }).click();

  await login(page, 'viewer');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Rates & payers' }).click();
  const releases = page.getByRole('table', { name: 'Loaded CMS releases' });
  await expect(releases.getByRole('row', { name: /^RVU26A/ })).toContainText('in force');
  await expect(page.getByRole('form', { name: 'Load CMS files for every practice' })).toHaveCount(0);
  await expect(page.getByRole('form', { name: 'Upload contract rates' })).toHaveCount(0);
});
