import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase, type TestDatabase } from '../../../test/support/db-harness.js';
import { SEED_PASSWORD, seedPractice, type SeededPractice } from '../../../test/support/seed-rows.js';
import { testContext, type TestContext } from '../../../test/support/test-context.js';
import { AppError } from '../app-errors.js';
import { createUser } from './create-user.js';
import { LOGIN_MAX_CLIENT_FAILURES, LOGIN_MAX_FAILURES, LOGIN_WINDOW_MS, login } from './login.js';
import { hashPassword, verifyPassword } from './password-hash.js';
import { logout, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, sessionFromToken } from './sessions.js';

/** Opening a database and seeding it (argon2 hashes) is slow on a loaded 2-core machine. */
const HOOK_TIMEOUT_MS = 60_000;

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof AppError ? e.code : 'other'),
  );

describe('password hashing (argon2id)', () => {
  it('round-trips, rejects a wrong password, salts each hash', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
    expect(await verifyPassword('anything', 'not-a-hash')).toBe(false);
  });
});

describe.each(ENGINES)('authentication on %s', { timeout: 30_000 }, (engine) => {
  let db: TestDatabase;
  let t: TestContext;
  let seed: SeededPractice;
  let client = 0;
  /** A fresh client key per test, so rate-limit counts do not leak between tests. */
  const nextClient = () => `client-${++client}`;

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    t = await testContext(db);
    seed = await seedPractice(db.db, 'a');
  }, HOOK_TIMEOUT_MS);
  afterAll(async () => db?.close(), HOOK_TIMEOUT_MS);

  it('logs in with the right password and resolves the session from the token', async () => {
    const clientKey = nextClient();
    const { token, session } = await login(t.ctx, {
      email: 'Coder@A.test ',
      password: SEED_PASSWORD,
      clientKey,
    });
    expect(session.user).toMatchObject({
      id: seed.users.coder.id,
      role: 'coder',
      practiceName: 'Practice A',
    });
    expect(session.csrfToken).toMatch(/^[\w-]{43}$/);
    const active = await sessionFromToken(t.ctx, token);
    expect(active?.actor).toMatchObject({
      userId: seed.users.coder.id,
      practiceId: seed.practiceId,
      role: 'coder',
    });
    expect(active?.session.csrfToken).toBe(session.csrfToken);
    // Only the hash of the token is stored.
    const rows = await db.db.selectFrom('sessions').select('id').execute();
    expect(rows.map((r) => r.id)).not.toContain(token);
    expect(await sessionFromToken(t.ctx, 'forged-token')).toBeNull();
  });

  it('refuses a wrong password and an unknown email with the same error', async () => {
    const clientKey = nextClient();
    const wrong = login(t.ctx, { email: 'coder@a.test', password: 'wrong-password', clientKey });
    const unknown = login(t.ctx, { email: 'nobody@a.test', password: 'wrong-password', clientKey });
    const [e1, e2] = await Promise.allSettled([wrong, unknown]);
    expect(e1.status).toBe('rejected');
    expect(e2.status).toBe('rejected');
    const r1 = (e1 as PromiseRejectedResult).reason as AppError;
    const r2 = (e2 as PromiseRejectedResult).reason as AppError;
    expect([r1.code, r1.message]).toEqual([r2.code, r2.message]);
    expect(r1.code).toBe('unauthenticated');
  });

  it('rate-limits after 5 failures per email and client, for 15 minutes, shared through the database', async () => {
    const clientKey = nextClient();
    const email = 'biller@a.test';
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) {
      expect(await codeOf(login(t.ctx, { email, password: 'wrong-password', clientKey }))).toBe(
        'unauthenticated',
      );
    }
    // The 6th attempt is refused even with the right password.
    expect(await codeOf(login(t.ctx, { email, password: SEED_PASSWORD, clientKey }))).toBe('rate_limited');
    // A second app instance on the same database sees the same count.
    const other = await testContext(db, t.clock);
    expect(await codeOf(login(other.ctx, { email, password: SEED_PASSWORD, clientKey }))).toBe(
      'rate_limited',
    );
    // Another client is not blocked; after the window the first one may try again.
    expect(await codeOf(login(t.ctx, { email, password: SEED_PASSWORD, clientKey: nextClient() }))).toBe(
      'ok',
    );
    t.clock.advance(LOGIN_WINDOW_MS + 1000);
    expect(await codeOf(login(t.ctx, { email, password: SEED_PASSWORD, clientKey }))).toBe('ok');
  });

  it('holds the limit under 60 parallel wrong guesses: exactly 5 are evaluated', async () => {
    const clientKey = nextClient();
    const email = 'coder@a.test';
    const codes = await Promise.all(
      Array.from({ length: 60 }, () =>
        codeOf(login(t.ctx, { email, password: 'wrong-password', clientKey })),
      ),
    );
    expect(codes.filter((c) => c === 'unauthenticated')).toHaveLength(LOGIN_MAX_FAILURES);
    expect(codes.filter((c) => c === 'rate_limited')).toHaveLength(60 - LOGIN_MAX_FAILURES);
  });

  it('limits one client across emails at a higher threshold, without blocking other clients', async () => {
    const clientKey = nextClient();
    expect(LOGIN_MAX_CLIENT_FAILURES).toBeGreaterThan(LOGIN_MAX_FAILURES);
    // A good login from the address does not use up its allowance.
    expect(await codeOf(login(t.ctx, { email: 'viewer@a.test', password: SEED_PASSWORD, clientKey }))).toBe(
      'ok',
    );
    for (let i = 0; i < LOGIN_MAX_CLIENT_FAILURES; i++) {
      const email = `guess-${i}@a.test`;
      expect(await codeOf(login(t.ctx, { email, password: 'wrong-password', clientKey }))).toBe(
        'unauthenticated',
      );
    }
    // Any further email from that address is refused, a real user's with the right password too…
    expect(await codeOf(login(t.ctx, { email: 'admin@a.test', password: SEED_PASSWORD, clientKey }))).toBe(
      'rate_limited',
    );
    // …while the same user from another address logs in.
    expect(
      await codeOf(login(t.ctx, { email: 'admin@a.test', password: SEED_PASSWORD, clientKey: nextClient() })),
    ).toBe('ok');
    t.clock.advance(LOGIN_WINDOW_MS + 1000);
    expect(await codeOf(login(t.ctx, { email: 'admin@a.test', password: SEED_PASSWORD, clientKey }))).toBe(
      'ok',
    );
  });

  it("does not let one email's lockout block a different email from another client", async () => {
    const attacker = nextClient();
    const email = 'biller@a.test';
    for (let i = 0; i <= LOGIN_MAX_FAILURES; i++)
      await codeOf(login(t.ctx, { email, password: 'wrong-password', clientKey: attacker }));
    expect(await codeOf(login(t.ctx, { email, password: SEED_PASSWORD, clientKey: attacker }))).toBe(
      'rate_limited',
    );
    expect(
      await codeOf(login(t.ctx, { email: 'coder@a.test', password: SEED_PASSWORD, clientKey: nextClient() })),
    ).toBe('ok');
  });

  it('holds the per-client limit under parallel guesses at many emails: exactly the limit is evaluated', async () => {
    const clientKey = nextClient();
    const tries = LOGIN_MAX_CLIENT_FAILURES * 2;
    const codes = await Promise.all(
      Array.from({ length: tries }, (_, i) =>
        codeOf(login(t.ctx, { email: `spray-${i}@a.test`, password: 'wrong-password', clientKey })),
      ),
    );
    expect(codes.filter((c) => c === 'unauthenticated')).toHaveLength(LOGIN_MAX_CLIENT_FAILURES);
    expect(codes.filter((c) => c === 'rate_limited')).toHaveLength(tries - LOGIN_MAX_CLIENT_FAILURES);
  });

  it('expires an idle session, slides an active one, and caps its lifetime', async () => {
    const { token } = await login(t.ctx, {
      email: 'viewer@a.test',
      password: SEED_PASSWORD,
      clientKey: nextClient(),
    });
    t.clock.advance(SESSION_IDLE_MS - 60_000);
    expect(await sessionFromToken(t.ctx, token)).not.toBeNull(); // slides the expiry
    t.clock.advance(SESSION_IDLE_MS - 60_000);
    expect(await sessionFromToken(t.ctx, token)).not.toBeNull();
    t.clock.advance(SESSION_ABSOLUTE_MS);
    expect(await sessionFromToken(t.ctx, token)).toBeNull();

    const idle = await login(t.ctx, {
      email: 'viewer@a.test',
      password: SEED_PASSWORD,
      clientKey: nextClient(),
    });
    t.clock.advance(SESSION_IDLE_MS + 1);
    expect(await sessionFromToken(t.ctx, idle.token)).toBeNull();
  });

  it('ends the session at logout', async () => {
    const { token } = await login(t.ctx, {
      email: 'admin@a.test',
      password: SEED_PASSWORD,
      clientKey: nextClient(),
    });
    await logout(t.ctx, token);
    expect(await sessionFromToken(t.ctx, token)).toBeNull();
  });

  it('refuses a disabled user', async () => {
    const user = await createUser(t.ctx, {
      practiceId: seed.practiceId,
      email: 'temp@a.test',
      password: 'temporary-password-1',
      displayName: 'Temp',
      role: 'viewer',
    });
    const { token } = await login(t.ctx, {
      email: 'temp@a.test',
      password: 'temporary-password-1',
      clientKey: nextClient(),
    });
    await db.db.updateTable('users').set({ disabled: true }).where('id', '=', user.id).execute();
    expect(await sessionFromToken(t.ctx, token)).toBeNull();
    expect(
      await codeOf(
        login(t.ctx, { email: 'temp@a.test', password: 'temporary-password-1', clientKey: nextClient() }),
      ),
    ).toBe('unauthenticated');
  });

  it('keeps emails and passwords out of the log', () => {
    const text = t.logLines().join('\n');
    expect(text).not.toContain('@a.test');
    expect(text).not.toContain(SEED_PASSWORD);
    expect(text).toContain('login failed');
  });
});
