/**
 * The README's screenshots: logs in to a running `sgrt-billing serve --demo` and saves PNGs of the main
 * screens to docs/screenshots/ (1280×800, Debian's Chromium; never a downloaded browser).
 *
 *   node --import tsx scripts/screenshots.ts [--base-url http://127.0.0.1:8080]
 */
import { chromium, type Page } from '@playwright/test';

const i = process.argv.indexOf('--base-url');
const base = i > 0 ? process.argv[i + 1]! : 'http://127.0.0.1:8080';
const out = 'docs/screenshots';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});

async function as(role: string, shots: (page: Page) => Promise<void>): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(base);
  await page.getByLabel('Email').fill(`${role}@demo.test`);
  await page.getByLabel('Password').fill('demo-sgrt-2026');
  await page.getByRole('button', { name: /sign in|log in/i }).click();
  // Every login lands on its Today page: its heading, then its items once loaded.
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  await page
    .getByTestId(/^today-/)
    .first()
    .waitFor();
  await page.waitForLoadState('networkidle');
  await page
    .getByText(/^Loading/)
    .first()
    .waitFor({ state: 'detached' });
  await page.screenshot({ path: `${out}/today-${role}.png` });
  await shots(page);
  await page.close();
}

/** Opens a page from the main navigation and waits for it to settle. */
async function open(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await page.waitForLoadState('networkidle');
}

await as('coder', async (page) => {
  await open(page, 'Dashboard');
  await page.screenshot({ path: `${out}/dashboard.png` });
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: /on hold/i })
    .click();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${out}/holds.png` });
});
await as('physician', async (page) => {
  await open(page, 'Signatures due');
  await page.getByRole('table').getByRole('row').nth(1).waitFor();
  await page.screenshot({ path: `${out}/signatures-due.png` });
  await page.getByRole('table').getByRole('row').nth(1).getByRole('link').first().click();
  await page.getByRole('heading', { name: 'Documentation elements' }).waitFor();
  const fraction = page
    .getByRole('article')
    .filter({ has: page.getByRole('button', { name: /^(Review and sign SGRT record|Sign IGRT review)$/ }) })
    .first();
  await fraction.scrollIntoViewIfNeeded();
  await fraction.screenshot({ path: `${out}/fraction-timeline.png` });
});
await as('biller', async (page) => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Remittances' }).click();
  await page.getByRole('heading', { level: 1, name: /Remittances/ }).waitFor();
  await page.waitForLoadState('networkidle');
  await page.getByRole('table').first().getByRole('row').nth(1).waitFor();
  await page.screenshot({ path: `${out}/remittances.png` });
  await page.goto(`${base}/denials?category=downcoded`);
  await page
    .getByRole('button', { name: /^Draft appeal for claim/ })
    .first()
    .click();
  await page.getByLabel('Letter text').waitFor();
  await page.screenshot({ path: `${out}/letter.png` });
});
await as('admin', async () => {});
// The physicians of the patients held for a necessity statement (DOC-002) and for an order (DOC-001).
await as('physician3', async () => {});
await as('physician4', async () => {});
await browser.close();
process.stdout.write(`screenshots written to ${out}/\n`);
