import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase, type TestDatabase } from '../../../test/support/db-harness.js';
import {
  SEED_PASSWORD,
  seededActor,
  seedPractice,
  type SeededPractice,
} from '../../../test/support/seed-rows.js';
import { testContext, type TestContext } from '../../../test/support/test-context.js';
import type { Actor } from '../app-context.js';
import { AppError } from '../app-errors.js';
import { login } from '../auth/login.js';
import { sessionFromToken } from '../auth/sessions.js';
import { ROLES } from '../views.js';
import { DEMO_BILLING } from './demo-billing.js';
import {
  addUser,
  createPracticeWithAdmin,
  disableUser,
  getBillingSettings,
  listPractices,
  listUsers,
  saveBillingSettings,
  userIdByEmail,
} from './practice-admin.js';

/** Opening a database and seeding it (argon2 hashes) is slow on a loaded 2-core machine. */
const HOOK_TIMEOUT_MS = 60_000;

const CLINIC = {
  schemaVersion: 1,
  name: 'New Clinic',
  facility: { timeZone: 'America/Chicago', placeOfService: '11' },
};

/** The refusal of a use case: its code and the locations of its issues. */
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) =>
      e instanceof AppError ? `${e.code} ${e.issues.map((i) => i.location).join(',')}`.trim() : 'other',
  );

const adminOf = (s: SeededPractice): Actor => seededActor(s, 'admin');

describe.each(ENGINES)('practice administration on %s', { timeout: 30_000 }, (engine) => {
  let db: TestDatabase;
  let t: TestContext;
  let a: SeededPractice;
  let b: SeededPractice;
  beforeAll(async () => {
    db = await openTestDatabase(engine);
    t = await testContext(db);
    a = await seedPractice(db.db, 'a');
    b = await seedPractice(db.db, 'b');
  }, HOOK_TIMEOUT_MS);
  afterAll(async () => db?.close(), HOOK_TIMEOUT_MS);

  it('creates a practice with its administrator, who can log in; lists the practices', async () => {
    const id = await createPracticeWithAdmin(t.ctx, {
      name: 'New Clinic',
      clinic: CLINIC,
      admin: { email: 'Boss@New.test ', password: 'a-long-admin-password' },
    });
    const { session } = await login(t.ctx, {
      email: 'boss@new.test',
      password: 'a-long-admin-password',
      clientKey: 'c1',
    });
    expect(session.user).toMatchObject({ practiceId: id, role: 'admin', timeZone: 'America/Chicago' });
    const practices = await listPractices(t.ctx);
    expect(practices.find((p) => p.id === id)).toEqual({
      id,
      name: 'New Clinic',
      users: 1,
      billingConfigured: false,
    });
    // The seed's login per role (the operator too) and a spare viewer.
    expect(practices.find((p) => p.id === a.practiceId)).toMatchObject({ users: ROLES.length + 1 });
  });

  it.each<[string, { clinic?: unknown; billing?: unknown; password?: string }, string]>([
    [
      'a clinic without its zone',
      { clinic: { ...CLINIC, facility: { placeOfService: '11' } } },
      'clinic.facility.timeZone',
    ],
    [
      'a billing NPI with a wrong check digit',
      { billing: { ...DEMO_BILLING, provider: { ...DEMO_BILLING.provider, npi: '1999999985' } } },
      'billing.provider.npi',
    ],
    ['a short admin password', { password: 'short' }, 'password'],
  ])('stores nothing for %s', async (_name, change, location) => {
    const before = (await listPractices(t.ctx)).length;
    const outcome = await refusal(
      createPracticeWithAdmin(t.ctx, {
        name: 'Refused',
        clinic: change.clinic ?? CLINIC,
        billing: change.billing,
        admin: { email: 'refused@new.test', password: change.password ?? 'a-long-admin-password' },
      }),
    );
    expect(outcome).toBe(`invalid_input ${location}`);
    expect(await listPractices(t.ctx)).toHaveLength(before);
  });

  it('adds logins to the actor’s practice only, refuses a taken email and a physician id on another role', async () => {
    const admin = adminOf(a);
    const users = await addUser(t.ctx, admin, {
      email: 'Doctor@A.test',
      role: 'physician',
      password: 'another-long-password',
      displayName: 'Dr Synthetic',
      physicianId: 'DR-SYN-09',
    });
    expect(users.find((u) => u.email === 'doctor@a.test')).toMatchObject({
      role: 'physician',
      displayName: 'Dr Synthetic',
      physicianId: 'DR-SYN-09',
      disabled: false,
    });
    expect(users.every((u) => u.id.startsWith('user-a-') || u.email.endsWith('@a.test'))).toBe(true);
    expect(await listUsers(t.ctx, adminOf(b))).not.toContainEqual(
      expect.objectContaining({ email: 'doctor@a.test' }),
    );
    const taken = { email: b.users.coder.email, role: 'viewer' as const, password: 'another-long-password' };
    expect(await refusal(addUser(t.ctx, admin, taken))).toBe('conflict');
    const wrongRole = { ...taken, email: 'c2@a.test', physicianId: 'DR-SYN-09' };
    expect(await refusal(addUser(t.ctx, admin, wrongRole))).toBe('invalid_input physicianId');
  });

  it('disables a login (its session ends), never another practice’s nor the admin’s own', async () => {
    const { token } = await login(t.ctx, { email: `spare@a.test`, password: SEED_PASSWORD, clientKey: 'c2' });
    expect(await sessionFromToken(t.ctx, token)).not.toBeNull();
    const users = await disableUser(t.ctx, adminOf(a), a.spareUserId);
    expect(users.find((u) => u.id === a.spareUserId)?.disabled).toBe(true);
    expect(await sessionFromToken(t.ctx, token)).toBeNull();
    expect(await refusal(disableUser(t.ctx, adminOf(a), b.spareUserId))).toBe('not_found');
    expect(await refusal(userIdByEmail(t.ctx, adminOf(a), 'spare@b.test'))).toBe('not_found');
    expect(await refusal(disableUser(t.ctx, adminOf(a), a.users.admin.id))).toBe('conflict');
    const bUsers = await listUsers(t.ctx, adminOf(b));
    expect(bUsers.find((u) => u.id === b.spareUserId)?.disabled).toBe(false);
  });

  it('saves billing settings with their defaults, lists what is missing and the payer profiles', async () => {
    const empty = await getBillingSettings(t.ctx, adminOf(a));
    expect(empty.settings).toBeNull();
    expect(empty.missing.map((m) => m.location)).toEqual([
      'billing.provider',
      'billing.submitter',
      'billing.receiver',
      'billing.payers',
    ]);
    expect(empty.payerProfiles).toEqual([{ profile: 'default', courses: 1, configured: false }]);

    const { defaultPeriod: _p, usage: _u, chargePercent: _c, chargeCents: _cc, ...minimal } = DEMO_BILLING;
    const saved = await saveBillingSettings(t.ctx, adminOf(a), minimal);
    expect(saved.settings).toMatchObject({ defaultPeriod: 'month', usage: 'T', chargePercent: 100 });
    expect(saved.missing).toEqual([]);
    expect(saved.payerProfiles).toEqual([{ profile: 'default', courses: 1, configured: true }]);
    expect((await listPractices(t.ctx)).find((p) => p.id === a.practiceId)?.billingConfigured).toBe(true);
    expect((await getBillingSettings(t.ctx, adminOf(b))).settings).toBeNull();
  });

  it('refuses bad billing settings with located problems and keeps the saved ones', async () => {
    const bad = {
      ...DEMO_BILLING,
      provider: { ...DEMO_BILLING.provider, taxId: '12-345' },
      submitter: { ...DEMO_BILLING.submitter, contact: { name: 'Office', phone: '555' } },
      chargeCents: { '7741': 100 },
    };
    const outcome = await refusal(saveBillingSettings(t.ctx, adminOf(a), bad));
    expect(outcome.split(/[ ,]/).sort()).toEqual(
      [
        'invalid_input',
        'billing.provider.taxId',
        'billing.submitter.contact.phone',
        'billing.chargeCents.7741',
      ].sort(),
    );
    expect((await getBillingSettings(t.ctx, adminOf(a))).settings?.provider.taxId).toBe('999999999');
    expect(t.logLines().join('\n')).not.toContain('12-345');
  });
});
