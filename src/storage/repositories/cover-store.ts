import type { CoverDesignation } from '../../core/audit/signer-capacity.js';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/**
 * The practice's covering physicians as the audit reads them (a course by its chart course id). One small
 * query per audit: designations are few per practice.
 */
export async function practiceCovers(trx: Kysely<Database>, practiceId: string): Promise<CoverDesignation[]> {
  const rows = await trx
    .selectFrom('cover_designations as d')
    .leftJoin('courses as c', 'c.id', 'd.course_id')
    .select([
      'd.covering_physician_id',
      'd.scope',
      'c.course_key',
      'd.for_physician_id',
      'd.from_date',
      'd.to_date',
    ])
    .where('d.practice_id', '=', practiceId)
    .execute();
  return rows.flatMap((r): CoverDesignation[] =>
    r.scope === 'course'
      ? r.course_key
        ? [{ coveringPhysicianId: r.covering_physician_id, scope: 'course', courseId: r.course_key }]
        : []
      : r.for_physician_id && r.from_date && r.to_date
        ? [
            {
              coveringPhysicianId: r.covering_physician_id,
              scope: 'dates',
              forPhysicianId: r.for_physician_id,
              from: r.from_date,
              to: r.to_date,
            },
          ]
        : [],
  );
}
