import type { Db } from '../../storage/database.js';

/** `%text%` for ILIKE: any part of the text, its own `%`, `_` and `\` taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The ids of the practice's patients whose name or MRN contains `search` (any part, any case). Each
 * column has a trigram index (migrations/0027-list-search-indexes.ts; PostgreSQL manual F.35 pg_trgm:
 * `ILIKE '%…%'` of three or more characters is an index search), so the two are read as a bitmap OR
 * instead of every patient row.
 */
export function searchedPatients(db: Db, practiceId: string, search: string) {
  const pattern = containsPattern(search);
  return db
    .selectFrom('patients as sp')
    .select('sp.id')
    .where('sp.practice_id', '=', practiceId)
    .where((w) => w.or([w('sp.name', 'ilike', pattern), w('sp.mrn', 'ilike', pattern)]));
}
