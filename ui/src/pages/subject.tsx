import { missing } from '../session';
import { useEffect, useState } from 'preact/hooks';
import { LEVELS, POLICIES, type Config, type Level, type Policy, type SchemaVersion, api, invalidateSubjects } from '../api';
import {
  CopyButton,
  Empty,
  ErrorMessage,
  Loading,
  MetadataView,
  ReferencedBy,
  References,
  RuleSetView,
  SchemaCode,
  Time,
  TypeBadge,
  ago,
  useAsync,
  useTitle,
  ChoiceField,
} from '../components';
import { prettySchema } from '../pointer';
import { Link, href } from '../router';

/** Loads every version of a subject (soft-deleted ones too), a few requests at a time. */
export async function loadVersions(subject: string): Promise<SchemaVersion[]> {
  const numbers = await api.versions(subject, true);
  const out: SchemaVersion[] = new Array(numbers.length);
  let next = 0;
  const worker = async () => {
    while (next < numbers.length) {
      const i = next++;
      out[i] = await api.version(subject, numbers[i], true);
    }
  };
  await Promise.all(Array.from({ length: Math.min(6, numbers.length) }, worker));
  return out;
}

export function SubjectPage({ subject }: { subject: string }) {
  useTitle(subject);
  const versions = useAsync(() => loadVersions(subject), [subject]);
  const list = versions.data ?? [];
  const live = list.filter((v) => !v.deleted);
  const latest = live.length ? live[live.length - 1] : list[list.length - 1];
  const allDeleted = list.length > 0 && live.length === 0;

  return (
    <>
      <nav class="crumbs" aria-label="Breadcrumb">
        <Link to="/subjects">Subjects</Link> <span aria-hidden="true">/</span>
      </nav>
      <div class="page-head">
        <h1 tabIndex={-1} class="break">
          {subject}
        </h1>
        <div class="actions">
          {latest && <TypeBadge type={latest.schemaType} />}
          {allDeleted && <span class="badge warn">soft-deleted</span>}
          <Link to={href(['subjects', subject, 'try'])} class="button primary">
            Try a change
          </Link>
          {live.length >= 2 && (
            <Link to={href(['subjects', subject, 'diff'])} class="button">
              Compare latest two
            </Link>
          )}
        </div>
      </div>

      {versions.loading && !versions.data && <Loading what="versions" />}
      <ErrorMessage error={versions.error} action="Loading the versions" />

      {versions.data && (
        <div class="columns">
          <section aria-labelledby="versions-h" class="col-main">
            <h2 id="versions-h">Versions</h2>
            {list.length === 0 ? (
              <Empty title="This subject has no versions." />
            ) : (
              <ol class="timeline" reversed>
                {list
                  .slice()
                  .reverse()
                  .map((v) => {
                    const prev = list.filter((p) => p.version < v.version && !p.deleted).pop();
                    return (
                      <li key={v.version} class={v.deleted ? 'deleted' : undefined}>
                        <span class="dot" aria-hidden="true" />
                        <div class="tl-body">
                          <p class="tl-title">
                            <Link to={href(['subjects', subject, 'versions', v.version])}>Version {v.version}</Link>
                            {v === latest && !v.deleted && <span class="badge ok">latest</span>}
                            {v.deleted && <span class="badge warn">soft-deleted</span>}
                          </p>
                          <p class="tl-meta">
                            <Link to={href(['schemas', v.id])}>id {v.id}</Link> · <TypeBadge type={v.schemaType} /> ·{' '}
                            <Time value={v.ts} /> <span class="muted">({ago(v.ts)})</span>
                            {prev && (
                              <>
                                {' · '}
                                <Link to={href(['subjects', subject, 'diff'], { from: prev.version, to: v.version })}>
                                  changes since v{prev.version}
                                </Link>
                              </>
                            )}
                          </p>
                        </div>
                      </li>
                    );
                  })}
              </ol>
            )}
            {latest && (
              <>
                <div class="section-head">
                  <h2 id="schema-h">
                    Schema of version {latest.version}
                  </h2>
                  <CopyButton text={prettySchema(latest.schema, latest.schemaType).text} label="Copy" />
                </div>
                <SchemaCode schema={latest.schema} schemaType={latest.schemaType} label={`Schema of ${subject} version ${latest.version}`} />
              </>
            )}
          </section>

          <aside class="col-side">
            <CompatibilitySettings subject={subject} />
            {latest && (
              <>
                <section aria-labelledby="refs-h">
                  <h2 id="refs-h">References</h2>
                  <p class="muted small">Of version {latest.version}.</p>
                  <References references={latest.references} />
                </section>
                <section aria-labelledby="refby-h">
                  <h2 id="refby-h">Referenced by</h2>
                  <ReferencedBy subject={subject} version={latest.version} />
                </section>
                <section aria-labelledby="meta-h">
                  <h2 id="meta-h">Metadata</h2>
                  <MetadataView metadata={latest.metadata} />
                </section>
                <section aria-labelledby="rules-h">
                  <h2 id="rules-h">Rule set</h2>
                  <RuleSetView ruleSet={latest.ruleSet} />
                </section>
              </>
            )}
          </aside>
        </div>
      )}

    </>
  );
}

const INHERIT = '';

/** The subject's effective level and policy, editable; "inherit" follows the global config. */
function CompatibilitySettings({ subject }: { subject: string }) {
  const state = useAsync(async () => {
    const [effective, global, summary] = await Promise.all([
      api.effectiveConfig(subject),
      api.globalConfig(),
      // a subject configured before its first version has no summary: fall back to comparing with global
      api.subjectSummary(subject).catch(() => undefined),
    ]);
    return {
      effective,
      global,
      ownLevel: summary ? summary.compatibilityLevel : undefined,
      ownPolicy: summary ? summary.ownCompatibilityPolicy : undefined,
    };
  }, [subject]);
  const [level, setLevel] = useState<string>(INHERIT);
  const [policy, setPolicy] = useState<string>(INHERIT);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState('');

  const ownOf = (d: {
    effective: Config;
    global: Config;
    ownLevel: Level | null | undefined;
    ownPolicy: Policy | null | undefined;
  }) => ({
    // The summary says whether the level is the subject's own; without it, a level that differs from the
    // global one must be the subject's own.
    level:
      d.ownLevel !== undefined
        ? d.ownLevel ?? INHERIT
        : d.effective.compatibilityLevel !== d.global.compatibilityLevel
          ? d.effective.compatibilityLevel ?? INHERIT
          : INHERIT,
    policy:
      d.ownPolicy !== undefined
        ? d.ownPolicy ?? INHERIT
        : (d.effective.compatibilityPolicy ?? 'STRICT') !== (d.global.compatibilityPolicy ?? 'STRICT')
          ? d.effective.compatibilityPolicy ?? INHERIT
          : INHERIT,
  });

  useEffect(() => {
    if (!state.data) return;
    const own = ownOf(state.data);
    setLevel(own.level);
    setPolicy(own.policy);
  }, [state.data]);

  if (state.loading && !state.data) return <Loading what="compatibility settings" />;
  if (state.error) return <ErrorMessage error={state.error} action="Loading the compatibility settings" />;
  const { effective, global } = state.data!;
  const own = ownOf(state.data!);
  const dirty = level !== own.level || policy !== own.policy;
  const writeDenied = missing('writer', subject);

  const save = async (e: Event) => {
    e.preventDefault();
    setSaving(true);
    setError(null);
    setSaved('');
    try {
      // PUT only sets fields; going back to "inherit" means removing the subject's config first.
      if ((level === INHERIT && own.level !== INHERIT) || (policy === INHERIT && own.policy !== INHERIT)) {
        await api.deleteSubjectConfig(subject);
      }
      if (level !== INHERIT || policy !== INHERIT) {
        await api.setSubjectConfig(subject, (level || null) as Level | null, (policy || null) as Policy | null);
      }
      invalidateSubjects();
      setSaved('Saved.');
      state.reload();
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section aria-labelledby="compat-h">
      <h2 id="compat-h">Compatibility</h2>
      <p class="effective">
        <strong>{effective.compatibilityLevel}</strong> · {effective.compatibilityPolicy ?? 'STRICT'}
        <span class="muted small">
          {' '}
          ({own.level === INHERIT ? 'level inherited from global' : 'level set for this subject'})
        </span>
      </p>
      <form class="stack" onSubmit={save}>
        <ChoiceField
          id="subject-level-edit"
          label="Level"
          value={level}
          options={LEVELS}
          onChange={setLevel}
          first={{ value: INHERIT, label: `Inherit global (${global.compatibilityLevel})` }}
        />
        <ChoiceField
          id="subject-policy-edit"
          label="Policy"
          value={policy}
          options={POLICIES}
          onChange={setPolicy}
          first={{ value: INHERIT, label: `Inherit global (${global.compatibilityPolicy ?? 'STRICT'})` }}
        />
        <div class="row">
          <button type="submit" class="button" disabled={!dirty || saving || writeDenied !== null} title={writeDenied ?? undefined}>
            {saving ? 'Saving…' : 'Save'}
          </button>
          <span role="status" aria-live="polite" class="muted">
            {saved}
          </span>
        </div>
        <ErrorMessage error={error} action="Saving the compatibility settings" />
      </form>
    </section>
  );
}
