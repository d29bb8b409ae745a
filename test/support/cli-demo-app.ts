import { join } from 'node:path';
import { importFiles } from '../../src/app/import-pipeline/import-files.js';
import { createLogger } from '../../src/app/logger.js';
import { openApp } from '../../src/app/open-app.js';
import { createPractice } from '../../src/app/setup/create-practice.js';
import { DEMO_BILLING } from '../../src/app/setup/demo-billing.js';
import { demoUploads } from '../../src/app/setup/demo-uploads.js';

/**
 * An app database under `<dir>/db` (PGlite, as the CLI's `--data-dir` opens it) holding one practice with a
 * generated demo clinic imported, at the clinic's export instant; the caller closes the app before
 * running the CLI on the same folder (PGlite has one user at a time).
 */
export async function openCliDemoApp(
  dir: string,
  clinicOptions: { patients: number; days: number; seed: number },
) {
  const db = join(dir, 'db');
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
