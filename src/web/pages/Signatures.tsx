/** Signatures due, in the order the server returns them (next beam-on first); physicians sign from the row. */
import { Fragment, useState, type FormEvent } from 'react';
import type { SignatureDue } from '../../app/views.js';
import { api, errorMessage, exportUrl } from '../api/client.js';
import { useAuth } from '../auth.js';
import { Deadline } from '../components/Deadline.js';
import { SignaturePreview } from '../components/SignaturePreview.js';
import { Empty, Loading, Notice, PageHeader, Pagination, TableHead } from '../components/ui.js';
import { appNow, documentLabel, formatDate, formatInt, formatTotal } from '../format.js';
import { useLoad, useTitle } from '../hooks.js';
import { Link, setQuery, useLocation } from '../router.js';

const PAGE_SIZE = 50;

export function SignaturesPage() {
  useTitle('Signatures due');
  const { can, session } = useAuth();
  const { query } = useLocation();
  const physicianId = query.get('physicianId') ?? '';
  // `?document=igrt-review`: only the image reviews due (the Today page's link).
  const document = query.get('document') === 'igrt-review' ? 'igrt-review' : undefined;
  const asked = Number(query.get('offset') ?? 0);
  const offset = Number.isFinite(asked) && asked > 0 ? Math.floor(asked) : 0;
  const { data, error, loading, setData } = useLoad(
    (signal) =>
      api.signatures(
        {
          ...(physicianId ? { physicianId } : {}),
          ...(document ? { document } : {}),
          limit: PAGE_SIZE,
          offset,
        },
        signal,
      ),
    `${physicianId}|${document ?? ''}|${offset}`,
  );
  const [busy, setBusy] = useState<string | null>(null);
  /** The row whose record is shown before it is signed. */
  const [previewing, setPreviewing] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  const sign = async (row: SignatureDue) => {
    setBusy(row.fractionId);
    setMessage(null);
    try {
      const detail = await api.sign(row.fractionId, row.documents);
      setData((page) =>
        page
          ? {
              ...page,
              items: page.items.filter((r) => r.fractionId !== row.fractionId),
              total: page.capped ? page.total : page.total - 1,
            }
          : page,
      );
      setMessage({
        kind: 'success',
        text: `Signed ${row.documents.map(documentLabel).join(' and ')} for ${row.courseKey} fraction ${row.fractionNumber}. The fraction is now ${detail.status}.`,
      });
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    } finally {
      setBusy(null);
    }
  };

  const rows = data?.items ?? [];
  const now = appNow();
  const isPhysician = session.user.role === 'physician';

  return (
    <>
      <PageHeader title="Signatures due">
        {can.export ? (
          <>
            <a
              className="button secondary"
              href={exportUrl('signatures', 'csv', physicianId ? { physicianId } : {})}
              download
            >
              Export CSV
            </a>
            <a
              className="button secondary"
              href={exportUrl('signatures', 'xlsx', physicianId ? { physicianId } : {})}
              download
            >
              Export Excel
            </a>
          </>
        ) : null}
      </PageHeader>
      <p className="lead">
        {isPhysician
          ? 'Records and reviews you still owe, the most urgent first. Sign before the patient’s next beam-on.'
          : 'Records and reviews physicians still owe, the most urgent first. The deadline is the patient’s next beam-on.'}
      </p>
      {data ? (
        <p className="muted" data-testid="signatures-count">
          {rows.length} fraction{rows.length === 1 ? '' : 's'}{' '}
          {document ? `with ${documentLabel(document)} due` : 'with signatures due'}
          {document ? (
            <>
              {' '}
              <Link
                to={
                  physicianId ? `/signatures?physicianId=${encodeURIComponent(physicianId)}` : '/signatures'
                }
              >
                Show all
              </Link>
            </>
          ) : null}
        </p>
      ) : null}
      {!isPhysician ? <PhysicianFilter value={physicianId} key={physicianId} /> : null}
      <Notice kind="success">{message?.kind === 'success' ? message.text : undefined}</Notice>
      <Notice kind="error">{message?.kind === 'error' ? message.text : (error ?? undefined)}</Notice>
      {loading && !data ? <Loading what="signatures due" /> : null}
      {data && rows.length === 0 ? (
        <Empty title="No signatures due">Every SGRT record and IGRT review is signed.</Empty>
      ) : null}
      {rows.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">
              Signatures due, most urgent first, {formatInt(data?.total ?? 0)}
              {data?.capped ? '+' : ''} in all
            </caption>
            <TableHead
              columns={[
                'Deadline (next beam-on)',
                'Patient',
                'Course',
                'To sign',
                { label: 'At risk', num: true },
                ...(can.sign ? ['Action'] : []),
              ]}
            />
            <tbody>
              {rows.map((r) => {
                const who = r.patientName ?? r.patientId;
                return (
                  <Fragment key={r.fractionId}>
                    <tr className={r.overdue ? 'overdue' : undefined}>
                      <td>
                        <Deadline deadline={r.deadline} now={now} />
                      </td>
                      <td>
                        <span className="patient">{who}</span>
                        <span className="sub">MRN {r.mrn}</span>
                      </td>
                      <td>
                        <Link
                          className="nowrap"
                          to={`/courses/${encodeURIComponent(r.courseId)}#fraction-${r.fractionId}`}
                        >
                          {r.courseKey}
                        </Link>
                        <span className="sub">
                          Fraction {r.fractionNumber}, {formatDate(r.date)}
                        </span>
                      </td>
                      <td>{r.documents.map(documentLabel).join(', ')}</td>
                      <td className="num">{formatTotal(r.atRisk)}</td>
                      {can.sign ? (
                        <td>
                          <button
                            type="button"
                            className="primary"
                            disabled={busy !== null || previewing !== null}
                            aria-expanded={previewing === r.fractionId}
                            onClick={() => setPreviewing(r.fractionId)}
                            aria-label={`Review and sign ${r.documents.map(documentLabel).join(' and ')} for ${who}, fraction ${r.fractionNumber}`}
                          >
                            {busy === r.fractionId ? 'Signing…' : 'Review and sign'}
                          </button>
                        </td>
                      ) : null}
                    </tr>
                    {previewing === r.fractionId ? (
                      <tr>
                        <td colSpan={can.sign ? 6 : 5}>
                          <SignaturePreview
                            row={r}
                            busy={busy !== null}
                            onConfirm={() => void sign(r).then(() => setPreviewing(null))}
                            onCancel={() => setPreviewing(null)}
                          />
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {data && data.total > PAGE_SIZE ? (
        <Pagination
          label="Signatures due"
          total={data.total}
          capped={data.capped}
          limit={PAGE_SIZE}
          offset={offset}
          onChange={(next) => setQuery({ physicianId, offset: next }, false)}
        />
      ) : null}
    </>
  );
}

function PhysicianFilter({ value }: { value: string }) {
  const [v, setV] = useState(value);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQuery({ physicianId: v.trim() }, false);
  };
  return (
    <form className="filters" onSubmit={submit} aria-label="Filters">
      <div className="field">
        <label htmlFor="sig-physician">Physician id</label>
        <input id="sig-physician" value={v} onChange={(e) => setV(e.target.value)} />
      </div>
      <button type="submit" className="secondary">
        Apply filter
      </button>
    </form>
  );
}
