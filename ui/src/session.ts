// Who uses the UI: the credentials typed on the sign-in page, kept in memory only (never in localStorage or a
// cookie: a reload signs out), and what GET /v1/auth/me says about them.
import { useEffect, useState } from 'preact/hooks';

export type GrantRole = 'reader' | 'writer' | 'admin';

export interface CallerInfo {
  authEnabled: boolean;
  name: string;
  kind: 'OPEN' | 'ANONYMOUS' | 'API_KEY' | 'USER' | 'TOKEN';
  actor: string;
  grants: { role: GrantRole; subjects: string }[];
  expiresAt?: string;
}

let authorization: string | null = null;
let caller: CallerInfo | null = null;
const listeners = new Set<() => void>();

export function authorizationHeader(): string | null {
  return authorization;
}

export function currentCaller(): CallerInfo | null {
  return caller;
}

export function setSession(header: string | null, info: CallerInfo | null) {
  authorization = header;
  caller = info;
  listeners.forEach((l) => l());
}

/** Re-renders on sign-in and sign-out. */
export function useCaller(): CallerInfo | null {
  const [, setTick] = useState(0);
  useEffect(() => {
    const l = () => setTick((t) => t + 1);
    listeners.add(l);
    return () => void listeners.delete(l);
  }, []);
  return caller;
}

export function basic(user: string, secret: string): string {
  const bytes = new TextEncoder().encode(`${user}:${secret}`);
  let binary = '';
  bytes.forEach((b) => (binary += String.fromCharCode(b)));
  return `Basic ${btoa(binary)}`;
}

const RANK: Record<GrantRole, number> = { reader: 0, writer: 1, admin: 2 };

/** Whether the caller has the role on the subject (null: the global settings, which need a '*' grant). */
export function may(role: GrantRole, subject: string | null, who: CallerInfo | null = caller): boolean {
  if (!who || !who.authEnabled) return true;
  return who.grants.some(
    (g) =>
      RANK[g.role] >= RANK[role] &&
      (g.subjects === '*' ||
        (subject !== null && (g.subjects.endsWith('*') ? subject.startsWith(g.subjects.slice(0, -1)) : subject === g.subjects))),
  );
}

/** Why an action is not offered, or null when it is. */
export function missing(role: GrantRole, subject: string | null): string | null {
  if (may(role, subject)) return null;
  const who = caller?.kind === 'ANONYMOUS' ? 'Signed out, you' : `${caller?.actor ?? 'You'}`;
  return `${who} may not do this: it needs the ${role} role on ${subject === null ? 'every subject' : `subject ${subject}`}.`;
}
