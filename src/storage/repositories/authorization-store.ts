import { sql } from 'kysely';
import { authorizationKey } from '../../core/authorizations/authorization-number.js';
import type { Trx } from './course-store.js';

/** A prior authorization as the practice's export lists it (codes as `77412`, `77387-26`). */
export interface AuthorizationToSave {
  patientMrn: string;
  payer: string;
  number: string;
  codes: string[];
  fractionsAuthorized: number;
  obtainedOn: string;
  validFrom: string;
  validTo: string;
}

/**
 * Store authorizations by patient and number (a later export of the same number replaces it; numbers
 * compare trimmed and case-insensitively, `authorizationKey`, and the later text is kept). One for a
 * patient the practice has no course for is not stored (the import lists it as unlinked).
 */
export async function saveAuthorizations(
  trx: Trx,
  practiceId: string,
  authorizations: readonly AuthorizationToSave[],
): Promise<void> {
  if (!authorizations.length) return;
  const patients = await trx
    .selectFrom('patients')
    .select(['id', 'mrn'])
    .where('practice_id', '=', practiceId)
    .where('mrn', 'in', [...new Set(authorizations.map((a) => a.patientMrn))])
    .execute();
  const byMrn = new Map(patients.map((p) => [p.mrn, p.id]));
  for (const a of authorizations) {
    const patientId = byMrn.get(a.patientMrn);
    if (!patientId) continue;
    const row = {
      payer: a.payer,
      number: a.number.trim(),
      codes: a.codes.join(','),
      fractions_authorized: a.fractionsAuthorized,
      obtained_on: a.obtainedOn,
      valid_from: a.validFrom,
      valid_to: a.validTo,
    };
    const stored = await trx
      .selectFrom('authorizations')
      .select('id')
      .where('practice_id', '=', practiceId)
      .where('patient_id', '=', patientId)
      .where(sql<string>`upper(trim(number))`, '=', authorizationKey(a.number))
      .executeTakeFirst();
    if (stored) await trx.updateTable('authorizations').set(row).where('id', '=', stored.id).execute();
    else
      await trx
        .insertInto('authorizations')
        .values({ practice_id: practiceId, patient_id: patientId, ...row })
        .execute();
  }
}
