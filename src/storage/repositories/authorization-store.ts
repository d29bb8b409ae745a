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
 * Store authorizations by patient and number (a later export of the same number replaces it). One for a
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
    await trx
      .insertInto('authorizations')
      .values({
        practice_id: practiceId,
        patient_id: patientId,
        payer: a.payer,
        number: a.number,
        codes: a.codes.join(','),
        fractions_authorized: a.fractionsAuthorized,
        obtained_on: a.obtainedOn,
        valid_from: a.validFrom,
        valid_to: a.validTo,
      })
      .onConflict((oc) =>
        oc.columns(['practice_id', 'patient_id', 'number']).doUpdateSet((eb) => ({
          payer: eb.ref('excluded.payer'),
          codes: eb.ref('excluded.codes'),
          fractions_authorized: eb.ref('excluded.fractions_authorized'),
          obtained_on: eb.ref('excluded.obtained_on'),
          valid_from: eb.ref('excluded.valid_from'),
          valid_to: eb.ref('excluded.valid_to'),
        })),
      )
      .execute();
  }
}
