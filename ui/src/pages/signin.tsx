import { useState } from 'preact/hooks';
import { ApiError, api } from '../api';
import { ErrorMessage, useTitle } from '../components';
import { navigate } from '../router';
import { basic, setSession, useCaller } from '../session';

/** Sign in with a user and password, or an API key and its secret; kept in this tab's memory only. */
export function SignInPage({ next }: { next: string }) {
  useTitle('Sign in');
  const caller = useCaller();
  const [user, setUser] = useState('');
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const header = basic(user.trim(), secret);
      const me = await api.me(header);
      if (me.kind === 'ANONYMOUS') throw new ApiError(401, 40101, 'These credentials were not accepted.', 'GET', '/v1/auth/me');
      setSession(header, me);
      setSecret('');
      navigate(next.startsWith('/') && !next.startsWith('/sign-in') ? next : '/');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1 tabIndex={-1}>Sign in</h1>
      {caller && caller.kind !== 'ANONYMOUS' && caller.kind !== 'OPEN' && (
        <p class="muted">You are signed in as {caller.actor}; signing in again replaces it.</p>
      )}
      <form class="stack narrow" onSubmit={submit} aria-label="Sign in">
        <div class="field">
          <label for="signin-user">User name or API key</label>
          <input id="signin-user" autoComplete="username" value={user} required onInput={(e) => setUser((e.target as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label for="signin-secret">Password or key secret</label>
          <input
            id="signin-secret"
            type="password"
            autoComplete="current-password"
            value={secret}
            required
            onInput={(e) => setSecret((e.target as HTMLInputElement).value)}
          />
        </div>
        <p class="muted small">
          Kept in this tab's memory only: reloading the page or closing the tab signs you out.
        </p>
        <div>
          <button type="submit" class="button primary" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </div>
        <ErrorMessage error={error} action="Signing in" />
      </form>
    </>
  );
}
