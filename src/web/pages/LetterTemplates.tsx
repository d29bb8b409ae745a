/**
 * "Letter templates" (`/letters/templates?type=…`): a letter type's template as plain text with
 * {{placeholders}}, saved as a new version each time (the bundled default is version 0), with the
 * placeholders it may use and the version history. Unknown placeholders are refused with line:column.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { LetterTemplateView } from '../../app/views.js';
import type { LetterType } from '../../core/letters/letter-types.js';
import { api, errorMessage } from '../api/client.js';
import { useAuth } from '../auth.js';
import { Loading, Notice, PageHeader, SaveDiscardActions, TableHead } from '../components/ui.js';
import { formatInstant } from '../format.js';
import { useLoad, useTitle } from '../hooks.js';
import { LETTER_TYPE_LIST, letterLabel } from '../letter-types.js';
import { Link, setQuery, useLocation } from '../router.js';

export function LetterTemplatesPage() {
  useTitle('Letter templates');
  const { query } = useLocation();
  const asked = query.get('type');
  const type: LetterType = (LETTER_TYPE_LIST as string[]).includes(asked ?? '')
    ? (asked as LetterType)
    : LETTER_TYPE_LIST[0]!;
  const { data, error, loading, setData } = useLoad((signal) => api.letterTemplate(type, signal), type);
  const inUse = useLoad((signal) => api.letterTemplates(signal), 'templates');
  const versionOf = (t: LetterType) => inUse.data?.find((x) => x.type === t)?.version;

  return (
    <>
      <p className="breadcrumb">
        <Link to="/letters">Letters</Link> / Templates
      </p>
      <PageHeader title="Letter templates" />
      <form className="filters" aria-label="Template to edit" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="template-type">Letter type</label>
          <select id="template-type" value={type} onChange={(e) => setQuery({ type: e.target.value })}>
            {LETTER_TYPE_LIST.map((t) => (
              <option key={t} value={t}>
                {letterLabel(t)}
                {versionOf(t) ? ` (version ${versionOf(t)})` : ''}
              </option>
            ))}
          </select>
        </div>
      </form>
      <Notice kind="error">{error}</Notice>
      {loading && !data ? <Loading what="the template" /> : null}
      {data && data.type === type ? (
        <TemplateEditor
          key={type}
          template={data}
          onSaved={(t) => {
            setData(() => t);
            inUse.reload();
          }}
        />
      ) : null}
    </>
  );
}

function TemplateEditor({
  template,
  onSaved,
}: {
  template: LetterTemplateView;
  onSaved: (t: LetterTemplateView) => void;
}) {
  const { can } = useAuth();
  const current = template.versions[0]!;
  const [text, setText] = useState(current.text);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  useEffect(() => setText(current.text), [current.text]);
  const dirty = text !== current.text;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const saved = await api.saveLetterTemplate(template.type, text);
      setMessage({ kind: 'success', text: `Saved as version ${saved.current}. New letters use it.` });
      onSaved(saved);
    } catch (err) {
      setMessage({ kind: 'error', text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Notice kind="success">{message?.kind === 'success' ? message.text : undefined}</Notice>
      <Notice kind="error">{message?.kind === 'error' ? message.text : undefined}</Notice>
      <div className="grid-2 template-layout">
        <form
          className="card letter-editor"
          onSubmit={(e) => void submit(e)}
          aria-labelledby="template-title"
        >
          <h2 id="template-title">
            {letterLabel(template.type)}:{' '}
            {current.version ? `version ${current.version}` : 'bundled default (version 0)'}
          </h2>
          <div className="field">
            <label htmlFor="template-text">Template text</label>
            <textarea
              id="template-text"
              value={text}
              readOnly={!can.writeLetters}
              onChange={(e) => setText(e.target.value)}
              rows={28}
            />
          </div>
          {can.writeLetters ? (
            <SaveDiscardActions
              label="Save as a new version"
              dirty={dirty}
              busy={busy}
              onDiscard={() => setText(current.text)}
            />
          ) : null}
        </form>
        <section className="card" aria-labelledby="placeholders-title">
          <h2 id="placeholders-title">Placeholders</h2>
          <dl className="placeholders">
            {template.placeholders.map((p) => (
              <div key={p.name}>
                <dt>
                  <code>{`{{${p.name}}}`}</code>
                </dt>
                <dd>{p.description}</dd>
              </div>
            ))}
          </dl>
        </section>
      </div>
      <section aria-labelledby="versions-title">
        <h2 id="versions-title">Versions</h2>
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Versions of the template, newest first</caption>
            <TableHead columns={['Version', 'Saved', 'By', 'Text']} />
            <tbody>
              {template.versions.map((v) => (
                <tr key={v.version}>
                  <td>{v.version === 0 ? '0 (bundled default)' : v.version}</td>
                  <td>{v.createdAt ? formatInstant(v.createdAt) : '—'}</td>
                  <td>{v.createdBy ?? '—'}</td>
                  <td>
                    {can.writeLetters ? (
                      <button
                        type="button"
                        className="secondary"
                        onClick={() => setText(v.text)}
                        aria-label={`Load version ${v.version} into the editor`}
                      >
                        Load into the editor
                      </button>
                    ) : (
                      <span className="sub">{v.text.length} characters</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
