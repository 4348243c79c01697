// A small history-API router: the UI lives under /ui/, every page has a real URL that reloads (the server
// answers index.html for /ui/* paths that are not files).
import { h, type ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export const BASE = '/ui';

export interface Location {
  /** Path below /ui, always starting with '/'. */
  path: string;
  query: URLSearchParams;
  hash: string;
}

function current(): Location {
  let path = window.location.pathname;
  if (path === BASE || path.startsWith(BASE + '/')) path = path.slice(BASE.length);
  if (!path) path = '/';
  return { path, query: new URLSearchParams(window.location.search), hash: window.location.hash };
}

const listeners = new Set<() => void>();
window.addEventListener('popstate', () => listeners.forEach((l) => l()));

/** Goes to a UI path ('/subjects/x?y=1'); replace=true changes the URL without a history entry. */
export function navigate(to: string, replace = false) {
  const url = BASE + to;
  if (url === window.location.pathname + window.location.search + window.location.hash) return;
  if (replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  listeners.forEach((l) => l());
}

export function useLocation(): Location {
  const [loc, setLoc] = useState(current);
  useEffect(() => {
    const update = () => setLoc(current());
    listeners.add(update);
    return () => void listeners.delete(update);
  }, []);
  return loc;
}

/** Splits a path into decoded segments: '/subjects/a%2Fb' -> ['subjects', 'a/b']. */
export function segments(path: string): string[] {
  return path
    .split('/')
    .filter((s) => s !== '')
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
}

/** Builds a UI path from segments and query parameters (empty values are left out). */
export function href(parts: (string | number)[], params?: Record<string, string | number | null | undefined>) {
  let path = '/' + parts.map((p) => encodeURIComponent(String(p))).join('/');
  if (params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
    const s = q.toString();
    if (s) path += '?' + s;
  }
  return path;
}

interface LinkProps {
  to: string;
  children?: ComponentChildren;
  class?: string;
  title?: string;
  'aria-current'?: 'page' | undefined;
  'aria-label'?: string;
}

/** An anchor with a real href (open in new tab works) that navigates in place on a plain click. */
export function Link({ to, children, ...rest }: LinkProps) {
  return h(
    'a',
    {
      ...rest,
      href: BASE + to,
      onClick: (e: MouseEvent) => {
        if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        navigate(to);
      },
    },
    children,
  );
}
