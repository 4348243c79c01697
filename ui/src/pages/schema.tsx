import { useMemo, useState } from 'preact/hooks';
import { api } from '../api';
import {
  CodeView,
  CopyButton,
  DownloadButton,
  ErrorMessage,
  Loading,
  MetadataView,
  RawJson,
  References,
  RuleSetView,
  TypeBadge,
  useAsync,
  useTitle,
} from '../components';
import { languageOf } from '../highlight';
import { prettySchema } from '../pointer';
import { Link, href, navigate } from '../router';

function LookupForm({ initial }: { initial?: number }) {
  const [value, setValue] = useState(initial !== undefined ? String(initial) : '');
  const [invalid, setInvalid] = useState(false);
  return (
    <form
      class="filters"
      role="search"
      aria-label="Find a schema by id"
      onSubmit={(e) => {
        e.preventDefault();
        const v = value.trim();
        if (!/^\d+$/.test(v)) {
          setInvalid(true);
          return;
        }
        setInvalid(false);
        navigate(href(['schemas', Number(v)]));
      }}
    >
      <div class="field">
        <label for="schema-id">Global schema id</label>
        <input
          id="schema-id"
          inputMode="numeric"
          value={value}
          aria-invalid={invalid}
          aria-describedby={invalid ? 'schema-id-error' : undefined}
          onInput={(e) => setValue((e.target as HTMLInputElement).value)}
        />
      </div>
      <div class="field">
        <span class="label-spacer" aria-hidden="true">
          &nbsp;
        </span>
        <button type="submit" class="button primary">
          Look up
        </button>
      </div>
      {invalid && (
        <p id="schema-id-error" class="field-error" role="alert">
          A schema id is a whole number, such as 42.
        </p>
      )}
    </form>
  );
}

export function SchemaLookup() {
  useTitle('Schema by id');
  return (
    <>
      <h1 tabIndex={-1}>Schema by id</h1>
      <p class="lead">Every Kafka message carries the global id of its writer schema. Find the schema and the subjects that use it.</p>
      <LookupForm />
    </>
  );
}

export function SchemaPage({ id }: { id: number }) {
  useTitle(`Schema ${id}`);
  const state = useAsync(() => Promise.all([api.schemaById(id), api.schemaVersions(id)]), [id]);
  const schema = state.data?.[0];
  const users = state.data?.[1] ?? [];
  const pretty = useMemo(() => (schema ? prettySchema(schema.schema, schema.schemaType) : null), [schema]);
  return (
    <>
      <nav class="crumbs" aria-label="Breadcrumb">
        <Link to="/schemas">Schema by id</Link> <span aria-hidden="true">/</span>
      </nav>
      <div class="page-head">
        <h1 tabIndex={-1}>Schema {id}</h1>
        <LookupForm initial={id} key={id} />
      </div>
      {state.loading && !state.data && <Loading what={`schema ${id}`} />}
      <ErrorMessage error={state.error} action={`Looking up schema ${id}`} />
      {schema && pretty && (
        <>
          <dl class="facts">
            <div>
              <dt>Type</dt>
              <dd>
                <TypeBadge type={schema.schemaType} />
              </dd>
            </div>
            <div>
              <dt>Used by</dt>
              <dd>
                {users.length === 0 ? (
                  <span class="muted">no subject version</span>
                ) : (
                  <ul class="inline-list">
                    {users.map((u) => (
                      <li key={`${u.subject}/${u.version}`}>
                        <Link to={href(['subjects', u.subject, 'versions', u.version])}>
                          {u.subject} v{u.version}
                        </Link>
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            </div>
          </dl>
          <div class="toolbar" role="toolbar" aria-label="Schema actions">
            <CopyButton text={pretty.text} label="Copy schema" />
            <DownloadButton text={pretty.text} filename={`schema-${id}.${schema.schemaType === 'PROTOBUF' ? 'proto' : schema.schemaType === 'JSON' ? 'json' : 'avsc'}`} />
          </div>
          <CodeView text={pretty.text} language={languageOf(schema.schemaType, pretty.json)} label={`Schema ${id}`} maxHeight="70vh" />
          <RawJson value={schema} />
          <div class="columns">
            <section aria-labelledby="refs-h" class="col-half">
              <h2 id="refs-h">References</h2>
              <References references={schema.references} what="schema" />
            </section>
            <section aria-labelledby="meta-h" class="col-half">
              <h2 id="meta-h">Metadata</h2>
              <MetadataView metadata={schema.metadata} />
              <h2 id="rules-h">Rule set</h2>
              <RuleSetView ruleSet={schema.ruleSet} />
            </section>
          </div>
        </>
      )}
    </>
  );
}
