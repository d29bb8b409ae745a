/**
 * The physician's own patients' courses held for what only a physician can fix (DOC-001 order, DOC-002
 * necessity statement), the same patients Today's counts count, each a link to the course's order and
 * statement, where they are signed or written.
 */
import { api } from '../api/client.js';
import { formatInt } from '../format.js';
import { useLoad } from '../hooks.js';
import { Link } from '../router.js';
import { Loading, Notice } from './ui.js';

const NEEDS: Record<string, string> = {
  'DOC-001': 'sign the motion-management order',
  'DOC-002': 'write or attest the necessity statement',
};

export function DocumentsDue() {
  const { data, error, loading } = useLoad((signal) => api.documentsDue({}, signal), 'documents-due');
  return (
    <section className="card" aria-labelledby="today-documents">
      <h2 id="today-documents">Your patients' orders and necessity statements to fix</h2>
      <Notice kind="error">{error ?? undefined}</Notice>
      {loading && !data ? <Loading what="the courses" /> : null}
      {data && data.length === 0 ? (
        <p>No fraction of your patients is held for an order or a necessity statement.</p>
      ) : null}
      {data && data.length ? (
        <ul className="today-items">
          {data.map((d) => (
            <li key={d.courseId}>
              <Link
                to={`/courses/${encodeURIComponent(d.courseId)}#documents`}
                data-testid="documents-due-link"
              >
                {d.patientName ?? d.courseKey}, course {d.courseKey}
              </Link>
              : {d.rules.map((r) => NEEDS[r] ?? r).join(' and ')} ({formatInt(d.heldFractions)} fraction
              {d.heldFractions === 1 ? '' : 's'} held)
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
