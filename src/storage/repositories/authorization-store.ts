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
 * Store authorizations by patient (MRN as exported) and number (a later export of the same number
 * replaces it; numbers compare trimmed and case-insensitively, `authorizationKey`, and the later text is
 * kept). One for a patient the practice has no course for is stored too, without `patient_id` (the
 * import lists its record as unlinked): the payer's 835 still names it (REF*G1), and the patient's id is
 * filled in when a later import links that patient.
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
    const row = {
      patient_id: byMrn.get(a.patientMrn) ?? null,
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
      .where('patient_mrn', '=', a.patientMrn)
      .where(sql<string>`upper(trim(number))`, '=', authorizationKey(a.number))
      .executeTakeFirst();
    if (stored) await trx.updateTable('authorizations').set(row).where('id', '=', stored.id).execute();
    else
      await trx
        .insertInto('authorizations')
        .values({ practice_id: practiceId, patient_mrn: a.patientMrn, ...row })
        .execute();
  }
}

/** An authorization on file as the remittance analysis weighs it (`KnownAuthorization`'s fields). */
export interface AuthorizationOnFile {
  number: string;
  obtainedOn: string | null;
  validFrom: string | null;
  validTo: string | null;
}

/**
 * The practice's authorizations on file with the given numbers, by `authorizationKey`: what a claim's
 * REF*G1 names when no linked course lists it (one for a patient without a course yet). The latest
 * obtained wins when two patients' exports share a number.
 */
export async function authorizationsByNumber(
  trx: Trx,
  practiceId: string,
  numbers: readonly string[],
): Promise<Map<string, AuthorizationOnFile>> {
  const keys = [...new Set(numbers.map(authorizationKey))].filter(Boolean);
  const out = new Map<string, AuthorizationOnFile>();
  if (!keys.length) return out;
  const rows = await trx
    .selectFrom('authorizations')
    .select(['number', 'obtained_on', 'valid_from', 'valid_to'])
    .where('practice_id', '=', practiceId)
    .where(sql<string>`upper(trim(number))`, 'in', keys)
    .orderBy('obtained_on')
    .execute();
  for (const r of rows)
    out.set(authorizationKey(r.number), {
      number: r.number,
      obtainedOn: r.obtained_on,
      validFrom: r.valid_from,
      validTo: r.valid_to,
    });
  return out;
}
