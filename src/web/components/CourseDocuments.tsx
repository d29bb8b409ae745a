/**
 * What only a physician can fix on a course (DOC-001, DOC-002): sign the motion-management order, attest
 * the necessity statement or write a new one, with the five documentation elements as a live checklist
 * and DOC-002's warnings live. The checks come from the API, which runs the audit's own rule code.
 */
import { useEffect, useId, useState } from 'react';
import type {
  CourseDocumentSignatureView,
  CourseDocumentsView,
  NecessityCheckView,
} from '../../app/views.js';
import { api, errorMessage } from '../api/client.js';
import { useAuth } from '../auth.js';
import { formatInstant } from '../format.js';
import { useLoad } from '../hooks.js';
import { Loading, Notice } from './ui.js';

/** Pause after the last keystroke before the draft is checked. */
const CHECK_DELAY_MS = 300;

export function CourseDocuments({ courseId, onChanged }: { courseId: string; onChanged: () => void }) {
  const { data, error, setData } = useLoad((signal) => api.courseDocuments(courseId, signal), courseId);
  const { can } = useAuth();
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  if (!data) {
    return (
      <section className="card" aria-labelledby="documents-title" id="documents">
        <h2 id="documents-title">Order and necessity statement</h2>
        <Notice kind="error">{error}</Notice>
        {error ? null : <Loading what="the order and statement" />}
      </section>
    );
  }
  const d = data;
  const mayAct = can.sign && (d.capacity === 'treating' || d.capacity === 'covering');

  const act = async (what: string, run: () => Promise<CourseDocumentsView>) => {
    setBusy(what);
    setMessage(null);
    try {
      const next = await run();
      setData(() => next);
      setMessage({ kind: 'success', text: `${what}. ${afterAudit(next)}` });
      onChanged();
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="card physician-documents" aria-labelledby="documents-title" id="documents">
      <h2 id="documents-title">Order and necessity statement</h2>
      <p>
        {d.holds.byDocuments
          ? `${d.holds.byDocuments} of ${d.holds.fractions} held fraction${d.holds.fractions === 1 ? '' : 's'} wait for the order or the statement.`
          : 'No fraction is held for the order or the statement.'}
      </p>
      {can.sign && d.capacity === 'undesignated' ? (
        <Notice kind="info">
          You are neither this course's physician ({d.physicianId}) nor a designated covering physician: you
          may read, not sign.
        </Notice>
      ) : null}
      <Notice kind="success">{message?.kind === 'success' ? message.text : undefined}</Notice>
      <Notice kind="error">{message?.kind === 'error' ? message.text : undefined}</Notice>

      <h3>Motion-management order</h3>
      {d.orders.length === 0 ? (
        <p className="sub">
          No motion-management order in the chart: enter it in the chart (best practice: a section of the
          treatment plan) and import it.
        </p>
      ) : (
        <ul className="plain">
          {d.orders.map((o) => (
            <li key={o.id}>
              <strong>{o.id}</strong>
              {o.system ? ` · ${o.system}` : ''}: {o.text ?? <span className="sub">no text</span>}
              <SignatureLine signature={o.signature} />
            </li>
          ))}
        </ul>
      )}
      {mayAct && d.orders.some((o) => !o.signature) ? (
        <p>
          <button
            type="button"
            className="primary"
            disabled={busy !== null}
            onClick={() =>
              void act('Signed the motion-management order', () =>
                api.signCourseDocument(courseId, 'motion-management-order'),
              )
            }
          >
            {busy === 'Signed the motion-management order' ? 'Signing…' : 'Sign the order'}
          </button>{' '}
          <span className="sub">
            Fractions delivered before the order is signed are billed 77407 (DOC-001); later ones can be
            77412.
          </span>
        </p>
      ) : null}

      <h3>Medical-necessity statement</h3>
      {d.necessity ? (
        <div className="necessity-current">
          <blockquote>{d.necessity.text || <span className="sub">empty</span>}</blockquote>
          <p className="sub">
            {d.necessity.writtenInApp ? 'Written in the app.' : 'From the chart.'}{' '}
            <SignatureLine signature={d.necessity.signature} />
          </p>
          {d.necessity.check.warning ? (
            <p className="warning" role="note">
              <span className="rule-id">DOC-002</span> {d.necessity.check.warning}
            </p>
          ) : null}
          {mayAct && !d.necessity.signature && !d.necessity.check.problem ? (
            <button
              type="button"
              className="primary"
              disabled={busy !== null}
              onClick={() =>
                void act('Attested the necessity statement', () =>
                  api.signCourseDocument(courseId, 'necessity'),
                )
              }
            >
              {busy === 'Attested the necessity statement' ? 'Signing…' : 'Attest and sign this statement'}
            </button>
          ) : null}
        </div>
      ) : (
        <p className="sub">No necessity statement in the chart.</p>
      )}
      {mayAct ? (
        <NecessityForm
          courseId={courseId}
          busy={busy !== null}
          onSubmit={(text) =>
            act('Signed the new necessity statement', () => api.writeNecessity(courseId, text))
          }
        />
      ) : null}

      {d.findings.length ? (
        <>
          <h3>Still missing</h3>
          <ul className="findings">
            {d.findings.map((f, i) => (
              <li key={`${f.ruleId}-${i}`} className={`finding severity-${f.severity}`}>
                <span className="rule-id">{f.ruleId}</span> {f.message}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** Where a documentation element was found (DOC-003 reads the statement with the chart's orders). */
const ELEMENT_FROM = {
  statement: 'in this statement',
  order: 'from the chart’s order only',
  missing: 'missing',
} as const;

/** What the re-audit came to, in a sentence: what is still found, by rule and with its message. */
function afterAudit(d: CourseDocumentsView): string {
  if (d.holds.byDocuments === 0)
    return d.findings.length
      ? `Re-audited: no fraction is held for them any more. The audit still finds: ${d.findings.map((f) => `${f.ruleId}: ${f.message.replace(/\.$/, '')}`).join('; ')}.`
      : 'Re-audited: no fraction is held for them any more.';
  return `Re-audited: ${d.holds.byDocuments} fraction${d.holds.byDocuments === 1 ? '' : 's'} still held (${[...new Set(d.findings.map((f) => f.ruleId))].join(', ')}).`;
}

function SignatureLine({ signature: s }: { signature: CourseDocumentSignatureView | null }) {
  if (!s) return <span className="badge badge-hold">not signed</span>;
  return (
    <span className="sub">
      Signed by {s.signerId}
      {s.capacity === 'covering' ? ' (covering physician)' : ''}, {formatInstant(s.signedAt)} (
      {s.source === 'app' ? 'in the app' : 'imported'})
    </span>
  );
}

function NecessityForm({
  courseId,
  busy,
  onSubmit,
}: {
  courseId: string;
  busy: boolean;
  onSubmit: (text: string) => Promise<void>;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [check, setCheck] = useState<NecessityCheckView | null>(null);
  const [checkError, setCheckError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api.checkNecessity(courseId, text, controller.signal).then(
        (c) => {
          setCheck(c);
          setCheckError(null);
        },
        (e: unknown) => {
          if (!controller.signal.aborted) setCheckError(errorMessage(e));
        },
      );
    }, CHECK_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [courseId, text]);

  const ok = check !== null && check.problem === null && text.trim() !== '';
  return (
    <form
      className="necessity-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (ok) void onSubmit(text).then(() => setText(''));
      }}
    >
      <label htmlFor={`${id}-text`}>Write a patient-specific statement</label>
      <textarea
        id={`${id}-text`}
        rows={5}
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-describedby={`${id}-check`}
        placeholder="Why motion matters for this patient (site, laterality, organs at risk and their doses), the system, thresholds, how motion is monitored and what triggers a beam hold."
      />
      <div id={`${id}-check`} aria-live="polite" className="necessity-check">
        {checkError ? <p className="warning">{checkError}</p> : null}
        {check?.warning && text.trim() ? (
          <p className="warning" data-testid="necessity-warning">
            <span className="rule-id">DOC-002</span> {check.warning}
          </p>
        ) : null}
        {check ? (
          <>
            <ul className="elements" aria-label="Documentation elements">
              {check.elements.map((e) => (
                <li key={e.id} className={e.present ? 'present' : 'missing'}>
                  <span className="element-mark" aria-hidden="true">
                    {e.present ? '✓' : '✗'}
                  </span>
                  {e.name} <span className="element-state">{ELEMENT_FROM[e.from ?? 'missing']}</span>
                </li>
              ))}
            </ul>
            <p className="sub">
              <span className="rule-id">DOC-003</span> {check.documentation}
            </p>
          </>
        ) : null}
      </div>
      <button type="submit" className="primary" disabled={busy || !ok}>
        {busy ? 'Signing…' : 'Sign this statement'}
      </button>
    </form>
  );
}
