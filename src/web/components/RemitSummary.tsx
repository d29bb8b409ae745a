/** The Remittances page's summary: a card per category, the shortfall chart and the payer scorecards. */
import type { RemitSummaryView } from '../../app/views.js';
import { formatCount, formatDollars, formatInt, formatPercent } from '../format.js';
import {
  BALANCE_CATEGORIES,
  PROBLEM_CATEGORIES,
  REMIT_TABS,
  remitLabel,
  type RemitTab,
} from '../remit-categories.js';
import { Link } from '../router.js';
import { HorizontalBarChart } from './charts.js';
import { TableHead } from './ui.js';

type Category = Omit<RemitSummaryView['byCategory'][number], 'category'> & { category: RemitTab };

/** The summary row of a tab (zeros when the category has no lines; `unmatched` carries only a count). */
export function categoryTotals(summary: RemitSummaryView, tab: RemitTab): Category {
  const zero = { category: tab, lines: 0, billedCents: 0, paidCents: 0, takenBackCents: 0, shortCents: 0 };
  if (tab === 'unmatched') return { ...zero, lines: summary.unmatched };
  return summary.byCategory.find((c) => c.category === tab) ?? zero;
}

export const tabPath = (tab: RemitTab | 'all') => (tab === 'all' ? '/denials' : `/denials?category=${tab}`);

/** What a category card says under its count (paid amounts are income: reversals net out). */
function cardNote(c: Category): string {
  switch (c.category) {
    case 'unmatched':
      return 'lines with no charge of ours';
    case 'reversal':
      return c.takenBackCents
        ? `nets to ${formatDollars(c.paidCents)}; ${formatDollars(c.takenBackCents)} taken back`
        : `nets to ${formatDollars(c.paidCents)}`;
    case 'paid-as-expected':
    case 'patient-responsibility':
    case 'coordination-of-benefits':
      return `${formatDollars(c.paidCents)} paid`;
    case 'paid-rate-unknown':
      return `${formatDollars(c.paidCents)} paid; expected unknown (no rate)`;
    default:
      return `${formatDollars(c.shortCents)} short of ${formatDollars(c.billedCents)} billed`;
  }
}

export function CategoryCards({ summary }: { summary: RemitSummaryView }) {
  return (
    <section aria-labelledby="remit-categories-title">
      <h2 id="remit-categories-title">By category</h2>
      <dl className="kpi-grid">
        {REMIT_TABS.map((tab) => {
          const c = categoryTotals(summary, tab);
          const kind =
            tab === 'paid-as-expected'
              ? 'kpi-ready'
              : tab === 'unmatched' ||
                  tab === 'paid-rate-unknown' ||
                  (BALANCE_CATEGORIES as readonly string[]).includes(tab)
                ? 'kpi-downgrade'
                : 'kpi-hold';
          return (
            <div className={`kpi ${kind}`} key={tab} data-category={tab}>
              <dt>{remitLabel(tab)}</dt>
              <dd>
                <Link to={tabPath(tab)} aria-label={`${remitLabel(tab)}: ${formatCount(c.lines, 'line')}`}>
                  <span className="kpi-count">{formatInt(c.lines)}</span>
                </Link>
                <span className="sub">{cardNote(c)}</span>
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}

/** Dollars short per problem category as horizontal bars. */
export function ShortfallSection({ summary }: { summary: RemitSummaryView }) {
  const rows = PROBLEM_CATEGORIES.map((tab) => ({ ...categoryTotals(summary, tab), label: remitLabel(tab) }));
  const total = rows.reduce((n, r) => n + r.shortCents, 0);
  const text =
    total === 0
      ? 'No dollars short in any category.'
      : `${formatDollars(total)} short in all: ` +
        rows.map((r) => `${r.label} ${formatDollars(r.shortCents)}`).join('; ') +
        '.';
  return (
    <section className="card" aria-labelledby="shortfall-title">
      <h2 id="shortfall-title">Shortfall</h2>
      <HorizontalBarChart
        id="shortfall"
        caption="Dollars short per category"
        summary={text}
        columns={['Category', 'Lines', 'Dollars short']}
        rows={rows.map((r) => ({
          key: r.category,
          label: r.label,
          value: r.shortCents,
          valueText: formatDollars(r.shortCents),
          cells: [formatInt(r.lines), formatDollars(r.shortCents)],
          className: r.shortCents > 0 ? 'bar bar-accent' : 'bar bar-muted',
        }))}
        labelWidth={190}
        valueWidth={100}
        minWidth={320}
      />
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
            <TableHead
              columns={[
                'Payer',
                { label: 'Lines', num: true },
                { label: 'Denial rate', num: true },
                { label: 'Downcode rate', num: true },
                { label: 'Underpaid', num: true },
                { label: 'Paid', num: true },
                { label: 'Expected', num: true },
              ]}
            />
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
