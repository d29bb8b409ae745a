import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { SessionView } from '../../app/views.js';
import { api, errorMessage } from '../api/client.js';
import { useTitle } from '../hooks.js';

export function LoginPage({
  onLogin,
  notice,
}: {
  onLogin: (session: SessionView) => void;
  notice?: string | undefined;
}) {
  useTitle('Log in');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);

  useEffect(() => emailRef.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onLogin(await api.login(email.trim(), password));
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  return (
    <main id="main" className="login">
      <form
        className="card login-card"
        onSubmit={(e) => void submit(e)}
        aria-labelledby="login-title"
        noValidate
      >
        <div className="brand login-brand">
          <span className="brand-mark" aria-hidden="true" />
          <span>SGRT Billing</span>
        </div>
        <h1 id="login-title">Log in</h1>
        {notice && !error ? <p className="notice notice-info">{notice}</p> : null}
        <div className="field">
          <label htmlFor="login-email">Email</label>
          <input
            id="login-email"
            ref={emailRef}
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="login-password">Password</label>
          <input
            id="login-password"
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <div role="alert" className={error ? 'notice notice-error' : undefined}>
          {error ? `Login failed: ${error}` : null}
        </div>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Logging in…' : 'Log in'}
        </button>
      </form>
    </main>
  );
}
