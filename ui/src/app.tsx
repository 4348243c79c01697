import { useEffect, useRef } from 'preact/hooks';
import { Link, segments, useLocation } from './router';
import { Overview } from './pages/overview';
import { SubjectsPage } from './pages/subjects';
import { SubjectPage } from './pages/subject';
import { VersionPage } from './pages/version';
import { DiffPage } from './pages/diff';
import { Playground } from './pages/playground';
import { SchemaLookup, SchemaPage } from './pages/schema';
import { SettingsPage } from './pages/settings';
import { SignInPage } from './pages/signin';
import { AdminPage } from './pages/admin';
import { Empty, useTitle } from './components';
import { api } from './api';
import { may, setSession, useCaller } from './session';

const NAV: { to: string; label: string; section: string }[] = [
  { to: '/', label: 'Overview', section: '' },
  { to: '/subjects', label: 'Subjects', section: 'subjects' },
  { to: '/try', label: 'Try a change', section: 'try' },
  { to: '/schemas', label: 'Schema by id', section: 'schemas' },
  { to: '/settings', label: 'Settings', section: 'settings' },
];

function route(path: string, query: URLSearchParams) {
  const s = segments(path);
  const [a, b, c, d] = s;
  if (s.length === 0) return <Overview />;
  if (a === 'subjects' && s.length === 1) return <SubjectsPage query={query} />;
  if (a === 'subjects' && b !== undefined) {
    if (s.length === 2) return <SubjectPage subject={b} />;
    if (c === 'versions' && s.length === 4 && /^\d+$/.test(d)) return <VersionPage subject={b} version={Number(d)} />;
    if (c === 'diff' && s.length === 3) return <DiffPage subject={b} query={query} />;
    if (c === 'try' && s.length === 3) return <Playground subject={b} />;
  }
  if (a === 'try' && s.length === 1) return <Playground subject={query.get('subject') ?? ''} />;
  if (a === 'schemas' && s.length === 1) return <SchemaLookup />;
  if (a === 'schemas' && s.length === 2 && /^\d+$/.test(b)) return <SchemaPage id={Number(b)} />;
  if (a === 'settings' && s.length === 1) return <SettingsPage />;
  if (a === 'sign-in' && s.length === 1) return <SignInPage next={query.get('next') ?? '/'} />;
  if (a === 'admin' && s.length === 1) return <AdminPage />;
  return <NotFound />;
}

function NotFound() {
  useTitle('Page not found');
  return (
    <>
      <h1 tabIndex={-1}>Page not found</h1>
      <Empty title="There is no page at this address.">
        <p>
          Go to the <Link to="/subjects">subjects</Link> or the <Link to="/">overview</Link>.
        </p>
      </Empty>
    </>
  );
}

export function App() {
  const { path, query } = useLocation();
  const section = segments(path)[0] ?? '';
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  const caller = useCaller();

  // who the UI is for: anonymous until someone signs in (the answer also says whether auth is on)
  useEffect(() => {
    api.me().then((me) => setSession(null, me)).catch(() => undefined);
  }, []);

  // After a client-side navigation, move focus to the new page's heading (screen readers announce it) and
  // start at the top; the first load keeps the browser's own focus.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    const t = setTimeout(() => main.current?.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true }), 0);
    return () => clearTimeout(t);
  }, [path]);

  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <Link to="/" class="brand" aria-label="Accord overview">
          <svg viewBox="0 0 32 32" width="26" height="26" aria-hidden="true">
            <rect width="32" height="32" rx="7" fill="currentColor" />
            <path d="M9 22l7-13 7 13M12 17h8" stroke="var(--brand-ink)" stroke-width="3" fill="none" stroke-linecap="round" stroke-linejoin="round" />
          </svg>
          <span>Accord</span>
        </Link>
        <nav aria-label="Main">
          <ul>
            {NAV.map((n) => (
              <li key={n.to}>
                <Link to={n.to} aria-current={n.section === section ? 'page' : undefined}>
                  {n.label}
                </Link>
              </li>
            ))}
            {caller?.authEnabled && may('admin', null) && (
              <li>
                <Link to="/admin" aria-current={section === 'admin' ? 'page' : undefined}>
                  Access
                </Link>
              </li>
            )}
          </ul>
        </nav>
        {caller?.authEnabled && (
          <div class="who" id="who">
            {caller.kind === 'ANONYMOUS' ? (
              <Link to="/sign-in">Sign in</Link>
            ) : (
              <>
                <span>
                  Signed in as <strong>{caller.name}</strong>
                </span>{' '}
                <button
                  type="button"
                  class="button link"
                  onClick={async () => {
                    setSession(null, null);
                    setSession(null, await api.me(null).catch(() => null));
                  }}
                >
                  Sign out
                </button>
              </>
            )}
          </div>
        )}
      </header>
      <main id="main" ref={main} tabIndex={-1} class={section === 'subjects' && segments(path)[2] === 'diff' ? 'wide' : undefined}>
        {route(path, query)}
      </main>
    </>
  );
}
