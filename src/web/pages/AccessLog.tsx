import { api } from '../api/client.js';
import { useAuth } from '../auth.js';
import { Empty, Loading, Notice, PageHeader, Pagination, TableHead } from '../components/ui.js';
import { formatInstant } from '../format.js';
import { useLoad, useTitle } from '../hooks.js';
import { setQuery, useLocation } from '../router.js';

const PAGE_SIZE = 50;

export function AccessLogPage() {
  useTitle('Access log');
  const { can } = useAuth();
  const { query } = useLocation();
  const offset = Math.max(0, Number(query.get('offset') ?? 0) || 0);
  const { data, error, loading } = useLoad(
    (signal) =>
      can.accessLog
        ? api.accessLog({ limit: PAGE_SIZE, offset }, signal)
        : Promise.resolve({ items: [], total: 0 }),
    String(offset),
  );
  if (!can.accessLog) {
    return (
      <>
        <PageHeader title="Access log" />
        <p>Only administrators can read the access log.</p>
      </>
    );
  }
  return (
    <>
      <PageHeader title="Access log" />
      <p className="lead">Who read or changed what, newest first.</p>
      <Notice kind="error">{error}</Notice>
      {loading && !data ? <Loading what="the access log" /> : null}
      {data && data.items.length === 0 ? <Empty title="No entries yet" /> : null}
      {data && data.items.length > 0 ? (
        <div className="table-wrap" aria-busy={loading}>
          <table className="table">
            <caption className="visually-hidden">Access log, {data.total} entries</caption>
            <TableHead columns={['When', 'User', 'Action', 'Patient id', 'Route']} />
            <tbody>
              {data.items.map((e, i) => (
                <tr key={`${e.at}-${i}`}>
                  <td>
                    <time dateTime={e.at}>{formatInstant(e.at)}</time>
                  </td>
                  <td>{e.userName}</td>
                  <td>{e.action === 'change' ? 'Change' : 'Read'}</td>
                  <td>{e.patientId ?? '—'}</td>
                  <td>
                    <code>{e.route}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {data && data.total > PAGE_SIZE ? (
        <Pagination
          label="Access log"
          total={data.total}
          limit={PAGE_SIZE}
          offset={offset}
          onChange={(o) => setQuery({ offset: o || undefined }, false)}
        />
      ) : null}
    </>
  );
}
