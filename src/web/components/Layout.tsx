/** The frame of every logged-in page: skip link, header with the user, role-aware navigation, main. */
import { useEffect, useRef, type ReactNode } from 'react';
import { useAuth } from '../auth.js';
import { ROLE_LABELS } from '../format.js';
import { Link, useLocation } from '../router.js';

interface NavItem {
  to: string;
  label: string;
  /** Path prefixes that mark the item current. */
  prefixes: string[];
}

export function Layout({ children }: { children: ReactNode }) {
  const { session, can, logout } = useAuth();
  const { path } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // Move focus to the new page's heading after an in-app navigation (not on first load).
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const heading = mainRef.current?.querySelector<HTMLElement>('h1');
    heading?.focus({ preventScroll: true });
  }, [path]);

  const items: NavItem[] = [
    { to: '/today', label: 'Today', prefixes: ['/today'] },
    { to: '/', label: 'Dashboard', prefixes: ['/'] },
    { to: '/holds', label: 'Charges on hold', prefixes: ['/holds', '/fractions'] },
    { to: '/signatures', label: 'Signatures due', prefixes: ['/signatures'] },
    { to: '/courses', label: 'Courses', prefixes: ['/courses'] },
  ];
  if (can.remittances) items.push({ to: '/denials', label: 'Remittances', prefixes: ['/denials'] });
  if (can.claims) items.push({ to: '/claims', label: 'Claims', prefixes: ['/claims'] });
  // Every role sees the CMS releases in force there; the practice's rates only the roles of can.rates.
  items.push({ to: '/rates', label: 'Rates & payers', prefixes: ['/rates'] });
  items.push({ to: '/letters', label: 'Letters', prefixes: ['/letters'] });
  items.push({ to: '/imports', label: 'Imports', prefixes: ['/imports'] });
  if (can.unlinked) items.push({ to: '/unlinked', label: 'Unlinked records', prefixes: ['/unlinked'] });
  if (can.accessLog) items.push({ to: '/access-log', label: 'Access log', prefixes: ['/access-log'] });
  if (can.settings) items.push({ to: '/settings', label: 'Settings', prefixes: ['/settings'] });
  const isCurrent = (item: NavItem) =>
    item.prefixes.some((p) => (p === '/' ? path === '/' : path === p || path.startsWith(`${p}/`)));

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span>
            SGRT Billing <span className="brand-practice">{session.user.practiceName}</span>
          </span>
        </div>
        <div className="user">
          <span>
            {session.user.displayName}{' '}
            <span className="role">({ROLE_LABELS[session.user.role] ?? session.user.role})</span>
          </span>
          <button type="button" className="secondary" onClick={() => void logout()}>
            Log out
          </button>
        </div>
      </header>
      <nav className="app-nav" aria-label="Main">
        <ul>
          {items.map((item) => (
            <li key={item.to}>
              <Link to={item.to} aria-current={isCurrent(item) ? 'page' : undefined}>
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" ref={mainRef} tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
