import { Writable } from 'node:stream';
import type { AppContext } from '../../src/app/app-context.js';
import { createAppContext } from '../../src/app/app-context-factory.js';
import { createLogger } from '../../src/app/logger.js';
import type { OpenDatabase } from '../../src/storage/database.js';

/** A clock the test moves by hand. */
export interface TestClock {
  now: () => number;
  set(instant: number): void;
  advance(ms: number): void;
}

export function testClock(start = Date.parse('2026-03-13T16:00:00Z')): TestClock {
  let t = start;
  return { now: () => t, set: (i) => (t = i), advance: (ms) => (t += ms) };
}

export interface TestContext {
  ctx: AppContext;
  clock: TestClock;
  /** Every JSON line logged so far (tests assert that no PHI reaches the log). */
  logLines: () => string[];
}

/** An application context on a test database with a hand-moved clock and a captured log. */
export async function testContext(opened: OpenDatabase, clock = testClock()): Promise<TestContext> {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const log = createLogger({ level: 'info', stream });
  const ctx = await createAppContext({ db: opened.db, engine: opened.engine, log, now: clock.now });
  return { ctx, clock, logLines: () => lines };
}
