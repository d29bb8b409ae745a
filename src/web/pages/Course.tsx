/** One course: header, documentation elements, course findings, and per fraction the timeline and decision. */
import { useEffect, useState } from 'react';
import type { CourseView, FractionDetail } from '../../app/views.js';
import { api, errorMessage, type SignDocument } from '../api/client.js';
import { useAuth } from '../auth.js';
import { ChargeHistoryButton } from '../components/ChargeHistory.js';
import { Legend } from '../components/charts.js';
import { CourseLetterButtons } from '../components/LetterActions.js';
import { CourseDocuments } from '../components/CourseDocuments.js';
import { RecordPreview } from '../components/RecordPreview.js';
import { SignatureDeadline } from '../components/SignatureDeadline.js';
import { FractionTimeline, TIMELINE_LEGEND } from '../components/Timeline.js';
import { Empty, Loading, Notice, PageHeader, StatusBadge, TableHead } from '../components/ui.js';
import { documentLabel, formatCents, formatDate, formatInstant } from '../format.js';
import { useLoad, useTitle } from '../hooks.js';
import { Link } from '../router.js';

type Finding = CourseView['findings'][number];
type Line = FractionDetail['lines'][number];
type Rules = CourseView['rules'];

/** `77387-26`, `77412 ×2` (as lineLabel in core). */
function lineLabel(line: Pick<Line, 'code' | 'modifiers' | 'units'>): string {
  const code = [line.code, ...line.modifiers].join('-');
  return line.units > 1 ? `${code} ×${line.units}` : code;
}

export function CoursePage({ id }: { id: string }) {
  const { data, error, loading, setData, reload } = useLoad((signal) => api.course(id, signal), id);
  useTitle(data ? `Course ${data.courseKey}` : 'Course');
  const { can } = useAuth();
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  // Scroll to #fraction-… once the course is shown (links from the signatures worklist).
  const loaded = data !== null;
  useEffect(() => {
    if (!loaded || !window.location.hash) return;
    const el = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    el?.scrollIntoView({ block: 'start' });
  }, [loaded]);

  const onSigned = (detail: FractionDetail, documents: SignDocument[]) => {
    setData((course) =>
      course
        ? { ...course, fractionDetails: course.fractionDetails.map((f) => (f.id === detail.id ? detail : f)) }
        : course,
    );
    setMessage({
      kind: 'success',
      text: `Signed ${documents.map(documentLabel).join(' and ')} for fraction ${detail.number}. Status: ${detail.status}.`,
    });
    reload(); // course-level findings and rule sources follow
  };

  if (!data) {
    return (
      <>
        <PageHeader title="Course" />
        <Notice kind="error">{error}</Notice>
        {loading ? <Loading what="the course" /> : null}
      </>
    );
  }

  const c = data;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/courses">Courses</Link> / {c.courseKey}
      </p>
      <PageHeader title={`${c.patientName ?? c.patientId} — course ${c.courseKey}`}>
        {can.writeLetters ? <CourseLetterButtons courseId={c.id} /> : null}
      </PageHeader>
      <dl className="course-header card">
        <Item label="Patient" value={c.patientName ?? c.patientId} />
        <Item label="MRN" value={c.mrn} />
        <Item label="Site" value={c.site} />
        <Item label="Diagnosis" value={c.diagnosis ?? '—'} />
        <Item label="Payer" value={c.payer} />
        <Item label="Physician" value={c.physicianId} />
        <Item label="Technique" value={c.technique} />
        <Item label="Motion management" value={c.motionManagement ?? 'None documented'} />
        <Item label="Fractions" value={`${c.fractions} (${c.holds} on hold)`} />
        <Item label="Facility time zone" value={c.timeZone} />
      </dl>
      <Notice kind="success">{message?.kind === 'success' ? message.text : undefined}</Notice>
      <Notice kind="error">{message?.kind === 'error' ? message.text : (error ?? undefined)}</Notice>

      <div className="grid-2">
        <section className="card" aria-labelledby="elements-title">
          <h2 id="elements-title">Documentation elements</h2>
          {c.elements ? (
            <ul className="elements">
              {c.elements.map((e) => (
                <li key={e.id} className={e.present ? 'present' : 'missing'}>
                  <span className="element-mark" aria-hidden="true">
                    {e.present ? '✓' : '✗'}
                  </span>
                  {e.name} <span className="element-state">{e.present ? 'present' : 'missing'}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="sub">Not scored: the course has no motion-management order.</p>
          )}
        </section>
        <section className="card" aria-labelledby="course-findings-title">
          <h2 id="course-findings-title">Course findings</h2>
          {c.findings.length ? (
            <Findings findings={c.findings} rules={c.rules} />
          ) : (
            <Empty title="No course findings" />
          )}
        </section>
      </div>

      <CourseDocuments courseId={c.id} onChanged={reload} />

      <section aria-labelledby="fractions-title">
        <h2 id="fractions-title">Fractions</h2>
        {c.fractionDetails.length === 0 ? <Empty title="No fractions imported for this course" /> : null}
        {c.fractionDetails.map((f) => (
          <Fraction
            key={f.id}
            fraction={f}
            rules={c.rules}
            onSigned={onSigned}
            onError={(t) => setMessage({ kind: 'error', text: t })}
          />
        ))}
      </section>
    </>
  );
}

function Item({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function Findings({ findings, rules }: { findings: Finding[]; rules: Rules }) {
  return (
    <ul className="findings">
      {findings.map((f, i) => (
        <li key={`${f.ruleId}-${i}`} className={`finding severity-${f.severity}`}>
          <p>
            <span className="rule-id">{f.ruleId}</span> <span className="severity">{f.severity}</span>{' '}
            {rules[f.ruleId]?.title ? <strong>{rules[f.ruleId]?.title}</strong> : null}
          </p>
          <p>{f.message}</p>
          {f.fix ? (
            <p className="fix">
              <strong>Fix:</strong> {f.fix}
            </p>
          ) : null}
          {rules[f.ruleId]?.source ? <p className="source">Source: {rules[f.ruleId]?.source}</p> : null}
        </li>
      ))}
    </ul>
  );
}

function Fraction({
  fraction: f,
  rules,
  onSigned,
  onError,
}: {
  fraction: FractionDetail;
  rules: Rules;
  onSigned: (detail: FractionDetail, documents: SignDocument[]) => void;
  onError: (text: string) => void;
}) {
  const { can } = useAuth();
  const [open] = useState(
    () => f.status !== 'ready' || f.signable.length > 0 || window.location.hash === `#fraction-${f.id}`,
  );
  const [busy, setBusy] = useState<SignDocument | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const headingId = `fraction-${f.id}-title`;

  const sign = async (doc: SignDocument) => {
    setBusy(doc);
    try {
      onSigned(await api.sign(f.id, [doc]), [doc]);
    } catch (e) {
      onError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <article
      id={`fraction-${f.id}`}
      className={`card fraction status-${f.status}`}
      aria-labelledby={headingId}
    >
      <header className="fraction-header">
        <h3 id={headingId}>
          Fraction {f.number} · {formatDate(f.date)}
        </h3>
        <StatusBadge status={f.status} />
        <SignatureDeadline
          deadline={f.signatureDeadline}
          reasons={f.findings.filter((x) => x.severity !== 'info').map((x) => x.ruleId)}
          prefix="Sign by "
          none={null}
        />
        {can.sign && f.signable.length ? (
          <span className="sign-buttons">
            {f.signable.map((doc) => (
              <button
                key={doc}
                type="button"
                className="primary"
                disabled={busy !== null || previewing}
                aria-expanded={doc === 'sgrt-record' ? previewing : undefined}
                onClick={() => (doc === 'sgrt-record' ? setPreviewing(true) : void sign(doc))}
              >
                {busy === doc
                  ? 'Signing…'
                  : doc === 'sgrt-record'
                    ? `Review and sign ${documentLabel(doc)}`
                    : `Sign ${documentLabel(doc)}`}
              </button>
            ))}
          </span>
        ) : null}
      </header>
      {previewing ? (
        <RecordPreview
          fraction={f}
          legend={TIMELINE_LEGEND}
          busy={busy !== null}
          onConfirm={() => void sign('sgrt-record').then(() => setPreviewing(false))}
          onCancel={() => setPreviewing(false)}
        />
      ) : null}
      <details open={open}>
        <summary>Timeline, decision and charges</summary>
        <FractionTimeline fraction={f} />
        <Legend items={TIMELINE_LEGEND} />
        <div className="grid-2">
          <div>
            <h4>Decision</h4>
            {f.lines.length ? (
              <table className="table compact">
                <TableHead columns={['Line', 'Why', { label: 'Expected', num: true }]} />
                <tbody>
                  {f.lines.map((l, i) => (
                    <tr key={i}>
                      <th scope="row">{lineLabel(l)}</th>
                      <td>
                        <span className="rule-id">{l.ruleId}</span> {l.reason}
                      </td>
                      <td className="num">{formatCents(l.expectedCents)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p className="sub">No billable lines.</p>
            )}
            {f.findings.length ? (
              <Findings findings={f.findings} rules={rules} />
            ) : (
              <p className="sub">No findings.</p>
            )}
          </div>
          <div>
            <h4>Charges</h4>
            {f.charges.length ? (
              <table className="table compact">
                <TableHead columns={['Charge', 'Status', { label: 'Expected', num: true }, 'History']} />
                <tbody>
                  {f.charges.map((ch) => (
                    <tr key={ch.id}>
                      <th scope="row">{ch.label}</th>
                      <td>
                        <StatusBadge status={ch.status} />
                        {ch.reason ? <span className="sub">{ch.reason}</span> : null}
                      </td>
                      <td className="num">{formatCents(ch.expectedCents)}</td>
                      <td>
                        <ChargeHistoryButton chargeId={ch.id} label={`${ch.label}, fraction ${f.number}`} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p className="sub">No charges.</p>
            )}
            <h4>Signatures</h4>
            {f.signatures.length ? (
              <ul className="plain">
                {f.signatures.map((s, i) => (
                  <li key={i}>
                    {documentLabel(s.document)}: {s.signerId}
                    {s.capacity && s.capacity !== 'undesignated' ? `, ${s.capacity} physician` : ''},{' '}
                    {formatInstant(s.signedAt)} ({s.source === 'app' ? 'signed in the app' : 'imported'})
                    {s.capacity === 'undesignated' ? (
                      <span className="badge badge-hold">
                        not the course's physician nor a designated cover
                      </span>
                    ) : null}
                    {s.beforeDeadline === false ? <span className="badge badge-hold">late</span> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="sub">No signatures.</p>
            )}
          </div>
        </div>
      </details>
    </article>
  );
}
