/** Shared steps of the browser specs: demo logins and logging in through the form. */
import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'demo-sgrt-2026';
export type DemoRole = 'admin' | 'physician' | 'coder' | 'biller' | 'viewer' | 'operator';
/**
 * A demo login: one per role, `physician2`, the second physician (the evening signer, whose morning
 * records await signature): the specs that sign use his, so the first physician's Today stays as loaded;
 * `physician3` and `physician4`, the physicians of the patients held for a necessity statement (DOC-002)
 * and for a motion-management order (DOC-001).
 */
export type DemoLogin = DemoRole | 'physician2' | 'physician3' | 'physician4';

export const demoEmail = (login: DemoLogin) => `${login}@demo.test`;

/** Logs in with the form and waits for the landing page, Today. */
export async function loginToToday(page: Page, role: DemoLogin): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Email').fill(demoEmail(role));
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
}

/** Logs in, then opens the role's main list from the navigation (signatures due for physicians, else the dashboard). */
export async function login(page: Page, role: DemoLogin): Promise<void> {
  await loginToToday(page, role);
  const start = role.startsWith('physician') ? 'Signatures due' : 'Dashboard';
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: start, exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: start })).toBeVisible();
}
