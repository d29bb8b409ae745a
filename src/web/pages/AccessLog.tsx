/**
 * "Access log" (`/access-log`, administrators): who read or changed which patient's data, newest first,
 * with the patient's name and MRN; filtered by user, patient (any part of the name or MRN), the
 * facility's days and action, the filters kept in the address so a filtered view can be shared.
 */
import { useState, type FormEvent } from 'react';
import type { AccessLogQuery, PracticeUserView } from '../../app/views.js';
import { api } from '../api/client.js';
import { useAuth } from '../auth.js';
import { DataTable, Empty, Loading, Notice, PageHeader, Pagination } from '../components/ui.js';
import { formatCount, formatInstant } from '../format.js';
import { useLoad, useTitle } from '../hooks.js';
import { setQuery, useLocation } from '../router.js';

const PAGE_SIZE = 50;

interface Filters {
  userId: string;
  patient: string;
  from: string;
  to: string;
  action: '' | 'read' | 'change';
}

function readFilters(query: URLSearchParams): Filters {
  const action = query.get('action');
  return {
    userId: query.get('userId') ?? '',
    patient: query.get('patient') ?? '',
    from: query.get('from') ?? '',
    to: query.get('to') ?? '',
    action: action === 'read' || action === 'change' ? action : '',
  };
}

/** The filters as URL parameters and as the API's query (empty ones left out). */
const toParams = (f: Filters, offset = 0) => ({
  userId: f.userId || undefined,
  patient: f.patient.trim() || undefined,
  from: f.from || undefined,
  to: f.to || undefined,
  action: f.action || undefined,
  offset: offset || undefined,
});

export function AccessLogPage() {
  useTitle('Access log');
  const { can } = useAuth();
  const { query } = useLocation();
  const offset = Math.max(0, Number(query.get('offset') ?? 0) || 0);
  const filters = readFilters(query);
  const q: AccessLogQuery = { ...toParams(filters), limit: PAGE_SIZE, offset };
  const { data, error, loading } = useLoad(
    (signal) => (can.accessLog ? api.accessLog(q, signal) : Promise.resolve({ items: [], total: 0 })),
    JSON.stringify(q),
  );
  // The practice's logins to choose from (the Settings page's list); the filter waits for them.
  const users = useLoad(
    (signal) => (can.settings ? api.users(signal) : Promise.resolve([] as PracticeUserView[])),
    'users',
  );
  if (!can.accessLog) {
    return (
      <>
        <PageHeader title="Access log" />
        <p>Only administrators can read the access log.</p>
      </>
    );
  }
  const filtered = Object.values(toParams(filters)).some((v) => v !== undefined);
  return (
    <>
      <PageHeader title="Access log" />
      <p className="lead">Who read or changed which patient's data, newest first.</p>
      <FilterForm
        key={query.toString()}
        filters={filters}
        users={users.data ?? []}
        onApply={(f) => setQuery(toParams(f), false)}
      />
      <Notice kind="error">{error}</Notice>
      {loading && !data ? <Loading what="the access log" /> : null}
      {data && data.items.length === 0 ? (
        <Empty title={filtered ? 'No entry matches these filters' : 'No entries yet'} />
      ) : null}
      {data && data.items.length > 0 ? (
        <DataTable
          busy={loading}
          caption={`Access log, ${formatCount(data.total, 'entry', 'entries')}`}
          columns={['When', 'User', 'Action', 'Patient', 'Route']}
        >
          {data.items.map((e, i) => (
            <tr key={`${e.at}-${i}`}>
              <td>
                <time dateTime={e.at}>{formatInstant(e.at)}</time>
              </td>
              <td>{e.userName}</td>
              <td>{e.action === 'change' ? 'Change' : 'Read'}</td>
              <td>
                {e.patients.length === 0
                  ? '—'
                  : e.patients.map((p) => (
                      <div key={p.id}>
                        {p.name ?? p.id}
                        {p.mrn ? <span className="sub">MRN {p.mrn}</span> : null}
                      </div>
                    ))}
              </td>
              <td>
                <code>{e.route}</code>
                {e.reason ? <span className="sub">Override: {e.reason}</span> : null}
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
          onChange={(o) => setQuery(toParams(filters, o), false)}
        />
      ) : null}
    </>
  );
}

function FilterForm({
  filters,
  users,
  onApply,
}: {
  filters: Filters;
  users: PracticeUserView[];
  onApply: (f: Filters) => void;
}) {
  const [f, setF] = useState(filters);
  const set = (change: Partial<Filters>) => setF((prev) => ({ ...prev, ...change }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(f);
  };
  return (
    <form className="filters" onSubmit={submit} aria-label="Filters">
      {users.length ? (
        <div className="field">
          <label htmlFor="log-user">User</label>
          <select id="log-user" value={f.userId} onChange={(e) => set({ userId: e.target.value })}>
            <option value="">All users</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.displayName} ({u.email})
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="log-patient">Patient (name or MRN)</label>
        <input id="log-patient" value={f.patient} onChange={(e) => set({ patient: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor="log-from">From</label>
        <input id="log-from" type="date" value={f.from} onChange={(e) => set({ from: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor="log-to">To</label>
        <input id="log-to" type="date" value={f.to} onChange={(e) => set({ to: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor="log-action">Action</label>
        <select
          id="log-action"
          value={f.action}
          onChange={(e) => set({ action: e.target.value as Filters['action'] })}
        >
          <option value="">Any</option>
          <option value="read">Read</option>
          <option value="change">Change</option>
        </select>
      </div>
      <button type="submit" className="primary">
        Apply filters
      </button>
      <button
        type="button"
        className="secondary"
        onClick={() => onApply({ userId: '', patient: '', from: '', to: '', action: '' })}
      >
        Clear filters
      </button>
    </form>
  );
}
