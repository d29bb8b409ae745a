import type { Db } from '../../src/storage/database.js';
import { defaultNow } from '../../src/app/demo-data/build-clinic.js';
import { treatmentDays } from '../../src/app/demo-data/clinic-time.js';
import { importFiles } from '../../src/app/import-pipeline/import-files.js';
import { createPractice } from '../../src/app/setup/create-practice.js';
import { DEMO_BILLING } from '../../src/app/setup/demo-billing.js';
import { billDemo } from '../../src/app/setup/demo-claims.js';
import { demoUploads } from '../../src/app/setup/demo-uploads.js';
import type { TestTemplate } from './db-harness.js';
import { testClock, testContext } from './test-context.js';

/** The letter tests' clinic: the demo generator's seed, smaller than the demo practice's. */
const LETTER_CLINIC = { patients: 12, days: 10, seed: 1 } as const;

/** The instant the letter tests' clinic was exported (the generator's default `now` for its days). */
export function letterDemoInstant(): number {
  return defaultNow(treatmentDays(LETTER_CLINIC.days));
}

/**
 * The letter tests' practice (letters, packets, the `letter` command): the clinic imported at its export
 * instant and billed up to the day before (claims sent, the payer's 835s imported), so its remittance
 * holds a line of each denial category. One run template, copied by each file instead of importing it.
 */
export const LETTER_DEMO: TestTemplate = {
  name: 'letter_demo',
  fill: async (opened) => {
    const t = await testContext(opened, testClock(letterDemoInstant()));
    const { files, clinic } = await demoUploads(LETTER_CLINIC);
    const practiceId = await createPractice(t.ctx, {
      name: 'Demo Radiation Oncology (synthetic)',
      clinic,
      billing: DEMO_BILLING,
    });
    await importFiles(t.ctx, practiceId, files);
    await billDemo(t.ctx, practiceId, new Date(t.ctx.now() - 86_400_000).toISOString().slice(0, 10));
  },
};

/** The LETTER_DEMO practice in a copy of it (the only practice there): its id and its clinic.json. */
export async function letterDemoPractice(db: Db): Promise<{ practiceId: string; clinic: unknown }> {
  const row = await db.selectFrom('practices').select(['id', 'clinic']).executeTakeFirstOrThrow();
  return { practiceId: row.id, clinic: row.clinic };
}
