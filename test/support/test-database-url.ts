import type { Engine } from '../../src/storage/database.js';

/** The engines the integration tests run on: `DB_ENGINES` (default `pglite,postgres`; architecture.md). */
export const ENGINES: Engine[] = (process.env.DB_ENGINES ?? 'pglite,postgres')
  .split(',')
  .map((e) => e.trim())
  .filter((e): e is Engine => e === 'pglite' || e === 'postgres');

/** The PostgreSQL server of the integration tests (README, "Development"). */
export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** `TEST_DATABASE_URL`, else the development machines' server. */
export function testDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_DATABASE_URL;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/**
 * What the test run does about its PostgreSQL server: `use` the one that answers at the URL (CI's, a
 * developer's), `start` one of its own when none answers on this machine, or stop with the reason when the
 * URL names another machine that does not answer (starting a local one would test something else).
 */
export function testServerPlan(url: string, answered: boolean): 'use' | 'start' | 'unreachable' {
  if (answered) return 'use';
  return LOOPBACK.has(new URL(url).hostname) ? 'start' : 'unreachable';
}

/** host:port of the URL, for messages (never its password). */
export function serverAddress(url: string): string {
  const { hostname, port } = new URL(url);
  return `${hostname}:${port || '5432'}`;
}
