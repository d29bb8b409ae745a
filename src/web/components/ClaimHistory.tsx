import { useState } from 'react';
import type { ClaimBatchView, ClaimVersionKind } from '../../app/views.js';
import { api, ApiError, claimFileUrl, errorMessage } from '../api/client.js';
import { formatCents, formatInstant } from '../format.js';
import { useLoad } from '../hooks.js';
import { type Failure, FailureText, Loading, Notice, TableHead } from './ui.js';

const KIND_LABELS: Record<ClaimVersionKind, string> = {
  original: 'Original (CLM05-3 1)',
  replacement: 'Corrected claim (replacement, 7)',
  resubmission: 'New claim after an unprocessable return (1)',
  void: 'Void (8)',
  secondary: 'Secondary claim',
};

type Action = 'replace' | 'void' | 'secondary';
const ACTION_LABELS: Record<Action, string> = {
  replace: 'Send corrected claim',
  void: 'Void claim',
  secondary: 'Send secondary claim',
};

/**
 * One claim's history (`GET /api/claims/:number/history`): each version sent with its download, what the
 * payers' 835s said (CLP status, payer claim control number, paid; the classified lines), and, for
 * billers, "Send corrected claim", "Void claim" and "Send secondary claim", each after one confirmation.
 */
export function ClaimHistory({
  claimNumber,
  canSend,
  onSent,
}: {
  claimNumber: string;
  canSend: boolean;
  onSent: () => void;
}) {
  const history = useLoad((signal) => api.claimHistory(claimNumber, signal), claimNumber);
  const [confirming, setConfirming] = useState<Action | null>(null);
  const [payerClaim, setPayerClaim] = useState('');
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<ClaimBatchView | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const h = history.data;

  async function send(action: Action) {
    setBusy(true);
    setFailure(null);
    setSent(null);
    try {
      const batch =
        action === 'secondary'
          ? await api.sendSecondaryClaim(claimNumber)
          : await api.sendClaimVersion(claimNumber, {
              action,
              ...(payerClaim.trim() ? { payerClaimNumber: payerClaim.trim() } : {}),
            });
      setSent(batch);
      setConfirming(null);
      history.reload();
      onSent();
    } catch (e) {
      setFailure({
        message: errorMessage(e),
        issues: e instanceof ApiError ? e.issues.map((i) => `${i.location}: ${i.message}`) : [],
      });
    } finally {
      setBusy(false);
    }
  }

  if (!h) return history.error ? <Notice kind="error">{history.error}</Notice> : <Loading what="the claim" />;
  const actions = (
    [
      ['replace', h.canCorrect],
      ['void', h.canVoid],
      ['secondary', h.canSendSecondary],
    ] as const
  ).filter(([, ok]) => ok);
  return (
    <section aria-labelledby="claim-history-title" className="claim-history">
      <h3 id="claim-history-title">Claim {h.claimNumber}</h3>
      <p>
        {h.format}; payer claim control number (CLP07):{' '}
        {h.payerClaimNumber ? <code>{h.payerClaimNumber}</code> : 'no 835 has answered yet'}.
      </p>
      <div className="table-wrap">
        <table className="table">
          <caption>Versions sent</caption>
          <TableHead
            columns={['Sent', 'By', 'Version', 'To', 'REF*F8', { label: 'Billed', num: true }, 'File']}
          />
          <tbody>
            {h.versions.map((v) => (
              <tr key={v.id}>
                <td>
                  <time dateTime={v.createdAt}>{formatInstant(v.createdAt)}</time>
                </td>
                <td>{v.createdBy}</td>
                <td>{KIND_LABELS[v.kind]}</td>
                <td>{v.payer}</td>
                <td>{v.payerClaimNumber ?? '—'}</td>
                <td className="num">{formatCents(v.totalCents)}</td>
                <td>
                  {canSend ? (
                    <a href={claimFileUrl(v.batchId)} download>
                      Download <span className="visually-hidden">{KIND_LABELS[v.kind]}</span>
                    </a>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-wrap">
        <table className="table">
          <caption>What the payers said (835)</caption>
          <TableHead
            columns={[
              'Paid on',
              'Payer',
              'Line',
              'Code',
              'Category',
              'Reasons',
              { label: 'Billed', num: true },
              { label: 'Paid', num: true },
            ]}
          />
          <tbody>
            {h.remitLines.length === 0 ? (
              <tr>
                <td colSpan={8}>No remittance answers this claim yet.</td>
              </tr>
            ) : (
              h.remitLines.map((l) => (
                <tr key={l.id}>
                  <td>{l.paymentDate ?? '—'}</td>
                  <td>{l.payer ?? '—'}</td>
                  <td>{l.line}</td>
                  <td>{l.code}</td>
                  <td>{l.category}</td>
                  <td>{l.carcs.join(', ') || '—'}</td>
                  <td className="num">{formatCents(l.billedCents)}</td>
                  <td className="num">{formatCents(l.paidCents)}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      {h.correctionNote ? <p className="correction-note">{h.correctionNote}</p> : null}
      {canSend && actions.length ? (
        <div className="claim-actions">
          {confirming ? (
            <div role="group" aria-label="Confirm">
              <p>
                {confirming === 'secondary'
                  ? `Send claim ${h.claimNumber} to the patient's secondary payer with the primary's adjudication?`
                  : `${confirming === 'replace' ? 'Send a corrected claim (replacement)' : 'Void'} claim ${h.claimNumber} with the payer's claim control number?`}
              </p>
              {confirming !== 'secondary' && !h.payerClaimNumber ? (
                <div className="field">
                  <label htmlFor="payer-claim-number">Payer claim control number (CLP07)</label>
                  <input
                    id="payer-claim-number"
                    value={payerClaim}
                    onChange={(e) => setPayerClaim(e.target.value)}
                  />
                </div>
              ) : null}
              <button type="button" disabled={busy} onClick={() => void send(confirming)}>
                {busy ? 'Sending…' : `Confirm: ${ACTION_LABELS[confirming].toLowerCase()}`}
              </button>{' '}
              <button type="button" className="secondary" disabled={busy} onClick={() => setConfirming(null)}>
                Cancel
              </button>
            </div>
          ) : (
            actions.map(([action]) => (
              <button
                key={action}
                type="button"
                className={action === 'void' ? 'secondary' : undefined}
                onClick={() => {
                  setSent(null);
                  setFailure(null);
                  setConfirming(action);
                }}
              >
                {ACTION_LABELS[action]}
              </button>
            ))
          )}
        </div>
      ) : null}
      <Notice kind="error">{failure ? <FailureText failure={failure} /> : null}</Notice>
      <Notice kind="success">
        {sent ? (
          <>
            {KIND_LABELS[sent.kind === 'claims' ? 'original' : sent.kind]} sent: interchange{' '}
            {sent.interchangeControlNumber}, {formatCents(sent.totalCents)}.{' '}
            <a href={claimFileUrl(sent.id)} download>
              Download the file
            </a>
          </>
        ) : null}
      </Notice>
    </section>
  );
}
