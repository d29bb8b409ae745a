import { api } from '../api/client.js';
import { useAuth } from '../auth.js';
import { DataTable, Empty, Loading, Notice, PageHeader, Pagination } from '../components/ui.js';
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
        <DataTable
          busy={loading}
          caption={`Access log, ${data.total} entries`}
          columns={['When', 'User', 'Action', 'Patient ids', 'Route']}
        >
          {data.items.map((e, i) => (
            <tr key={`${e.at}-${i}`}>
              <td>
                <time dateTime={e.at}>{formatInstant(e.at)}</time>
              </td>
              <td>{e.userName}</td>
              <td>{e.action === 'change' ? 'Change' : 'Read'}</td>
              <td>{e.patientIds.length ? e.patientIds.join(', ') : '—'}</td>
              <td>
                <code>{e.route}</code>
              </td>
            </tr>
          ))}
        </DataTable>
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
