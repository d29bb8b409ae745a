/**
 * "Charges on hold" (FractionRow with status=hold) and "Fractions" (all statuses): filters in the URL,
 * sortable columns, selection with release/hold for coders and admins, keyset pages (the URL's `after`
 * keeps the cursors of the pages walked, so Previous drops the last) and exports.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { FractionQuery, FractionRow, WorklistChoices } from '../../app/views.js';
import { api, errorMessage, exportUrl, type ChargeChangeResult } from '../api/client.js';
import { useAuth } from '../auth.js';
import {
  Empty,
  Loading,
  Notice,
  PageHeader,
  PAGE_SIZES,
  PageSizeField,
  pageSize,
  Pagination,
  StatusBadge,
} from '../components/ui.js';
import { formatCount, formatDate, formatInt, formatTotal } from '../format.js';
import { SignatureDeadline } from '../components/SignatureDeadline.js';
import { useLoad, useTitle } from '../hooks.js';
import { Link, setQuery, useLocation } from '../router.js';

type Tab = 'holds' | 'fractions';
type FractionStatus = FractionRow['status'];
type SortKey = NonNullable<FractionQuery['sort']>;

const RULE_IDS = [
  ...Array.from({ length: 10 }, (_, i) => `DOC-${String(i + 1).padStart(3, '0')}`),
  ...Array.from({ length: 10 }, (_, i) => `CODE-${String(i + 1).padStart(3, '0')}`),
  ...Array.from({ length: 4 }, (_, i) => `PAYER-${String(i + 1).padStart(3, '0')}`),
];
const STATUSES: FractionStatus[] = ['ready', 'downgrade', 'hold'];

function readQuery(query: URLSearchParams, tab: Tab): FractionQuery {
  const status = query.get('status');
  const sort = query.get('sort');
  const order = query.get('order');
  return {
    status:
      tab === 'holds'
        ? 'hold'
        : STATUSES.includes(status as FractionStatus)
          ? (status as FractionStatus)
          : undefined,
    ruleId: query.get('ruleId') ?? undefined,
    payer: query.get('payer') ?? undefined,
    physicianId: query.get('physicianId') ?? undefined,
    search: query.get('search') ?? undefined,
    sort: ['date', 'deadline', 'atRisk', 'patient'].includes(sort ?? '') ? (sort as SortKey) : undefined,
    order: order === 'asc' || order === 'desc' ? order : undefined,
    limit: pageSize(query.get('limit')),
  };
}

/** The cursors of the pages walked to reach this one (`after=c1.c2`: base64url has no dot). */
function readTrail(query: URLSearchParams): string[] {
  return (query.get('after') ?? '').split('.').filter(Boolean);
}

function toParams(
  q: FractionQuery,
  tab: Tab,
  trail: string[] = [],
): Record<string, string | number | undefined> {
  return {
    status: tab === 'fractions' ? q.status : undefined,
    ruleId: q.ruleId,
    payer: q.payer,
    physicianId: q.physicianId,
    search: q.search,
    sort: q.sort,
    order: q.order,
    limit: q.limit === PAGE_SIZES[0] ? undefined : q.limit,
    after: trail.length ? trail.join('.') : undefined,
  };
}

export function WorklistPage({ tab }: { tab: Tab }) {
  const title = tab === 'holds' ? 'Charges on hold' : 'Fractions';
  useTitle(title);
  const { can } = useAuth();
  const { query } = useLocation();
  const q = readQuery(query, tab);
  const trail = readTrail(query);
  const key = JSON.stringify([q, trail]);
  const { data, error, loading, reload } = useLoad(
    (signal) => api.fractions({ ...q, after: trail.at(-1) }, signal),
    key,
  );
  const choices = useLoad((signal) => api.worklistChoices(signal), 'choices').data;
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [result, setResult] = useState<{
    kind: 'success' | 'error';
    text: string;
    skipped: ChargeChangeResult['skipped'];
  } | null>(null);

  // A new query is a new list: drop the selection.
  useEffect(() => setSelected(new Set()), [key]);

  const update = (changes: Partial<FractionQuery>) => setQuery(toParams({ ...q, ...changes }, tab), false);

  const sortBy = (sort: SortKey) => {
    const order = q.sort === sort && q.order !== 'desc' ? 'desc' : 'asc';
    update({ sort, order });
  };

  const rows = data?.items ?? [];
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const toggleAll = () => setSelected(allSelected ? new Set() : new Set(rows.map((r) => r.id)));
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const apply = async (action: 'release' | 'hold', reason?: string) => {
    const ids = [...selected];
    setResult(null);
    try {
      const r = action === 'release' ? await api.release(ids) : await api.hold(ids, reason ?? '');
      const verb = action === 'release' ? 'Released' : 'Put on hold';
      const skipped = r.skipped.length ? ` Skipped ${formatCount(r.skipped.length, 'fraction')}:` : '';
      setResult({
        kind: 'success',
        text: `${verb}: ${formatCount(r.changed, 'charge')}.${skipped}`,
        skipped: r.skipped,
      });
      setSelected(new Set());
      reload();
    } catch (e) {
      setResult({ kind: 'error', text: errorMessage(e), skipped: [] });
    }
  };

  const list = tab === 'holds' ? 'holds' : 'fractions';
  const rowById = new Map(rows.map((r) => [r.id, r]));

  return (
    <>
      <PageHeader title={title}>
        {can.export ? (
          <>
            <a className="button secondary" href={exportUrl(list, 'csv', q)} download>
              Export CSV
            </a>
            <a className="button secondary" href={exportUrl(list, 'xlsx', q)} download>
              Export Excel
            </a>
          </>
        ) : null}
      </PageHeader>
      <nav className="tabs" aria-label="Worklists">
        <Link to="/holds" aria-current={tab === 'holds' ? 'page' : undefined}>
          Charges on hold
        </Link>
        <Link to="/fractions" aria-current={tab === 'fractions' ? 'page' : undefined}>
          Fractions
        </Link>
      </nav>
      <Filters q={q} tab={tab} choices={choices} onApply={update} key={JSON.stringify([q, choices])} />

      {can.changeCharges ? (
        <Actions
          count={selected.size}
          onRelease={() => void apply('release')}
          onHold={(r) => void apply('hold', r)}
        />
      ) : null}
      <div role="status" aria-live="polite">
        {result && result.kind === 'success' ? (
          <div className="notice notice-success">
            <p>{result.text}</p>
            {result.skipped.length ? (
              <ul aria-label="Skipped fractions">
                {result.skipped.map((s) => {
                  const row = rowById.get(s.fractionId);
                  return (
                    <li key={s.fractionId}>
                      {row ? `${row.courseKey} fraction ${row.number}` : s.fractionId}: {s.reason}
                    </li>
                  );
                })}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
      <Notice kind="error">{result?.kind === 'error' ? result.text : (error ?? undefined)}</Notice>

      {loading && !data ? <Loading what="the worklist" /> : null}
      {data && rows.length === 0 ? (
        <Empty title={tab === 'holds' ? 'No charges on hold' : 'No fractions'}>
          {q.ruleId || q.payer || q.physicianId || q.status || q.search
            ? 'Nothing matches these filters. Clear them to see the whole list.'
            : tab === 'holds'
              ? 'Every charge can be billed.'
              : 'Import treatment records to see fractions here.'}
        </Empty>
      ) : null}
      {data && rows.length > 0 ? (
        <div className="table-wrap" aria-busy={loading}>
          <table className="table worklist">
            <caption className="visually-hidden">
              {title}, {formatInt(data.total)}
              {data.capped ? '+' : ''} in all{q.sort ? `, sorted by ${q.sort} ${q.order ?? 'asc'}` : ''}
            </caption>
            <thead>
              <tr>
                {can.changeCharges ? (
                  <th scope="col" className="check">
                    <input
                      type="checkbox"
                      aria-label="Select all on this page"
                      checked={allSelected}
                      onChange={toggleAll}
                    />
                  </th>
                ) : null}
                <SortHeader label="Patient" sort="patient" q={q} onSort={sortBy} />
                <th scope="col">Course</th>
                <SortHeader label="Date" sort="date" q={q} onSort={sortBy} />
                <th scope="col">Status</th>
                <th scope="col">Codes</th>
                <th scope="col">Reasons</th>
                <th scope="col">Payer</th>
                <SortHeader label="At risk" sort="atRisk" q={q} onSort={sortBy} numeric />
                <SortHeader label="Signature deadline" sort="deadline" q={q} onSort={sortBy} />
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <Row
                  key={r.id}
                  row={r}
                  selectable={can.changeCharges}
                  selected={selected.has(r.id)}
                  onToggle={toggle}
                />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {data && (trail.length > 0 || data.next !== undefined) ? (
        <Pagination
          label={title}
          total={data.total}
          capped={data.capped}
          limit={q.limit!}
          offset={trail.length * q.limit!}
          hasNext={data.next !== undefined}
          onChange={(offset) =>
            setQuery(
              toParams(
                q,
                tab,
                offset > trail.length * q.limit! ? [...trail, data.next!] : trail.slice(0, -1),
              ),
              false,
            )
          }
        />
      ) : null}
    </>
  );
}

function SortHeader({
  label,
  sort,
  q,
  onSort,
  numeric,
}: {
  label: string;
  sort: SortKey;
  q: FractionQuery;
  onSort: (s: SortKey) => void;
  numeric?: boolean;
}) {
  const active = q.sort === sort;
  const dir = active ? (q.order === 'desc' ? 'descending' : 'ascending') : 'none';
  return (
    <th scope="col" aria-sort={dir} className={numeric ? 'num' : undefined}>
      <button type="button" className="sort" onClick={() => onSort(sort)}>
        {label}
        <span aria-hidden="true" className="sort-icon">
          {active ? (q.order === 'desc' ? '▼' : '▲') : '↕'}
        </span>
      </button>
    </th>
  );
}

function Row({
  row,
  selectable,
  selected,
  onToggle,
}: {
  row: FractionRow;
  selectable: boolean;
  selected: boolean;
  onToggle: (id: string) => void;
}) {
  const who = row.patientName ?? row.patientId;
  return (
    <tr className={selected ? 'selected' : undefined}>
      {selectable ? (
        <td className="check">
          <input
            type="checkbox"
            aria-label={`Select ${who}, fraction ${row.number} on ${row.date}`}
            checked={selected}
            onChange={() => onToggle(row.id)}
          />
        </td>
      ) : null}
      <td>
        <span className="patient">{who}</span>
        <span className="sub">MRN {row.mrn}</span>
      </td>
      <td>
        <Link className="nowrap" to={`/courses/${encodeURIComponent(row.courseId)}`}>
          {row.courseKey}
        </Link>
        <span className="sub">Fraction {row.number}</span>
      </td>
      <td className="nowrap">{formatDate(row.date)}</td>
      <td>
        <StatusBadge status={row.status} />
        {row.chargeStatus !== row.status ? (
          <span className="sub">
            Charges: <StatusBadge status={row.chargeStatus} />
          </span>
        ) : null}
      </td>
      <td>
        {row.codes.length
          ? row.codes.map((c, i) => (
              <span key={c} className="nowrap">
                {c}
                {i < row.codes.length - 1 ? ', ' : ''}
              </span>
            ))
          : '—'}
      </td>
      <td>
        {row.reasons.length
          ? row.reasons.map((id) => (
              <span key={id} className="rule-id">
                {id}
              </span>
            ))
          : '—'}
      </td>
      <td>{row.payer}</td>
      <td className="num">{formatTotal(row.atRisk)}</td>
      <td>
        <SignatureDeadline deadline={row.signatureDeadline} reasons={row.reasons} />
      </td>
    </tr>
  );
}

function Filters({
  q,
  tab,
  choices,
  onApply,
}: {
  q: FractionQuery;
  tab: Tab;
  choices: WorklistChoices | null | undefined;
  onApply: (q: Partial<FractionQuery>) => void;
}) {
  const [ruleId, setRuleId] = useState(q.ruleId ?? '');
  const [payer, setPayer] = useState(q.payer ?? '');
  const [physicianId, setPhysicianId] = useState(q.physicianId ?? '');
  const [search, setSearch] = useState(q.search ?? '');
  const [status, setStatus] = useState<string>(q.status ?? '');
  const [limit, setLimit] = useState(String(q.limit ?? PAGE_SIZES[0]));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply({
      ruleId: ruleId.trim() || undefined,
      payer: payer || undefined,
      physicianId: physicianId || undefined,
      search: search.trim() || undefined,
      status: tab === 'fractions' && status ? (status as FractionStatus) : undefined,
      limit: Number(limit),
    });
  };
  const clear = () =>
    onApply({
      ruleId: undefined,
      payer: undefined,
      physicianId: undefined,
      search: undefined,
      status: undefined,
    });
  // A value in the URL that the practice no longer has stays choosable (it is what the list shows).
  const payers = [...new Set([...(choices?.payers ?? []), ...(q.payer ? [q.payer] : [])])];
  const physicians = [
    ...(choices?.physicians ?? []),
    ...(q.physicianId && !choices?.physicians.some((p) => p.id === q.physicianId)
      ? [{ id: q.physicianId, name: q.physicianId }]
      : []),
  ];
  return (
    <form className="filters" onSubmit={submit} aria-label="Filters">
      <div className="field">
        <label htmlFor="f-search">Patient (name or MRN)</label>
        <input id="f-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="f-rule">Reason (rule id)</label>
        <input
          id="f-rule"
          list="rule-ids"
          value={ruleId}
          onChange={(e) => setRuleId(e.target.value)}
          placeholder="e.g. DOC-008"
        />
        <datalist id="rule-ids">
          {RULE_IDS.map((id) => (
            <option key={id} value={id} />
          ))}
        </datalist>
      </div>
      <div className="field">
        <label htmlFor="f-payer">Payer</label>
        <select id="f-payer" value={payer} onChange={(e) => setPayer(e.target.value)}>
          <option value="">Any</option>
          {payers.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-physician">Physician</label>
        <select id="f-physician" value={physicianId} onChange={(e) => setPhysicianId(e.target.value)}>
          <option value="">Any</option>
          {physicians.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      {tab === 'fractions' ? (
        <div className="field">
          <label htmlFor="f-status">Status</label>
          <select id="f-status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">Any</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s[0]?.toUpperCase() + s.slice(1)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <PageSizeField id="f-limit" value={limit} onChange={setLimit} />
      <button type="submit" className="primary">
        Apply filters
      </button>
      <button type="button" className="secondary" onClick={clear}>
        Clear filters
      </button>
    </form>
  );
}

function Actions({
  count,
  onRelease,
  onHold,
}: {
  count: number;
  onRelease: () => void;
  onHold: (reason: string) => void;
}) {
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const hold = (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    onHold(reason.trim());
    setReason('');
  };
  return (
    <div className="actions-bar" role="group" aria-label="Selected fractions">
      <span className="selected-count" aria-live="polite">
        {count} selected
      </span>
      <button type="button" className="primary" disabled={count === 0} onClick={onRelease}>
        Release selected
      </button>
      <form className="hold-form" onSubmit={hold}>
        <label htmlFor="hold-reason">Hold reason</label>
        <input
          id="hold-reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={missing || undefined}
          aria-describedby={missing ? 'hold-reason-error' : undefined}
        />
        <button type="submit" className="secondary" disabled={count === 0}>
          Hold selected
        </button>
        {missing ? (
          <span id="hold-reason-error" className="field-error">
            Enter a reason for the hold.
          </span>
        ) : null}
      </form>
    </div>
  );
}
