/**
 * Linking an unlinked record to a course on the demo: a chart document whose course id was typed wrong
 * goes to its patient's course, one whose MRN has no course to a course found by search only with a typed
 * reason for linking another MRN's record (shown in the access log), and a link the course's dates or
 * fractions contradict is refused with the reason.
 */
import { expect, type Page, test } from '@playwright/test';
import { login } from './support.js';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });
const table = (page: Page) => page.getByRole('table', { name: /^Unlinked records, \d+/ });
const COURSE = 'C-5035';
const FILE = 'orders-typo.csv';
const OVERRIDE = 'MRN mistyped at the console, checked with the therapist';

/** An orders-and-signatures CSV (the default layout), unsigned rows: patient, course id, kind, id, date. */
function ordersCsv(rows: [string, string, string, string, string][]): string {
  const header =
    '"Patient ID","Patient Name","Course ID","Kind","Document ID","Fraction","Date","Signer ID","Signer Role","Signed At","Time Zone","System","Modality","Text"';
  const line = ([mrn, course, kind, id, date]: string[]) =>
    [
      mrn,
      'Synthetic, Patient',
      course,
      kind,
      id,
      '',
      date,
      '',
      '',
      '',
      '',
      kind === 'image-guidance-order' ? 'ExacTrac' : '',
      '',
      '',
    ]
      .map((v) => `"${v}"`)
      .join(',');
  return [header, ...rows.map(line)].join('\r\n');
}

test.describe.configure({ mode: 'serial' });

test('coder: links records to a course, and is told why a link is refused', async ({ page }) => {
  await login(page, 'coder');
  const found = await page.request.get(`/api/courses?search=${COURSE}`);
  const mrn = ((await found.json()) as { items: { courseKey: string; mrn: string }[] }).items.find(
    (c) => c.courseKey === COURSE,
  )!.mrn;

  await nav(page).getByRole('link', { name: 'Imports' }).click();
  const csv = ordersCsv([
    [mrn, `${COURSE}-OLD`, 'image-guidance-order', 'E2E-IGO-1', ''],
    [mrn, `${COURSE}-OLD`, 'sgrt-record', 'E2E-SR-1', '2026-01-05'],
    ['SYN-E2E-NOMATCH', 'C-9999', 'image-guidance-order', 'E2E-IGO-2', ''],
  ]);
  await page
    .getByLabel('Choose files')
    .setInputFiles([{ name: FILE, mimeType: 'text/csv', buffer: Buffer.from(csv) }]);
  await page.getByRole('button', { name: 'Upload and import' }).click();
  const current = page.getByRole('region', { name: /Current import/ });
  await expect(current.getByRole('heading', { name: /Current import/ })).toContainText(/Done|Partial/, {
    timeout: 60_000,
  });

  await nav(page).getByRole('link', { name: 'Unlinked records' }).click();
  const row = (line: number) =>
    table(page)
      .getByRole('row')
      .filter({ hasText: `${FILE}:line ${line}` });
  const linkForm = (line: number) =>
    page.getByRole('form', { name: `Link the record from ${FILE}:line ${line} to a course` });

  // A wrong course id: the patient's own course is offered.
  await expect(row(2)).toContainText(`MRN ${mrn}`);
  await row(2).getByRole('button', { name: 'Link to a course…' }).click();
  await expect(linkForm(2).getByLabel('Course', { exact: true })).toContainText(COURSE);
  await linkForm(2).getByRole('button', { name: 'Link', exact: true }).click();
  await expect(page.getByText(`Linked the record from ${FILE}:line 2 to course ${COURSE}`)).toBeVisible();
  await expect(row(2)).toHaveCount(0);

  // Dated before the course's treatment days: refused, with the reason, and still listed.
  await row(3).getByRole('button', { name: 'Link to a course…' }).click();
  await linkForm(3).getByRole('button', { name: 'Link', exact: true }).click();
  await expect(linkForm(3).getByRole('alert')).toContainText(COURSE);
  await linkForm(3).getByRole('button', { name: 'Cancel' }).click();
  await expect(row(3)).toHaveCount(1);

  // An MRN with no course: the course is found by search; it is another patient's, so a reason is asked.
  await row(4).getByRole('button', { name: 'Link to a course…' }).click();
  await expect(linkForm(4)).toContainText('No course of this MRN');
  await linkForm(4).getByLabel('Find a course').fill(COURSE);
  await linkForm(4).getByRole('button', { name: 'Find' }).click();
  await expect(linkForm(4).getByLabel('Course', { exact: true })).toContainText(COURSE);
  await expect(linkForm(4)).toContainText(`Another patient’s course: the record names MRN SYN-E2E-NOMATCH`);
  await expect(linkForm(4).getByRole('button', { name: 'Link', exact: true })).toHaveCount(0);
  await linkForm(4).getByLabel('Reason for linking to another MRN').fill(OVERRIDE);
  await linkForm(4).getByRole('button', { name: 'Link anyway' }).click();
  await expect(page.getByText(`Linked the record from ${FILE}:line 4 to course ${COURSE}`)).toBeVisible();
  await expect(row(4)).toHaveCount(0);
});

test('the access log keeps who linked another MRN’s record, and why', async ({ page }) => {
  await login(page, 'admin');
  await page.goto('/access-log?action=change');
  await expect(page.getByRole('table', { name: /^Access log/ })).toContainText(`Override: ${OVERRIDE}`);
});

test('a biller sees the records without the link action', async ({ page }) => {
  await login(page, 'biller');
  await nav(page).getByRole('link', { name: 'Unlinked records' }).click();
  await expect(
    table(page)
      .getByRole('row')
      .filter({ hasText: `${FILE}:line 3` }),
  ).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Link to a course…' })).toHaveCount(0);
});
