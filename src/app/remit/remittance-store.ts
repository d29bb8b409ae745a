import { authorizationKey } from '../../core/authorizations/authorization-number.js';
import type { RemitClaim, Remittance } from '../../core/model/remittance.js';
import type { Trx } from '../../storage/repositories/course-store.js';
import { chunks } from '../../storage/repositories/insert-chunks.js';
import type { ExportRecords } from '../read/export-records.js';
import { paymentContent, paymentKey } from './repeated-payments.js';

/** A stored 835 claim with its payment, in import order (file, payment, claim). */
export interface StoredClaim {
  importId: string;
  paymentNo: number;
  claimNo: number;
  source: string;
  /** The payment without its claims. */
  remittance: Omit<Remittance, 'claims'>;
  claim: RemitClaim;
}

/**
 * Keep each new 835's payments (`remittances`) and claims (`remit_claims`) once, inside the import's
 * transaction. A payment whose payer and trace number (`paymentKey`) were imported before, or earlier in
 * the batch, is kept but not counted: its lines count once (repeated-payments.ts warns).
 */
export async function storeRemittances(
  trx: Trx,
  practiceId: string,
  files: readonly { importId: string; content: ExportRecords }[],
): Promise<void> {
  const payments = files.flatMap(({ importId, content }) =>
    content.remittances.map(({ source, remittance }, paymentNo) => ({
      importId,
      paymentNo,
      source,
      remittance,
      key: paymentKey(remittance),
    })),
  );
  if (!payments.length) return;
  const keys = [...new Set(payments.flatMap((p) => (p.key === null ? [] : [p.key])))];
  const counted = new Set(
    keys.length
      ? (
          await trx
            .selectFrom('remittances')
            .select('payment_key')
            .where('practice_id', '=', practiceId)
            .where('payment_key', 'in', keys)
            .where('counted', '=', true)
            .execute()
        ).map((r) => r.payment_key)
      : [],
  );
  const rows = payments.map(({ importId, paymentNo, source, remittance, key }) => {
    const first = key === null || !counted.has(key);
    if (key !== null) counted.add(key);
    const { claims: _claims, ...payment } = remittance;
    return {
      practice_id: practiceId,
      import_id: importId,
      payment_no: paymentNo,
      source,
      payment_key: key,
      content_key: paymentContent(remittance),
      counted: first,
      remittance: JSON.stringify(payment),
    };
  });
  for (const chunk of chunks(rows)) await trx.insertInto('remittances').values(chunk).execute();
  const claims = payments.flatMap(({ importId, paymentNo, remittance }) =>
    remittance.claims.map((claim, claimNo) => ({
      practice_id: practiceId,
      import_id: importId,
      payment_no: paymentNo,
      claim_no: claimNo,
      pcn: claim.patientControlNumber,
      control_number: claim.payerClaimControlNumber,
      authorization_key: claim.priorAuthorization ? authorizationKey(claim.priorAuthorization) || null : null,
      course_keys: courseKeysOf(claim.patientControlNumber),
      claim: JSON.stringify(claim),
    })),
  );
  for (const chunk of chunks(claims, (c) => c.claim.length))
    await trx.insertInto('remit_claims').values(chunk).execute();
}

/** `C-5001-202603` → `C-5001-202603`, `C-5001`, `C`: the course ids a claim number may start with. */
export function courseKeysOf(pcn: string): string[] {
  const parts = pcn.split('-');
  return parts.map((_, i) => parts.slice(0, parts.length - i).join('-'));
}
