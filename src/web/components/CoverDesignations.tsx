import { type FormEvent, useState } from 'react';
import type { CoverDesignationView } from '../../app/views.js';
import { api, errorMessage } from '../api/client.js';
import { formatInstant } from '../format.js';
import { useLoad } from '../hooks.js';
import { Empty, Loading, Notice, TableHead } from './ui.js';

/**
 * Settings, "Covering physicians": who may sign besides a course's physician (DOC-011), for one course or
 * for a physician over dates, with who designated each and when; add and remove.
 */
export function CoverDesignations() {
  const covers = useLoad((signal) => api.covers(signal), 'covers');
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);

  async function remove(c: CoverDesignationView) {
    if (
      !window.confirm(
        `Remove ${c.coveringPhysicianId}'s designation? The courses it concerns are re-audited.`,
      )
    )
      return;
    setMessage(null);
    try {
      const next = await api.removeCover(c.id);
      covers.setData(() => next);
      setMessage({ kind: 'success', text: 'Designation removed.' });
    } catch (err) {
      setMessage({ kind: 'error', text: errorMessage(err) });
    }
  }

  return (
    <section aria-labelledby="covers-title">
      <h2 id="covers-title">Covering physicians</h2>
      <p>
        A course's records count as the physician's review when its physician signs them, or a physician the
        practice designates here: for the course, or for the physician over dates that include the signing
        date.
      </p>
      <Notice kind="error">{covers.error}</Notice>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      {covers.loading && !covers.data ? <Loading what="the designations" /> : null}
      {covers.data && covers.data.length === 0 ? <Empty title="No covering physicians" /> : null}
      {covers.data && covers.data.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">The practice's covering physicians</caption>
            <TableHead columns={['Covering', 'For physician', 'Course', 'Dates', 'Designated by', '']} />
            <tbody>
              {covers.data.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.coveringPhysicianId}</th>
                  <td>{c.forPhysicianId ?? '—'}</td>
                  <td>{c.courseKey ?? 'all their courses'}</td>
                  <td>{c.scope === 'dates' ? `${c.from} to ${c.to}` : 'the whole course'}</td>
                  <td>
                    {c.createdBy}, <time dateTime={c.createdAt}>{formatInstant(c.createdAt)}</time>
                  </td>
                  <td>
                    <button type="button" className="secondary" onClick={() => void remove(c)}>
                      Remove <span className="visually-hidden">{c.coveringPhysicianId}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <AddCover
        onAdded={(next) => {
          covers.setData(() => next);
          setMessage({
            kind: 'success',
            text: 'Designation added; the courses it concerns were re-audited.',
          });
        }}
      />
    </section>
  );
}

function AddCover({ onAdded }: { onAdded: (covers: CoverDesignationView[]) => void }) {
  const empty = {
    scope: 'course',
    coveringPhysicianId: '',
    courseKey: '',
    forPhysicianId: '',
    from: '',
    to: '',
  };
  const [form, setForm] = useState(empty);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const byCourse = form.scope === 'course';

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      onAdded(
        await api.addCover({
          coveringPhysicianId: form.coveringPhysicianId.trim(),
          courseKey: byCourse ? form.courseKey.trim() : null,
          forPhysicianId: byCourse ? null : form.forPhysicianId.trim(),
          from: byCourse ? null : form.from,
          to: byCourse ? null : form.to,
        }),
      );
      setForm(empty);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const field = (key: keyof typeof form) => ({
    value: form[key],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }),
  });
  return (
    <form className="card" aria-label="Designate a covering physician" onSubmit={(e) => void submit(e)}>
      <h3>Designate a covering physician</h3>
      <div className="filters">
        <div className="field">
          <label htmlFor="cover-physician">Covering physician id</label>
          <input id="cover-physician" required {...field('coveringPhysicianId')} />
        </div>
        <div className="field">
          <label htmlFor="cover-scope">Covers</label>
          <select id="cover-scope" {...field('scope')}>
            <option value="course">one course</option>
            <option value="dates">a physician over dates</option>
          </select>
        </div>
        {byCourse ? (
          <div className="field">
            <label htmlFor="cover-course">Course id in the chart</label>
            <input id="cover-course" required {...field('courseKey')} />
          </div>
        ) : (
          <>
            <div className="field">
              <label htmlFor="cover-for">Physician covered</label>
              <input id="cover-for" required {...field('forPhysicianId')} />
            </div>
            <div className="field">
              <label htmlFor="cover-from">From</label>
              <input id="cover-from" type="date" required {...field('from')} />
            </div>
            <div className="field">
              <label htmlFor="cover-to">To</label>
              <input id="cover-to" type="date" required {...field('to')} />
            </div>
          </>
        )}
        <button type="submit" disabled={busy}>
          {busy ? 'Designating…' : 'Designate'}
        </button>
      </div>
      <Notice kind="error">{error}</Notice>
    </form>
  );
}
