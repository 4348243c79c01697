import { useEffect, useRef, useState } from 'preact/hooks';
import {
  type CompatibilityVerdict,
  type Config,
  type Diff,
  type Reference,
  type RegisterResult,
  type SchemaType,
  type TextLocation,
  type SchemaVersion,
  api,
  enforcedDirections,
  invalidateSubjects,
} from '../api';
import { BreaksBadges, ChoiceField, CodeView, ErrorMessage, Loading, compactValue, useTitle } from '../components';
import { formatOfFile, formats, isJsonFormat, schemaTypeOptions } from '../formats';
import { languageOf } from '../highlight';
import { locate, prettySchema, resolvePointer } from '../pointer';
import { Link, href, navigate } from '../router';
import { missing } from '../session';

interface Checked {
  text: string;
  schemaType: SchemaType;
  references: string;
  verdict: CompatibilityVerdict;
  diff: Diff | null;
  diffError: unknown;
  level?: string;
  against: number | null;
}

const pretty = (schema: string, type: string) => {
  if (!isJsonFormat(type)) return schema;
  try {
    return JSON.stringify(JSON.parse(schema), null, 2);
  } catch {
    return schema;
  }
};

const EXAMPLE = `{
  "type": "record",
  "name": "Order",
  "namespace": "com.example",
  "fields": [
    { "name": "id", "type": "string" }
  ]
}`;

/** A first schema per type, offered while the editor still holds another type's example. */
const EXAMPLES: Partial<Record<SchemaType, string>> = {
  AVRO: EXAMPLE,
  JSON: `{
  "$schema": "http://json-schema.org/draft-07/schema#",
  "type": "object",
  "properties": {
    "id": { "type": "string" }
  },
  "required": ["id"]
}`,
  PROTOBUF: `syntax = "proto3";
package com.example;

message Order {
  string id = 1;
}
`,
};

/** One message of a verbose compatibility answer, in Confluent's format, made readable. */
function Message({ text }: { text: string }) {
  const err = /^\{errorType:'([^']*)', description:'(.*)', additionalInfo:'(.*)'\}$/s.exec(text);
  if (err) {
    return (
      <li>
        <code class="rule-id">{err[1]}</code> {err[2]}
        {err[3] && <span class="muted"> ({err[3]})</span>}
      </li>
    );
  }
  const version = /^\{oldSchemaVersion: ?(\d+)\}$/.exec(text);
  if (version) return <li class="muted">Checked against version {version[1]}.</li>;
  const old = /^\{oldSchema: ?'(.*)'\}$/s.exec(text);
  if (old) {
    return (
      <li class="muted">
        <details>
          <summary>The schema it was checked against</summary>
          <pre class="inline-code">{pretty(old[1], 'AVRO')}</pre>
        </details>
      </li>
    );
  }
  const settings = /^\{validateFields: ?'(\w+)', compatibility: ?'(\w+)'\}$/.exec(text);
  if (settings) return <li class="muted">Compatibility level {settings[2]}.</li>;
  return <li>{text}</li>;
}

export function Playground({ subject: initialSubject }: { subject: string }) {
  const [subject, setSubject] = useState(initialSubject);
  const [loadedFor, setLoadedFor] = useState<string | null>(null);
  const [latest, setLatest] = useState<SchemaVersion | null>(null);
  const [config, setConfig] = useState<Config | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const [text, setText] = useState('');
  const [schemaType, setSchemaType] = useState<SchemaType>('AVRO');
  const [references, setReferences] = useState('[]');
  const [checking, setChecking] = useState(false);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [checkError, setCheckError] = useState<unknown>(null);
  const [registering, setRegistering] = useState(false);
  const [registered, setRegistered] = useState<{ result: RegisterResult; before: number; text: string } | null>(null);
  const [registerError, setRegisterError] = useState<unknown>(null);
  const editor = useRef<HTMLTextAreaElement>(null);
  useTitle(initialSubject ? `Try a change: ${initialSubject}` : 'Try a change');

  const load = async (name: string) => {
    const s = name.trim();
    setChecked(null);
    setCheckError(null);
    setRegistered(null);
    setRegisterError(null);
    if (!s) {
      setLoadedFor(null);
      setLatest(null);
      setConfig(null);
      return;
    }
    setLoading(true);
    setLoadError(null);
    try {
      const [l, c] = await Promise.all([api.latestOrNull(s), api.effectiveConfig(s)]);
      setLatest(l);
      setConfig(c);
      setLoadedFor(s);
      setSchemaType(l?.schemaType ?? 'AVRO');
      setText(l ? pretty(l.schema, l.schemaType) : EXAMPLE);
      setReferences(JSON.stringify(l?.references ?? [], null, 2));
    } catch (e) {
      setLoadError(e);
      setLoadedFor(null);
    } finally {
      setLoading(false);
    }
  };

  useEffect(() => {
    setSubject(initialSubject);
    void load(initialSubject);
  }, [initialSubject]);

  const parseReferences = (): Reference[] => {
    const parsed = JSON.parse(references || '[]');
    if (!Array.isArray(parsed)) throw new Error('References must be a JSON array of {name, subject, version}.');
    return parsed as Reference[];
  };

  const clientProblem = (): string | null => {
    if (!text.trim()) return 'The schema is empty.';
    if (isJsonFormat(schemaType)) {
      try {
        JSON.parse(text);
      } catch (e) {
        return `The schema is not valid JSON: ${(e as Error).message}.`;
      }
    }
    try {
      parseReferences();
    } catch (e) {
      return `The references are not valid: ${(e as Error).message}`;
    }
    return null;
  };
  const [problem, setProblem] = useState<string | null>(null);

  const check = async () => {
    const s = loadedFor;
    if (!s) return;
    setRegistered(null);
    setRegisterError(null);
    setCheckError(null);
    const p = clientProblem();
    setProblem(p);
    if (p) {
      setChecked(null);
      return;
    }
    setChecking(true);
    try {
      const refs = parseReferences();
      const verdict = await api.check(s, text, schemaType, refs);
      let diff: Diff | null = null;
      let diffError: unknown = null;
      if (latest && latest.schemaType === schemaType) {
        try {
          diff = await api.diff(schemaType, latest.schema, text, refs, config?.compatibilityPolicy);
        } catch (e) {
          diffError = e;
        }
      }
      setChecked({
        text,
        schemaType,
        references,
        verdict,
        diff,
        diffError,
        level: config?.compatibilityLevel,
        against: latest?.version ?? null,
      });
    } catch (e) {
      setChecked(null);
      setCheckError(e);
    } finally {
      setChecking(false);
    }
  };

  const register = async () => {
    const s = loadedFor;
    if (!s) return;
    const p = clientProblem();
    setProblem(p);
    if (p) return;
    setRegistering(true);
    setRegisterError(null);
    setRegistered(null);
    try {
      const before = latest?.version ?? 0;
      const result = await api.register(s, text, schemaType, parseReferences());
      invalidateSubjects();
      setRegistered({ result, before, text });
      setChecked(null);
      const l = await api.latestOrNull(s);
      setLatest(l);
    } catch (e) {
      setRegisterError(e);
    } finally {
      setRegistering(false);
    }
  };

  /**
   * Selects the part of the editor a path names: by JSON pointer in a JSON text, else the line the server
   * located it on (the diff ran on the editor's text).
   */
  const showInEditor = (pointer: string | null, location?: TextLocation | null) => {
    const area = editor.current;
    if (!area || pointer === null) return;
    let start: number;
    let end: number;
    const spans = isJsonFormat(schemaType) ? locate(area.value) : null;
    const hit = spans && resolvePointer(spans, pointer);
    if (hit) {
      start = hit.span.start;
      end = hit.span.end;
    } else if (location) {
      const lines = area.value.split('\n');
      if (location.line > lines.length) return;
      start = lines.slice(0, location.line - 1).reduce((n, l) => n + l.length + 1, 0);
      end = start + lines[location.line - 1].length;
    } else {
      return;
    }
    area.focus();
    area.setSelectionRange(start, end);
    const line = area.value.slice(0, start).split('\n').length - 1;
    const lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 20;
    area.scrollTop = Math.max(0, line * lineHeight - area.clientHeight / 3);
  };

  const stale = checked !== null && (checked.text !== text || checked.schemaType !== schemaType || checked.references !== references);
  const knownIncompatible = checked !== null && !stale && !checked.verdict.is_compatible;
  const enforced = enforcedDirections(checked?.level ?? config?.compatibilityLevel);
  const nextVersion = latest ? latest.version + 1 : 1;
  const writeDenied = loadedFor ? missing('writer', loadedFor) : null;

  return (
    <>
      {initialSubject && (
        <nav class="crumbs" aria-label="Breadcrumb">
          <Link to="/subjects">Subjects</Link> <span aria-hidden="true">/</span>{' '}
          <Link to={href(['subjects', initialSubject])}>{initialSubject}</Link> <span aria-hidden="true">/</span>
        </nav>
      )}
      <h1 tabIndex={-1}>Try a change</h1>
      <p class="lead">
        Edit a schema, see whether the subject's compatibility level accepts it and why, then register it.
      </p>

      <form
        class="filters"
        aria-label="Subject"
        onSubmit={(e) => {
          e.preventDefault();
          const s = subject.trim();
          if (s && s !== initialSubject) navigate(href(['subjects', s, 'try']));
          else void load(s);
        }}
      >
        <div class="field grow">
          <label for="try-subject">Subject</label>
          <input
            id="try-subject"
            value={subject}
            placeholder="e.g. orders-value"
            autoComplete="off"
            spellcheck={false}
            required
            onInput={(e) => setSubject((e.target as HTMLInputElement).value)}
          />
        </div>
        <div class="field">
          <span class="label-spacer" aria-hidden="true">
            &nbsp;
          </span>
          <button type="submit" class="button">
            Load subject
          </button>
        </div>
      </form>

      {loading && <Loading what="the subject" />}
      <ErrorMessage error={loadError} action="Loading the subject" />

      {loadedFor && !loading && (
        <>
          <p class="context" id="try-context">
            {latest ? (
              <>
                <Link to={href(['subjects', loadedFor])}>{loadedFor}</Link> is at{' '}
                <Link to={href(['subjects', loadedFor, 'versions', latest.version])}>version {latest.version}</Link>; its
                compatibility level is <strong>{config?.compatibilityLevel}</strong> (policy{' '}
                {config?.compatibilityPolicy ?? 'STRICT'}). The editor starts from the latest version.
              </>
            ) : (
              <>
                <strong>{loadedFor}</strong> has no versions yet: any valid schema is accepted as version 1 (level{' '}
                {config?.compatibilityLevel ?? '—'} applies from then on).
              </>
            )}
          </p>

          <div class="editor-bar">
            <ChoiceField
              id="try-type"
              label="Schema type"
              value={schemaType}
              options={schemaTypeOptions()}
              onChange={(value) => {
                const type = value as SchemaType;
                // still another type's example: offer this type's
                if (Object.values(EXAMPLES).includes(text) && EXAMPLES[type]) setText(EXAMPLES[type]!);
                setSchemaType(type);
              }}
              inline
            />
            <label class="button file-button">
              Open file…
              <input
                type="file"
                id="try-file"
                class="sr-only"
                accept={formats().flatMap((f) => f.fileExtensions).join(',')}
                onChange={async (e) => {
                  const input = e.target as HTMLInputElement;
                  const file = input.files?.[0];
                  input.value = '';
                  if (!file) return;
                  const format = formatOfFile(file.name);
                  if (!format) {
                    setProblem(`${file.name}: not a schema file this registry reads (${formats().flatMap((f) => f.fileExtensions).join(', ')}).`);
                    return;
                  }
                  setText(await file.text());
                  setSchemaType(format.schemaType);
                  setProblem(null);
                }}
              />
            </label>
            <button
              type="button"
              class="button"
              disabled={!isJsonFormat(schemaType)}
              onClick={() => {
                try {
                  setText(JSON.stringify(JSON.parse(text), null, 2));
                  setProblem(null);
                } catch (e) {
                  setProblem(`The schema is not valid JSON: ${(e as Error).message}.`);
                }
              }}
            >
              Format
            </button>
            {latest && (
              <button
                type="button"
                class="button"
                onClick={() => {
                  setText(pretty(latest.schema, latest.schemaType));
                  setSchemaType(latest.schemaType);
                  setReferences(JSON.stringify(latest.references ?? [], null, 2));
                }}
              >
                Reset to v{latest.version}
              </button>
            )}
          <div class="editor-actions">
              <button type="button" class="button primary" onClick={check} disabled={checking}>
                {checking ? 'Checking…' : 'Check compatibility'}
              </button>
              <button
                type="button"
                class="button"
                id="try-register"
                onClick={register}
                disabled={registering || knownIncompatible || writeDenied !== null}
                title={
                  writeDenied ?? (knownIncompatible ? 'The registry would refuse this schema: fix the problems first.' : undefined)
                }
              >
                {registering ? 'Registering…' : `Register as version ${nextVersion}`}
              </button>
            </div>
          </div>
          <div class="editor-grid">
            <div class="editor-col">
              <label for="try-schema" class="block-label">
                Schema
              </label>
              <textarea
                id="try-schema"
                ref={editor}
                class="editor"
                value={text}
                rows={20}
                spellcheck={false}
                autoComplete="off"
                aria-describedby="try-context try-keys"
                onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
                onKeyDown={(e) => {
                  if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
                    e.preventDefault();
                    void check();
                  }
                }}
              />
              <p class="muted small" id="try-keys">
                Ctrl+Enter checks. Paths in the results select the place in the editor.
              </p>
              <details class="refs">
                <summary>References ({(() => { try { return parseReferencesCount(references); } catch { return '?'; } })()})</summary>
                <label for="try-references" class="block-label">
                  References as JSON: <code>[{'{'}"name", "subject", "version"{'}'}]</code>
                </label>
                <textarea
                  id="try-references"
                  class="editor small-editor"
                  value={references}
                  rows={5}
                  spellcheck={false}
                  onInput={(e) => setReferences((e.target as HTMLTextAreaElement).value)}
                />
              </details>
            </div>

            <div class="result-col" aria-live="polite">
              <p class="block-label" aria-hidden="true">
                Verdict
              </p>
              {problem && (
                <div class="alert error" role="alert">
                  <p>{problem}</p>
                </div>
              )}
              <ErrorMessage error={checkError} action="Checking compatibility" />
              <ErrorMessage error={registerError} action="Registering" />
              {registered && (
                <div class="alert success" role="status" id="try-registered">
                  <p>
                    <strong>{registered.result.version <= registered.before ? 'Already registered' : 'Registered'}</strong> as{' '}
                    <Link to={href(['subjects', loadedFor, 'versions', registered.result.version])}>
                      {loadedFor} version {registered.result.version}
                    </Link>{' '}
                    with id <Link to={href(['schemas', registered.result.id])}>{registered.result.id}</Link>.
                  </p>
                  {registered.result.version > 1 && (
                    <p>
                      <Link to={href(['subjects', loadedFor, 'diff'], { to: registered.result.version })}>See what changed</Link>
                    </p>
                  )}
                </div>
              )}
              {!checked && !registered && !problem && !checkError && !registerError && (
                <p class="muted placeholder">
                  {checking ? 'Checking…' : 'Check the schema to see the verdict for this subject.'}
                </p>
              )}
              {checked && (
                <Result checked={checked} stale={stale} subject={loadedFor} enforced={enforced} onPath={showInEditor} latest={latest} />
              )}
            </div>
          </div>
        </>
      )}
    </>
  );
}

/** The changes the subject's level refuses first, then the other breaking ones, then the harmless ones. */
function sortedChanges(changes: Diff['changes'], enforced: string[]) {
  const rank = (c: Diff['changes'][number]) =>
    c.breaks?.some((d) => enforced.includes(d)) ? 0 : c.breaks && c.breaks.length > 0 ? 1 : 2;
  return changes.slice().sort((a, b) => rank(a) - rank(b));
}

function parseReferencesCount(text: string): number {
  const parsed = JSON.parse(text || '[]');
  return Array.isArray(parsed) ? parsed.length : 0;
}

interface ResultProps {
  checked: Checked;
  stale: boolean;
  subject: string;
  enforced: string[];
  onPath: (pointer: string | null, location?: TextLocation | null) => void;
  latest: SchemaVersion | null;
}

function Result({ checked, stale, subject, enforced, onPath, latest }: ResultProps) {
  const { verdict, diff } = checked;
  const messages = verdict.messages ?? [];
  return (
    <div class={`verdict-box ${verdict.is_compatible ? 'ok' : 'bad'}`} id="try-verdict">
      <p class="verdict-title" role="status">
        <span aria-hidden="true">{verdict.is_compatible ? '✓' : '✗'}</span>{' '}
        {verdict.is_compatible ? 'Compatible' : 'Incompatible'}
        <span class="verdict-sub">
          {checked.against === null
            ? ` — ${subject} has no versions yet; the schema is valid.`
            : verdict.is_compatible
              ? ` — ${subject} at ${checked.level ?? 'its level'} accepts this schema.`
              : ` — ${subject} at ${checked.level ?? 'its level'} would refuse this schema.`}
        </span>
      </p>
      {stale && <p class="muted small">The editor changed since this check: check again.</p>}
      {checked.diffError ? <ErrorMessage error={checked.diffError} action="Listing the changes" /> : null}
      {diff && (
        <>
          <h2 class="h3">
            What changed since version {checked.against}{' '}
            <span class="muted small">
              ({diff.changes.length === 0 ? 'none' : diff.changes.length})
            </span>
          </h2>
          {diff.changes.length === 0 ? (
            <p class="muted">No semantic change: registering returns the existing version or adds an equivalent one.</p>
          ) : (
            <ol class="changes compact">
              {sortedChanges(diff.changes, enforced).map((c, i) => {
                const refused = c.breaks?.some((d) => enforced.includes(d));
                return (
                  <li key={i} class={`change${refused ? ' breaking' : ''}`}>
                    <p>
                      <code class="rule-id">{c.ruleId}</code> {c.message}
                    </p>
                    <p class="where">
                      {c.newPath !== null && c.newPath !== undefined ? (
                        <button type="button" class="button link" onClick={() => onPath(c.newPath, c.newLocation)}>
                          <code>{c.newPath || '/'}</code>
                        </button>
                      ) : (
                        <span>
                          was <code>{c.oldPath || '/'}</code>
                        </span>
                      )}
                      {(c.oldValue != null || c.newValue != null) && (
                        <span class="values">
                          <code>{c.oldValue == null ? '—' : compactValue(c.oldValue, 60)}</code> →{' '}
                          <code>{c.newValue == null ? '—' : compactValue(c.newValue, 60)}</code>
                        </span>
                      )}
                      <BreaksBadges change={c} enforced={enforced.length ? enforced : undefined} />
                    </p>
                    {c.fixHint && (
                      <p class="hint">
                        <strong>Fix:</strong> {c.fixHint}
                      </p>
                    )}
                  </li>
                );
              })}
            </ol>
          )}
        </>
      )}
      {diff && latest && latest.version === checked.against && diff.changes.length > 0 && (
        <ComparedVersion version={latest} diff={diff} />
      )}
      {messages.length > 0 && (
        <>
          <h2 class="h3">What the registry answered</h2>
          <ul class="messages">
            {messages.map((m, i) => (
              <Message key={i} text={m} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** The registered version the check compared with, highlighted, with the lines the changes touch marked. */
function ComparedVersion({ version, diff }: { version: SchemaVersion; diff: Diff }) {
  const shown = prettySchema(version.schema, version.schemaType);
  const marks = new Map<number, 'breaking' | 'change'>();
  for (const c of diff.changes) {
    const r = shown.lines(c.oldPath, c.oldLocation);
    if (!r) continue;
    for (let n = r.first; n <= r.last; n++) if (marks.get(n) !== 'breaking') marks.set(n, c.breaks.length ? 'breaking' : 'change');
  }
  return (
    <details class="compared" open={diff.changes.some((c) => c.breaks.length > 0)}>
      <summary>Version {version.version} as registered</summary>
      <CodeView
        text={shown.text}
        language={languageOf(version.schemaType, shown.json)}
        label={`Version ${version.version} as registered`}
        marks={marks}
        maxHeight="40vh"
      />
    </details>
  );
}
