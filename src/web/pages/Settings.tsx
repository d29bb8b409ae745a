import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import type { BillingSettings, BillingSettingsView, PracticeUserView, Role } from '../../app/views.js';
import { api, ApiError, errorMessage } from '../api/client.js';
import { useAuth } from '../auth.js';
import { Empty, Loading, Notice, PageHeader, TableHead } from '../components/ui.js';
import { formatCents, formatInstant, parseDollars, ROLE_LABELS } from '../format.js';
import { useLoad, useTitle } from '../hooks.js';

/**
 * Settings (`/settings`, administrators): the practice's 837 billing settings (billing provider,
 * submitter, receiver, billing period, usage, charges, a payer per payer profile) with each field's
 * problem from the server, and the practice's logins (add, disable).
 */
export function SettingsPage() {
  useTitle('Settings');
  const { can } = useAuth();
  if (!can.settings) {
    return (
      <>
        <PageHeader title="Settings" />
        <p>The practice's settings are for administrators.</p>
      </>
    );
  }
  return (
    <>
      <PageHeader title="Settings" />
      <p className="lead">
        What the practice's 837 claims say about it, its clearinghouse and its payers, and who may log in.
      </p>
      <BillingSettingsForm />
      <Users />
    </>
  );
}

interface PayerForm {
  name: string;
  id: string;
  filingIndicator: string;
}

/** The form's text fields, keyed by the settings' JSON path (the server's issue locations). */
type Fields = Record<string, string>;

const TEXT_FIELDS = {
  'Billing provider': [
    ['provider.name', 'Name'],
    ['provider.npi', 'NPI'],
    ['provider.taxId', 'Tax id (EIN)'],
    ['provider.taxonomy', 'Taxonomy code'],
    ['provider.address.line1', 'Address line 1'],
    ['provider.address.line2', 'Address line 2'],
    ['provider.address.city', 'City'],
    ['provider.address.state', 'State'],
    ['provider.address.postalCode', 'ZIP code'],
  ],
  Submitter: [
    ['submitter.qualifier', 'Id qualifier'],
    ['submitter.id', 'Submitter id'],
    ['submitter.name', 'Name'],
    ['submitter.contact.name', 'Contact name'],
    ['submitter.contact.phone', 'Contact phone'],
  ],
  'Receiver (clearinghouse)': [
    ['receiver.qualifier', 'Id qualifier'],
    ['receiver.id', 'Receiver id'],
    ['receiver.name', 'Name'],
  ],
} as const;

const HINTS: Record<string, string> = {
  'provider.npi': '10 digits with the check digit',
  'provider.taxId': '9 digits',
  'provider.taxonomy': 'e.g. 261QR0400X (optional)',
  'provider.address.state': 'two letters',
  'provider.address.postalCode': '5 or 9 digits',
  'submitter.qualifier': 'ISA qualifier, e.g. ZZ',
  'receiver.qualifier': 'ISA qualifier, e.g. ZZ',
  'submitter.contact.phone': '10 digits',
};

const OPTIONAL = new Set(['provider.taxonomy', 'provider.address.line2']);

interface FormState {
  fields: Fields;
  defaultPeriod: BillingSettings['defaultPeriod'];
  usage: BillingSettings['usage'];
  chargePercent: string;
  charges: { code: string; dollars: string }[];
  payers: Record<string, PayerForm>;
}

function formOf(view: BillingSettingsView): FormState {
  const s = view.settings;
  const get = (path: string): string => {
    let v: unknown = s;
    for (const k of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : '';
    return typeof v === 'string' ? v : '';
  };
  const fields: Fields = {};
  for (const group of Object.values(TEXT_FIELDS)) for (const [path] of group) fields[path] = get(path);
  const payers: Record<string, PayerForm> = {};
  for (const p of view.payerProfiles) payers[p.profile] = { name: '', id: '', filingIndicator: '' };
  for (const [profile, p] of Object.entries(s?.payers ?? {})) payers[profile] = { ...p };
  return {
    fields,
    defaultPeriod: s?.defaultPeriod ?? 'month',
    usage: s?.usage ?? 'T',
    chargePercent: String(s?.chargePercent ?? 100),
    charges: Object.entries(s?.chargeCents ?? {}).map(([code, cents]) => ({
      code,
      dollars: (cents / 100).toFixed(2),
    })),
    payers,
  };
}

/** The settings the form says; unparsable numbers go as null so the server names the field. */
function settingsOf(form: FormState): BillingSettings {
  const f = (path: string) => form.fields[path]!.trim();
  const optional = (path: string) => (f(path) ? { [path.split('.').pop()!]: f(path) } : {});
  const number = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text) : (null as unknown as number));
  return {
    provider: {
      name: f('provider.name'),
      npi: f('provider.npi'),
      taxId: f('provider.taxId'),
      ...optional('provider.taxonomy'),
      address: {
        line1: f('provider.address.line1'),
        ...optional('provider.address.line2'),
        city: f('provider.address.city'),
        state: f('provider.address.state'),
        postalCode: f('provider.address.postalCode'),
      },
    },
    submitter: {
      qualifier: f('submitter.qualifier'),
      id: f('submitter.id'),
      name: f('submitter.name'),
      contact: { name: f('submitter.contact.name'), phone: f('submitter.contact.phone') },
    },
    receiver: { qualifier: f('receiver.qualifier'), id: f('receiver.id'), name: f('receiver.name') },
    defaultPeriod: form.defaultPeriod,
    usage: form.usage,
    chargePercent: number(form.chargePercent),
    chargeCents: Object.fromEntries(
      form.charges
        .filter((c) => c.code.trim())
        .map((c) => [c.code.trim().toUpperCase(), parseDollars(c.dollars) ?? (null as unknown as number)]),
    ),
    payers: Object.fromEntries(
      Object.entries(form.payers)
        .filter(([, p]) => p.name.trim() || p.id.trim() || p.filingIndicator.trim())
        .map(([profile, p]) => [
          profile,
          { name: p.name.trim(), id: p.id.trim(), filingIndicator: p.filingIndicator.trim().toUpperCase() },
        ]),
    ),
  };
}

/** `body.provider.npi` → `provider.npi` (the form's keys). */
const fieldKey = (location: string) => location.split('.').slice(1).join('.');
const inputId = (path: string) => `billing-${path.replace(/[^\w]+/g, '-')}`;

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

function BillingSettingsForm() {
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
                        ({courses ? `${courses} course${courses === 1 ? '' : 's'}` : 'no course'})
                      </span>
                    </th>
                    {(
                      [
                        ['name', 'name', 24],
                        ['id', 'id', 12],
                        ['filingIndicator', 'filing indicator', 3],
                      ] as const
                    ).map(([key, label, size]) => {
                      const path = `payers.${profile}.${key}`;
                      const error = errors[path];
                      return (
                        <td key={key}>
                          <label className="visually-hidden" htmlFor={inputId(path)}>
                            Payer {label} of the profile {profile}
                          </label>
                          <input
                            id={inputId(path)}
                            size={size}
                            value={p[key]}
                            aria-invalid={error ? true : undefined}
                            aria-describedby={error ? `${inputId(path)}-error` : undefined}
                            onChange={(e) => setPayer(profile, key, e.target.value)}
                          />
                          {error ? (
                            <span id={`${inputId(path)}-error`} className="field-error">
                              {' '}
                              {error}
                            </span>
                          ) : null}
                        </td>
                      );
                    })}
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

        {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
        <button type="submit" disabled={saving}>
          {saving ? 'Saving…' : 'Save billing settings'}
        </button>
      </form>
    </section>
  );
}

const ROLE_CHOICES = Object.keys(ROLE_LABELS) as Role[];
/** The server's MIN_PASSWORD_LENGTH (src/app/auth/create-user.ts; OWASP ASVS 2.1.1), which it enforces. */
const MIN_PASSWORD = 12;

function Users() {
  const { session } = useAuth();
  const users = useLoad((signal) => api.users(signal), 'users');
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);

  async function disable(u: PracticeUserView) {
    if (!window.confirm(`Disable ${u.email}? The login ends at once and cannot log in again.`)) return;
    setMessage(null);
    try {
      const next = await api.disableUser(u.id);
      users.setData(() => next);
      setMessage({ kind: 'success', text: `${u.email} disabled.` });
    } catch (err) {
      setMessage({ kind: 'error', text: errorMessage(err) });
    }
  }

  return (
    <section aria-labelledby="users-title">
      <h2 id="users-title">Users</h2>
      <Notice kind="error">{users.error}</Notice>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      {users.loading && !users.data ? <Loading what="the users" /> : null}
      {users.data && users.data.length === 0 ? <Empty title="No users" /> : null}
      {users.data && users.data.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">The practice's users</caption>
            <TableHead columns={['Email', 'Name', 'Role', 'Physician id', 'Created', 'Status', '']} />
            <tbody>
              {users.data.map((u) => (
                <tr key={u.id}>
                  <th scope="row">{u.email}</th>
                  <td>{u.displayName}</td>
                  <td>{ROLE_LABELS[u.role] ?? u.role}</td>
                  <td>{u.physicianId ?? '—'}</td>
                  <td>
                    <time dateTime={u.createdAt}>{formatInstant(u.createdAt)}</time>
                  </td>
                  <td>{u.disabled ? 'Disabled' : 'Active'}</td>
                  <td>
                    {u.disabled || u.id === session.user.id ? null : (
                      <button type="button" className="secondary" onClick={() => void disable(u)}>
                        Disable <span className="visually-hidden">{u.email}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <AddUser
        onAdded={(next, email) => {
          users.setData(() => next);
          setMessage({ kind: 'success', text: `${email} added.` });
        }}
      />
    </section>
  );
}

function AddUser({ onAdded }: { onAdded: (users: PracticeUserView[], email: string) => void }) {
  const empty = { email: '', displayName: '', role: 'viewer' as Role, physicianId: '', password: '' };
  const [form, setForm] = useState(empty);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const shortPassword = form.password !== '' && form.password.length < MIN_PASSWORD;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const next = await api.addUser({
        email: form.email.trim(),
        role: form.role,
        displayName: form.displayName.trim() || null,
        physicianId: form.role === 'physician' ? form.physicianId.trim() || null : null,
        password: form.password,
      });
      onAdded(next, form.email.trim().toLowerCase());
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
    <form className="card" aria-label="Add a user" onSubmit={(e) => void submit(e)}>
      <h3>Add a user</h3>
      <div className="filters">
        <div className="field">
          <label htmlFor="user-email">Email</label>
          <input id="user-email" type="email" required autoComplete="off" {...field('email')} />
        </div>
        <div className="field">
          <label htmlFor="user-name">Display name</label>
          <input id="user-name" {...field('displayName')} />
        </div>
        <div className="field">
          <label htmlFor="user-role">Role</label>
          <select id="user-role" {...field('role')}>
            {ROLE_CHOICES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
        {form.role === 'physician' ? (
          <div className="field">
            <label htmlFor="user-physician">Physician id in the chart</label>
            <input id="user-physician" {...field('physicianId')} />
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="user-password">Initial password</label>
          <input
            id="user-password"
            type="password"
            required
            minLength={MIN_PASSWORD}
            autoComplete="new-password"
            aria-invalid={shortPassword || undefined}
            aria-describedby="user-password-hint"
            {...field('password')}
          />
          <span id="user-password-hint" className="field-hint">
            at least {MIN_PASSWORD} characters
          </span>
        </div>
        <button type="submit" disabled={busy || shortPassword}>
          {busy ? 'Adding…' : 'Add user'}
        </button>
      </div>
      <Notice kind="error">{error}</Notice>
    </form>
  );
}
