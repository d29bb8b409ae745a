/**
 * "Letters" (`/letters`): the practice's drafted letters (appeals, prior-authorization requests,
 * peer-to-peer sheets), newest change first, filtered by type and status; each opens in the editor.
 */
import type { LetterQuery, LetterStatus, LetterSummary } from '../../app/views.js';
import type { LetterType } from '../../core/letters/letter-types.js';
import { api } from '../api/client.js';
import { Empty, Loading, Notice, PageHeader, Pagination, TableHead } from '../components/ui.js';
import { formatCount, formatInstant, formatInt } from '../format.js';
import { useLoad, useTitle } from '../hooks.js';
import { LETTER_TYPE_LIST, letterLabel } from '../letter-types.js';
import { Link, setQuery, useLocation } from '../router.js';

const PAGE_SIZE = 50;
const STATUSES: LetterStatus[] = ['draft', 'final'];

function readQuery(query: URLSearchParams): LetterQuery {
  const type = query.get('type');
  const status = query.get('status');
  const offset = Number(query.get('offset') ?? 0);
  return {
    ...(type && (LETTER_TYPE_LIST as string[]).includes(type) ? { type: type as LetterType } : {}),
    ...(status === 'draft' || status === 'final' ? { status } : {}),
    limit: PAGE_SIZE,
    offset: Number.isFinite(offset) && offset > 0 ? Math.floor(offset) : 0,
  };
}

export function LettersPage() {
  useTitle('Letters');
  const { query } = useLocation();
  const q = readQuery(query);
  const { data, error, loading } = useLoad((signal) => api.letters(q, signal), JSON.stringify(q));
  const params = (change: Partial<LetterQuery>) => {
    const next = { ...q, ...change };
    return { type: next.type, status: next.status, offset: next.offset || undefined };
  };

  return (
    <>
      <PageHeader title="Letters">
        <Link className="button secondary" to="/letters/templates">
          Templates
        </Link>
      </PageHeader>
      <p className="sub">
        Draft appeals from the <Link to="/denials">Remittances</Link> lines, and prior-authorization requests
        and peer-to-peer sheets from a course.
      </p>
      <form className="filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="letter-type">Type</label>
          <select
            id="letter-type"
            value={q.type ?? ''}
            onChange={(e) =>
              setQuery(params({ type: (e.target.value || undefined) as LetterType | undefined, offset: 0 }))
            }
          >
            <option value="">All types</option>
            {LETTER_TYPE_LIST.map((t) => (
              <option key={t} value={t}>
                {letterLabel(t)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="letter-status">Status</label>
          <select
            id="letter-status"
            value={q.status ?? ''}
            onChange={(e) =>
              setQuery(
                params({ status: (e.target.value || undefined) as LetterStatus | undefined, offset: 0 }),
              )
            }
          >
            <option value="">Drafts and final</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s === 'draft' ? 'Drafts' : 'Final'}
              </option>
            ))}
          </select>
        </div>
      </form>
      <Notice kind="error">{error}</Notice>
      {loading && !data ? <Loading what="the letters" /> : null}
      {data && data.items.length === 0 ? (
        <Empty title="No letters here">
          {q.type || q.status ? 'Nothing matches these filters.' : 'Drafted letters are listed here.'}
        </Empty>
      ) : null}
      {data && data.items.length > 0 ? (
        <LettersTable rows={data.items} total={data.total} busy={loading} />
      ) : null}
      {data && data.total > PAGE_SIZE ? (
        <Pagination
          label="Letters"
          total={data.total}
          limit={PAGE_SIZE}
          offset={q.offset ?? 0}
          onChange={(offset) => setQuery(params({ offset }), false)}
        />
      ) : null}
    </>
  );
}

function LettersTable({ rows, total, busy }: { rows: LetterSummary[]; total: number; busy: boolean }) {
  return (
    <div className="table-wrap" aria-busy={busy}>
      <table className="table worklist">
        <caption className="visually-hidden">Letters, {formatInt(total)} in all</caption>
        <TableHead columns={['Letter', 'Patient', 'Course', 'Status', 'Checks', 'Last change']} />
        <tbody>
          {rows.map((l) => (
            <tr key={l.id}>
              <td>
                <Link to={`/letters/${encodeURIComponent(l.id)}`}>{l.title}</Link>
                <span className="sub">{letterLabel(l.type)}</span>
              </td>
              <td>{l.patientName ?? l.patientId}</td>
              <td>
                <Link className="nowrap" to={`/courses/${encodeURIComponent(l.courseId)}`}>
                  {l.courseKey}
                </Link>
              </td>
              <td>
                <span className={`badge badge-${l.status === 'final' ? 'ready' : 'downgrade'}`}>
                  {l.status === 'final' ? 'Final' : 'Draft'}
                </span>
              </td>
              <td>
                {l.ready ? (l.warningCount ? `${formatCount(l.warningCount, 'warning')}` : 'Ready') : null}
                {!l.ready ? `Not ready: ${l.missingCount} to add to the chart` : null}
              </td>
              <td className="nowrap">
                {formatInstant(l.updatedAt)}
                <span className="sub">drafted by {l.createdBy}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
