import type { InputProblem } from '../../core/model/input-problem.js';
import type { Remittance } from '../../core/model/remittance.js';
import type { Db } from '../../storage/database.js';
import type { ExportRecords } from '../import/export-records.js';

/**
 * A payment is identified by its payer and its TRN02 check/EFT trace number (X12 835 005010X221A1, TRN
 * segment): the same payment in a second file with different bytes (re-sent, re-enveloped) is counted
 * once by the remittance analysis (store-remit-lines). This tells the user so, per file: one warning for
 * each payment already imported (earlier upload, or an earlier file of the same batch).
 */
export function paymentKey(r: Remittance): string | null {
  return r.traceNumber ? `${r.payer.id ?? r.payer.name ?? ''}|${r.traceNumber}` : null;
}

export async function repeatedPayments(
  db: Db,
  practiceId: string,
  files: readonly { name: string; content: ExportRecords }[],
): Promise<Map<string, InputProblem[]>> {
  const found = new Map<string, InputProblem[]>();
  if (!files.some((f) => f.content.remittances.length)) return found;
  const earlier = await db
    .selectFrom('imports')
    .select(['file_name', 'content'])
    .where('practice_id', '=', practiceId)
    .where('format', '=', 'x12-835')
    .orderBy('id')
    .execute();
  const seen = new Map<string, string>();
  const note = (name: string, content: ExportRecords, report: boolean) => {
    for (const { remittance } of content.remittances) {
      const key = paymentKey(remittance);
      if (key === null) continue;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, name);
      else if (report) {
        const list = found.get(name) ?? [];
        list.push({
          location: `${name}: TRN ${remittance.traceNumber}`,
          message: `this payment (payer ${remittance.payer.id ?? 'without id'}) was already imported from ${first}; its lines count once`,
        });
        found.set(name, list);
      }
    }
  };
  for (const row of earlier) note(row.file_name, row.content as ExportRecords, false);
  for (const f of files) note(f.name, f.content, true);
  return found;
}
