/**
 * "Unlinked records" (`/unlinked`: admin, coder, biller): the imported records that matched no course
 * when their patient was last linked, by file, with the reason in a coder's words. A coder or admin can
 * link one to a course (`LinkToCourseForm`: the record joins the course at once) or dismiss it with a
 * reason; both are kept when a later import re-links the patient. Dismissed records are hidden unless
 * "Show dismissed" is ticked. Paged, the page and the toggle kept in the address.
 */
import { useState, type FormEvent } from 'react';
import type { UnlinkedRecordRow } from '../../app/views.js';
import { api, errorMessage } from '../api/client.js';
import { useAuth } from '../auth.js';
import { LinkToCourseForm } from '../components/LinkToCourseForm.js';
import { DataTable, Empty, Loading, Notice, PageHeader, Pagination } from '../components/ui.js';
import { formatDate, formatInstant } from '../format.js';
import { useLoad, useTitle } from '../hooks.js';
import { setQuery, useLocation } from '../router.js';
import { unlinkedKind, unlinkedReason } from '../unlinked-words.js';

const PAGE_SIZE = 50;

export function UnlinkedPage() {
  useTitle('Unlinked records');
  const { can } = useAuth();
  const { query } = useLocation();
  const offset = Math.max(0, Number(query.get('offset') ?? 0) || 0);
  const dismissed = query.get('dismissed') === 'true';
  const q = { dismissed: dismissed || undefined, limit: PAGE_SIZE, offset };
  const { data, error, loading, reload } = useLoad(
    (signal) => api.unlinkedRecords(q, signal),
    JSON.stringify(q),
  );
  const [message, setMessage] = useState<string | null>(null);
  if (!can.unlinked) {
    return (
      <>
        <PageHeader title="Unlinked records" />
        <p>Only administrators, coders and billers can see the unlinked records.</p>
      </>
    );
  }
  const params = (o: number, d = dismissed) => ({
    dismissed: d ? 'true' : undefined,
    offset: o || undefined,
  });
  return (
    <>
      <PageHeader title="Unlinked records" />
      <p className="lead">
        Imported records that matched no course, so no charge is built from them. Link a record to its course,
        fix the export and import it again, or dismiss a record that needs no course.
      </p>
      <div className="filters">
        <label>
          <input
            type="checkbox"
            checked={dismissed}
            onChange={(e) => setQuery(params(0, e.target.checked), false)}
          />{' '}
          Show dismissed
        </label>
      </div>
      <Notice kind="success">{message}</Notice>
      <Notice kind="error">{error}</Notice>
      {loading && !data ? <Loading what="the unlinked records" /> : null}
      {data && data.items.length === 0 ? <Empty title="No unlinked records" /> : null}
      {data && data.items.length > 0 ? (
        <DataTable
          busy={loading}
          caption={`Unlinked records, ${data.total}${data.capped ? '+' : ''}`}
          columns={['File', 'Kind', 'Patient', 'Record', 'Why no course took it', 'Action']}
        >
          {data.items.map((r) => (
            <UnlinkedRow
              key={r.id}
              row={r}
              canChange={can.dismissUnlinked}
              onDone={(done) => {
                setMessage(done);
                reload();
              }}
            />
          ))}
        </DataTable>
      ) : null}
      {data && data.total > PAGE_SIZE ? (
        <Pagination
          label="Unlinked records"
          total={data.total}
          capped={data.capped}
          limit={PAGE_SIZE}
          offset={offset}
          onChange={(o) => setQuery(params(o), false)}
        />
      ) : null}
    </>
  );
}

function UnlinkedRow({
  row,
  canChange,
  onDone,
}: {
  row: UnlinkedRecordRow;
  /** May link and dismiss (admin, coder). */
  canChange: boolean;
  /** What was done, in the words of the notice shown. */
  onDone: (done: string) => void;
}) {
  const [open, setOpen] = useState<'dismiss' | 'link' | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) {
      setError('Say why the record needs no course.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.dismissUnlinked(row.id, reason.trim());
      onDone(`Dismissed the record from ${row.source}.`);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };
  const fieldId = `dismiss-${row.id}`;
  return (
    <tr>
      <td>
        <code>{row.source}</code>
      </td>
      <td>{unlinkedKind(row.kind)}</td>
      <td>{row.patientId ? `MRN ${row.patientId}` : 'No patient named'}</td>
      <td>
        {row.what}
        {row.date && !row.what.includes(row.date) ? (
          <span className="sub">{formatDate(row.date)}</span>
        ) : null}
      </td>
      <td>{unlinkedReason(row.reason)}</td>
      <td>
        {row.dismissal ? (
          <>
            Dismissed: {row.dismissal.reason}
            <span className="sub">
              {row.dismissal.by}, <time dateTime={row.dismissal.at}>{formatInstant(row.dismissal.at)}</time>
            </span>
          </>
        ) : !canChange ? (
          '—'
        ) : open === 'link' ? (
          <LinkToCourseForm
            row={row}
            onLinked={(course) =>
              onDone(
                `Linked the record from ${row.source} to course ${course.courseKey}; the course is audited again.`,
              )
            }
            onCancel={() => setOpen(null)}
          />
        ) : open === 'dismiss' ? (
          <form onSubmit={(e) => void submit(e)} aria-label={`Dismiss the record from ${row.source}`}>
            <label htmlFor={fieldId}>Reason</label>
            <input
              id={fieldId}
              value={reason}
              maxLength={500}
              onChange={(e) => setReason(e.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${fieldId}-error` : undefined}
            />
            {error ? (
              <span id={`${fieldId}-error`} className="field-error" role="alert">
                {error}
              </span>
            ) : null}
            <button type="submit" disabled={busy}>
              Dismiss
            </button>
            <button type="button" className="secondary" onClick={() => setOpen(null)}>
              Cancel
            </button>
          </form>
        ) : (
          <>
            {row.linkable ? (
              <button type="button" className="secondary" onClick={() => setOpen('link')}>
                Link to a course…
              </button>
            ) : null}{' '}
            <button type="button" className="secondary" onClick={() => setOpen('dismiss')}>
              Dismiss…
            </button>
          </>
        )}
      </td>
    </tr>
  );
}
