import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { api, ApiError, errorMessage } from '../api/client.js';
import {
  fieldKey,
  formOf,
  type FormState,
  HINTS,
  inputId,
  OPTIONAL,
  type PayerForm,
  settingsOf,
  TEXT_FIELDS,
} from '../billing-form.js';
import { formatCents, formatCount, parseDollars } from '../format.js';
import { useLoad } from '../hooks.js';
import { Loading, Notice, TableHead } from './ui.js';
import { PhysiciansFieldset } from './PhysiciansFieldset.js';
import { GuidelineVersionsFieldset } from './GuidelineVersionsFieldset.js';
import { GridInputCell } from './GridInputCell.js';

function TextField({
  path,
  label,
  value,
  error,
  onChange,
  size,
}: {
  path: string;
  label: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
  size?: number;
}) {
  const id = inputId(path);
  const hint = HINTS[path];
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        size={size}
        required={!OPTIONAL.has(path)}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint ? (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}

function Group({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="settings-group">
      <legend>{legend}</legend>
      <div className="filters">{children}</div>
    </fieldset>
  );
}

/**
 * The practice's 837 billing settings (billing provider, submitter, receiver, billing period, usage,
 * charges, a payer per payer profile of the courses), its physicians and the guideline versions its
 * letters cite, each field the server refuses marked with its problem.
 */
export function BillingSettingsForm() {
  const loaded = useLoad((signal) => api.billingSettings(signal), 'billing');
  const [form, setForm] = useState<FormState | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: ReactNode } | null>(null);
  const [saving, setSaving] = useState(false);
  const [newProfile, setNewProfile] = useState('');

  useEffect(() => {
    if (loaded.data) setForm(formOf(loaded.data));
  }, [loaded.data]);

  if (!form) {
    return (
      <section aria-labelledby="billing-title">
        <h2 id="billing-title">Billing settings</h2>
        <Notice kind="error">{loaded.error}</Notice>
        {loaded.loading ? <Loading what="the billing settings" /> : null}
      </section>
    );
  }
  const view = loaded.data;
  const setField = (path: string, value: string) =>
    setForm({ ...form, fields: { ...form.fields, [path]: value } });
  const setPayer = (profile: string, key: keyof PayerForm, value: string) =>
    setForm({ ...form, payers: { ...form.payers, [profile]: { ...form.payers[profile]!, [key]: value } } });
  const setCharge = (i: number, change: Partial<FormState['charges'][number]>) =>
    setForm({ ...form, charges: form.charges.map((c, j) => (j === i ? { ...c, ...change } : c)) });

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!form) return;
    setSaving(true);
    setMessage(null);
    setErrors({});
    try {
      const saved = await api.saveBillingSettings(settingsOf(form));
      loaded.setData(() => saved);
      setMessage({ kind: 'success', text: 'Billing settings saved.' });
    } catch (err) {
      // The form keeps what was typed; each field the server refused shows its problem.
      const issues = err instanceof ApiError ? err.issues : [];
      setErrors(Object.fromEntries(issues.map((i) => [fieldKey(i.location), i.message])));
      setMessage({
        kind: 'error',
        text: issues.length ? (
          <>
            The settings were not saved: correct the{' '}
            {issues.length === 1 ? 'field' : `${issues.length} fields`} marked below.
            <ul>
              {issues.map((i) => (
                <li key={i.location}>
                  {fieldKey(i.location) || 'settings'}: {i.message}
                </li>
              ))}
            </ul>
          </>
        ) : (
          errorMessage(err)
        ),
      });
    } finally {
      setSaving(false);
    }
  }

  const seen = new Map(view?.payerProfiles.map((p) => [p.profile, p]) ?? []);
  const missingPayers = view?.payerProfiles.filter((p) => !p.configured) ?? [];
  return (
    <section aria-labelledby="billing-title">
      <h2 id="billing-title">Billing settings</h2>
      {view && !view.settings ? (
        <p className="notice notice-info">
          No billing settings yet: 837 batches are refused until they are saved.
        </p>
      ) : null}
      {view?.settings && missingPayers.length ? (
        <p className="notice notice-info">
          No payer for the profile{missingPayers.length === 1 ? '' : 's'}{' '}
          {missingPayers.map((p) => p.profile).join(', ')} of the practice's courses: their claims are refused
          until one is added below.
        </p>
      ) : null}
      <form className="settings-form" aria-label="Billing settings" onSubmit={(e) => void save(e)} noValidate>
        {Object.entries(TEXT_FIELDS).map(([legend, fields]) => (
          <Group key={legend} legend={legend}>
            {fields.map(([path, label]) => (
              <TextField
                key={path}
                path={path}
                label={label}
                value={form.fields[path] ?? ''}
                error={errors[path]}
                onChange={(v) => setField(path, v)}
              />
            ))}
          </Group>
        ))}

        <Group legend="Claims">
          <div className="field">
            <label htmlFor="billing-defaultPeriod">Default billing period</label>
            <select
              id="billing-defaultPeriod"
              value={form.defaultPeriod}
              onChange={(e) =>
                setForm({ ...form, defaultPeriod: e.target.value as FormState['defaultPeriod'] })
              }
            >
              <option value="date">One claim per date</option>
              <option value="week">One claim per week</option>
              <option value="month">One claim per month</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="billing-usage">Usage (ISA15)</label>
            <select
              id="billing-usage"
              value={form.usage}
              onChange={(e) => setForm({ ...form, usage: e.target.value as FormState['usage'] })}
            >
              <option value="T">T: test files</option>
              <option value="P">P: production</option>
            </select>
          </div>
          <TextField
            path="chargePercent"
            label="Charge (% of the expected amount)"
            value={form.chargePercent}
            error={errors['chargePercent']}
            onChange={(v) => setForm({ ...form, chargePercent: v })}
            size={5}
          />
        </Group>

        <fieldset className="settings-group">
          <legend>Charge per code</legend>
          <p>The practice's own charge per unit, used instead of the percentage for these codes.</p>
          {form.charges.length ? (
            <table className="table">
              <caption className="visually-hidden">Charge per code</caption>
              <TableHead columns={['Code', 'Charge per unit ($)', '']} />
              <tbody>
                {form.charges.map((c, i) => {
                  const error = errors[`chargeCents.${c.code.trim().toUpperCase()}`];
                  return (
                    <tr key={i}>
                      <td>
                        <label className="visually-hidden" htmlFor={`charge-code-${i}`}>
                          Code of charge {i + 1}
                        </label>
                        <input
                          id={`charge-code-${i}`}
                          size={6}
                          value={c.code}
                          aria-invalid={error ? true : undefined}
                          onChange={(e) => setCharge(i, { code: e.target.value })}
                        />
                        {error ? <span className="field-error"> {error}</span> : null}
                      </td>
                      <td>
                        <label className="visually-hidden" htmlFor={`charge-dollars-${i}`}>
                          Charge per unit of {c.code || `charge ${i + 1}`} in dollars
                        </label>
                        <input
                          id={`charge-dollars-${i}`}
                          inputMode="decimal"
                          size={10}
                          value={c.dollars}
                          aria-invalid={
                            c.dollars !== '' && parseDollars(c.dollars) === null ? true : undefined
                          }
                          onChange={(e) => setCharge(i, { dollars: e.target.value })}
                        />{' '}
                        {parseDollars(c.dollars) !== null ? formatCents(parseDollars(c.dollars)) : null}
                      </td>
                      <td>
                        <button
                          type="button"
                          className="secondary"
                          onClick={() =>
                            setForm({ ...form, charges: form.charges.filter((_, j) => j !== i) })
                          }
                        >
                          Remove <span className="visually-hidden">{c.code || `charge ${i + 1}`}</span>
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          ) : null}
          <button
            type="button"
            className="secondary"
            onClick={() => setForm({ ...form, charges: [...form.charges, { code: '', dollars: '' }] })}
          >
            Add a code
          </button>
        </fieldset>

        <fieldset className="settings-group">
          <legend>Payers</legend>
          <p>
            One payer per payer profile of the practice's courses (the profile decides the payer rules; the
            payer here is who the claim goes to, loop 2010BB). Filing indicator: SBR09, e.g. MB Medicare Part
            B, CI commercial, BL Blue Cross, HM HMO.
          </p>
          <table className="table">
            <caption className="visually-hidden">Payer per payer profile</caption>
            <TableHead columns={['Payer profile', 'Payer name', 'Payer id', 'Filing indicator']} />
            <tbody>
              {Object.entries(form.payers).map(([profile, p]) => {
                const courses = seen.get(profile)?.courses ?? 0;
                return (
                  <tr key={profile}>
                    <th scope="row">
                      {profile}{' '}
                      <span className="rate-default">
                        ({courses ? `${formatCount(courses, 'course')}` : 'no course'})
                      </span>
                    </th>
                    {(
                      [
                        ['name', 'name', 24],
                        ['id', 'id', 12],
                        ['filingIndicator', 'filing indicator', 3],
                      ] as const
                    ).map(([key, label, size]) => (
                      <GridInputCell
                        key={key}
                        path={`payers.${profile}.${key}`}
                        label={`Payer ${label} of the profile ${profile}`}
                        size={size}
                        value={p[key]}
                        error={errors[`payers.${profile}.${key}`]}
                        onChange={(v) => setPayer(profile, key, v)}
                      />
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
          <div className="filters">
            <div className="field">
              <label htmlFor="billing-new-profile">Another payer profile</label>
              <input
                id="billing-new-profile"
                value={newProfile}
                onChange={(e) => setNewProfile(e.target.value)}
              />
            </div>
            <button
              type="button"
              className="secondary"
              disabled={!newProfile.trim() || newProfile.trim() in form.payers}
              onClick={() => {
                setForm({
                  ...form,
                  payers: { ...form.payers, [newProfile.trim()]: { name: '', id: '', filingIndicator: '' } },
                });
                setNewProfile('');
              }}
            >
              Add the profile
            </button>
          </div>
        </fieldset>

        <PhysiciansFieldset
          form={form}
          setForm={setForm}
          errors={errors}
          physicians={view?.physicians ?? []}
        />

        <GuidelineVersionsFieldset
          form={form}
          setForm={setForm}
          errors={errors}
          guidelines={view?.guidelines ?? []}
        />

        {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
        <button type="submit" disabled={saving}>
          {saving ? 'Saving…' : 'Save billing settings'}
        </button>
      </form>
    </section>
  );
}
