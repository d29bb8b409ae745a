import { anyPractice } from '../storage/auth/practices-repository.js';
import { openDatabase } from '../storage/database.js';
import type { AppContext, AppLogger } from './app-context.js';
import { createAppContext } from './app-context-factory.js';

export interface OpenAppOptions {
  /** `postgres://…` (DATABASE_URL); absent, PGlite under `dataDir`. */
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  log: AppLogger;
  /** The clock; default the machine's (`serve --demo` runs on the demo clinic's clock). */
  now?: () => number;
}

export interface OpenApp {
  ctx: AppContext;
  /** Whether the database holds no practice yet (`serve --demo` then loads the demo practice). */
  isEmpty(): Promise<boolean>;
  close(): Promise<void>;
}

/** Opens (and migrates) the database and builds the application context: what `serve` runs on. */
export async function openApp(options: OpenAppOptions): Promise<OpenApp> {
  const { db, engine } = await openDatabase({ url: options.databaseUrl, dataDir: options.dataDir });
  const ctx = await createAppContext({
    db,
    engine,
    log: options.log,
    ...(options.now ? { now: options.now } : {}),
  });
  return {
    ctx,
    isEmpty: async () => !(await anyPractice(db)),
    close: () => db.destroy(),
  };
}
