import { expect, test } from '@playwright/test';
import { login } from './support.js';

test('a coder lands on the dashboard with figures and charts', async ({ page }) => {
  await login(page, 'coder');

  const figures = page.getByRole('region', { name: 'Key figures' });
  await expect(figures.getByText('Fractions', { exact: true })).toBeVisible();
  const fractions = figures.locator('.kpi').first().locator('dd');
  await expect(fractions).toHaveText(/^[1-9][\d,]*$/);

  // Charts are figures with captions and an SVG with a text alternative.
  for (const name of ['Code mix', '77412 share of delivery sessions', 'Fractions per day by status']) {
    const figure = page.getByRole('figure', { name });
    await expect(figure).toBeVisible();
    await expect(figure.getByRole('img')).toBeVisible();
  }
  await expect(page.getByRole('figure', { name: 'Code mix' }).getByRole('img')).toHaveAccessibleName(/\d/);
  await expect(page.getByText(/the expected band/).first()).toBeVisible();

  // The data behind a chart is available as a table.
  const mix = page.getByRole('figure', { name: 'Code mix' });
  await mix.getByText('Show the data as a table').click();
  await expect(mix.getByRole('table').getByRole('row')).not.toHaveCount(1);

  // A top hold reason links to the holds worklist filtered by its rule.
  const reasons = page.getByRole('region', { name: 'Top hold reasons' });
  const first = reasons.getByRole('link').first();
  if (await first.count()) {
    const ruleId = (await first.locator('.rule-id').textContent())?.trim() ?? '';
    await first.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Charges on hold' })).toBeVisible();
    await expect(page.getByLabel('Reason (rule id)')).toHaveValue(ruleId);
    await expect(page).toHaveURL(new RegExp(`ruleId=${ruleId}`));
  }
});

test('the dashboard is usable on a tablet', async ({ page }) => {
  await page.setViewportSize({ width: 768, height: 1024 });
  await login(page, 'biller');
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Charges on hold' }),
  ).toBeVisible();
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
  expect(overflow).toBeLessThanOrEqual(1);
});
