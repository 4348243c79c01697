import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { LEVELS, type SubjectSummary, api, cachedSubjects, contextOf } from '../api';
import { schemaTypeOptions } from '../formats';
import { ChoiceField, Empty, ErrorMessage, Loading, TypeBadge, formatDate, number, useAsync, useTitle } from '../components';
import { Link, href, navigate } from '../router';

/** Row height in px: fixed, so that only the visible rows of 10,000 are rendered. */
const ROW = 42;
const OVERSCAN = 10;

type SortKey = 'subject' | 'schemaType' | 'versions' | 'level' | 'updatedAt';

const COLUMNS: { key: SortKey; label: string; cls: string }[] = [
  { key: 'subject', label: 'Subject', cls: 'c-subject' },
  { key: 'schemaType', label: 'Type', cls: 'c-type' },
  { key: 'versions', label: 'Versions', cls: 'c-versions num' },
  { key: 'level', label: 'Compatibility', cls: 'c-level' },
  { key: 'updatedAt', label: 'Updated', cls: 'c-updated' },
];

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function compare(key: SortKey): (a: SubjectSummary, b: SubjectSummary) => number {
  switch (key) {
    case 'schemaType':
      return (a, b) => collator.compare(a.schemaType ?? '', b.schemaType ?? '') || collator.compare(a.subject, b.subject);
    case 'versions':
      return (a, b) => a.versions - b.versions || collator.compare(a.subject, b.subject);
    case 'level':
      return (a, b) =>
        collator.compare(a.effectiveCompatibilityLevel ?? '', b.effectiveCompatibilityLevel ?? '') ||
        collator.compare(a.subject, b.subject);
    case 'updatedAt':
      return (a, b) => (a.updatedAt ?? '').localeCompare(b.updatedAt ?? '') || collator.compare(a.subject, b.subject);
    default:
      return (a, b) => collator.compare(a.subject, b.subject);
  }
}

let renderMarked = false;

export function SubjectsPage({ query }: { query: URLSearchParams }) {
  useTitle('Subjects');
  const q = query.get('q') ?? '';
  const type = query.get('type') ?? '';
  const level = query.get('level') ?? '';
  const sort = (query.get('sort') as SortKey) || 'subject';
  const dir = query.get('dir') === 'desc' ? 'desc' : 'asc';
  const deleted = query.get('deleted') === 'true';
  const context = query.get('context') ?? '';

  const set = (changes: Record<string, string | null>) => {
    const params: Record<string, string | null> = { q, type, level, context, sort: sort === 'subject' ? null : sort, dir: dir === 'asc' ? null : dir, deleted: deleted ? 'true' : null };
    navigate(href(['subjects'], { ...params, ...changes }), true);
  };

  const state = useAsync(() => cachedSubjects(deleted, true), [deleted]);
  // the context selector appears once a context other than the default one exists
  const contexts = useAsync(() => api.contexts(), []);

  const sorted = useMemo(() => {
    if (!state.data) return [];
    const list = state.data.slice().sort(compare(sort));
    if (dir === 'desc') list.reverse();
    return list;
  }, [state.data, sort, dir]);

  const names = useMemo(() => sorted.map((s) => s.subject.toLowerCase()), [sorted]);

  const filtered = useMemo(() => {
    const needle = q.trim().toLowerCase();
    if (!needle && !type && !level && !context) return sorted;
    const out: SubjectSummary[] = [];
    for (let i = 0; i < sorted.length; i++) {
      const s = sorted[i];
      if (needle && !names[i].includes(needle)) continue;
      if (type && s.schemaType !== type) continue;
      if (level && s.effectiveCompatibilityLevel !== level) continue;
      if (context && contextOf(s.subject) !== context) continue;
      out.push(s);
    }
    return out;
  }, [sorted, names, q, type, level, context]);

  useEffect(() => {
    if (state.data && !renderMarked) {
      renderMarked = true;
      // Time to first render with data, read by the render-timing measurement.
      requestAnimationFrame(() => performance.mark('accord:subjects-rendered'));
    }
  }, [state.data]);

  const total = state.data?.length ?? 0;
  const filtering = q !== '' || type !== '' || level !== '' || context !== '';

  return (
    <>
      <div class="page-head">
        <h1 tabIndex={-1}>Subjects</h1>
        <Link to="/try" class="button primary">
          New subject…
        </Link>
      </div>
      <form class="filters" role="search" aria-label="Filter subjects" onSubmit={(e) => e.preventDefault()}>
        <div class="field grow">
          <label for="subject-search">Search by name</label>
          <input
            id="subject-search"
            type="search"
            value={q}
            placeholder="e.g. orders"
            autoComplete="off"
            spellcheck={false}
            onInput={(e) => set({ q: (e.target as HTMLInputElement).value })}
          />
        </div>
        <ChoiceField
          id="subject-type"
          label="Schema type"
          value={type}
          options={schemaTypeOptions()}
          onChange={(value) => set({ type: value })}
          first={{ value: '', label: 'All types' }}
        />
        {contexts.data && contexts.data.length > 1 && (
          <ChoiceField
            id="subject-context"
            label="Context"
            value={context}
            options={contexts.data.map((c) => ({ value: c, label: c === '.' ? 'Default (.)' : c }))}
            onChange={(value) => set({ context: value })}
            first={{ value: '', label: 'All contexts' }}
          />
        )}
        <ChoiceField
          id="subject-level"
          label="Compatibility"
          value={level}
          options={LEVELS}
          onChange={(value) => set({ level: value })}
          first={{ value: '', label: 'All levels' }}
        />
        <div class="field">
          <label for="subject-sort">Sort by</label>
          <select
            id="subject-sort"
            value={`${sort}:${dir}`}
            onChange={(e) => {
              const [k, d] = (e.target as HTMLSelectElement).value.split(':');
              set({ sort: k === 'subject' ? null : k, dir: d === 'asc' ? null : d });
            }}
          >
            <option value="subject:asc">Name A→Z</option>
            <option value="subject:desc">Name Z→A</option>
            <option value="updatedAt:desc">Recently updated</option>
            <option value="updatedAt:asc">Least recently updated</option>
            <option value="versions:desc">Most versions</option>
            <option value="schemaType:asc">Type</option>
            <option value="level:asc">Compatibility</option>
          </select>
        </div>
        <div class="field check">
          <input id="subject-deleted" type="checkbox" checked={deleted} onChange={(e) => set({ deleted: (e.target as HTMLInputElement).checked ? 'true' : null })} />
          <label for="subject-deleted">Include soft-deleted</label>
        </div>
      </form>

      {state.loading && !state.data && <Loading what="subjects" />}
      <ErrorMessage error={state.error} action="Loading the subjects" />

      {state.data && (
        <>
          <p class="count" role="status" aria-live="polite" id="subjects-count">
            {filtering
              ? `${number.format(filtered.length)} of ${number.format(total)} subjects match`
              : `${number.format(total)} ${total === 1 ? 'subject' : 'subjects'}`}
          </p>
          {total === 0 ? (
            <Empty title="No subjects yet.">
              <p>
                Register a schema with <code>POST /subjects/&lt;subject&gt;/versions</code> or{' '}
                <Link to="/try">try one here</Link>.
              </p>
            </Empty>
          ) : filtered.length === 0 ? (
            <Empty title="No subject matches these filters.">
              <button type="button" class="button" onClick={() => set({ q: null, type: null, level: null, context: null })}>
                Clear the filters
              </button>
            </Empty>
          ) : (
            <SubjectTable
              rows={filtered}
              sort={sort}
              dir={dir}
              resetKey={`${q}|${type}|${level}|${context}|${sort}|${dir}|${deleted}`}
              onSort={(k) => set({ sort: k === 'subject' ? null : k, dir: sort === k && dir === 'asc' ? 'desc' : null })}
            />
          )}
        </>
      )}
    </>
  );
}

interface TableProps {
  rows: SubjectSummary[];
  sort: SortKey;
  dir: 'asc' | 'desc';
  resetKey: string;
  onSort: (key: SortKey) => void;
}

/** A table that renders only the rows in view (plus a margin): fast with 10,000 subjects. */
function SubjectTable({ rows, sort, dir, resetKey, onSort }: TableProps) {
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const frame = useRef(0);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    setHeight(el.clientHeight);
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useLayoutEffect(() => {
    if (box.current) box.current.scrollTop = 0;
    setScrollTop(0);
  }, [resetKey]);

  const onScroll = () => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      if (box.current) setScrollTop(box.current.scrollTop);
    });
  };

  const start = Math.max(0, Math.floor(scrollTop / ROW) - OVERSCAN);
  const end = Math.min(rows.length, Math.ceil((scrollTop + height) / ROW) + OVERSCAN);
  const visible = rows.slice(start, end);

  return (
    <div
      class="vscroll"
      ref={box}
      onScroll={onScroll}
      tabIndex={0}
      role="region"
      aria-label="Subjects, scrollable"
      style={{ height: `min(68vh, ${(rows.length + 1) * ROW + 2}px)` }}
    >
      <table class="data subjects" aria-rowcount={rows.length + 1} aria-describedby="subjects-count">
        <colgroup>
          <col class="c-subject" />
          <col class="c-type" />
          <col class="c-versions" />
          <col class="c-level" />
          <col class="c-updated" />
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {COLUMNS.map((c) => (
              <th
                key={c.key}
                scope="col"
                class={c.cls}
                aria-sort={sort === c.key ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                <button type="button" class="sort" onClick={() => onSort(c.key)}>
                  {c.label}
                  <span aria-hidden="true" class="sort-mark">
                    {sort === c.key ? (dir === 'asc' ? '▲' : '▼') : ''}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {start > 0 && <tr class="spacer" aria-hidden="true" style={{ height: `${start * ROW}px` }} />}
          {visible.map((s, i) => (
            <tr key={s.subject} aria-rowindex={start + i + 2} class={s.deleted ? 'deleted' : undefined}>
              <td class="c-subject" title={s.subject}>
                <Link to={href(['subjects', s.subject])}>{s.subject}</Link>
                {s.deleted && <span class="badge warn">soft-deleted</span>}
              </td>
              <td class="c-type">
                <TypeBadge type={s.schemaType} />
              </td>
              <td class="c-versions num" title={`${s.versions} live ${s.versions === 1 ? 'version' : 'versions'}, the latest is version ${s.latestVersion}`}>
                {s.versions}
                <span class="muted"> · v{s.latestVersion}</span>
              </td>
              <td class="c-level">
                {s.effectiveCompatibilityLevel}
                {s.compatibilityLevel === null && <span class="muted small"> (global)</span>}
              </td>
              <td class="c-updated">{formatDate(s.updatedAt)}</td>
            </tr>
          ))}
          {end < rows.length && (
            <tr class="spacer" aria-hidden="true" style={{ height: `${(rows.length - end) * ROW}px` }} />
          )}
        </tbody>
      </table>
    </div>
  );
}
