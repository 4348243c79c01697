import { useMemo } from 'preact/hooks';
import { api } from '../api';
import {
  CodeView,
  CopyButton,
  DownloadButton,
  ErrorMessage,
  Loading,
  MetadataView,
  RawJson,
  ReferencedBy,
  References,
  RuleSetView,
  Time,
  TypeBadge,
  schemaFileName,
  useAsync,
  useTitle,
} from '../components';
import { languageOf } from '../highlight';
import { prettySchema } from '../pointer';
import { Link, href } from '../router';

export function VersionPage({ subject, version }: { subject: string; version: number }) {
  useTitle(`${subject} v${version}`);
  const state = useAsync(
    () => Promise.all([api.version(subject, version, true), api.versions(subject, true)]),
    [subject, version],
  );
  const data = state.data?.[0];
  const numbers = state.data?.[1] ?? [];
  const pretty = useMemo(() => (data ? prettySchema(data.schema, data.schemaType) : null), [data]);
  const idx = numbers.indexOf(version);
  const prev = idx > 0 ? numbers[idx - 1] : undefined;
  const next = idx >= 0 && idx < numbers.length - 1 ? numbers[idx + 1] : undefined;

  return (
    <>
      <nav class="crumbs" aria-label="Breadcrumb">
        <Link to="/subjects">Subjects</Link> <span aria-hidden="true">/</span>{' '}
        <Link to={href(['subjects', subject])}>{subject}</Link> <span aria-hidden="true">/</span>
      </nav>
      <div class="page-head">
        <h1 tabIndex={-1} class="break">
          {subject} <span class="muted">version {version}</span>
        </h1>
        <nav class="actions" aria-label="Other versions">
          {prev !== undefined ? (
            <Link to={href(['subjects', subject, 'versions', prev])} class="button">
              ← v{prev}
            </Link>
          ) : null}
          {next !== undefined ? (
            <Link to={href(['subjects', subject, 'versions', next])} class="button">
              v{next} →
            </Link>
          ) : null}
        </nav>
      </div>
      {state.loading && !state.data && <Loading what="the version" />}
      <ErrorMessage error={state.error} action="Loading the version" />
      {data && pretty && (
        <>
          <dl class="facts">
            <div>
              <dt>Global id</dt>
              <dd>
                <Link to={href(['schemas', data.id])}>{data.id}</Link>
              </dd>
            </div>
            <div>
              <dt>Type</dt>
              <dd>
                <TypeBadge type={data.schemaType} />
              </dd>
            </div>
            <div>
              <dt>Registered</dt>
              <dd>
                <Time value={data.ts} />
              </dd>
            </div>
            <div>
              <dt>Status</dt>
              <dd>{data.deleted ? <span class="badge warn">soft-deleted</span> : <span class="badge ok">live</span>}</dd>
            </div>
          </dl>
          <div class="toolbar" role="toolbar" aria-label="Schema actions">
            <CopyButton text={pretty.text} label="Copy schema" />
            <DownloadButton
              text={pretty.text}
              filename={schemaFileName(subject, version, data.schemaType)}
              type={data.schemaType === 'PROTOBUF' ? 'text/plain' : 'application/json'}
            />
            {prev !== undefined && (
              <Link to={href(['subjects', subject, 'diff'], { from: prev, to: version })} class="button">
                Compare with v{prev}
              </Link>
            )}
            <Link to={href(['subjects', subject, 'try'])} class="button">
              Try a change
            </Link>
          </div>
          <CodeView
            text={pretty.text}
            language={languageOf(data.schemaType, pretty.json)}
            label={`Schema of ${subject} version ${version}`}
            idPrefix="schema"
            maxHeight="70vh"
          />
          <RawJson value={data} />
          <div class="columns">
            <section aria-labelledby="refs-h" class="col-half">
              <h2 id="refs-h">References</h2>
              <References references={data.references} />
              <h2 id="refby-h">Referenced by</h2>
              <ReferencedBy subject={subject} version={version} />
            </section>
            <section aria-labelledby="meta-h" class="col-half">
              <h2 id="meta-h">Metadata</h2>
              <MetadataView metadata={data.metadata} />
              <h2 id="rules-h">Rule set</h2>
              <RuleSetView ruleSet={data.ruleSet} />
            </section>
          </div>
        </>
      )}
    </>
  );
}
