/**
 * One letter (`/letters/:id`): what to add to the chart and the drafting warnings first, the claim it
 * answers and the evidence summary, the editable text (saved as the letter's body), downloads as PDF
 * and Word made from the saved text (and the PDF packet: the letter with its evidence pages), and the
 * references. A letter not ready is drafted again from the chart once the chart has what it lists.
 */
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { LetterView } from '../../app/views.js';
import { api, errorMessage, letterFileUrl, letterPacketUrl } from '../api/client.js';
import { useAuth } from '../auth.js';
import { Loading, Notice, PageHeader, SaveDiscardActions } from '../components/ui.js';
import { formatDate, formatInstant } from '../format.js';
import { useLoad, useTitle } from '../hooks.js';
import { letterLabel } from '../letter-types.js';
import { remitLabel } from '../remit-categories.js';
import { Link } from '../router.js';

export function LetterPage({ id }: { id: string }) {
  const { data, error, loading, setData } = useLoad((signal) => api.letter(id, signal), id);
  useTitle(data ? data.title : 'Letter');
  if (!data) {
    return (
      <>
        <PageHeader title="Letter" />
        <Notice kind="error">{error}</Notice>
        {loading ? <Loading what="the letter" /> : null}
      </>
    );
  }
  return <LetterEditor letter={data} onSaved={(l) => setData(() => l)} />;
}

function LetterEditor({ letter, onSaved }: { letter: LetterView; onSaved: (l: LetterView) => void }) {
  const { can } = useAuth();
  const [body, setBody] = useState(letter.body);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  useEffect(() => setBody(letter.body), [letter.body]);
  const dirty = body !== letter.body;

  const save = async (change: Parameters<typeof api.updateLetter>[1] | 'redraft', done: string) => {
    setBusy(true);
    setMessage(null);
    try {
      onSaved(
        await (change === 'redraft' ? api.redraftLetter(letter.id) : api.updateLetter(letter.id, change)),
      );
      setMessage({ kind: 'success', text: done });
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save({ body }, 'Saved. The PDF and Word files are made from this text.');
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to="/letters">Letters</Link> / {letterLabel(letter.type)}
      </p>
      <PageHeader title={letter.title}>
        {dirty ? (
          <span className="sub">Save your changes to download them</span>
        ) : (
          <>
            <a className="button secondary" href={letterFileUrl(letter.id, 'pdf')} download>
              Download PDF
            </a>
            <a className="button secondary" href={letterFileUrl(letter.id, 'docx')} download>
              Download Word
            </a>
            {letter.ready ? (
              <a className="button secondary" href={letterPacketUrl(letter.id)} download>
                Download PDF packet
              </a>
            ) : (
              <span className="sub">No packet until the letter is ready: add what it lists first</span>
            )}
          </>
        )}
      </PageHeader>
      <dl className="course-header card">
        <Item label="Patient" value={letter.patientName ?? letter.patientId} />
        <Item label="Course">
          <Link to={`/courses/${encodeURIComponent(letter.courseId)}`}>{letter.courseKey}</Link>
        </Item>
        <Item label="Type" value={letterLabel(letter.type)} />
        <Item label="Status" value={letter.status === 'final' ? 'Final' : 'Draft'} />
        <Item
          label="Template"
          value={letter.template.version ? `version ${letter.template.version}` : 'bundled default'}
        />
        <Item label="Last change" value={formatInstant(letter.updatedAt)} />
        {letter.claim ? (
          <>
            <Item label="Payer" value={letter.claim.payer ?? '—'} />
            <Item label="Claim" value={`${letter.claim.claim}, line ${letter.claim.line}`} />
            <Item label="Date of service" value={formatDate(letter.claim.dateOfService)} />
            <Item
              label="Remittance"
              value={`${remitLabel(letter.claim.category)}: sent ${letter.claim.submittedCode}, paid as ${letter.claim.code}`}
            />
          </>
        ) : null}
      </dl>

      {letter.missing.length ? (
        <section className="notice notice-error" aria-labelledby="missing-title">
          <h2 id="missing-title">Add to the chart first</h2>
          <p>The chart does not support this letter yet. Send it once these are documented:</p>
          <ul>
            {letter.missing.map((m) => (
              <li key={m.element}>
                <strong>{m.element}</strong>: {m.fix}
              </li>
            ))}
          </ul>
          {can.writeLetters && letter.status === 'draft' ? (
            <p>
              <button
                type="button"
                disabled={dirty || busy}
                onClick={() => void save('redraft', 'Drafted again from the chart.')}
              >
                Redraft from the chart
              </button>{' '}
              <span className="sub">
                Once these are added: the letter text is drafted again (your edits are replaced)
              </span>
            </p>
          ) : null}
        </section>
      ) : null}
      {letter.warnings.length ? (
        <section className="notice notice-info" aria-labelledby="warnings-title">
          <h2 id="warnings-title">Warnings</h2>
          <ul>
            {letter.warnings.map((w) => (
              <li key={w.code}>
                <span className="rule-id">{w.code}</span> {w.message}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <div className="grid-2">
        <section className="card" aria-labelledby="cover-title">
          <h2 id="cover-title">Evidence summary</h2>
          <table className="table">
            <caption className="visually-hidden">Evidence summary attached to the letter</caption>
            <tbody>
              {letter.cover.rows.map((r) => (
                <tr key={r.label}>
                  <th scope="row">{r.label}</th>
                  <td>{r.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="card" aria-labelledby="references-title">
          <h2 id="references-title">References</h2>
          {letter.references.length ? (
            <ol className="references">
              {letter.references.map((r) => (
                <li key={r.id}>
                  {r.citation}
                  {r.doi ? (
                    <>
                      {' '}
                      <a href={`https://doi.org/${r.doi}`} target="_blank" rel="noreferrer">
                        doi:{r.doi}
                      </a>
                    </>
                  ) : null}
                  {r.pmid ? ` PMID ${r.pmid}` : null}
                </li>
              ))}
            </ol>
          ) : (
            <p className="sub">No references.</p>
          )}
        </section>
      </div>

      <Notice kind="success">{message?.kind === 'success' ? message.text : undefined}</Notice>
      <Notice kind="error">{message?.kind === 'error' ? message.text : undefined}</Notice>
      <form className="card letter-editor" onSubmit={submit} aria-labelledby="body-title">
        <h2 id="body-title">Letter</h2>
        <div className="field">
          <label htmlFor="letter-body">Letter text</label>
          <textarea
            id="letter-body"
            value={body}
            readOnly={!can.writeLetters || letter.status === 'final'}
            onChange={(e) => setBody(e.target.value)}
            rows={28}
            spellCheck
          />
          <span className="sub">
            {letter.status === 'final'
              ? 'This letter is final: set it back to draft to edit it.'
              : 'Paragraphs are separated by a blank line; lines starting with “- ” are bullets.'}
          </span>
        </div>
        {can.writeLetters ? (
          <SaveDiscardActions label="Save" dirty={dirty} busy={busy} onDiscard={() => setBody(letter.body)}>
            <button
              type="button"
              className="secondary"
              disabled={dirty || busy}
              onClick={() =>
                void save(
                  { status: letter.status === 'final' ? 'draft' : 'final' },
                  letter.status === 'final' ? 'Back to draft.' : 'Marked final.',
                )
              }
            >
              {letter.status === 'final' ? 'Back to draft' : 'Mark final'}
            </button>
          </SaveDiscardActions>
        ) : null}
      </form>
    </>
  );
}

function Item({ label, value, children }: { label: string; value?: string; children?: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children ?? value}</dd>
    </div>
  );
}
