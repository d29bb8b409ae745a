import { useState, type FormEvent } from 'react';
import type { FractionRow } from '../../app/views.js';
import { api } from '../api/client.js';
import { CodeMixChart, DailyChart, Share77412Chart } from '../components/charts.js';
import { Empty, Loading, Notice, PageHeader, TableHead } from '../components/ui.js';
import { formatDate, formatDollars, formatInt, formatTotal, statusLabel } from '../format.js';
import { useLoad, useTitle } from '../hooks.js';
import { Link, setQuery, useLocation } from '../router.js';

type FractionStatus = FractionRow['status'];

const STATUSES: FractionStatus[] = ['ready', 'downgrade', 'hold'];

export function DashboardPage() {
  useTitle('Dashboard');
  const { query } = useLocation();
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  const { data, error, loading } = useLoad(
    (signal) => api.dashboard({ ...(from ? { from } : {}), ...(to ? { to } : {}) }, signal),
    `${from}|${to}`,
  );

  return (
    <>
      <PageHeader title="Dashboard" />
      <PeriodForm
        from={data?.period.from ?? from}
        to={data?.period.to ?? to}
        key={`${data?.period.from}|${data?.period.to}`}
      />
      <Notice kind="error">{error}</Notice>
      {loading && !data ? <Loading what="the dashboard" /> : null}
      {data ? (
        <div aria-busy={loading}>
          <p className="period">
            Period: {formatDate(data.period.from)} – {formatDate(data.period.to)}
          </p>
          {data.fractions === 0 ? (
            <Empty title="No fractions in this period">
              Import treatment records on the <Link to="/imports">Imports</Link> page, or choose another
              period.
            </Empty>
          ) : null}
          <section aria-labelledby="kpi-title" className="kpis">
            <h2 id="kpi-title" className="visually-hidden">
              Key figures
            </h2>
            <dl className="kpi-grid">
              <div className="kpi">
                <dt>Fractions</dt>
                <dd>{formatInt(data.fractions)}</dd>
              </div>
              {STATUSES.map((s) => (
                <div className={`kpi kpi-${s}`} key={s}>
                  <dt>{statusLabel(s)}</dt>
                  <dd>{formatInt(data.byStatus[s] ?? 0)}</dd>
                </div>
              ))}
              <div className="kpi kpi-hold">
                <dt>Charges on hold</dt>
                <dd>
                  <Link to="/holds">{formatInt(data.holds.count)}</Link>
                </dd>
              </div>
              <div className="kpi kpi-hold">
                <dt>Dollars at risk</dt>
                <dd>{formatTotal(data.holds.atRisk, formatDollars)}</dd>
              </div>
            </dl>
          </section>
          <div className="grid-2">
            <section className="card" aria-labelledby="mix-title">
              <h2 id="mix-title">Coding</h2>
              <Share77412Chart view={data} />
              <CodeMixChart view={data} />
            </section>
            <section className="card" aria-labelledby="reasons-title">
              <h2 id="reasons-title">Top hold reasons</h2>
              {data.topHoldReasons.length === 0 ? (
                <Empty title="Nothing on hold">Every fraction in the period can be billed.</Empty>
              ) : (
                <table className="table">
                  <TableHead
                    columns={['Rule', { label: 'Fractions', num: true }, { label: 'At risk', num: true }]}
                  />
                  <tbody>
                    {data.topHoldReasons.map((r) => (
                      <tr key={r.ruleId}>
                        <td>
                          <Link to={`/holds?ruleId=${encodeURIComponent(r.ruleId)}`}>
                            <span className="rule-id">{r.ruleId}</span> {r.title}
                          </Link>
                        </td>
                        <td className="num">{formatInt(r.fractions)}</td>
                        <td className="num">{formatTotal(r.atRisk, formatDollars)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
          </div>
          <section className="card" aria-labelledby="daily-title">
            <h2 id="daily-title">Daily status</h2>
            <DailyChart view={data} />
          </section>
        </div>
      ) : null}
    </>
  );
}

function PeriodForm({ from, to }: { from: string; to: string }) {
  const [f, setF] = useState(from);
  const [t, setT] = useState(to);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQuery({ from: f, to: t }, false);
  };
  return (
    <form className="filters" onSubmit={submit} aria-label="Period">
      <div className="field">
        <label htmlFor="period-from">From</label>
        <input id="period-from" type="date" value={f} onChange={(e) => setF(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="period-to">To</label>
        <input id="period-to" type="date" value={t} onChange={(e) => setT(e.target.value)} />
      </div>
      <button type="submit" className="secondary">
        Show period
      </button>
    </form>
  );
}
