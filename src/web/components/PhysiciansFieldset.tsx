import { useState } from 'react';
import type { BillingSettingsView } from '../../app/views.js';
import { emptyPhysician, type FormState, type PhysicianForm } from '../billing-form.js';
import { formatCount } from '../format.js';
import { GridInputCell } from './GridInputCell.js';
import { TableHead } from './ui.js';

const COLUMNS = [
  ['lastName', 'last name', 16],
  ['firstName', 'first name', 12],
  ['npi', 'NPI', 10],
  ['taxonomy', 'taxonomy', 10],
  ['credentials', 'credentials', 8],
] as const;

/**
 * The billing settings' physicians: one row per physician id of the practice's courses (the rendering
 * provider of professional claims, 837P 2310B, and the attending of facility claims, 837I 2310A), NPI
 * with its check digit, taxonomy (radiation oncology 2085R0001X); whether payers want the supervising
 * and referring providers too. Each field the server refused is marked.
 */
export function PhysiciansFieldset({
  form,
  setForm,
  errors,
  physicians,
}: {
  form: FormState;
  setForm: (form: FormState) => void;
  errors: Record<string, string>;
  physicians: BillingSettingsView['physicians'];
}) {
  const [newId, setNewId] = useState('');
  const courses = new Map(physicians.map((p) => [p.id, p.courses]));
  const set = (id: string, key: keyof PhysicianForm, value: string) =>
    setForm({ ...form, physicians: { ...form.physicians, [id]: { ...form.physicians[id]!, [key]: value } } });
  return (
    <fieldset className="settings-group">
      <legend>Physicians</legend>
      <p>
        The physician of each course is the rendering provider of its professional claims (loop 2310B) and the
        attending provider of facility claims (2310A), and signs the letters to payers (name, credentials such
        as MD, NPI). NPI: 10 digits with the check digit; taxonomy: e.g. 2085R0001X radiation oncology.
      </p>
      <table className="table">
        <caption className="visually-hidden">Physicians by the id the courses use</caption>
        <TableHead columns={['Physician id', 'Last name', 'First name', 'NPI', 'Taxonomy', 'Credentials']} />
        <tbody>
          {Object.entries(form.physicians).map(([id, p]) => {
            const n = courses.get(id) ?? 0;
            return (
              <tr key={id}>
                <th scope="row">
                  {id}{' '}
                  <span className="rate-default">({n ? `${formatCount(n, 'course')}` : 'no course'})</span>
                </th>
                {COLUMNS.map(([key, label, size]) => (
                  <GridInputCell
                    key={key}
                    path={`physicians.${id}.${key}`}
                    label={`Physician ${label} of ${id}`}
                    size={size}
                    value={p[key]}
                    error={errors[`physicians.${id}.${key}`]}
                    onChange={(v) => set(id, key, v)}
                  />
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="filters">
        <div className="field">
          <label htmlFor="billing-new-physician">Another physician id</label>
          <input id="billing-new-physician" value={newId} onChange={(e) => setNewId(e.target.value)} />
        </div>
        <button
          type="button"
          className="secondary"
          disabled={!newId.trim() || newId.trim() in form.physicians}
          onClick={() => {
            setForm({ ...form, physicians: { ...form.physicians, [newId.trim()]: emptyPhysician() } });
            setNewId('');
          }}
        >
          Add the physician
        </button>
      </div>
      <div className="field">
        <label>
          <input
            type="checkbox"
            checked={form.requireSupervising}
            onChange={(e) => setForm({ ...form, requireSupervising: e.target.checked })}
          />{' '}
          Payers want the supervising provider (837P 2310D: the course physician)
        </label>
      </div>
      <div className="field">
        <label>
          <input
            type="checkbox"
            checked={form.requireReferring}
            onChange={(e) => setForm({ ...form, requireReferring: e.target.checked })}
          />{' '}
          Payers want the referring provider (2310A / 837I 2310F: the course physician)
        </label>
      </div>
    </fieldset>
  );
}
