/**
 * Links an unlinked record to a course (`POST /api/unlinked-records/:id/link`): the courses of the
 * patient the record names, or, when that MRN has no course, a search of the practice's courses by
 * course id, MRN or name. The server re-links and re-audits the course at once, and refuses with the
 * reason a course whose patient or dates contradict the record; the reason is shown here. A course of
 * another MRN than the record's is another patient's: the form says so before anything is sent, and
 * links only when the user confirms with a typed reason (the server keeps it in the access log).
 */
import { useState, type FormEvent } from 'react';
import type { CourseSummary, UnlinkedRecordRow } from '../../app/views.js';
import { api, errorMessage } from '../api/client.js';
import { formatDate } from '../format.js';
import { useLoad } from '../hooks.js';

/** Courses offered at once (a patient has a few; a search is narrowed by typing). */
const SHOWN = 20;

const label = (c: CourseSummary) =>
  `${c.courseKey} · ${c.patientName ?? `MRN ${c.mrn}`} · ${c.site} · ${c.fractions} fraction${c.fractions === 1 ? '' : 's'}` +
  (c.lastDate ? `, last ${formatDate(c.lastDate)}` : '');

export function LinkToCourseForm({
  row,
  onLinked,
  onCancel,
}: {
  row: UnlinkedRecordRow;
  onLinked: (course: CourseSummary) => void;
  onCancel: () => void;
}) {
  const mrn = row.patientId ?? '';
  // The record's patient's courses: the search matches any part of an MRN, so keep the exact ones.
  const own = useLoad(
    async (signal) =>
      (await api.courses({ search: mrn, limit: SHOWN }, signal)).items.filter((c) => c.mrn === mrn),
    mrn,
  );
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<CourseSummary[] | null>(null);
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [reason, setReason] = useState('');
  const fieldId = `link-${row.id}`;
  const searching = own.data !== null && own.data.length === 0;
  const offered = searching ? (found ?? []) : (own.data ?? []);
  const selected = offered.find((c) => c.id === (chosen || offered[0]?.id));
  const otherPatient = selected !== undefined && selected.mrn !== mrn;

  const find = async () => {
    setError(null);
    try {
      const page = await api.courses({ search: search.trim(), limit: SHOWN });
      setFound(page.items);
      setChosen(page.items[0]?.id ?? '');
      if (!page.items.length) setError('No course matches.');
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const course = selected;
    if (!course) {
      setError('Choose the course the record belongs to.');
      return;
    }
    if (otherPatient && !reason.trim()) {
      setError('Say why this record belongs to another MRN’s course, or choose another course.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.linkUnlinked(row.id, course.id, otherPatient ? reason.trim() : undefined);
      onLinked(course);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  if (own.loading && !own.data) return <span className="sub">Loading the patient’s courses…</span>;
  return (
    <form onSubmit={(e) => void submit(e)} aria-label={`Link the record from ${row.source} to a course`}>
      {searching ? (
        <>
          <span className="sub">No course of this MRN: find the record’s course.</span>
          <label htmlFor={`${fieldId}-search`}>Find a course</label>
          <input
            id={`${fieldId}-search`}
            type="search"
            value={search}
            maxLength={100}
            placeholder="Course id, MRN or name"
            onChange={(e) => setSearch(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void find();
              }
            }}
          />
          <button type="button" className="secondary" onClick={() => void find()}>
            Find
          </button>
        </>
      ) : null}
      {offered.length ? (
        <>
          <label htmlFor={fieldId}>Course</label>
          <select id={fieldId} value={chosen || offered[0]!.id} onChange={(e) => setChosen(e.target.value)}>
            {offered.map((c) => (
              <option key={c.id} value={c.id}>
                {label(c)}
              </option>
            ))}
          </select>
        </>
      ) : null}
      {otherPatient ? (
        <>
          <span className="field-error" id={`${fieldId}-other`}>
            Another patient’s course: the record names MRN {mrn}, course {selected.courseKey} is MRN{' '}
            {selected.mrn}. Link it only if the record’s MRN was mistyped.
          </span>
          <label htmlFor={`${fieldId}-reason`}>Reason for linking to another MRN</label>
          <input
            id={`${fieldId}-reason`}
            value={reason}
            maxLength={500}
            required
            aria-describedby={`${fieldId}-other`}
            onChange={(e) => setReason(e.target.value)}
          />
        </>
      ) : null}
      {error || own.error ? (
        <span id={`${fieldId}-error`} className="field-error" role="alert">
          {error ?? own.error}
        </span>
      ) : null}
      <button type="submit" disabled={busy || !offered.length}>
        {busy ? 'Linking…' : otherPatient ? 'Link anyway' : 'Link'}
      </button>
      <button type="button" className="secondary" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
