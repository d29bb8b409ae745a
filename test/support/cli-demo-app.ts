import { join } from 'node:path';
import type { AppContext } from '../../src/app/app-context.js';
import { setChargeStatus } from '../../src/app/commands/charge-status.js';
import { importFiles } from '../../src/app/import-pipeline/import-files.js';
import { createLogger } from '../../src/app/logger.js';
import { openApp } from '../../src/app/open-app.js';
import { createPractice } from '../../src/app/setup/create-practice.js';
import { DEMO_BILLING } from '../../src/app/setup/demo-billing.js';
import { demoUploads } from '../../src/app/setup/demo-uploads.js';
import { MIGRATED, pgliteDataDir } from './db-harness.js';

/**
 * An app database under `<dir>/db` (PGlite, as the CLI's `--data-dir` opens it) holding one practice with a
 * generated demo clinic imported, at the clinic's export instant; the caller closes the app before
 * running the CLI on the same folder (PGlite has one user at a time). The folder starts as a copy of the
 * run's migrated template: a new PGlite data folder's initdb cost more CPU than the import of a small
 * clinic.
 */
export async function openCliDemoApp(
  dir: string,
  clinicOptions: { patients: number; days: number; seed: number },
) {
  const db = join(dir, 'db');
  await pgliteDataDir(db, MIGRATED);
  const { generated, files, clinic } = await demoUploads(clinicOptions);
  const app = await openApp({
    dataDir: db,
    log: createLogger({ level: 'silent' }),
    now: () => generated.clinic.options.now,
  });
  const practiceId = await createPractice(app.ctx, { name: 'CLI', clinic, billing: DEMO_BILLING });
  await importFiles(app.ctx, practiceId, files);
  return { app, db, practiceId };
}

/** The coder releases every charge the audit left ready (or ready as a downgrade): what `claims` bills. */
export async function releaseReadyCharges(ctx: AppContext, practiceId: string): Promise<void> {
  const ready = await ctx.db
    .selectFrom('fractions')
    .select('id')
    .where('status', 'in', ['ready', 'downgrade'])
    .execute();
  const actor = {
    userId: 'coder',
    practiceId,
    role: 'coder' as const,
    displayName: 'Coder',
    physicianId: null,
  };
  await setChargeStatus(ctx, actor, { fractionIds: ready.map((f) => f.id), action: 'release' });
}
