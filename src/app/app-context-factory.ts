import type { Db, Engine } from '../storage/database.js';
import type { AppContext, AppLogger } from './app-context.js';
import { engineContext } from './engine-context.js';

export interface AppContextOptions {
  db: Db;
  engine: Engine;
  log: AppLogger;
  /** The clock; default Date.now (tests inject a fixed or advancing clock). */
  now?: () => number;
}

/** The context of the running application: bundled payer profiles and rates, audits at a given instant. */
export async function createAppContext(options: AppContextOptions): Promise<AppContext> {
  const now = options.now ?? Date.now;
  const base = await engineContext({ now: now() });
  return {
    db: options.db,
    engine: options.engine,
    now,
    auditContext: (at) => ({ ...base, now: at }),
    log: options.log,
  };
}
