import { dollars } from '../../core/letters/assemble-letter.js';
import { refusedClaimsReason } from '../../core/remit/balance-835.js';
import type { Selectable } from 'kysely';
import type { RemitPaymentsTable } from '../../storage/schema.js';
import type { AppContext, Actor } from '../app-context.js';
import type { Page, RemitPaymentQuery, RemitPaymentView } from '../views.js';
import { providerAdjustmentMeaning } from './provider-adjustment-reasons.js';

/** A stored PLB entry (store-remit-lines.ts writes them). */
export interface StoredProviderAdjustment {
  reason: string;
  reference: string | null;
  amountCents: number;
}

/**
 * `GET /api/remittances/payments`: the practice's 835 payments, newest first, each with its provider-level
 * adjustments (PLB) and whether BPR02 = Σ CLP04 − Σ PLB (005010X221A1). No patient data: not logged as
 * an access.
 */
export async function listRemitPayments(
  ctx: AppContext,
  actor: Actor,
  q: RemitPaymentQuery,
): Promise<Page<RemitPaymentView>> {
  const base = ctx.db
    .selectFrom('remit_payments')
    .where('practice_id', '=', actor.practiceId)
    .$if(q.payer !== undefined, (s) => s.where('payer', '=', q.payer!))
    .$if(q.unbalanced === true, (s) => s.where('balanced', '=', false));
  const [rows, total] = await Promise.all([
    base
      .selectAll()
      .orderBy('payment_date', 'desc')
      .orderBy('payer')
      .orderBy('trace_number')
      .orderBy('id')
      .limit(Math.min(Math.max(q.limit ?? 50, 1), 500))
      .offset(Math.max(q.offset ?? 0, 0))
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => paymentView(r)),
    total: Number(total.n),
  };
}

/** A stored payment as the API shows it, the difference explained as the CLI explains it. */
function paymentView(r: Selectable<RemitPaymentsTable>): RemitPaymentView {
  const balance = {
    paidCents: Number(r.paid_cents),
    claimsPaidCents: Number(r.claims_paid_cents),
    providerAdjustmentCents: Number(r.provider_adjustment_cents),
    differenceCents: Number(r.difference_cents),
    refusedClaims: r.refused_claims as RemitPaymentView['refusedClaims'],
  };
  return {
    id: r.id,
    payer: r.payer,
    payerId: r.payer_id,
    traceNumber: r.trace_number,
    paymentDate: r.payment_date,
    ...balance,
    providerAdjustments: (r.provider_adjustments as StoredProviderAdjustment[]).map((a) => ({
      ...a,
      meaning: providerAdjustmentMeaning(a.reason),
    })),
    balanced: r.balanced,
    claims: r.claims,
    differenceReason: refusedClaimsReason(balance, dollars),
  };
}
