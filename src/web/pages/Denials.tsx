/**
 * "Remittances" (`/denials`): the 835 service lines by work queue and by category (tabs), filtered by
 * payer, with what was sent and paid, the remarks and their meaning, reversal pairs netted, the next
 * action and the appeal deadline; summary cards, a shortfall chart and payer scorecards above the list,
 * the payments with their provider-level adjustments reconciled below it.
 */
import { useState, type FormEvent } from 'react';
import type { RemitLineView, RemitQuery, RemitSummaryView } from '../../app/views.js';
import type { RemitQueue } from '../../core/remit/remit-category.js';
import { api, exportUrl } from '../api/client.js';
import { useAuth } from '../auth.js';
import {
  CategoryCards,
  categoryTotals,
  PayerScorecards,
  ShortfallSection,
} from '../components/RemitSummary.js';
import {
  draftable,
  DraftSelection,
  LineLetterCell,
  type LineSelection,
  useLineSelection,
} from '../components/LetterActions.js';
import { PaymentsSection } from '../components/RemitPayments.js';
import { TrendSection } from '../components/TrendChart.js';
import { Loading, Notice, PageHeader, Pagination, TableHead } from '../components/ui.js';
import { formatCents, formatDate, formatDollars, formatInt, formatRelative, plural } from '../format.js';
import { useLoad, useTitle } from '../hooks.js';
import {
  claimStatusLabel,
  isRemitQueue,
  isRemitTab,
  queueLabel,
  REMIT_QUEUE_LIST,
  REMIT_TABS,
  remitLabel,
  type RemitTab,
} from '../remit-categories.js';
import { Link, setQuery, useLocation } from '../router.js';

const PAGE_SIZE = 50;

interface View {
  tab: RemitTab | 'all';
  queue: RemitQueue | 'all';
  payer: string;
  /** Appeal-by dates (the Today page's link to the deadlines within 30 days). */
  appealFrom: string;
  appealTo: string;
  offset: number;
}

function readView(query: URLSearchParams): View {
  const category = query.get('category');
  const queue = query.get('queue');
  const offset = Number(query.get('offset') ?? 0);
  return {
    tab: isRemitTab(category) ? category : 'all',
    queue: isRemitQueue(queue) ? queue : 'all',
    payer: query.get('payer') ?? '',
    appealFrom: query.get('appealFrom') ?? '',
    appealTo: query.get('appealTo') ?? '',
    offset: Number.isFinite(offset) && offset > 0 ? Math.floor(offset) : 0,
  };
}

function toQuery(v: View): RemitQuery {
  return {
    ...(v.tab === 'unmatched' ? { matched: false } : v.tab === 'all' ? {} : { category: v.tab }),
    ...(v.queue === 'all' ? {} : { queue: v.queue }),
    ...(v.payer ? { payer: v.payer } : {}),
    ...(v.appealFrom ? { appealFrom: v.appealFrom } : {}),
    ...(v.appealTo ? { appealTo: v.appealTo } : {}),
    limit: PAGE_SIZE,
    offset: v.offset,
  };
}

const toParams = (v: View) => ({
  queue: v.queue === 'all' ? undefined : v.queue,
  category: v.tab === 'all' ? undefined : v.tab,
  payer: v.payer || undefined,
  appealFrom: v.appealFrom || undefined,
  appealTo: v.appealTo || undefined,
  offset: v.offset || undefined,
});

/** The page's path with one filter changed (the first page of the result). */
const pathWith = (v: View, change: Partial<View>) => {
  const params = new URLSearchParams();
  for (const [k, value] of Object.entries(toParams({ ...v, ...change, offset: 0 })))
    if (value !== undefined) params.set(k, String(value));
  const q = params.toString();
  return q ? `/denials?${q}` : '/denials';
};

export function DenialsPage() {
  useTitle('Remittances');
  const { query } = useLocation();
  const { can } = useAuth();
  const view = readView(query);
  const q = toQuery(view);
  const summary = useLoad((signal) => api.remitSummary(signal), 'summary');
  const lines = useLoad((signal) => api.remitLines(q, signal), JSON.stringify(q));
  const selection = useLineSelection(lines.data?.items ?? []);
  // The Letter column: a line's letter, its draft, or why the server refuses it (then no draft is offered).
  const letters =
    can.writeLetters && lines.data?.items.some((r) => r.letter !== null || r.letterId !== null)
      ? selection
      : null;
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
            <QueueTabs summary={s} view={view} />
            <CategoryTabs summary={s} view={view} />
            <PayerFilter
              payers={s.payers.map((p) => p.payer)}
              payer={view.payer}
              key={view.payer}
              onApply={(payer) => setQuery(toParams({ ...view, payer, offset: 0 }), false)}
            />
            {lines.loading && !lines.data ? <Loading what="the lines" /> : null}
            {letters && lines.data?.items.some(draftable) ? (
              <DraftSelection selection={letters} rows={lines.data.items} onDrafted={lines.reload} />
            ) : null}
            {lines.data ? (
              <LinesTable
                view={view}
                rows={lines.data.items}
                total={lines.data.total}
                capped={lines.data.capped}
                busy={lines.loading}
                letters={letters}
              />
            ) : null}
            {lines.data && lines.data.total > PAGE_SIZE ? (
              <Pagination
                label="Remittance lines"
                total={lines.data.total}
                capped={lines.data.capped}
                limit={PAGE_SIZE}
                offset={view.offset}
                onChange={(offset) => setQuery(toParams({ ...view, offset }), false)}
              />
            ) : null}
          </section>
          <PaymentsSection payer={view.payer} />
        </>
      ) : null}
    </>
  );
}

/** A row of filter tabs that wraps at narrow widths (never scrolls sideways). */
const WRAP = { flexWrap: 'wrap' } as const;

/** The work queues: lines, dollars still open, and the soonest appeal date not yet passed. */
function QueueTabs({ summary, view }: { summary: RemitSummaryView; view: View }) {
  const all = summary.queues.reduce((n, q) => n + q.lines, 0);
  return (
    <nav className="tabs" style={WRAP} aria-label="Work queues">
      <Link to={pathWith(view, { queue: 'all' })} aria-current={view.queue === 'all' ? 'page' : undefined}>
        All work <span className="tab-count">({formatInt(all)})</span>
      </Link>
      {REMIT_QUEUE_LIST.map((queue) => {
        const q = summary.queues.find((x) => x.queue === queue);
        return (
          <Link
            key={queue}
            to={pathWith(view, { queue })}
            aria-current={view.queue === queue ? 'page' : undefined}
          >
            {queueLabel(queue)} <span className="tab-count">({formatInt(q?.lines ?? 0)})</span>
            {q?.lines ? (
              <span className="sub">
                {formatDollars(q.openCents)} open
                {q.withoutRate ? ` (+${formatInt(q.withoutRate)} without a rate)` : ''}
                {q.soonestAppealBy ? `, by ${formatDate(q.soonestAppealBy)}` : ''}
                {q.overdue ? `, ${formatInt(q.overdue)} past due` : ''}
              </span>
            ) : null}
          </Link>
        );
      })}
    </nav>
  );
}

function CategoryTabs({ summary, view }: { summary: RemitSummaryView; view: View }) {
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
    <nav className="tabs" style={WRAP} aria-label="Remittance categories">
      {tabs.map((t) => (
        <Link
          key={t.tab}
          to={pathWith(view, { tab: t.tab })}
          aria-current={t.tab === view.tab ? 'page' : undefined}
        >
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
  capped,
  busy,
  letters,
}: {
  view: View;
  rows: RemitLineView[];
  total: number;
  /** `total` is a lower bound (counting stopped there). */
  capped: boolean | undefined;
  busy: boolean;
  letters: LineSelection | null;
}) {
  const title = [
    view.queue === 'all' ? null : queueLabel(view.queue),
    view.tab === 'all' ? (view.queue === 'all' ? 'All lines' : null) : remitLabel(view.tab),
  ]
    .filter(Boolean)
    .join(', ');
  // A category tab needs no category; "All", "Unmatched" and the work queues mix them (shown with the
  // next action: a column of its own would not fit a 1366 px screen).
  const showCategory = view.tab === 'all' || view.tab === 'unmatched';
  if (rows.length === 0) {
    return (
      <div className="empty">
        <p className="empty-title">No lines here</p>
        <p>{view.payer ? 'Nothing matches this payer here.' : 'No line is in this queue or category.'}</p>
      </div>
    );
  }
  return (
    <div className="table-wrap" aria-busy={busy}>
      <table className="table worklist">
        <caption className="visually-hidden">
          {title}
          {view.payer ? ` from ${view.payer}` : ''}, {formatInt(total)}
          {capped ? '+' : ''} {plural(total, 'line')}
        </caption>
        <TableHead
          columns={[
            'Payer and claim',
            'Patient',
            'Date',
            'Code',
            { label: 'Paid', num: true },
            'Adjustments',
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
  return (
    <tr>
      <td>
        {row.payer ?? '—'}
        <span className="sub nowrap">
          {/* Its claim's history: corrected, void and secondary claims (the Claims page reads a line id). */}
          Claim <Link to={`/claims?claim=${encodeURIComponent(row.id)}`}>{row.claim}</Link>,{' '}
          {row.line === 0 ? 'no service lines' : `line ${row.line}`}
        </span>
        <span className="sub">{claimStatusLabel(row.claimStatus)}</span>
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
        {!row.code ? (
          <span className="sub">whole claim</span>
        ) : changed ? (
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
      <td className="num">
        <LineMoney row={row} />
      </td>
      <td>
        {row.carcs.map((a) => (
          <span key={a} className="rule-id">
            {a}
          </span>
        ))}
        {row.carcs.length || row.remarks.length ? null : '—'}
        {row.remarks.map((r) => (
          <span key={r.code} className="sub remark">
            <span className="rule-id">{r.code}</span>
            {r.meaning ?? 'remark not in our list'}
          </span>
        ))}
        {row.flags.length ? <span className="sub">{row.flags.join(', ')}</span> : null}
      </td>
      <td className="wrap-any">
        {showCategory || row.queue ? (
          <strong className="sub">
            {[showCategory ? remitLabel(row.category) : null, row.queue ? queueLabel(row.queue) : null]
              .filter(Boolean)
              .join(' · ')}
          </strong>
        ) : null}
        {row.ruleId ? <span className="rule-id">{row.ruleId}</span> : null}
        {row.nextAction ?? '—'}
        {row.message ? <span className="sub">{row.message}</span> : null}
      </td>
      <td className="nowrap">
        {row.queue && row.appealBy ? (
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

/**
 * Paid, with what it was measured against: the charge, the expected amount, the patient's share; a
 * reversal shows what its pair nets to (a take-back is never a negative payment on its own).
 */
function LineMoney({ row }: { row: RemitLineView }) {
  const r = row.reversal;
  return (
    <>
      {formatCents(row.paidCents)}
      <span className="sub">of {formatCents(row.billedCents)} billed</span>
      {row.expectedCents !== null ? (
        <span className="sub">expected {formatCents(row.expectedCents)}</span>
      ) : null}
      {row.patientResponsibilityCents ? (
        <span className="sub">patient {formatCents(row.patientResponsibilityCents)}</span>
      ) : null}
      {r && r.role !== 'correction' ? (
        <span className="sub reversal-net">
          {r.partner
            ? `${r.role === 'take-back' ? 'takes back' : 'taken back'} ${formatDate(r.partner.paymentDate)}: nets ${formatCents(r.netCents)}`
            : 'no payment on file to net with'}
        </span>
      ) : null}
      {r?.role === 'correction' && r.partner ? (
        <span className="sub">replaces the payment of {formatDate(r.partner.paymentDate)}</span>
      ) : null}
    </>
  );
}

/** The export takes the payer filter (every category is in the file, one column each). */
const payerFilter = (q: { payer?: string | undefined }) => (q.payer ? { payer: q.payer } : {});
