/**
 * The demo's third and fourth physician logins (printed by `npm start`): the physicians of the patients
 * held for a necessity statement (DOC-002) and for an unsigned motion-management order (DOC-001). Each
 * lands on Today with their patients' holds counted, and each course listed opens from Today.
 */
import { expect, test } from '@playwright/test';
import { type DemoLogin, loginToToday } from './support.js';

const cases: { login: DemoLogin; rule: 'DOC-001' | 'DOC-002'; needs: RegExp }[] = [
  { login: 'physician3', rule: 'DOC-002', needs: /write or attest the necessity statement/ },
  { login: 'physician4', rule: 'DOC-001', needs: /sign the motion-management order/ },
];

for (const c of cases) {
  test(`${c.login}: Today counts their patients held for ${c.rule}, and each course opens from Today`, async ({
    page,
  }) => {
    await loginToToday(page, c.login);
    const item = page.getByTestId(`today-${c.rule}`);
    const count = Number(((await item.locator('.today-count').textContent()) ?? '').replace(/[^\d]/g, ''));
    expect(count).toBeGreaterThan(0);

    const card = page.getByRole('region', { name: /orders and necessity statements to fix/ });
    const courses = card.getByRole('listitem').filter({ hasText: c.needs });
    await expect(courses.first()).toBeVisible();
    // The fractions held for the rule, summed over the courses listed for it, are Today's count.
    const held = (await courses.allTextContents())
      .map((text) => Number(/\((\d[\d,]*) fractions? held\)/.exec(text)![1]!.replace(/,/g, '')))
      .reduce((n, h) => n + h, 0);
    expect(held).toBeGreaterThanOrEqual(count);

    const links = await courses.getByTestId('documents-due-link').all();
    for (const link of links) {
      const course = /course (\S+)$/.exec((await link.textContent()) ?? '')![1]!;
      await link.click();
      await expect(page).toHaveURL(/\/courses\/[^/]+#documents$/);
      await expect(page.getByRole('heading', { level: 1 })).toContainText(course);
      await page.goBack();
      await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
    }
  });
}
