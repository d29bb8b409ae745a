import { randomUUID } from 'node:crypto';
import type { ChargeChange } from './charge-diff.js';
import { copyRows } from '../copy-rows.js';
import type { Trx } from './course-store.js';

export type { ChargeChange };

/** Write charge inserts and status moves, each with its history row. */
export async function applyChargeChanges(
  trx: Trx,
  practiceId: string,
  changes: readonly ChargeChange[],
  at: string,
  actor: string,
): Promise<void> {
  const history: { charge_id: string; status: string; reason: string | null; actor: string; at: string }[] =
    [];
  const inserts = changes.flatMap((c) => {
    if (c.kind !== 'insert') return [];
    const id = randomUUID();
    history.push({ charge_id: id, status: c.charge.status, reason: c.charge.reason, actor, at });
    return [
      {
        id,
        practice_id: practiceId,
        fraction_id: c.charge.fractionId,
        code: c.charge.code,
        modifiers: c.charge.modifiers,
        units: c.charge.units,
        expected_cents: c.charge.expectedCents,
        status: c.charge.status,
        reason: c.charge.reason,
        updated_at: at,
      },
    ];
  });
  await copyRows(trx, 'charges', inserts);
  for (const c of changes) {
    if (c.kind === 'insert') continue;
    await trx
      .updateTable('charges')
      .set({
        status: c.status,
        reason: c.reason,
        updated_at: at,
        ...(c.units !== undefined ? { units: c.units, expected_cents: c.expectedCents ?? null } : {}),
      })
      .where('id', '=', c.id)
      .where('practice_id', '=', practiceId)
      .execute();
    if (c.statusChanged) history.push({ charge_id: c.id, status: c.status, reason: c.reason, actor, at });
  }
  await copyRows(trx, 'charge_status_history', history);
}
