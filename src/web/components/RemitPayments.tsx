/**
 * The Remittances page's payments: each 835 payment (BPR/TRN) with its provider-level adjustments (PLB:
 * interest, recoupments, forward balances…) and whether it reconciles, BPR02 = Σ CLP04 − Σ PLB.
 */
import { useState } from 'react';
import type { RemitPaymentView } from '../../app/views.js';
import { api } from '../api/client.js';
import { formatCents, formatCount, formatDate, formatInt } from '../format.js';
import { useLoad } from '../hooks.js';
import { Loading, Notice, Pagination, TableHead } from './ui.js';

const PAGE_SIZE = 20;

export function PaymentsSection({ payer }: { payer: string }) {
  const [offset, setOffset] = useState(0);
  const q = { ...(payer ? { payer } : {}), limit: PAGE_SIZE, offset };
  const payments = useLoad((signal) => api.remitPayments(q, signal), JSON.stringify(q));
  const page = payments.data;
  return (
    <section aria-labelledby="payments-title">
      <h2 id="payments-title">Payments</h2>
      <Notice kind="error">{payments.error}</Notice>
      {payments.loading && !page ? <Loading what="the payments" /> : null}
      {page && page.total === 0 ? <p>No payment{payer ? ` from ${payer}` : ''}.</p> : null}
      {page && page.total > 0 ? (
        <div className="table-wrap" aria-busy={payments.loading}>
          <table className="table compact">
            <caption className="visually-hidden">
              Payments{payer ? ` from ${payer}` : ''} with their provider-level adjustments,{' '}
              {formatInt(page.total)} payments
            </caption>
            <TableHead
              columns={[
                'Payer and trace number',
                'Paid on',
                { label: 'Claims paid (Σ CLP04)', num: true },
                'Provider-level adjustments (PLB)',
                { label: 'Payment (BPR02)', num: true },
                'Reconciliation',
              ]}
            />
            <tbody>
              {page.items.map((p) => (
                <PaymentRow key={p.id} payment={p} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {page && page.total > PAGE_SIZE ? (
        <Pagination
          label="Payments"
          total={page.total}
          limit={PAGE_SIZE}
          offset={offset}
          onChange={setOffset}
        />
      ) : null}
    </section>
  );
}

function PaymentRow({ payment: p }: { payment: RemitPaymentView }) {
  return (
    <tr>
      <td>
        {p.payer ?? 'Unknown payer'}
        <span className="sub nowrap">TRN {p.traceNumber ?? '—'}</span>
      </td>
      <td className="nowrap">{formatDate(p.paymentDate)}</td>
      <td className="num">
        {formatCents(p.claimsPaidCents)}
        <span className="sub">{formatCount(p.claims, 'claim')}</span>
      </td>
      <td>
        {p.providerAdjustments.length === 0
          ? 'None'
          : p.providerAdjustments.map((a, i) => (
              <span key={i} className="sub">
                <span className="rule-id">{a.reason}</span>
                {a.meaning ?? 'adjustment'}: {a.amountCents < 0 ? 'adds' : 'withholds'}{' '}
                {formatCents(Math.abs(a.amountCents))}
                {a.reference ? ` (ref. ${a.reference})` : ''}
              </span>
            ))}
      </td>
      <td className="num">{formatCents(p.paidCents)}</td>
      <td>
        {p.balanced ? (
          <span className="badge badge-ready">Balanced</span>
        ) : (
          <span className="badge badge-hold">Off by {formatCents(p.differenceCents)}</span>
        )}
        <span className="sub">
          {formatCents(p.claimsPaidCents)} {p.providerAdjustmentCents < 0 ? '+' : '−'}{' '}
          {formatCents(Math.abs(p.providerAdjustmentCents))} {p.balanced ? '=' : '≠'}{' '}
          {formatCents(p.paidCents)}
        </span>
        {p.differenceReason !== null && <span className="sub">Because {p.differenceReason}</span>}
      </td>
    </tr>
  );
}
