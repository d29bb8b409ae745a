/** Session bootstrap (GET /api/auth/me), the login gate and the routes. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { SessionView } from '../app/views.js';
import { api, ApiError, errorMessage, onUnauthenticated } from './api/client.js';
import { AuthContext, permissions, type Auth } from './auth.js';
import { Layout } from './components/Layout.js';
import { Loading, Notice } from './components/ui.js';
import { AccessLogPage } from './pages/AccessLog.js';
import { ClaimsPage } from './pages/Claims.js';
import { CoursePage } from './pages/Course.js';
import { CoursesPage } from './pages/Courses.js';
import { DashboardPage } from './pages/Dashboard.js';
import { DenialsPage } from './pages/Denials.js';
import { ImportsPage } from './pages/Imports.js';
import { LetterPage } from './pages/Letter.js';
import { LettersPage } from './pages/Letters.js';
import { LetterTemplatesPage } from './pages/LetterTemplates.js';
import { LoginPage } from './pages/Login.js';
import { NotFoundPage } from './pages/NotFound.js';
import { RatesPage } from './pages/Rates.js';
import { SettingsPage } from './pages/Settings.js';
import { SignaturesPage } from './pages/Signatures.js';
import { TodayPage } from './pages/Today.js';
import { UnlinkedPage } from './pages/Unlinked.js';
import { WorklistPage } from './pages/Worklist.js';
import { match, navigate, useLocation } from './router.js';

type SessionState =
  { state: 'checking' } | { state: 'out'; error?: string } | { state: 'in'; session: SessionView };

/** Where every role lands after login: its Today page (what needs it today, each with its list). */
export function landingPath(): string {
  return '/today';
}

export function App() {
  const [auth, setAuth] = useState<SessionState>({ state: 'checking' });
  const { path } = useLocation();

  useEffect(() => {
    const controller = new AbortController();
    api.session(controller.signal).then(
      (session) => setAuth(session ? { state: 'in', session } : { state: 'out' }),
      (e: unknown) => {
        if (controller.signal.aborted) return;
        if (e instanceof ApiError && e.status === 401) setAuth({ state: 'out' });
        else setAuth({ state: 'out', error: errorMessage(e) });
      },
    );
    return () => controller.abort();
  }, []);

  useEffect(
    () =>
      onUnauthenticated(() =>
        setAuth({ state: 'out', error: 'Your session has ended. Please log in again.' }),
      ),
    [],
  );

  const logout = useCallback(async () => {
    try {
      await api.logout();
    } catch {
      // The session is gone either way.
    }
    setAuth({ state: 'out' });
    navigate('/login', { replace: true });
  }, []);

  const value = useMemo<Auth | null>(
    () =>
      auth.state === 'in'
        ? { session: auth.session, can: permissions(auth.session.user.role), logout }
        : null,
    [auth, logout],
  );

  if (auth.state === 'checking') return <Loading what="your session" />;

  if (auth.state === 'out' || !value) {
    return (
      <LoginPage
        notice={auth.state === 'out' ? auth.error : undefined}
        onLogin={(session) => {
          setAuth({ state: 'in', session });
          const back = path !== '/login' && path !== '/' ? path + window.location.search : null;
          navigate(back ?? landingPath(), { replace: true });
        }}
      />
    );
  }

  return (
    <AuthContext.Provider value={value}>
      <Layout>
        <Routes path={path} />
      </Layout>
    </AuthContext.Provider>
  );
}

function Routes({ path }: { path: string }) {
  if (path === '/login') {
    return <Redirect to="/" />;
  }
  if (match('/today', path)) return <TodayPage />;
  if (match('/', path)) return <DashboardPage />;
  if (match('/holds', path)) return <WorklistPage tab="holds" />;
  if (match('/fractions', path)) return <WorklistPage tab="fractions" />;
  if (match('/signatures', path)) return <SignaturesPage />;
  if (match('/courses', path)) return <CoursesPage />;
  const course = match('/courses/:id', path);
  if (course?.['id']) return <CoursePage id={course['id']} />;
  if (match('/denials', path)) return <DenialsPage />;
  if (match('/claims', path)) return <ClaimsPage />;
  if (match('/rates', path)) return <RatesPage />;
  if (match('/unlinked', path)) return <UnlinkedPage />;
  if (match('/letters', path)) return <LettersPage />;
  if (match('/letters/templates', path)) return <LetterTemplatesPage />;
  const letter = match('/letters/:id', path);
  if (letter?.['id']) return <LetterPage id={letter['id']} />;
  if (match('/imports', path)) return <ImportsPage />;
  if (match('/access-log', path)) return <AccessLogPage />;
  if (match('/settings', path)) return <SettingsPage />;
  return <NotFoundPage />;
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return <Notice kind="info">Redirecting…</Notice>;
}
