/**
 * Today (`/today`, the landing page): what needs the signed-in role today, each item a count and a link
 * to the filtered list that shows those items (`GET /api/today`).
 */
import type { TodayCovering, TodayHoldGroup, TodayItem, TodaySignature, TodayView } from '../../app/views.js';
import { api } from '../api/client.js';
import { Deadline } from '../components/Deadline.js';
import { DocumentsDue } from '../components/DocumentsDue.js';
import { Loading, Notice, PageHeader } from '../components/ui.js';
import { appNow, documentLabel, formatInstant, formatInt, formatPercent, formatRelative } from '../format.js';
import { useLoad, useTitle } from '../hooks.js';
import { queueLabel } from '../remit-categories.js';
import { Link } from '../router.js';

const FIXER_LABELS: Record<TodayHoldGroup['fixer'], string> = {
  physician: 'Physician',
  therapist: 'Therapist',
  'front-desk': 'Front desk',
  coder: 'Coder (coding decisions)',
};

export function TodayPage() {
  useTitle('Today');
  const { data, error, loading } = useLoad((signal) => api.today(signal), 'today');
  return (
    <>
      <PageHeader title="Today" />
      <Notice kind="error">{error ?? undefined}</Notice>
      {loading && !data ? <Loading what="today's work" /> : null}
      {data ? <TodayBody view={data} /> : null}
    </>
  );
}

function TodayBody({ view }: { view: TodayView }) {
  switch (view.role) {
    case 'physician':
      return (
        <>
          <Items title="Your patients" items={view.items} />
          <DocumentsDue />
          <Signatures rows={view.signatures} />
          {view.covering.map((g) => (
            <Covering key={g.forPhysicianId} group={g} />
          ))}
        </>
      );
    case 'coder':
      return (
        <>
          <Items title="To review" items={view.items} />
          <Holds groups={view.holds} />
          <Share share={view.share77412} />
        </>
      );
    case 'biller':
      return (
        <>
          <Items
            title={`Appeal deadlines within ${view.appealWithinDays} days`}
            items={view.items
              .filter((i) => i.key.startsWith('due:'))
              .map((i) => ({ ...i, label: queueLabel(i.label) }))}
            none={`No line's appeal deadline falls within ${view.appealWithinDays} days.`}
          />
          <Items
            title="Work queues"
            items={view.items
              .filter((i) => i.key.startsWith('queue:'))
              .map((i) => ({ ...i, label: queueLabel(i.label) }))}
            none="No remittance line waits in a work queue."
          />
          <Items title="To send and to fix" items={view.items.filter((i) => !i.key.includes(':'))} />
        </>
      );
    default:
      return <Items title="To check" items={view.items} />;
  }
}

function Items({ title, items, none }: { title: string; items: TodayItem[]; none?: string }) {
  const id = `today-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {items.length === 0 && none ? <p>{none}</p> : <ItemList items={items} />}
    </section>
  );
}

function ItemList({ items }: { items: TodayItem[] }) {
  return (
    <ul className="today-items">
      {items.map((i) => (
        <li key={i.key}>
          <Link to={i.href} data-testid={`today-${i.key}`}>
            <span className="today-count">
              {formatInt(i.count)}
              {i.capped ? '+' : ''}
            </span>{' '}
            {i.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}

function Signatures({ rows }: { rows: TodaySignature[] }) {
  const now = appNow();
  return (
    <section className="card" aria-labelledby="today-soonest">
      <h2 id="today-soonest">Sign first: the soonest next beam-on</h2>
      {rows.length === 0 ? (
        <p>No signature is due.</p>
      ) : (
        <ol className="today-items">
          {rows.map((r) => (
            <li key={r.fractionId}>
              <Link to={`/courses/${encodeURIComponent(r.courseId)}#fraction-${r.fractionId}`}>
                {r.patientName ?? r.courseKey}, fraction {r.fractionNumber}
              </Link>
              : {r.documents.map(documentLabel).join(' and ')}; <Deadline deadline={r.deadline} now={now} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** What waits on a physician in a covered course, or in all the courses covered for one physician. */
function coveredWork(w: { signatures: number; orders: number; statements: number }): string {
  const sign = `${formatInt(w.signatures)} fraction${w.signatures === 1 ? '' : 's'} to sign`;
  return `${sign}, ${formatInt(w.orders)} held for the order, ${formatInt(w.statements)} held for the necessity statement`;
}

/** The courses the physician covers for another physician today, soonest next beam-on first. */
function Covering({ group }: { group: TodayCovering }) {
  const now = appNow();
  const id = `today-covering-${group.forPhysicianId.replace(/\W+/g, '-')}`;
  return (
    <section className="card" aria-labelledby={id} data-testid="today-covering">
      <h2 id={id}>
        Covering for{' '}
        {group.forPhysicianName === group.forPhysicianId
          ? group.forPhysicianId
          : `Dr ${group.forPhysicianName}`}
      </h2>
      <p data-testid="today-covering-counts">{coveredWork(group)}</p>
      <ol className="today-items">
        {group.courses.map((c) => (
          <li key={c.courseId}>
            <Link to={`/courses/${encodeURIComponent(c.courseId)}`}>
              {c.patientName ?? c.courseKey} ({c.courseKey})
            </Link>
            : {coveredWork(c)}; due before the next beam-on{' '}
            {c.nextBeamOn
              ? `${formatInstant(c.nextBeamOn)} (${formatRelative(c.nextBeamOn, now)})`
              : 'not scheduled'}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Holds({ groups }: { groups: TodayHoldGroup[] }) {
  return (
    <section className="card" aria-labelledby="today-holds">
      <h2 id="today-holds">Holds, by who can fix them</h2>
      {groups.length === 0 ? (
        <p>No fraction is on hold.</p>
      ) : (
        <p className="muted">
          A fraction may be held by several rules: it counts once in its group, and once under each of its
          rules.
        </p>
      )}
      {groups.map((g) => (
        <div key={g.fixer}>
          <h3>
            {FIXER_LABELS[g.fixer]}: {formatInt(g.fractions)} fraction{g.fractions === 1 ? '' : 's'}
          </h3>
          <ul className="today-items">
            {g.rules.map((r) => (
              <li key={r.key}>
                <Link to={r.href} data-testid={`today-hold-${r.key}`}>
                  <span className="today-count">{formatInt(r.count)}</span> held for {r.label}
                </Link>
                <span className="muted"> ({r.reason})</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function Share({ share }: { share: Extract<TodayView, { role: 'coder' }>['share77412'] }) {
  const position = share.share < share.min ? 'below' : share.share > share.max ? 'above' : 'within';
  return (
    <section className="card" aria-labelledby="today-share">
      <h2 id="today-share">77412 share</h2>
      <p>
        <Link to="/">
          <span className="today-count">{formatPercent(share.share)}</span>
        </Link>{' '}
        of {share.of}, {share.from} to {share.to}: {position} the expected band of {formatPercent(share.min)}–
        {formatPercent(share.max)}.
      </p>
    </section>
  );
}
