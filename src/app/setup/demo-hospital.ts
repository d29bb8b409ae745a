import { createUser } from '../auth/create-user.js';
import type { BillingSettingsInput } from '../claims/billing-settings.js';
import { createClaimBatch } from '../claims/create-claim-batch.js';
import type { AppContext } from '../app-context.js';
import { importFiles } from '../import-pipeline/import-files.js';
import type { Role } from '../views.js';
import { createPractice } from './create-practice.js';
import { DEMO_BILLING } from './demo-billing.js';
import { demoActor, releaseDemo } from './demo-claims.js';
import { DEMO_PASSWORD, type DemoPractice, demoLogins } from './demo-practice.js';
import { demoReferenceSettings } from './demo-reference.js';
import { demoUploads } from './demo-uploads.js';

/**
 * The demo's second practice: a hospital outpatient radiation oncology department (place of service 22),
 * where the hospital bills the technical lines on the 837I and the physicians' -26 lines go on the 837P
 * (domain.md §6). A small clinic of its own seed; its 15 treatment days end on the first practice's
 * export day, so the demo clock (`demoClock`) reads right for both.
 */
export const DEMO_HOSPITAL_CLINIC = { patients: 8, days: 15, seed: 2, placeOfService: '22' } as const;
export const DEMO_HOSPITAL_LOGINS: readonly { role: Role; email: string }[] = [
  { role: 'admin', email: 'hospital-admin@demo.test' },
  { role: 'biller', email: 'hospital-biller@demo.test' },
];

/**
 * The hospital's billing settings: the first practice's shape (demo-billing.ts, same synthetic physicians
 * and payers) with an institutional billing provider: its own synthetic NPI (valid check digit, no one's)
 * and the general acute care hospital taxonomy 282N00000X [NUCC Health Care Provider Taxonomy code set,
 * Hospitals 28 › General Acute Care Hospital 282N00000X].
 */
export const DEMO_HOSPITAL_BILLING: BillingSettingsInput = {
  ...DEMO_BILLING,
  provider: {
    ...DEMO_BILLING.provider,
    name: 'DEMO HOSPITAL',
    npi: '1999999927',
    taxonomy: '282N00000X',
    address: { line1: '2 SYNTHETIC AVENUE', city: 'TESTVILLE', state: 'NY', postalCode: '100010000' },
  },
  submitter: { ...DEMO_BILLING.submitter, id: 'DEMOHOSPITAL', name: 'DEMO HOSPITAL' },
};

/**
 * Generate the hospital department's clinic, create its practice, import its exports, release what the
 * audit left ready before the export day and send an 837I batch (technical lines, Z51.0 first-listed)
 * and an 837P batch (the -26 lines), each checked against its guide's usage. The CMS releases and the
 * ICD-10-CM codes are installation-wide: `loadDemoPractice` has imported them; this adds the practice's
 * own locality and payer settings. No remittances. Logins: an admin and a biller.
 */
export async function loadDemoHospital(ctx: AppContext): Promise<DemoPractice> {
  const { files, clinic } = await demoUploads(DEMO_HOSPITAL_CLINIC);
  const practiceId = await createPractice(ctx, {
    name: 'Demo Hospital Radiation Oncology (synthetic)',
    clinic,
    billing: DEMO_HOSPITAL_BILLING,
  });
  await demoReferenceSettings(ctx, practiceId);
  const imported = await importFiles(ctx, practiceId, files);
  const failed = imported.files.filter((f) => f.status === 'failed');
  if (failed.length) ctx.log.warn({ practiceId, failed: failed.length }, 'demo files failed to import');
  const through = new Date(ctx.now() - 86_400_000).toISOString().slice(0, 10);
  await releaseDemo(ctx, practiceId, through);
  for (const format of ['837I', '837P'] as const)
    await createClaimBatch(ctx, demoActor(practiceId, 'biller'), { format, period: 'week' }, 'demo set-up');

  for (const { role, email } of DEMO_HOSPITAL_LOGINS) {
    const displayName = `Demo hospital ${role}`;
    await createUser(ctx, {
      practiceId,
      email,
      password: DEMO_PASSWORD,
      displayName,
      role,
      physicianId: null,
    });
  }
  return { practiceId, logins: await demoLogins(ctx, DEMO_HOSPITAL_LOGINS) };
}
