import { useMemo } from 'preact/hooks';
import { type Change, type Diff, type SchemaVersion, api, enforcedDirections } from '../api';
import {
  BreaksBadges,
  CodeView,
  Empty,
  ErrorMessage,
  type LineMark,
  Loading,
  TypeBadge,
  compactValue,
  useAsync,
  useTitle,
  ChoiceField,
} from '../components';
import { languageOf } from '../highlight';
import { type PrettySchema, normalizePointer, prettySchema } from '../pointer';
import { Link, href, navigate } from '../router';

const intParam = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : undefined);

export function DiffPage({ subject, query }: { subject: string; query: URLSearchParams }) {
  const from = intParam(query.get('from'));
  const to = intParam(query.get('to'));
  const selected = intParam(query.get('change'));
  useTitle(`${subject}: changes`);

  const state = useAsync(async () => {
    const [numbers, diff, config] = await Promise.all([
      api.versions(subject, true),
      api.diffVersions(subject, from, to),
      api.effectiveConfig(subject),
    ]);
    const [oldVersion, newVersion] = await Promise.all([
      diff.from !== undefined && diff.from !== null ? api.version(subject, diff.from, true) : Promise.resolve(null),
      diff.to !== undefined && diff.to !== null ? api.version(subject, diff.to, true) : Promise.resolve(null),
    ]);
    return { numbers, diff, config, oldVersion, newVersion };
  }, [subject, from, to]);

  const go = (f: number | undefined, t: number | undefined, change?: number) =>
    navigate(href(['subjects', subject, 'diff'], { from: f, to: t, change }), change !== undefined);

  const d = state.data;
  const shownFrom = d?.diff.from ?? from;
  const shownTo = d?.diff.to ?? to;

  return (
    <>
      <nav class="crumbs" aria-label="Breadcrumb">
        <Link to="/subjects">Subjects</Link> <span aria-hidden="true">/</span>{' '}
        <Link to={href(['subjects', subject])}>{subject}</Link> <span aria-hidden="true">/</span>
      </nav>
      <h1 tabIndex={-1} class="break">
        Changes in {subject}
        {shownFrom !== undefined && shownTo !== undefined && (
          <span class="muted">
            {' '}
            v{shownFrom} → v{shownTo}
          </span>
        )}
      </h1>

      {d && (
        <div class="diff-bar">
        <form class="filters slim" aria-label="Versions to compare" onSubmit={(e) => e.preventDefault()}>
          <ChoiceField
            id="diff-from"
            label="Old version"
            value={String(shownFrom ?? '')}
            options={d.numbers.map((n) => ({ value: String(n), label: `v${n}` }))}
            onChange={(value) => go(Number(value), shownTo)}
          />
          <ChoiceField
            id="diff-to"
            label="New version"
            value={String(shownTo ?? '')}
            options={d.numbers.map((n) => ({ value: String(n), label: `v${n}` }))}
            onChange={(value) => go(shownFrom, Number(value))}
          />
          <div class="field">
            <span class="label-spacer" aria-hidden="true">
              &nbsp;
            </span>
            <button type="button" class="button" onClick={() => go(shownTo, shownFrom)}>
              Swap
            </button>
          </div>
        </form>
        {!state.loading && <Verdict diff={d.diff} level={d.config.compatibilityLevel} />}
        </div>
      )}

      {state.loading && <Loading what="the comparison" />}
      <ErrorMessage error={state.error} action="Comparing the versions" />
      {d && !state.loading && (
        <DiffView
          diff={d.diff}
          level={d.config.compatibilityLevel}
          oldVersion={d.oldVersion}
          newVersion={d.newVersion}
          selected={selected !== undefined && selected >= 1 && selected <= d.diff.changes.length ? selected - 1 : null}
          onSelect={(i) => go(from, to, i + 1)}
        />
      )}
    </>
  );
}

function Verdict({ diff, level }: { diff: Diff; level?: string }) {
  const enforced = enforcedDirections(level);
  const accepted = enforced.every((dir) => diff.compatible[dir as 'BACKWARD' | 'FORWARD']);
  return (
    <div class="verdicts">
      {(['BACKWARD', 'FORWARD', 'FULL'] as const).map((k) => (
        <span key={k} class={`verdict ${diff.compatible[k] ? 'ok' : 'bad'}`}>
          <span aria-hidden="true">{diff.compatible[k] ? '✓' : '✗'}</span> {k}{' '}
          <span class="small">{diff.compatible[k] ? 'compatible' : 'breaks'}</span>
        </span>
      ))}
      {level && (
        <span class="muted">
          At this subject's level <strong>{level}</strong> (policy {diff.policy}) the new version{' '}
          {accepted ? 'is compatible.' : 'would be refused.'}
        </span>
      )}
    </div>
  );
}

function sideMarks(pretty: PrettySchema | null, changes: Change[], side: 'old' | 'new'): Map<number, LineMark> {
  const marks = new Map<number, LineMark>();
  if (!pretty) return marks;
  for (const c of changes) {
    const r = side === 'old' ? pretty.lines(c.oldPath, c.oldLocation) : pretty.lines(c.newPath, c.newLocation);
    if (!r) continue;
    const kind: LineMark = c.breaks && c.breaks.length ? 'breaking' : 'change';
    for (let n = r.first; n <= r.last; n++) if (marks.get(n) !== 'breaking') marks.set(n, kind);
  }
  return marks;
}

interface DiffViewProps {
  diff: Diff;
  level?: string;
  oldVersion: SchemaVersion | null;
  newVersion: SchemaVersion | null;
  selected: number | null;
  onSelect: (index: number) => void;
}

function DiffView({ diff, level, oldVersion, newVersion, selected, onSelect }: DiffViewProps) {
  const oldPretty = useMemo(() => (oldVersion ? prettySchema(oldVersion.schema, oldVersion.schemaType) : null), [oldVersion]);
  const newPretty = useMemo(() => (newVersion ? prettySchema(newVersion.schema, newVersion.schemaType) : null), [newVersion]);
  const oldMarks = useMemo(() => sideMarks(oldPretty, diff.changes, 'old'), [oldPretty, diff]);
  const newMarks = useMemo(() => sideMarks(newPretty, diff.changes, 'new'), [newPretty, diff]);
  const change = selected !== null ? diff.changes[selected] : null;
  const enforced = enforcedDirections(level);

  const pickLine = (side: 'old' | 'new', pretty: PrettySchema | null) => (line: number) => {
    if (!pretty) return;
    let best = -1;
    let bestSize = Infinity;
    diff.changes.forEach((c, i) => {
      const r = side === 'old' ? pretty.lines(c.oldPath, c.oldLocation) : pretty.lines(c.newPath, c.newLocation);
      if (r && line >= r.first && line <= r.last && r.last - r.first < bestSize) {
        best = i;
        bestSize = r.last - r.first;
      }
    });
    if (best >= 0) onSelect(best);
  };

  return (
    <>
      <div class="diff-layout">
      <section aria-labelledby="changes-h" class="diff-changes">
        <h2 id="changes-h">
          {diff.changes.length === 0
            ? 'No semantic changes'
            : `${diff.changes.length} ${diff.changes.length === 1 ? 'change' : 'changes'}`}
        </h2>
        {diff.changes.length === 0 ? (
          <Empty title="These two versions mean the same thing.">
            <p class="muted">Formatting, key order and documentation do not count as changes.</p>
          </Empty>
        ) : (
          <ol class="changes" aria-label="Changes">
            {diff.changes.map((c, i) => (
              <li key={i} class={`change${selected === i ? ' selected' : ''}${c.breaks?.length ? ' breaking' : ''}`}>
                <button
                  type="button"
                  class="change-head"
                  aria-pressed={selected === i}
                  aria-describedby={`change-${i}-where`}
                  onClick={() => onSelect(i)}
                >
                  <span class="change-top">
                    <code class="rule-id">{c.ruleId}</code>
                    <span class="breaks">
                      <BreaksBadges change={c} enforced={enforced.length ? enforced : undefined} />
                    </span>
                  </span>
                  <span class="change-msg">{c.message}</span>
                </button>
                <p id={`change-${i}-where`} class="where">
                  <span>
                    old <code>{normalizePointer(c.oldPath) === null ? '—' : c.oldPath || '/'}</code>
                  </span>
                  <span>
                    new <code>{normalizePointer(c.newPath) === null ? '—' : c.newPath || '/'}</code>
                  </span>
                  {(c.oldValue != null || c.newValue != null) && (
                    <span class="values">
                      <code class="old-value">{c.oldValue == null ? '—' : compactValue(c.oldValue)}</code>
                      {' → '}
                      <code class="new-value">{c.newValue == null ? '—' : compactValue(c.newValue)}</code>
                    </span>
                  )}
                </p>
                {c.fixHint && (
                  <p class="hint">
                    <strong>Fix:</strong> {c.fixHint}
                  </p>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="sbs-h" class="diff-schemas">
        <h2 id="sbs-h" class="sr-only">
          Schemas side by side
        </h2>
        <div class="side-by-side">
          <SchemaPane
            title="Old"
            version={oldVersion}
            pretty={oldPretty}
            highlight={change && oldPretty ? oldPretty.lines(change.oldPath, change.oldLocation) : null}
            marks={oldMarks}
            onLineClick={pickLine('old', oldPretty)}
            idPrefix="old"
          />
          <SchemaPane
            title="New"
            version={newVersion}
            pretty={newPretty}
            highlight={change && newPretty ? newPretty.lines(change.newPath, change.newLocation) : null}
            marks={newMarks}
            onLineClick={pickLine('new', newPretty)}
            idPrefix="new"
          />
        </div>
      </section>
      </div>
    </>
  );
}

interface PaneProps {
  title: string;
  version: SchemaVersion | null;
  pretty: PrettySchema | null;
  highlight: ReturnType<PrettySchema['lines']>;
  marks: Map<number, LineMark>;
  onLineClick: (line: number) => void;
  idPrefix: string;
}

function SchemaPane({ title, version, pretty, highlight, marks, onLineClick, idPrefix }: PaneProps) {
  if (!version || !pretty) return <div class="pane"><p class="muted">No {title.toLowerCase()} version.</p></div>;
  return (
    <div class="pane">
      <h3>
        {title}:{' '}
        <Link to={href(['subjects', version.subject, 'versions', version.version])}>version {version.version}</Link>{' '}
        <span class="muted small">
          id {version.id} <TypeBadge type={version.schemaType} />
          {version.deleted ? ' soft-deleted' : ''}
        </span>
      </h3>
      <CodeView
        text={pretty.text}
        language={languageOf(version.schemaType, pretty.json)}
        label={`${title} schema, version ${version.version}`}
        highlight={highlight}
        marks={marks}
        onLineClick={onLineClick}
        idPrefix={idPrefix}
        maxHeight="75vh"
      />
      {highlight && !highlight.exact && (
        <p class="muted small" role="note">
          The exact place is not in this document; the nearest enclosing part is highlighted.
        </p>
      )}
    </div>
  );
}
