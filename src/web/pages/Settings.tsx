import { type FormEvent, useState } from 'react';
import type { PracticeUserView, Role } from '../../app/views.js';
import { api, errorMessage } from '../api/client.js';
import { useAuth } from '../auth.js';
import { BillingSettingsForm } from '../components/BillingSettingsForm.js';
import { CoverDesignations } from '../components/CoverDesignations.js';
import { Empty, Loading, Notice, PageHeader, TableHead } from '../components/ui.js';
import { formatInstant, ROLE_LABELS } from '../format.js';
import { useLoad, useTitle } from '../hooks.js';

/**
 * Settings (`/settings`, administrators): the practice's 837 billing settings (billing provider,
 * submitter, receiver, billing period, usage, charges, a payer per payer profile) with each field's
 * problem from the server, the practice's logins (add, disable) and its covering physicians.
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
      <CoverDesignations />
    </>
  );
}

/** The roles an admin gives; an operator login is made on the server (`sgrt-billing user add --role operator`). */
const ROLE_CHOICES = (Object.keys(ROLE_LABELS) as Role[]).filter((r) => r !== 'operator');
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
