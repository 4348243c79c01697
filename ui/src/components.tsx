import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, type Change, type Metadata, type Reference, type RuleSet, api } from './api';
import { highlightLines, languageOf } from './highlight';
import { formatOf, isJsonFormat } from './formats';
import type { LineRange } from './pointer';
import { Link, href } from './router';

// ---------------------------------------------------------------------------------------------- data loading

export interface Async<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** Runs an async load when deps change; results of superseded loads are dropped. */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[]): Async<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ data: s.data, loading: true }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (error) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

export function useTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} · Accord` : 'Accord';
  }, [title]);
}

// ---------------------------------------------------------------------------------------------- states

/** An API error as a sentence, with the registry's error_code. */
export function ErrorMessage({ error, action }: { error: unknown; action?: string }) {
  if (!error) return null;
  const lead = action ? `${action} failed.` : 'Something went wrong.';
  if (error instanceof ApiError) {
    const message = /[.!?]$/.test(error.message.trim()) ? error.message.trim() : error.message.trim() + '.';
    return (
      <div class="alert error" role="alert">
        <p>
          <strong>{lead}</strong> {message}
        </p>
        <p class="muted small">
          {error.errorCode !== null ? (
            <>
              error_code <code>{error.errorCode}</code> ·{' '}
            </>
          ) : null}
          {error.status ? `HTTP ${error.status} · ` : ''}
          <code>
            {error.method} {error.path}
          </code>
        </p>
        {error.status === 401 && (
          <p>
            <Link to={href(['sign-in'], { next: window.location.pathname.replace(/^\/ui/, '') || '/' })}>Sign in</Link> to
            continue.
          </p>
        )}
      </div>
    );
  }
  return (
    <div class="alert error" role="alert">
      <p>
        <strong>{lead}</strong> {String((error as Error)?.message ?? error)}
      </p>
    </div>
  );
}

/** One labelled drop-down: the form fields of every page are built from it. */
export function ChoiceField({
  id,
  label,
  value,
  options,
  onChange,
  first,
  inline,
  describedBy,
  children,
}: {
  id: string;
  label: string;
  value: string;
  options: readonly (string | { value: string; label: string })[];
  onChange: (value: string) => void;
  /** An option before the list, e.g. "All types" or "Inherit global". */
  first?: { value: string; label: string };
  inline?: boolean;
  describedBy?: string;
  children?: ComponentChildren;
}) {
  const all = [...(first ? [first] : []), ...options.map((o) => (typeof o === 'string' ? { value: o, label: o } : o))];
  return (
    <div class={inline ? 'field inline' : 'field'}>
      <label for={id}>{label}</label>
      <select id={id} value={value} aria-describedby={describedBy} onChange={(e) => onChange((e.target as HTMLSelectElement).value)}>
        {all.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {children}
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p class="loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      Loading {what}…
    </p>
  );
}

export function Empty({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <div class="empty">
      <p class="empty-title">{title}</p>
      {children}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------- formatting

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
export const number = new Intl.NumberFormat();

export function formatDate(value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const d = new Date(value);
  return isNaN(d.getTime()) ? String(value) : dateTime.format(d);
}

export function ago(value: number | string): string {
  const d = new Date(value).getTime();
  if (isNaN(d)) return '';
  const s = (d - Date.now()) / 1000;
  const abs = Math.abs(s);
  if (abs < 45) return 'just now';
  if (abs < 3600) return relative.format(Math.round(s / 60), 'minute');
  if (abs < 86400) return relative.format(Math.round(s / 3600), 'hour');
  if (abs < 86400 * 30) return relative.format(Math.round(s / 86400), 'day');
  if (abs < 86400 * 365) return relative.format(Math.round(s / (86400 * 30)), 'month');
  return relative.format(Math.round(s / (86400 * 365)), 'year');
}

export function Time({ value }: { value: number | string | null | undefined }) {
  if (value === null || value === undefined) return <span>—</span>;
  const d = new Date(value);
  if (isNaN(d.getTime())) return <span>{String(value)}</span>;
  return (
    <time dateTime={d.toISOString()} title={ago(value)}>
      {formatDate(value)}
    </time>
  );
}

/** A compact one-line rendering of a JSON value (a change's old or new value). */
export function compactValue(v: unknown, max = 120): string {
  if (v === undefined) return '';
  // the diff reports values as strings already (a type name, a field name, a default as JSON)
  const s = typeof v === 'string' ? v : JSON.stringify(v) ?? String(v);
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}

// ---------------------------------------------------------------------------------------------- small widgets

export function TypeBadge({ type }: { type: string | null | undefined }) {
  if (!type) return null;
  return <span class={`badge type-${type.toLowerCase()}`}>{formatOf(type)?.name ?? type}</span>;
}

export function BreaksBadges({ change, enforced }: { change: Change; enforced?: string[] }) {
  if (!change.breaks || change.breaks.length === 0) return <span class="badge ok">breaks nothing</span>;
  return (
    <>
      {change.breaks.map((d) => (
        <span
          key={d}
          class={`badge ${enforced && !enforced.includes(d) ? 'warn' : 'bad'}`}
          title={`Breaks ${d} compatibility`}
        >
          breaks {d}
        </span>
      ))}
    </>
  );
}

/** Copies text; the announcement is read by screen readers. */
export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [done, setDone] = useState<string>('');
  const copy = async () => {
    try {
      if (navigator.clipboard && window.isSecureContext) await navigator.clipboard.writeText(text);
      else {
        const area = document.createElement('textarea');
        area.value = text;
        area.setAttribute('readonly', '');
        area.style.position = 'fixed';
        area.style.opacity = '0';
        document.body.appendChild(area);
        area.select();
        document.execCommand('copy');
        area.remove();
      }
      setDone('Copied to the clipboard.');
    } catch {
      setDone('Copying was refused by the browser; select the text instead.');
    }
    setTimeout(() => setDone(''), 2500);
  };
  return (
    <>
      <button type="button" class="button" onClick={copy}>
        {label}
      </button>
      <span class="sr-status" role="status" aria-live="polite">
        {done}
      </span>
    </>
  );
}

export function DownloadButton({ text, filename, type = 'application/json' }: { text: string; filename: string; type?: string }) {
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <button type="button" class="button" onClick={download}>
      Download
    </button>
  );
}

export function schemaFileName(subject: string, version: number | string, schemaType: string) {
  const ext = formatOf(schemaType)?.fileExtensions[0] ?? '.txt';
  return `${subject.replace(/[^\w.-]+/g, '_')}-v${version}${ext}`;
}

/** The raw API answer, shown on demand. */
export function RawJson({ value, label = 'API response' }: { value: unknown; label?: string }) {
  const [open, setOpen] = useState(false);
  const text = useMemo(() => (open ? JSON.stringify(value, null, 2) : ''), [open, value]);
  return (
    <div class="raw">
      <button type="button" class="button link" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? `Hide raw ${label}` : `Show raw ${label}`}
      </button>
      {open && <CodeView text={text} language="json" label={`Raw ${label}`} />}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------- code view

export type LineMark = 'breaking' | 'change';

interface CodeViewProps {
  text: string;
  language: string;
  label: string;
  /** Lines to highlight (the selected change); scrolled into view when it changes. */
  highlight?: LineRange | null;
  /** Gutter marks for lines that carry a change. */
  marks?: Map<number, LineMark>;
  onLineClick?: (line: number) => void;
  idPrefix?: string;
  maxHeight?: string;
}

/** A numbered, highlighted, scrollable code block. */
export function CodeView({ text, language, label, highlight, marks, onLineClick, idPrefix, maxHeight }: CodeViewProps) {
  const lines = useMemo(() => highlightLines(text, language), [text, language]);
  const box = useRef<HTMLDivElement>(null);
  const shown = useRef(false);
  useLayoutEffect(() => {
    if (!highlight || !box.current) return;
    const first = !shown.current;
    shown.current = true;
    const el = box.current.querySelector<HTMLElement>(`[data-line="${highlight.first}"]`);
    if (!el) return;
    // scroll inside the code box only, not the page
    const boxEl = box.current;
    const top = el.offsetTop - boxEl.clientHeight / 3;
    boxEl.scrollTo({ top: Math.max(0, top), behavior: 'smooth' });
    // and bring the code box itself into view when it is below the fold
    const rect = boxEl.getBoundingClientRect();
    if (!first && (rect.top > window.innerHeight - 120 || rect.bottom < 80)) boxEl.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [highlight?.first, highlight?.last, text]);
  return (
    <div
      class="code"
      ref={box}
      role="region"
      aria-label={label}
      tabIndex={0}
      style={maxHeight ? { maxHeight } : undefined}
    >
      <pre>
        <code class={`hljs language-${language}`}>
          {lines.map((html, i) => {
            const n = i + 1;
            const hl = highlight && n >= highlight.first && n <= highlight.last;
            const mark = marks?.get(n);
            return (
              <span
                key={n}
                id={idPrefix ? `${idPrefix}-L${n}` : undefined}
                data-line={n}
                class={`line${hl ? ' hl' : ''}${mark ? ' mark-' + mark : ''}${onLineClick && mark ? ' clickable' : ''}`}
                onClick={onLineClick && mark ? () => onLineClick(n) : undefined}
              >
                <span class="ln" aria-hidden="true" data-n={n} />
                <span class="src" dangerouslySetInnerHTML={{ __html: html || ' ' }} />
              </span>
            );
          })}
        </code>
      </pre>
    </div>
  );
}

export function SchemaCode({ schema, schemaType, label }: { schema: string; schemaType: string; label: string }) {
  const { text, json } = useMemo(() => {
    if (!isJsonFormat(schemaType)) return { text: schema, json: false };
    try {
      return { text: JSON.stringify(JSON.parse(schema), null, 2), json: true };
    } catch {
      return { text: schema, json: false };
    }
  }, [schema, schemaType]);
  return <CodeView text={text} language={languageOf(schemaType, json)} label={label} />;
}

// ---------------------------------------------------------------------------------------------- contract details

export function References({ references, what = 'version' }: { references?: Reference[]; what?: string }) {
  if (!references || references.length === 0) return <p class="muted">This {what} references no other schema.</p>;
  return (
    <ul class="plain">
      {references.map((r) => (
        <li key={`${r.subject}/${r.version}/${r.name}`}>
          <code>{r.name}</code> →{' '}
          <Link to={href(['subjects', r.subject, 'versions', r.version])}>
            {r.subject} version {r.version}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** The subject versions whose schemas reference this one. */
export function ReferencedBy({ subject, version }: { subject: string; version: number }) {
  const state = useAsync(async () => {
    const ids = await api.referencedBy(subject, version);
    const users = await Promise.all(ids.map(async (id) => ({ id, versions: await api.schemaVersions(id) })));
    return users.flatMap((u) => u.versions.map((v) => ({ ...v, id: u.id })));
  }, [subject, version]);
  if (state.loading) return <Loading what="referencing schemas" />;
  if (state.error) return <ErrorMessage error={state.error} action="Loading the referencing schemas" />;
  const users = state.data!;
  if (users.length === 0) return <p class="muted">No schema references this version.</p>;
  return (
    <ul class="plain">
      {users.map((u) => (
        <li key={`${u.subject}/${u.version}`}>
          <Link to={href(['subjects', u.subject, 'versions', u.version])}>
            {u.subject} version {u.version}
          </Link>{' '}
          <span class="muted">(id {u.id})</span>
        </li>
      ))}
    </ul>
  );
}

export function MetadataView({ metadata }: { metadata?: Metadata }) {
  const props = Object.entries(metadata?.properties ?? {});
  const tags = Object.entries(metadata?.tags ?? {});
  const sensitive = metadata?.sensitive ?? [];
  if (props.length === 0 && tags.length === 0 && sensitive.length === 0)
    return <p class="muted">No metadata.</p>;
  return (
    <div class="stack">
      {props.length > 0 && (
        <table class="kv">
          <caption>Properties</caption>
          <tbody>
            {props.map(([k, v]) => (
              <tr key={k}>
                <th scope="row">
                  <code>{k}</code>
                </th>
                <td>{sensitive.includes(k) ? <em>sensitive</em> : v ?? <span class="muted">null</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {tags.length > 0 && (
        <table class="kv">
          <caption>Tags</caption>
          <tbody>
            {tags.map(([path, list]) => (
              <tr key={path}>
                <th scope="row">
                  <code>{path}</code>
                </th>
                <td>
                  {list.map((t) => (
                    <span class="badge" key={t}>
                      {t}
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {sensitive.length > 0 && (
        <p>
          Sensitive: {sensitive.map((s) => <code key={s}>{s} </code>)}
        </p>
      )}
    </div>
  );
}

export function RuleSetView({ ruleSet }: { ruleSet?: RuleSet }) {
  const groups = (
    [
      ['Migration rules', ruleSet?.migrationRules],
      ['Domain rules', ruleSet?.domainRules],
      ['Encoding rules', ruleSet?.encodingRules],
    ] as const
  ).filter(([, rules]) => rules && rules.length > 0);
  if (groups.length === 0) return <p class="muted">No rule set.</p>;
  return (
    <div class="stack">
      {ruleSet?.enableAt && (
        <p>
          Enabled at: <code>{ruleSet.enableAt}</code>
        </p>
      )}
      {groups.map(([title, rules]) => (
        <div key={title}>
          <h3 class="h4">{title}</h3>
          <ul class="rules">
            {rules!.map((r) => (
              <li key={r.name} class={r.disabled ? 'muted' : undefined}>
                <p class="rule-name">
                  <strong>{r.name}</strong>
                  {r.disabled ? ' (disabled)' : ''} {r.kind && <span class="badge">{r.kind}</span>}
                  {r.mode && <span class="badge">{r.mode}</span>}
                  {r.type && <span class="badge">{r.type}</span>}
                </p>
                {r.doc && <p class="muted small">{r.doc}</p>}
                {r.expr && (
                  <p>
                    <code class="expr">{r.expr}</code>
                  </p>
                )}
                {(r.onSuccess || r.onFailure) && (
                  <p class="small muted">
                    {r.onSuccess ? `on success: ${r.onSuccess}` : ''}
                    {r.onSuccess && r.onFailure ? ' · ' : ''}
                    {r.onFailure ? `on failure: ${r.onFailure}` : ''}
                  </p>
                )}
                {r.params && Object.keys(r.params).length > 0 && (
                  <p class="small">
                    {Object.entries(r.params).map(([k, v]) => (
                      <code key={k}>
                        {k}={v}{' '}
                      </code>
                    ))}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
