import { useState, type FormEvent } from 'react';
import { api } from '../api/client.js';
import {
  Empty,
  Loading,
  Notice,
  PageHeader,
  PAGE_SIZES,
  PageSizeField,
  pageSize,
  Pagination,
  TableHead,
} from '../components/ui.js';
import { formatDate, formatInt } from '../format.js';
import { useLoad, useTitle } from '../hooks.js';
import { Link, setQuery, useLocation } from '../router.js';

export function CoursesPage() {
  useTitle('Courses');
  const { query } = useLocation();
  const search = query.get('search') ?? '';
  const offset = Math.max(0, Number(query.get('offset') ?? 0) || 0);
  const limit = pageSize(query.get('limit'));
  const { data, error, loading } = useLoad(
    (signal) => api.courses({ ...(search ? { search } : {}), limit, offset }, signal),
    `${search}|${offset}|${limit}`,
  );
  const [text, setText] = useState(search);
  const [size, setSize] = useState(String(limit));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQuery({ search: text.trim(), limit: size === String(PAGE_SIZES[0]) ? undefined : size }, false);
  };
  return (
    <>
      <PageHeader title="Courses" />
      <form className="filters" role="search" onSubmit={submit} aria-label="Search courses">
        <div className="field">
          <label htmlFor="course-search">Patient, MRN or course</label>
          <input id="course-search" type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <PageSizeField id="course-limit" value={size} onChange={setSize} />
        <button type="submit" className="secondary">
          Search
        </button>
      </form>
      <Notice kind="error">{error}</Notice>
      {loading && !data ? <Loading what="courses" /> : null}
      {data && data.items.length === 0 ? (
        <Empty title="No courses">
          {search ? 'Nothing matches this search.' : 'Import a clinic export to see courses.'}
        </Empty>
      ) : null}
      {data && data.items.length > 0 ? (
        <div className="table-wrap" aria-busy={loading}>
          <table className="table">
            <caption className="visually-hidden">Courses, {data.total} in all</caption>
            <TableHead
              columns={[
                'Patient',
                'Course',
                'Site',
                'Payer',
                'Physician',
                { label: 'Fractions', num: true },
                { label: 'On hold', num: true },
                'Last treatment',
              ]}
            />
            <tbody>
              {data.items.map((c) => (
                <tr key={c.id}>
                  <td>
                    <span className="patient">{c.patientName ?? c.patientId}</span>
                    <span className="sub">MRN {c.mrn}</span>
                  </td>
                  <td>
                    <Link className="nowrap" to={`/courses/${encodeURIComponent(c.id)}`}>
                      {c.courseKey}
                    </Link>
                  </td>
                  <td>{c.site}</td>
                  <td>{c.payer}</td>
                  <td>{c.physicianId}</td>
                  <td className="num">{formatInt(c.fractions)}</td>
                  <td className="num">{formatInt(c.holds)}</td>
                  <td>{formatDate(c.lastDate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {data && data.total > limit ? (
        <Pagination
          label="Courses"
          total={data.total}
          limit={limit}
          offset={offset}
          onChange={(o) =>
            setQuery(
              { search, limit: limit === PAGE_SIZES[0] ? undefined : limit, offset: o || undefined },
              false,
            )
          }
        />
      ) : null}
    </>
  );
}
