import { clinicSchema } from '../../core/model/clinic.js';
import type { Db } from '../../storage/database.js';
import type { Trx } from '../../storage/repositories/course-store.js';

/**
 * The practice's place of service, from its clinic settings (clinic.json `facility.placeOfService`,
 * checked when the practice is created): 11 freestanding office (MPFS), 19/22 hospital outpatient
 * (OPPS). '11' where the stored settings do not parse, as remit-settings.ts assumes.
 */
export async function practicePlaceOfService(db: Db | Trx, practiceId: string): Promise<string> {
  const practice = await db
    .selectFrom('practices')
    .select('clinic')
    .where('id', '=', practiceId)
    .executeTakeFirstOrThrow();
  return clinicSchema.safeParse(practice.clinic).data?.facility.placeOfService ?? '11';
}
