import type { Hono } from 'hono';
import { afterAll, beforeAll } from 'vitest';
import { login } from '../../src/app/auth/login.js';
import type { Role } from '../../src/app/views.js';
import { createHttpApp, type HttpAppOptions } from '../../src/http/create-http-app.js';
import type { HttpEnv } from '../../src/http/http-env.js';
import { routeTable } from '../../src/http/route-table.js';
import type { ApiRoute } from '../../src/http/api-route.js';
import type { Engine } from '../../src/storage/database.js';
import { openTestDatabase, type TestDatabase } from '../support/db-harness.js';
import { SEED_PASSWORD, seedPractice, type SeededPractice } from '../support/seed-rows.js';
import { testContext, type TestContext } from '../support/test-context.js';

export interface Session {
  cookie: string;
  csrf: string;
}

export interface HttpHarness {
  db: TestDatabase;
  t: TestContext;
  app: Hono<HttpEnv>;
  routes: ApiRoute[];
  a: SeededPractice;
  b: SeededPractice;
  /** A new session of a practice's user of that role (through the login use case). */
  session(practice: SeededPractice, role: Role): Promise<Session>;
  request(method: string, path: string, options?: RequestOptions): Promise<Response>;
  close(): Promise<void>;
}

export interface RequestOptions {
  session?: Session | null;
  /** Sent as x-csrf-token; default the session's token on non-GET requests. */
  csrf?: string | null;
  json?: unknown;
  form?: FormData;
  /** A raw body, sent as is (its content-type in `headers`). */
  text?: string;
  /** The request URL's origin (default http://localhost). */
  origin?: string;
  /** Extra request headers (Origin, Sec-Fetch-Site, content-type…). */
  headers?: Record<string, string>;
  /** The client's socket address, as the Node server gives it (absent: none). */
  remoteAddress?: string;
}

let clients = 0;

/** The harness's requests go to http://localhost (port 80): the app listens there unless told otherwise. */
const LISTEN = { host: 'localhost', port: () => 80 };

/** Two seeded practices (A and B) on a test database, and the Hono app over them. */
export async function openHttpHarness(engine: Engine, options: HttpAppOptions = {}): Promise<HttpHarness> {
  const db = await openTestDatabase(engine);
  const t = await testContext(db);
  const a = await seedPractice(db.db, 'a');
  const b = await seedPractice(db.db, 'b');
  const app = createHttpApp(t.ctx, { listen: LISTEN, ...options });
  return {
    db,
    t,
    app,
    routes: routeTable(t.ctx, { secure: false }),
    a,
    b,
    async session(practice, role) {
      const { token, session } = await login(t.ctx, {
        email: practice.users[role].email,
        password: SEED_PASSWORD,
        clientKey: `harness-${++clients}`,
      });
      return { cookie: `sgrt_session=${token}`, csrf: session.csrfToken };
    },
    request(method, path, options = {}) {
      const headers = new Headers();
      if (options.session) headers.set('cookie', options.session.cookie);
      const csrf =
        options.csrf === undefined ? (method !== 'GET' ? options.session?.csrf : undefined) : options.csrf;
      if (csrf) headers.set('x-csrf-token', csrf);
      let body: RequestInit['body'];
      if (options.json !== undefined) {
        headers.set('content-type', 'application/json');
        body = JSON.stringify(options.json);
      } else if (options.form) {
        body = options.form;
      } else if (options.text !== undefined) {
        body = options.text;
      }
      for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
      return Promise.resolve(
        app.request(
          `${options.origin ?? 'http://localhost'}${path}`,
          { method, headers, body },
          options.remoteAddress
            ? { incoming: { socket: { remoteAddress: options.remoteAddress } } }
            : undefined,
        ),
      );
    },
    close: () => db.close(),
  };
}

/** Opening a database and seeding it (argon2 hashes) is slow on a loaded 2-core machine. */
export const HOOK_TIMEOUT_MS = 60_000;

export interface HttpSuite {
  h: HttpHarness;
  /** A session of practice A's login of the suite's role. */
  session: Session;
}

/**
 * A harness for one `describe` block: opened before its tests with a session of practice A's login of
 * `role`, closed after them (its fields are there once the tests run).
 */
export function httpSuite(engine: Engine, role: Role): HttpSuite {
  const suite = {} as HttpSuite;
  beforeAll(async () => {
    suite.h = await openHttpHarness(engine);
    suite.session = await suite.h.session(suite.h.a, role);
  }, HOOK_TIMEOUT_MS);
  afterAll(async () => suite.h?.close(), HOOK_TIMEOUT_MS);
  return suite;
}
