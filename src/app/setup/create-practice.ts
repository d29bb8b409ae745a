import { randomUUID } from 'node:crypto';
import { type Clinic, clinicSchema } from '../../core/model/clinic.js';
import type { AppContext } from '../app-context.js';
import { AppError } from '../app-errors.js';
import { parseBillingSettings } from '../claims/billing-settings.js';

/**
 * A new practice with its site settings (the clinic.json of schema/clinic.schema.json: facility zone,
 * place of service, AlignRT report date order, R&V CSV layout), which every import into it uses unless
 * the batch brings its own clinic.json; optionally its billing settings (the claims' billing provider,
 * submitter, receiver and payers: src/app/claims/billing-settings.ts).
 */
export async function createPractice(
  ctx: AppContext,
  input: { name: string; clinic: unknown; billing?: unknown },
): Promise<string> {
  const parsed = clinicSchema.safeParse(input.clinic);
  if (!parsed.success) {
    throw new AppError(
      'invalid_input',
      'the practice settings are not a valid clinic.json',
      parsed.error.issues.map((i) => ({ location: `clinic.${i.path.join('.')}`, message: i.message })),
    );
  }
  const clinic: Clinic = parsed.data;
  const billing = input.billing === undefined ? null : JSON.stringify(parseBillingSettings(input.billing));
  const id = randomUUID();
  await ctx.db
    .insertInto('practices')
    .values({ id, name: input.name, clinic: JSON.stringify(clinic), billing })
    .execute();
  return id;
}
