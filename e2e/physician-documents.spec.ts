import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, demoEmail, loginToToday } from './support.js';

/** Synthetic and patient-specific: site, laterality, organ at risk, dose, system, threshold, beam hold. */
const STATEMENT =
  'Left breast: the heart and LAD lie close to the tangents, so deep-inspiration breath hold is monitored continuously with AlignRT; a 3 mm threshold triggers an automatic beam hold and the therapists are alerted.';

test("a covering physician signs a course's order and writes its necessity statement", async ({
  page,
  request,
}) => {
  await loginToToday(page, 'physician2');
  // The demo's DIBH-only statements belong to another physician's patients, which this physician's Today
  // does not list: the administrator designates him to cover one of those courses (DOC-011), through
  // the API, where an administrator sees every physician's courses held for their documents.
  const me = (await (await page.request.get('/api/auth/me')).json()) as { user: { physicianId: string } };
  const admin = (await (
    await request.post('/api/auth/login', { data: { email: demoEmail('admin'), password: DEMO_PASSWORD } })
  ).json()) as { csrfToken: string };
  const due = (await (await request.get('/api/physician/documents?ruleId=DOC-002')).json()) as {
    courseId: string;
    courseKey: string;
    physicianId: string;
  }[];
  const course = due.find((d) => d.physicianId !== me.user.physicianId)!;
  expect(course, "another physician's course held for its necessity statement").toBeDefined();
  const card = page.getByRole('region', { name: /orders and necessity statements to fix/ });
  await expect(
    card
      .getByText(/^No fraction of your patients/)
      .or(card.getByRole('listitem'))
      .first(),
  ).toBeVisible();
  await expect(card.getByRole('link', { name: new RegExp(`course ${course.courseKey}$`) })).toHaveCount(0);
  const cover = await request.post('/api/practice/covers', {
    data: { coveringPhysicianId: me.user.physicianId, courseKey: course.courseKey },
    headers: { 'x-csrf-token': admin.csrfToken },
  });
  expect(cover.status(), await cover.text()).toBe(200);

  await page.goto(`/courses/${encodeURIComponent(course.courseId)}#documents`);
  const documents = page.getByRole('region', { name: 'Order and necessity statement' });
  await expect(documents).toBeVisible();
  await expect(documents.getByText(/wait for the order or the statement/)).toBeVisible();

  // A fraction that owes no signature (held for the order or statement, or ready) shows no deadline.
  const owesNothing = page.getByRole('article').filter({
    hasNot: page.getByRole('button', { name: /^(Review and sign SGRT record|Sign IGRT review)$/ }),
  });
  await expect(owesNothing.first()).toBeVisible();
  await expect(owesNothing.getByText(/Sign by/)).toHaveCount(0);

  // The order, when it waits for a signature: one click, re-audited at once.
  const signOrder = documents.getByRole('button', { name: 'Sign the order' });
  if (await signOrder.isVisible()) {
    await signOrder.click();
    await expect(documents.getByRole('status')).toContainText(
      'Signed the motion-management order. Re-audited',
    );
  }

  // An empty editor ticks nothing as its own: what the chart's order says is labelled as the order's.
  const items = documents.getByRole('list', { name: 'Documentation elements' }).getByRole('listitem');
  await expect(items).toHaveCount(5);
  await expect(items.filter({ hasText: 'in this statement' })).toHaveCount(0);

  // A DIBH-only draft is warned about live, with DOC-002's words, and cannot be signed.
  const text = documents.getByLabel('Write a patient-specific statement');
  await text.fill('DIBH');
  await expect(documents.getByTestId('necessity-warning')).toContainText('says little more than "DIBH"');
  const sign = documents.getByRole('button', { name: 'Sign this statement' });
  await expect(sign).toBeDisabled();
  // A template placeholder too.
  await text.fill(`${STATEMENT} [insert dose]`);
  await expect(documents.getByTestId('necessity-warning')).toContainText('template placeholders');

  // A patient-specific statement: the five elements tick as it is written, then one signature.
  await text.fill(STATEMENT);
  await expect(documents.getByTestId('necessity-warning')).toHaveCount(0);
  const checklist = documents.getByRole('list', { name: 'Documentation elements' });
  await expect(checklist.getByRole('listitem').filter({ hasText: 'missing' })).toHaveCount(0);
  await expect(sign).toBeEnabled();
  await sign.click();
  await expect(documents.getByRole('status')).toContainText('Signed the new necessity statement. Re-audited');
  await expect(documents.getByText('Written in the app.')).toBeVisible();
  await expect(documents.locator('blockquote')).toHaveText(STATEMENT);
  await expect(
    documents.getByText(/Signed by .+ \(covering physician\), .+ \(in the app\)/).last(),
  ).toBeVisible();
});

test('a physician previews an SGRT record, with coverage per beam, before one confirmation signs it', async ({
  page,
}) => {
  await loginToToday(page, 'physician2');
  // The soonest fraction whose SGRT record waits (an image review alone has no preview).
  await page
    .getByRole('region', { name: 'Sign first: the soonest next beam-on' })
    .getByRole('listitem')
    .filter({ hasText: 'SGRT record' })
    .getByRole('link')
    .first()
    .click();
  const review = page.getByRole('button', { name: 'Review and sign SGRT record' }).first();
  await expect(review).toBeVisible();
  const fraction = page.getByRole('article').filter({ has: review });
  const heading = (await fraction.getByRole('heading', { level: 3 }).textContent()) ?? '';
  await review.click();

  const preview = page.getByTestId('record-preview');
  await expect(preview.getByRole('heading', { name: /what you sign/ })).toBeFocused();
  await expect(preview.getByRole('img', { name: /Treatment session of fraction/ })).toBeVisible();
  await expect(preview.getByText('Monitored beam-on time')).toBeVisible();
  const beams = preview.getByRole('table', { name: /Monitoring per beam/ }).getByRole('row');
  expect(await beams.count()).toBeGreaterThan(1);
  await expect(beams.nth(1).getByRole('cell').nth(2)).toHaveText(/\d+(\.\d)? %/);

  // Cancel leaves it unsigned; confirming signs it once.
  await preview.getByRole('button', { name: 'Cancel' }).click();
  await expect(preview).toHaveCount(0);
  await review.click();
  await page.getByRole('button', { name: 'Confirm and sign the SGRT record' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Signed SGRT record/ })).toBeVisible();
  const signed = page
    .getByRole('article')
    .filter({ has: page.getByRole('heading', { level: 3, name: heading }) });
  await expect(signed.getByText(/signed in the app/).first()).toBeVisible();
});
