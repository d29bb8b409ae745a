import type { CoverDesignationView } from '../../app/views.js';
import { api } from '../api/client.js';
import { formatInstant } from '../format.js';
import { useListAction, useLoad } from '../hooks.js';
import { useForm } from '../use-form.js';
import { Field, InputField } from './Field.js';
import { Empty, ListTable, Notice } from './ui.js';

/**
 * Settings, "Covering physicians": who may sign besides a course's physician (DOC-011), for one course or
 * for a physician over dates, with who designated each and when; add and remove.
 */
export function CoverDesignations() {
  const covers = useLoad((signal) => api.covers(signal), 'covers');
  const { message, setMessage, act } = useListAction(covers);

  function remove(c: CoverDesignationView) {
    if (
      !window.confirm(
        `Remove ${c.coveringPhysicianId}'s designation? The courses it concerns are re-audited.`,
      )
    )
      return;
    void act(() => api.removeCover(c.id), 'Designation removed.');
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
      <ListTable
        items={covers.data}
        loading={covers.loading}
        what="the designations"
        empty={<Empty title="No covering physicians" />}
        caption="The practice's covering physicians"
        columns={['Covering', 'For physician', 'Course', 'Dates', 'Designated by', '']}
        row={(c) => (
          <tr key={c.id}>
            <th scope="row">{c.coveringPhysicianId}</th>
            <td>{c.forPhysicianId ?? '—'}</td>
            <td>{c.courseKey ?? 'all their courses'}</td>
            <td>{c.scope === 'dates' ? `${c.from} to ${c.to}` : 'the whole course'}</td>
            <td>
              {c.createdBy}, <time dateTime={c.createdAt}>{formatInstant(c.createdAt)}</time>
            </td>
            <td>
              <button type="button" className="secondary" onClick={() => remove(c)}>
                Remove <span className="visually-hidden">{c.coveringPhysicianId}</span>
              </button>
            </td>
          </tr>
        )}
      />
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
  const { form, field, error, busy, submit } = useForm({
    scope: 'course',
    coveringPhysicianId: '',
    courseKey: '',
    forPhysicianId: '',
    from: '',
    to: '',
  });
  const byCourse = form.scope === 'course';
  const send = async () =>
    onAdded(
      await api.addCover({
        coveringPhysicianId: form.coveringPhysicianId.trim(),
        courseKey: byCourse ? form.courseKey.trim() : null,
        forPhysicianId: byCourse ? null : form.forPhysicianId.trim(),
        from: byCourse ? null : form.from,
        to: byCourse ? null : form.to,
      }),
    );

  return (
    <form className="card" aria-label="Designate a covering physician" onSubmit={(e) => void submit(e, send)}>
      <h3>Designate a covering physician</h3>
      <div className="filters">
        <InputField
          id="cover-physician"
          label="Covering physician id"
          required
          {...field('coveringPhysicianId')}
        />
        <Field id="cover-scope" label="Covers">
          <select id="cover-scope" {...field('scope')}>
            <option value="course">one course</option>
            <option value="dates">a physician over dates</option>
          </select>
        </Field>
        {byCourse ? (
          <InputField id="cover-course" label="Course id in the chart" required {...field('courseKey')} />
        ) : (
          <>
            <InputField id="cover-for" label="Physician covered" required {...field('forPhysicianId')} />
            <InputField id="cover-from" label="From" type="date" required {...field('from')} />
            <InputField id="cover-to" label="To" type="date" required {...field('to')} />
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
