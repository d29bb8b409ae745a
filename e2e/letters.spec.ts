import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import type { CourseView, Page as ListPage, RemitLineView } from '../src/app/views.js';
import { letterLabel } from '../src/web/letter-types.js';
import { login } from './support.js';

/** Pages of a PDF as pdfkit writes it: one uncompressed `/Type /Page` dictionary each. */
const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;

/** The value of a row of the letter's evidence summary. */
function coverValue(page: Page, label: string) {
  return page
    .getByRole('table', { name: 'Evidence summary attached to the letter' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: label, exact: true }) })
    .getByRole('cell');
}

/** The patient's own facts, read through the API with the browser's session. */
async function courseFacts(page: Page, courseId: string) {
  const res = await page.request.get(`/api/courses/${encodeURIComponent(courseId)}`);
  expect(res.ok()).toBe(true);
  const course = (await res.json()) as CourseView;
  return {
    courseKey: course.courseKey,
    delivered: course.fractionDetails.length,
    monitored: course.fractionDetails.filter((f) => f.monitoring.length > 0).length,
  };
}

async function firstMatchedLine(page: Page, category: string): Promise<RemitLineView> {
  const res = await page.request.get(`/api/remittances/lines?category=${category}&matched=true&limit=1`);
  expect(res.ok()).toBe(true);
  const lines = (await res.json()) as ListPage<RemitLineView>;
  expect(lines.items.length, `a matched ${category} line in the demo`).toBe(1);
  return lines.items[0]!;
}

test('a biller drafts the appeal of a downcoded line, edits it and downloads it as PDF, Word and the PDF packet', async ({
  page,
}) => {
  await login(page, 'biller');
  const line = await firstMatchedLine(page, 'downcoded');
  const facts = await courseFacts(page, line.courseId!);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Remittances' }).click();
  await page
    .getByRole('navigation', { name: 'Remittance categories' })
    .getByRole('link', { name: /^Downcoded/ })
    .click();
  await page
    .getByRole('table', { name: /^Downcoded/ })
    .getByRole('button', { name: `Draft appeal for claim ${line.claim}, line ${line.line}` })
    .click();

  await expect(page).toHaveURL(/\/letters\/[\w-]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('.breadcrumb')).toContainText('Appeal of a downcode');

  // The patient's own evidence of the date of service (an appeal shows no course-wide figures); the
  // demo's downcoded line is a course monitored with AlignRT (setup/demo-remittance.ts).
  await expect(coverValue(page, 'Course')).toHaveText(facts.courseKey);
  await expect(coverValue(page, 'Date of service')).toHaveText(line.dateOfService!);
  expect(facts.monitored).toBeGreaterThan(0);
  await expect(coverValue(page, 'System')).toHaveText('AlignRT');
  await expect(coverValue(page, 'Fractions delivered')).toHaveCount(0);
  await expect(coverValue(page, 'Billed')).toContainText('77412');
  await expect(coverValue(page, 'Adjudicated')).toContainText('77407');

  // Edit, save, and the saved text is what comes back.
  const editor = page.getByLabel('Letter text');
  await expect(editor).not.toHaveValue('');
  await editor.fill(`${await editor.inputValue()}\n\nEdited in the browser: please reprocess as 77412.`);
  await expect(page.getByText('Save your changes to download them')).toBeVisible();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Letter text')).toHaveValue(/please reprocess as 77412\.$/);

  const files = new Map<string, Buffer>();
  for (const [name, magic, suffix] of [
    ['Download PDF', '%PDF', '\\.pdf'],
    ['Download Word', 'PK', '\\.docx'],
    ['Download PDF packet', '%PDF', '-packet\\.pdf'],
  ] as const) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name, exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^appeal-downcode-[\\w-]+?${suffix}$`));
    const bytes = await readFile((await download.path())!);
    expect(bytes.subarray(0, magic.length).toString('latin1')).toBe(magic);
    files.set(name, bytes);
  }
  // The packet is the letter and an evidence page per enclosure the letter lists.
  const enclosures = (await page.getByLabel('Letter text').inputValue())
    .split('Enclosures:\n')[1]
    ?.split('\n\n')[0]
    ?.split('\n');
  expect(enclosures?.length).toBeGreaterThan(0);
  expect(pageCount(files.get('Download PDF packet')!)).toBeGreaterThanOrEqual(
    pageCount(files.get('Download PDF')!) + enclosures!.length,
  );

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Letters' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Letters' })).toBeVisible();
  await expect(
    page
      .getByRole('table', { name: /^Letters/ })
      .getByRole('row')
      .nth(1),
  ).toBeVisible();
});

/** Every denial category of the demo remittance with a letter; the server names each line's letter. */
const CATEGORIES = [
  'downcoded',
  'igrt-professional-denied',
  'zero-paid-no-denial-code',
  'authorization-2025',
  'other-denial',
  // The demo's CO-151 lines are traditional Medicare's: their letter is the redetermination request.
  'frequency-denial',
] as const;

/** The page's button for a letter type (LetterActions.tsx) and its breadcrumb (letter-types.ts). */
const BUTTONS: Partial<Record<string, string>> = {
  'peer-to-peer': 'Draft peer-to-peer sheet',
  'retro-authorization': 'Draft retro-authorization request',
  redetermination: 'Draft redetermination request',
};

/** The first matched line of a category whose letter the chart allows (the server says, `letter`). */
async function firstDraftableLine(page: Page, category: string): Promise<RemitLineView> {
  const res = await page.request.get(`/api/remittances/lines?category=${category}&matched=true&limit=100`);
  expect(res.ok()).toBe(true);
  const lines = (await res.json()) as ListPage<RemitLineView>;
  const line = lines.items.find((l) => l.letter && !l.letter.refusal);
  expect(line, `a matched ${category} line with a letter in the demo`).toBeDefined();
  return line!;
}

test("for each denial category a coder drafts the letter, with the patient's facts", async ({ page }) => {
  await login(page, 'coder');
  for (const category of CATEGORIES) {
    const line = await firstDraftableLine(page, category);
    const type = line.letter!.type;
    await page.goto(`/denials?category=${category}`);
    // A line keeps one letter: an earlier spec may have drafted this one, and then the line opens it.
    const name = `claim ${line.claim}, line ${line.line}`;
    await (
      line.letterId === null
        ? page.getByRole('button', { name: `${BUTTONS[type] ?? 'Draft appeal'} for ${name}` })
        : page.getByRole('link', { name: `Open the letter of ${name}` })
    ).click();
    await expect(page).toHaveURL(/\/letters\/[\w-]+$/);
    await expect(page.locator('.breadcrumb')).toContainText(letterLabel(type));
    const facts = await courseFacts(page, line.courseId!);
    await expect(coverValue(page, 'Course'), category).toHaveText(facts.courseKey);
    await expect(coverValue(page, 'Claim'), category).toHaveText(line.claim);
    await expect(coverValue(page, 'Date of service'), category).toHaveText(line.dateOfService ?? 'not given');
    if (type === 'peer-to-peer') {
      await expect(coverValue(page, 'Fractions delivered'), category).toHaveText(
        new RegExp(`^${facts.delivered} of \\d+ planned$`),
      );
      const monitored = coverValue(page, 'Fractions monitored');
      if (await monitored.count())
        await expect(monitored).toHaveText(`${facts.monitored}/${facts.delivered}`);
    } else {
      // An appeal speaks of its date of service: no course-wide figures.
      await expect(coverValue(page, 'Fractions delivered'), category).toHaveCount(0);
      await expect(coverValue(page, 'Fractions monitored'), category).toHaveCount(0);
    }
  }
});

test('a batch of selected lines drafts one letter each; templates refuse unknown placeholders', async ({
  page,
}) => {
  await login(page, 'biller');
  // Lines whose letter the chart supports (an authorization denial may have no letter to draft: an
  // authorization on file).
  await page.goto('/denials?category=zero-paid-no-denial-code');
  const boxes = page.getByRole('checkbox', { name: /^Select claim .* for a letter$/ });
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await page.getByRole('button', { name: 'Draft letters for 2 selected lines' }).click();
  await expect(page).toHaveURL(/\/letters$/);
  await expect(page.getByRole('table', { name: /^Letters/ }).getByRole('row')).not.toHaveCount(1);

  await page.getByRole('link', { name: 'Templates' }).click();
  await page.getByLabel('Letter type').selectOption('appeal-downcode');
  await expect(page.getByRole('heading', { name: /bundled default|version \d+/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Placeholders' }).locator('code').first()).toBeVisible();
  const text = page.getByLabel('Template text');
  await text.fill(`${await text.inputValue()}\n{{notAPlaceholder}}`);
  await page.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'unknown placeholder' })).toContainText(
    /template:\d+:1/,
  );
  await text.fill(
    (await text.inputValue()).replace('\n{{notAPlaceholder}}', '\nWith regards from the practice.'),
  );
  await page.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Saved as version \d+/ })).toBeVisible();
  await expect(page.getByRole('table', { name: /^Versions/ }).getByRole('row')).not.toHaveCount(2);
});

test('a letter the chart could not support yet is drafted again from the chart on request', async ({
  page,
}) => {
  await login(page, 'coder');
  // The demo's CO-151 lines are traditional Medicare's, whose courses have no necessity statement: the
  // redetermination request lists it under "Add to the chart first".
  const line = await firstDraftableLine(page, 'frequency-denial');
  await page.goto('/denials?category=frequency-denial');
  const name = `claim ${line.claim}, line ${line.line}`;
  await (
    line.letterId === null
      ? page.getByRole('button', { name: `Draft redetermination request for ${name}` })
      : page.getByRole('link', { name: `Open the letter of ${name}` })
  ).click();
  await expect(page).toHaveURL(/\/letters\/[\w-]+$/);
  const url = page.url();
  await expect(page.getByRole('heading', { name: 'Add to the chart first' })).toBeVisible();
  await page.getByRole('button', { name: 'Redraft from the chart' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Drafted again from the chart.' })).toBeVisible();
  // The same letter (one per line), still listing what the chart lacks.
  expect(page.url()).toBe(url);
  await expect(page.getByRole('heading', { name: 'Add to the chart first' })).toBeVisible();
});
