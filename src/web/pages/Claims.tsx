import { useState } from 'react';
import type { ClaimBatchResult, ClaimFormat, ClaimPreviewView } from '../../app/views.js';
import { api, ApiError, claimFileUrl, errorMessage } from '../api/client.js';
import { useAuth } from '../auth.js';
import {
  DataTable,
  Empty,
  type Failure,
  FailureText,
  ListTable,
  Loading,
  Notice,
  PageHeader,
} from '../components/ui.js';
import { formatCents, formatCount, formatInstant, formatInt } from '../format.js';
import { useLoad, useTitle } from '../hooks.js';
import { ClaimHistory } from '../components/ClaimHistory.js';
import { Link, setQuery, useLocation } from '../router.js';

const FORMAT_LABELS: Record<ClaimFormat, string> = {
  '837P': '837P professional',
  '837I': '837I institutional',
};

/** What was left out of the claims, with the reason (charge ids only). */
function Unbilled({ items }: { items: ClaimPreviewView['unbilled'] }) {
  if (!items.length) return null;
  return (
    <details className="unbilled">
      <summary>{formatCount(items.length, 'released charge')} not billed</summary>
      <ul>
        {items.map((u) => (
          <li key={`${u.chargeId}-${u.ruleId}`}>
            Charge <code>{u.chargeId}</code>
            {u.ruleId ? ` (${u.ruleId})` : ''}: {u.reason}
          </li>
        ))}
      </ul>
    </details>
  );
}

/**
 * Claims (`/claims`): released charges not sent yet per format and payer, a button per format that
 * creates the 837 batch, the result (claims, lines, total, what was not billed and why, diagnosis
 * warnings, the download), the claims sent with one claim's history and its corrected, void and
 * secondary claims (`?claim=`), and the batch history.
 */
export function ClaimsPage() {
  useTitle('Claims');
  const { can } = useAuth();
  const preview = useLoad((signal) => api.claimPreview(signal), 'preview');
  const batches = useLoad((signal) => api.claimBatches({ limit: 50 }, signal), 'batches');
  const [busy, setBusy] = useState<ClaimFormat | null>(null);
  const [result, setResult] = useState<ClaimBatchResult | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const { query } = useLocation();
  const selected = query.get('claim');
  const [search, setSearch] = useState('');
  const claims = useLoad(
    (signal) => api.claims({ q: search.trim() || undefined, limit: 20 }, signal),
    `claims-${search.trim()}`,
  );

  if (!can.claims) {
    return (
      <>
        <PageHeader title="Claims" />
        <p>Claims are for billers, coders and administrators.</p>
      </>
    );
  }

  async function create(format: ClaimFormat) {
    setBusy(format);
    setFailure(null);
    setResult(null);
    try {
      setResult(await api.createClaimBatch({ format }));
      preview.reload();
      batches.reload();
    } catch (e) {
      setFailure({
        message: errorMessage(e),
        issues: e instanceof ApiError ? e.issues.map((i) => `${i.location}: ${i.message}`) : [],
      });
    } finally {
      setBusy(null);
    }
  }

  const rows = preview.data?.rows ?? [];
  return (
    <>
      <PageHeader title="Claims">
        {can.sendClaims
          ? (['837P', '837I'] as const).map((format) => (
              <button
                key={format}
                type="button"
                disabled={busy !== null || !rows.some((r) => r.format === format)}
                onClick={() => void create(format)}
              >
                {busy === format ? `Creating ${format} batch…` : `Create ${format} batch`}
              </button>
            ))
          : null}
      </PageHeader>
      <p className="lead">
        Released charges not sent yet, one claim per patient, payer and billing period. A charge goes out once
        per format; the batch's file is kept for download.
      </p>
      <Notice kind="error">
        {failure ? <FailureText failure={failure} /> : (preview.error ?? batches.error)}
      </Notice>
      <Notice kind="success">
        {result?.batch ? (
          <>
            {result.batch.format} batch created: {formatCount(result.batch.claims, 'claim')},{' '}
            {formatCount(result.batch.lines, 'line')}, {formatCents(result.batch.totalCents)}.{' '}
            {can.sendClaims ? (
              <a href={claimFileUrl(result.batch.id)} download>
                Download the {result.batch.format} file
              </a>
            ) : null}
          </>
        ) : result ? (
          'Nothing left to bill in that format: no batch was created.'
        ) : null}
      </Notice>
      {result?.warnings.length ? (
        <Notice kind="info">
          Diagnosis warnings:
          <ul>
            {result.warnings.map((w) => (
              <li key={`${w.location}-${w.message}`}>
                {w.location}: {w.message}
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}
      {result ? <Unbilled items={result.unbilled} /> : null}

      <section aria-labelledby="ready-title">
        <h2 id="ready-title">Ready to bill</h2>
        {preview.data && !preview.data.settingsComplete ? (
          <p className="notice notice-info">
            The practice's billing settings are incomplete: batches are refused until an administrator adds
            them
            {can.settings ? (
              <>
                {' '}
                on the <Link to="/settings">Settings page</Link>
              </>
            ) : null}
            .
          </p>
        ) : null}
        {preview.loading && !preview.data ? <Loading what="the charges ready to bill" /> : null}
        {preview.data && rows.length === 0 ? (
          <Empty title="Nothing to bill">Release charges on the worklist; they appear here.</Empty>
        ) : null}
        {rows.length > 0 ? (
          <DataTable
            busy={preview.loading}
            caption="Released charges not sent yet, by format and payer"
            columns={[
              'Format',
              'Payer profile',
              { label: 'Claims', num: true },
              { label: 'Lines', num: true },
              { label: 'Billed', num: true },
            ]}
          >
            {rows.map((r) => (
              <tr key={`${r.format}-${r.payer}`}>
                <td>{FORMAT_LABELS[r.format]}</td>
                <td>{r.payer}</td>
                <td className="num">{formatInt(r.claims)}</td>
                <td className="num">{formatInt(r.lines)}</td>
                <td className="num">{formatCents(r.totalCents)}</td>
              </tr>
            ))}
          </DataTable>
        ) : null}
        {preview.data && !result ? <Unbilled items={preview.data.unbilled} /> : null}
      </section>

      <section aria-labelledby="claims-title">
        <h2 id="claims-title">Claims sent</h2>
        <p>
          Open a claim for its history (each version and what the payer said) and to send a corrected claim, a
          void or the secondary claim. A remittance line opens here by its claim number.
        </p>
        <div className="filters">
          <div className="field">
            <label htmlFor="claim-search">Claim number</label>
            <input id="claim-search" value={search} onChange={(e) => setSearch(e.target.value)} />
          </div>
        </div>
        <ListTable
          items={claims.data?.items}
          loading={claims.loading}
          what="the claims"
          empty={<Empty title="No claim sent yet" />}
          busy={claims.loading}
          caption="Claims sent, newest first"
          columns={['Claim', 'Format', 'Payer', 'Latest version', { label: 'Billed', num: true }]}
          row={(c) => (
            <tr key={c.claimNumber} aria-current={c.claimNumber === selected ? 'true' : undefined}>
              <td>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => setQuery({ claim: c.claimNumber }, false)}
                >
                  {c.claimNumber}
                </button>
              </td>
              <td>{c.format}</td>
              <td>{c.payer}</td>
              <td>{c.latest}</td>
              <td className="num">{formatCents(c.totalCents)}</td>
            </tr>
          )}
        />
        {selected ? (
          <ClaimHistory
            key={selected}
            claimNumber={selected}
            canSend={can.sendClaims}
            onSent={() => {
              batches.reload();
              claims.reload();
            }}
          />
        ) : null}
      </section>

      <section aria-labelledby="batches-title">
        <h2 id="batches-title">Batches</h2>
        <ListTable
          items={batches.data?.items}
          loading={batches.loading}
          what="the batches"
          empty={<Empty title="No batch yet" />}
          busy={batches.loading}
          caption="837 batches, newest first"
          columns={[
            'Created',
            'By',
            'Format',
            { label: 'Interchange', num: true },
            { label: 'Claims', num: true },
            { label: 'Lines', num: true },
            { label: 'Billed', num: true },
            'File',
          ]}
          row={(b) => (
            <tr key={b.id}>
              <td>
                <time dateTime={b.createdAt}>{formatInstant(b.createdAt)}</time>
              </td>
              <td>{b.createdBy}</td>
              <td>
                {b.format}
                {b.kind === 'claims' ? '' : ` ${b.kind}`}
              </td>
              <td className="num">
                {b.interchangeControlNumber}
                {b.interchanges > 1 ? `–${b.interchangeControlNumber + b.interchanges - 1}` : ''}
              </td>
              <td className="num">{formatInt(b.claims)}</td>
              <td className="num">{formatInt(b.lines)}</td>
              <td className="num">{formatCents(b.totalCents)}</td>
              <td>
                {can.sendClaims ? (
                  <a href={claimFileUrl(b.id)} download>
                    Download <span className="visually-hidden">batch {b.interchangeControlNumber}</span>
                  </a>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          )}
        />
      </section>
    </>
  );
}
