import type { LetterClaim } from '../../core/letters/assemble-letter.js';
import { IGRT_CHECKED_CODES, type IgrtReferenceData } from '../../core/letters/igrt-reference.js';
import { mpfsData } from '../../core/rates/mpfs-payment.js';
import type { Db } from '../../storage/database.js';
import { loadEditTables, pfsRvu, referenceRelease, releasesOf } from '../reference/reference-store.js';

/**
 * The stored CMS reference data a 77387 line's letter states (core/letters/igrt-reference.ts): every MPFS
 * release with its 77387 rows, and every practitioner NCCI release that holds a PTP table (one with an
 * MUE file only says nothing of pairs) with its pairs among 77387 and the codes checked. Null for any
 * other line; the core picks the releases in force on the date of service.
 */
export async function igrtReferenceData(
  db: Db,
  claim: LetterClaim | null,
): Promise<IgrtReferenceData | null> {
  if (claim?.code !== '77387') return null;
  const codes = ['77387', ...IGRT_CHECKED_CODES.delivery, ...IGRT_CHECKED_CODES.planning];
  const [mpfsReleases, rvus, ncci] = await Promise.all([
    releasesOf(db, 'mpfs'),
    db.selectFrom('cms_rvus').selectAll().where('hcpcs', '=', '77387').execute(),
    loadEditTables(db, 'practitioner', codes),
  ]);
  const withPtp = await Promise.all(
    ncci.map((t) =>
      db
        .selectFrom('cms_ptp_edits')
        .select('release_id')
        .where('release_id', '=', t.release.id)
        .limit(1)
        .executeTakeFirst(),
    ),
  );
  return {
    mpfs: mpfsReleases.map((r) =>
      mpfsData(referenceRelease(r), rvus.filter((v) => v.release_id === r.id).map(pfsRvu), []),
    ),
    ncci: ncci.filter((_, i) => withPtp[i] !== undefined),
  };
}
