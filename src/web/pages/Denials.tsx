/**
 * "Remittances" (`/denials`): the 835 service lines by category (tabs), filtered by payer, with what was
 * sent and paid, the next action and the appeal deadline; summary cards, a shortfall chart and payer
 * scorecards above the list.
 */
import { useState, type FormEvent } from 'react';
import type { RemitLineView, RemitQuery, RemitSummaryView } from '../../app/views.js';
import { api, exportUrl } from '../api/client.js';
import { useAuth } from '../auth.js';
import {
  CategoryCards,
  categoryTotals,
  PayerScorecards,
  ShortfallSection,
  tabPath,
} from '../components/RemitSummary.js';
import {
  draftable,
  DraftSelection,
  LineLetterCell,
  type LineSelection,
  useLineSelection,
} from '../components/LetterActions.js';
import { TrendSection } from '../components/TrendChart.js';
import { Loading, Notice, PageHeader, Pagination, TableHead } from '../components/ui.js';
import { formatCents, formatDate, formatInt, formatRelative } from '../format.js';
import { useLoad, useTitle } from '../hooks.js';
import { isRemitTab, REMIT_TABS, remitLabel, type RemitTab } from '../remit-categories.js';
import { Link, setQuery, useLocation } from '../router.js';

const PAGE_SIZE = 50;

interface View {
  tab: RemitTab | 'all';
  payer: string;
  offset: number;
}

function readView(query: URLSearchParams): View {
  const category = query.get('category');
  const offset = Number(query.get('offset') ?? 0);
  return {
    tab: isRemitTab(category) ? category : 'all',
    payer: query.get('payer') ?? '',
    offset: Number.isFinite(offset) && offset > 0 ? Math.floor(offset) : 0,
  };
}

function toQuery(v: View): RemitQuery {
  return {
    ...(v.tab === 'unmatched' ? { matched: false } : v.tab === 'all' ? {} : { category: v.tab }),
    ...(v.payer ? { payer: v.payer } : {}),
    limit: PAGE_SIZE,
    offset: v.offset,
  };
}

const toParams = (v: View) => ({
  category: v.tab === 'all' ? undefined : v.tab,
  payer: v.payer || undefined,
  offset: v.offset || undefined,
});

export function DenialsPage() {
  useTitle('Remittances');
  const { query } = useLocation();
  const { can } = useAuth();
  const view = readView(query);
  const q = toQuery(view);
  const summary = useLoad((signal) => api.remitSummary(signal), 'summary');
  const lines = useLoad((signal) => api.remitLines(q, signal), JSON.stringify(q));
  const selection = useLineSelection(lines.data?.items ?? []);
  const letters = can.writeLetters && lines.data?.items.some(draftable) ? selection : null;
  const s = summary.data;
  const empty = s !== null && s.unmatched === 0 && s.byCategory.every((c) => c.lines === 0);

  return (
    <>
      <PageHeader title="Remittances">
        {can.export ? (
          <>
            <a className="button secondary" href={exportUrl('remittances', 'csv', payerFilter(q))} download>
              Export CSV
            </a>
            <a className="button secondary" href={exportUrl('remittances', 'xlsx', payerFilter(q))} download>
              Export Excel
            </a>
          </>
        ) : null}
      </PageHeader>
      <Notice kind="error">{summary.error ?? lines.error}</Notice>
      {summary.loading && !s ? <Loading what="the remittances" /> : null}
      {empty ? (
        <div className="empty">
          <p className="empty-title">
            No remittances yet: upload 835 files on the <Link to="/imports">Imports</Link> page.
          </p>
        </div>
      ) : null}
      {s && !empty ? (
        <>
          <CategoryCards summary={s} />
          <PayerScorecards summary={s} />
          <ShortfallSection summary={s} />
          <TrendSection summary={s} />
          <section aria-labelledby="lines-title">
            <h2 id="lines-title">Lines</h2>
            <Tabs summary={s} current={view.tab} />
            <PayerFilter
              payers={s.payers.map((p) => p.payer)}
              payer={view.payer}
              key={view.payer}
              onApply={(payer) => setQuery(toParams({ ...view, payer, offset: 0 }), false)}
            />
            {lines.loading && !lines.data ? <Loading what="the lines" /> : null}
            {letters ? <DraftSelection selection={letters} /> : null}
            {lines.data ? (
              <LinesTable
                view={view}
                rows={lines.data.items}
                total={lines.data.total}
                busy={lines.loading}
                letters={letters}
              />
            ) : null}
            {lines.data && lines.data.total > PAGE_SIZE ? (
              <Pagination
                label="Remittance lines"
                total={lines.data.total}
                limit={PAGE_SIZE}
                offset={view.offset}
                onChange={(offset) => setQuery(toParams({ ...view, offset }), false)}
              />
            ) : null}
          </section>
        </>
      ) : null}
    </>
  );
}

function Tabs({ summary, current }: { summary: RemitSummaryView; current: View['tab'] }) {
  const all = summary.byCategory.reduce((n, c) => n + c.lines, 0);
  const tabs: { tab: View['tab']; label: string; lines: number }[] = [
    { tab: 'all', label: 'All', lines: all },
    ...REMIT_TABS.map((tab) => ({
      tab,
      label: remitLabel(tab),
      lines: categoryTotals(summary, tab).lines,
    })),
  ];
  return (
    <nav className="tabs" aria-label="Remittance categories">
      {tabs.map((t) => (
        <Link key={t.tab} to={tabPath(t.tab)} aria-current={t.tab === current ? 'page' : undefined}>
          {t.label} <span className="tab-count">({formatInt(t.lines)})</span>
        </Link>
      ))}
    </nav>
  );
}

function PayerFilter({
  payers,
  payer,
  onApply,
}: {
  payers: string[];
  payer: string;
  onApply: (payer: string) => void;
}) {
  const [value, setValue] = useState(payer);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(value);
  };
  const options = payer && !payers.includes(payer) ? [payer, ...payers] : payers;
  return (
    <form className="filters" onSubmit={submit} aria-label="Filters">
      <div className="field">
        <label htmlFor="remit-payer">Payer</label>
        <select id="remit-payer" value={value} onChange={(e) => setValue(e.target.value)}>
          <option value="">All payers</option>
          {options.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="primary">
        Apply filters
      </button>
    </form>
  );
}

function LinesTable({
  view,
  rows,
  total,
  busy,
  letters,
}: {
  view: View;
  rows: RemitLineView[];
  total: number;
  busy: boolean;
  letters: LineSelection | null;
}) {
  const title = view.tab === 'all' ? 'All lines' : remitLabel(view.tab);
  // A category tab needs no category column; "All" and "Unmatched" mix categories.
  const showCategory = view.tab === 'all' || view.tab === 'unmatched';
  if (rows.length === 0) {
    return (
      <div className="empty">
        <p className="empty-title">No lines here</p>
        <p>{view.payer ? 'Nothing matches this payer in this category.' : 'No line is in this category.'}</p>
      </div>
    );
  }
  return (
    <div className="table-wrap" aria-busy={busy}>
      <table className="table worklist">
        <caption className="visually-hidden">
          {title}
          {view.payer ? ` from ${view.payer}` : ''}, {formatInt(total)} lines
        </caption>
        <TableHead
          columns={[
            'Payer and claim',
            'Patient',
            'Date',
            'Code (sent → paid as)',
            { label: 'Billed', num: true },
            { label: 'Paid', num: true },
            { label: 'Expected', num: true },
            'Adjustments',
            ...(showCategory ? ['Category'] : []),
            { label: 'Next action', style: { minWidth: '12rem' } },
            'Appeal by',
            ...(letters ? ['Letter'] : []),
          ]}
        />
        <tbody>
          {rows.map((r) => (
            <LineRow key={r.id} row={r} showCategory={showCategory} letters={letters} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function LineRow({
  row,
  showCategory,
  letters,
}: {
  row: RemitLineView;
  showCategory: boolean;
  letters: LineSelection | null;
}) {
  const changed = row.submittedCode !== row.code;
  const modifiers = row.modifiers.length ? `-${row.modifiers.join('-')}` : '';
  const adjustments = [...row.carcs, ...row.remarks];
  return (
    <tr>
      <td>
        {row.payer ?? '—'}
        <span className="sub nowrap">
          Claim {row.claim}, line {row.line}
        </span>
      </td>
      <td>
        {row.courseId ? (
          <>
            <Link to={`/courses/${encodeURIComponent(row.courseId)}`}>
              {row.patientName ?? row.patientId ?? row.courseId}
            </Link>
            {row.mrn ? <span className="sub">MRN {row.mrn}</span> : null}
          </>
        ) : (
          <span className="sub">Unmatched</span>
        )}
      </td>
      <td className="nowrap">
        {formatDate(row.dateOfService)}
        {row.paymentDate ? <span className="sub">paid {formatDate(row.paymentDate)}</span> : null}
      </td>
      <td className="nowrap">
        {changed ? (
          <span title={`sent ${row.submittedCode}, paid as ${row.code}`}>
            <span className="code-sent">{row.submittedCode}</span> →{' '}
            <span className="code-paid">{row.code}</span>
            {modifiers}
          </span>
        ) : (
          <span className="code-paid">
            {row.code}
            {modifiers}
          </span>
        )}
      </td>
      <td className="num">{formatCents(row.billedCents)}</td>
      <td className="num">{formatCents(row.paidCents)}</td>
      <td className="num">{formatCents(row.expectedCents)}</td>
      <td>
        {adjustments.length
          ? adjustments.map((a) => (
              <span key={a} className="rule-id">
                {a}
              </span>
            ))
          : '—'}
        {row.flags.length ? <span className="sub">{row.flags.join(', ')}</span> : null}
      </td>
      {showCategory ? <td>{remitLabel(row.category)}</td> : null}
      <td>
        {row.ruleId ? <span className="rule-id">{row.ruleId}</span> : null}
        {row.nextAction ?? '—'}
        {row.message ? <span className="sub">{row.message}</span> : null}
      </td>
      <td className="nowrap">
        {row.appealBy ? (
          <>
            {formatDate(row.appealBy)}
            <span className="sub">{formatRelative(`${row.appealBy}T12:00:00Z`)}</span>
          </>
        ) : (
          '—'
        )}
      </td>
      {letters ? <LineLetterCell row={row} selection={letters} /> : null}
    </tr>
  );
}

/** The export takes the payer filter (every category is in the file, one column each). */
const payerFilter = (q: { payer?: string | undefined }) => (q.payer ? { payer: q.payer } : {});
