import type { PracticeUserView, Role } from '../../app/views.js';
import { api } from '../api/client.js';
import { useAuth } from '../auth.js';
import { BillingSettingsForm } from '../components/BillingSettingsForm.js';
import { CoverDesignations } from '../components/CoverDesignations.js';
import { Field, InputField } from '../components/Field.js';
import { Empty, ListTable, Notice, PageHeader } from '../components/ui.js';
import { formatInstant, ROLE_LABELS } from '../format.js';
import { useListAction, useLoad, useTitle } from '../hooks.js';
import { useForm } from '../use-form.js';

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
  const { message, setMessage, act } = useListAction(users);

  function disable(u: PracticeUserView) {
    if (!window.confirm(`Disable ${u.email}? The login ends at once and cannot log in again.`)) return;
    void act(() => api.disableUser(u.id), `${u.email} disabled.`);
  }

  return (
    <section aria-labelledby="users-title">
      <h2 id="users-title">Users</h2>
      <Notice kind="error">{users.error}</Notice>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      <ListTable
        items={users.data}
        loading={users.loading}
        what="the users"
        empty={<Empty title="No users" />}
        caption="The practice's users"
        columns={['Email', 'Name', 'Role', 'Physician id', 'Created', 'Status', '']}
        row={(u) => (
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
                <button type="button" className="secondary" onClick={() => disable(u)}>
                  Disable <span className="visually-hidden">{u.email}</span>
                </button>
              )}
            </td>
          </tr>
        )}
      />
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
  const { form, field, error, busy, submit } = useForm({
    email: '',
    displayName: '',
    role: 'viewer' as Role,
    physicianId: '',
    password: '',
  });
  const shortPassword = form.password !== '' && form.password.length < MIN_PASSWORD;
  const send = async () => {
    const next = await api.addUser({
      email: form.email.trim(),
      role: form.role,
      displayName: form.displayName.trim() || null,
      physicianId: form.role === 'physician' ? form.physicianId.trim() || null : null,
      password: form.password,
    });
    onAdded(next, form.email.trim().toLowerCase());
  };

  return (
    <form className="card" aria-label="Add a user" onSubmit={(e) => void submit(e, send)}>
      <h3>Add a user</h3>
      <div className="filters">
        <InputField
          id="user-email"
          label="Email"
          type="email"
          required
          autoComplete="off"
          {...field('email')}
        />
        <InputField id="user-name" label="Display name" {...field('displayName')} />
        <Field id="user-role" label="Role">
          <select id="user-role" {...field('role')}>
            {ROLE_CHOICES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </Field>
        {form.role === 'physician' ? (
          <InputField id="user-physician" label="Physician id in the chart" {...field('physicianId')} />
        ) : null}
        <Field id="user-password" label="Initial password">
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
        </Field>
        <button type="submit" disabled={busy || shortPassword}>
          {busy ? 'Adding…' : 'Add user'}
        </button>
      </div>
      <Notice kind="error">{error}</Notice>
    </form>
  );
}
