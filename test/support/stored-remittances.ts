import { randomUUID } from 'node:crypto';
import type { Remittance } from '../../src/core/model/remittance.js';
import type { AppContext } from '../../src/app/app-context.js';
import { emptyRecords } from '../../src/app/read/export-records.js';
import { storeRemitLines } from '../../src/app/remit/store-remit-lines.js';
import { storeRemittances } from '../../src/app/remit/remittance-store.js';
import type { Trx } from '../../src/storage/repositories/course-store.js';

/**
 * The practice's remittances replaced by these (one stored 835 file per source, as an import keeps
 * them) and all its lines classified again: the remittance tests' shortcut past reading 835 files.
 */
export async function replaceRemittances(
  ctx: AppContext,
  trx: Trx,
  practiceId: string,
  remittances: readonly { source: string; remittance: Remittance }[],
  placeOfService: string,
): Promise<number> {
  await trx.deleteFrom('remittances').where('practice_id', '=', practiceId).execute();
  const files = [...new Set(remittances.map((r) => r.source))];
  const stored = [];
  for (const name of files) {
    const { id } = await trx
      .insertInto('imports')
      .values({
        practice_id: practiceId,
        file_hash: randomUUID(),
        file_name: name,
        format: 'x12-835',
        status: 'imported',
        records: 0,
        problems: '[]',
        imported_at: new Date(ctx.now()).toISOString(),
        by_patient: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const content = emptyRecords();
    content.remittances = remittances.filter((r) => r.source === name);
    stored.push({ importId: id, content });
  }
  await storeRemittances(trx, practiceId, stored);
  return storeRemitLines(ctx, trx, practiceId, 'practice', placeOfService);
}
