/** The Remittances page's summary: a card per category, the shortfall chart and the payer scorecards. */
import type { RemitSummaryView } from '../../app/views.js';
import { formatDollars, formatInt, formatPercent } from '../format.js';
import { REMIT_TABS, PROBLEM_CATEGORIES, remitLabel, type RemitTab } from '../remit-categories.js';
import { Link } from '../router.js';
import { ShortfallChart } from './ShortfallChart.js';

type Category = RemitSummaryView['byCategory'][number];

/** The summary row of a tab (zeros when the category has no lines; `unmatched` carries only a count). */
export function categoryTotals(summary: RemitSummaryView, tab: RemitTab): Category {
  if (tab === 'unmatched') {
    return { category: tab, lines: summary.unmatched, billedCents: 0, paidCents: 0, shortCents: 0 };
  }
  return (
    summary.byCategory.find((c) => c.category === tab) ?? {
      category: tab,
      lines: 0,
      billedCents: 0,
      paidCents: 0,
      shortCents: 0,
    }
  );
}

export const tabPath = (tab: RemitTab | 'all') => (tab === 'all' ? '/denials' : `/denials?category=${tab}`);

export function CategoryCards({ summary }: { summary: RemitSummaryView }) {
  return (
    <section aria-labelledby="remit-categories-title">
      <h2 id="remit-categories-title">By category</h2>
      <dl className="kpi-grid">
        {REMIT_TABS.map((tab) => {
          const c = categoryTotals(summary, tab);
          const kind =
            tab === 'paid-as-expected' ? 'kpi-ready' : tab === 'unmatched' ? 'kpi-downgrade' : 'kpi-hold';
          return (
            <div className={`kpi ${kind}`} key={tab} data-category={tab}>
              <dt>{remitLabel(tab)}</dt>
              <dd>
                <Link to={tabPath(tab)} aria-label={`${remitLabel(tab)}: ${formatInt(c.lines)} lines`}>
                  <span className="kpi-count">{formatInt(c.lines)}</span>
                </Link>
                <span className="sub">
                  {tab === 'unmatched'
                    ? 'lines with no charge of ours'
                    : tab === 'paid-as-expected'
                      ? `${formatDollars(c.paidCents)} paid`
                      : `${formatDollars(c.shortCents)} short of ${formatDollars(c.billedCents)} billed`}
                </span>
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}

export function ShortfallSection({ summary }: { summary: RemitSummaryView }) {
  const rows = PROBLEM_CATEGORIES.map((tab) => {
    const c = categoryTotals(summary, tab);
    return { category: tab, label: remitLabel(tab), lines: c.lines, shortCents: c.shortCents };
  });
  return (
    <section className="card" aria-labelledby="shortfall-title">
      <h2 id="shortfall-title">Shortfall</h2>
      <ShortfallChart rows={rows} />
    </section>
  );
}

export function PayerScorecards({ summary }: { summary: RemitSummaryView }) {
  return (
    <section className="card" aria-labelledby="payers-title">
      <h2 id="payers-title">Payer scorecards</h2>
      {summary.payers.length === 0 ? (
        <p>No payer has paid a line yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="table compact">
            <thead>
              <tr>
                <th scope="col">Payer</th>
                <th scope="col" className="num">
                  Lines
                </th>
                <th scope="col" className="num">
                  Denial rate
                </th>
                <th scope="col" className="num">
                  Downcode rate
                </th>
                <th scope="col" className="num">
                  Underpaid
                </th>
                <th scope="col" className="num">
                  Paid
                </th>
                <th scope="col" className="num">
                  Expected
                </th>
              </tr>
            </thead>
            <tbody>
              {summary.payers.map((p) => (
                <tr key={p.payer}>
                  <th scope="row">
                    <Link to={`/denials?payer=${encodeURIComponent(p.payer)}`}>{p.payer}</Link>
                  </th>
                  <td className="num">{formatInt(p.lines)}</td>
                  <td className="num">{formatPercent(p.denialRate)}</td>
                  <td className="num">{formatPercent(p.downcodeRate)}</td>
                  <td className="num">{formatDollars(p.underpaidCents)}</td>
                  <td className="num">{formatDollars(p.paidCents)}</td>
                  <td className="num">{formatDollars(p.expectedCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
