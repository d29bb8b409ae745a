import type { Db } from '../../storage/database.js';

/** `%text%` for ILIKE: any part of the text, its own `%`, `_` and `\` taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The words of a search (split at white space): each must match, in any order, so "ada mockrecord" and
 * "mockrecord ada" find the same patient.
 */
export function searchWords(search: string): string[] {
  return search.split(/\s+/).filter(Boolean);
}

/**
 * The ids of the practice's patients whose name or MRN contains each word of `search` (any part, any
 * case, any order). Each column has a trigram index (migrations/0027-list-search-indexes.ts; PostgreSQL
 * manual F.35 pg_trgm: `ILIKE '%…%'` of three or more characters is an index search), so each word is
 * read as a bitmap OR of the two and the words as a bitmap AND, instead of every patient row.
 */
export function searchedPatients(db: Db, practiceId: string, search: string) {
  return db
    .selectFrom('patients as sp')
    .select('sp.id')
    .where('sp.practice_id', '=', practiceId)
    .where((w) =>
      w.and(
        searchWords(search).map((word) => {
          const pattern = containsPattern(word);
          return w.or([w('sp.name', 'ilike', pattern), w('sp.mrn', 'ilike', pattern)]);
        }),
      ),
    );
}
