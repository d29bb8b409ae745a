import type { Remittance, RemitClaim } from '../../core/model/remittance.js';
import { pairReversals } from '../../core/remit/pair-reversals.js';
import type { Db } from '../../storage/database.js';
import type { Trx } from '../../storage/repositories/course-store.js';

/** One answer of a payer to a claim: the 835's CLP loop with its payment's payer and date. */
export interface PayerAnswer {
  payer: Remittance['payer'];
  paymentDate: string | null;
  claim: RemitClaim;
  /** When its 835 was imported (an instant, ISO 8601); absent in answers not read from the database. */
  importedAt?: string;
}

/**
 * What the stored 835s said to a claim number (CLP01), in import order: each CLP loop with its payer and
 * payment date. The payer's claim control number (CLP07), the claim- and line-level adjustments and
 * what was paid are read here from the remittances as imported (005010X221A1 loops 2100/2110), not from
 * the classified remit lines.
 */
export async function storedPayerAnswers(
  db: Db | Trx,
  practiceId: string,
  claimNumber: string,
): Promise<PayerAnswer[]> {
  const rows = await db
    .selectFrom('remit_claims as rc')
    .innerJoin('remittances as r', (j) =>
      j.onRef('r.import_id', '=', 'rc.import_id').onRef('r.payment_no', '=', 'rc.payment_no'),
    )
    .innerJoin('imports as i', 'i.id', 'rc.import_id')
    .select(['r.remittance', 'rc.claim', 'i.imported_at'])
    .where('rc.practice_id', '=', practiceId)
    .where('rc.pcn', '=', claimNumber)
    .orderBy('i.imported_at')
    .orderBy('i.id')
    .orderBy('rc.payment_no')
    .orderBy('rc.claim_no')
    .execute();
  const answers: PayerAnswer[] = rows.map((row) => {
    const remittance = row.remittance as Omit<Remittance, 'claims'>;
    return {
      payer: remittance.payer,
      paymentDate: remittance.paymentDate,
      claim: row.claim as RemitClaim,
      importedAt: new Date(row.imported_at).toISOString(),
    };
  });
  return answers;
}

/** CLP02 of a later payer's answer: 2/3 processed as secondary/tertiary, 20/21 and forwarded [835 TR3 2100 CLP02]. */
export const LATER_PAYER_STATUSES: ReadonlySet<string> = new Set(['2', '3', '20', '21']);

/**
 * The primary's last answer that stands: the latest CLP that is neither a reversal (CLP02 22) nor a
 * later payer's answer (CLP02 2/3/20/21) [835 TR3 2100 CLP02]; its CLP07 is what REF*F8 of a replacement
 * or void carries.
 */
export function standingAnswer(answers: readonly PayerAnswer[]): PayerAnswer | null {
  return (
    [...answers]
      .reverse()
      .find((a) => a.claim.status !== '22' && !LATER_PAYER_STATUSES.has(a.claim.status)) ?? null
  );
}

/**
 * The primary payer's adjudication a secondary claim carries (837 TR3 2320/2330/2430): the latest answer
 * processed as primary (CLP02 1, or 19 processed as primary and forwarded) that no reversal (CLP02 22)
 * took back (`pairReversals`) — never a later payer's answer (2/3/20/21).
 */
export function primaryAnswer(answers: readonly PayerAnswer[]): PayerAnswer | null {
  const reversals = pairReversals(
    answers.map((a, i) => ({
      id: String(i),
      payerKey: a.payer.id ?? a.payer.name ?? '',
      payerName: a.payer.name,
      paymentDate: a.paymentDate,
      source: a.claim.location,
      claim: a.claim,
    })),
  );
  const standing = answers.filter(
    (a, i) => ['1', '19'].includes(a.claim.status) && reversals.get(String(i))?.role !== 'reversed',
  );
  return standing.at(-1) ?? null;
}
