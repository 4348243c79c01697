import { useState } from 'preact/hooks';
import { type RegistryEvent, api } from '../api';
import { Empty, ErrorMessage, Loading, TypeBadge, ago, number, useAsync, useTitle } from '../components';
import { Link, href } from '../router';

const PAGE = 15;

export function Overview() {
  useTitle('Overview');
  const stats = useAsync(() => Promise.all([api.stats(), api.globalConfig(), api.mode()]), []);
  return (
    <>
      <h1 tabIndex={-1}>Overview</h1>
      {stats.loading && !stats.data && <Loading what="registry statistics" />}
      <ErrorMessage error={stats.error} action="Loading the statistics" />
      {stats.data && <Counts data={stats.data} />}
      {stats.data && <Activity lastSeq={stats.data[0].lastEventSeq} />}
    </>
  );
}

function Counts({ data }: { data: [Awaited<ReturnType<typeof api.stats>>, Awaited<ReturnType<typeof api.globalConfig>>, { mode: string }] }) {
  const [stats, config, mode] = data;
  const byType = (m: Record<string, number>) =>
    Object.entries(m ?? {})
      .filter(([, n]) => n > 0)
      .sort(([a], [b]) => a.localeCompare(b));
  return (
    <section aria-labelledby="counts-h">
      <h2 id="counts-h" class="sr-only">
        Counts and settings
      </h2>
      <div class="cards">
        <div class="card">
          <p class="card-label">Subjects</p>
          <p class="card-value">{number.format(stats.subjects)}</p>
          <p class="card-note">
            {stats.deletedSubjects > 0 ? `${number.format(stats.deletedSubjects)} soft-deleted` : 'none soft-deleted'} ·{' '}
            <Link to="/subjects">browse</Link>
          </p>
        </div>
        <div class="card">
          <p class="card-label">Schemas (distinct ids)</p>
          <p class="card-value">{number.format(stats.schemas)}</p>
          <ul class="card-note inline-list">
            {byType(stats.schemasByType).map(([t, n]) => (
              <li key={t}>
                <TypeBadge type={t} /> {number.format(n)}
              </li>
            ))}
          </ul>
        </div>
        <div class="card">
          <p class="card-label">Versions</p>
          <p class="card-value">{number.format(stats.versions)}</p>
          <ul class="card-note inline-list">
            {byType(stats.versionsByType).map(([t, n]) => (
              <li key={t}>
                <TypeBadge type={t} /> {number.format(n)}
              </li>
            ))}
          </ul>
        </div>
        <div class="card">
          <p class="card-label">Global compatibility</p>
          <p class="card-value small-value">{config.compatibilityLevel ?? '—'}</p>
          <p class="card-note">
            policy {config.compatibilityPolicy ?? 'STRICT'} · mode <strong>{mode.mode}</strong> ·{' '}
            <Link to="/settings">change</Link>
          </p>
        </div>
      </div>
    </section>
  );
}

const EVENT_WORDS: Record<string, string> = {
  SCHEMA_REGISTERED: 'Schema registered',
  VERSION_SOFT_DELETED: 'Version soft-deleted',
  VERSION_DELETED: 'Version permanently deleted',
  SUBJECT_SOFT_DELETED: 'Subject soft-deleted',
  SUBJECT_DELETED: 'Subject permanently deleted',
  CONFIG_CHANGED: 'Compatibility changed',
  CONFIG_DELETED: 'Compatibility reset',
  MODE_CHANGED: 'Mode changed',
  MODE_DELETED: 'Mode reset',
};

function detail(e: RegistryEvent): string {
  const p = (e.payload ?? {}) as Record<string, any>;
  if (e.type === 'CONFIG_CHANGED') {
    const c = p.config ?? p;
    const parts = [c.compatibilityLevel ?? c.compatibility, c.compatibilityPolicy].filter(Boolean);
    return parts.length ? `to ${parts.join(', ')}` : '';
  }
  if (e.type === 'MODE_CHANGED' && p.mode) return `to ${p.mode}`;
  if (Array.isArray(p.versions)) return `versions ${p.versions.join(', ')}`;
  if (p.schemaType) return p.schemaType;
  return '';
}

/** The newest events first, paged backwards through the gap-free sequence numbers. */
function Activity({ lastSeq }: { lastSeq: number }) {
  const [upTo, setUpTo] = useState(lastSeq);
  const after = Math.max(0, upTo - PAGE);
  const events = useAsync(() => (upTo > 0 ? api.events(after, upTo - after) : Promise.resolve([])), [upTo]);
  const list = (events.data ?? []).filter((e) => e.seq <= upTo).slice().reverse();
  return (
    <section aria-labelledby="activity-h" aria-busy={events.loading}>
      <h2 id="activity-h">Recent activity</h2>
      <ErrorMessage error={events.error} action="Loading the event log" />
      {events.loading && !events.data && <Loading what="recent activity" />}
      {!events.loading && lastSeq === 0 && (
        <Empty title="Nothing has happened yet.">
          <p>
            Register a schema through the API or <Link to="/try">try a change</Link>: every registration, deletion and
            setting change appears here.
          </p>
        </Empty>
      )}
      {list.length > 0 && (
        <table class="data activity">
          <caption class="sr-only">Events {after + 1} to {upTo}, newest first</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">When</th>
              <th scope="col">What</th>
              <th scope="col">Subject</th>
              <th scope="col">Version</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {list.map((e) => (
              <tr key={e.seq}>
                <td class="num muted">{e.seq}</td>
                <td>
                  <time dateTime={e.time} title={new Date(e.time).toLocaleString()}>
                    {ago(e.time)}
                  </time>
                </td>
                <td>{EVENT_WORDS[e.type] ?? e.type}</td>
                <td>{e.subject ? <Link to={href(['subjects', e.subject])}>{e.subject}</Link> : <span class="muted">global</span>}</td>
                <td>
                  {e.subject && e.version !== null && e.type === 'SCHEMA_REGISTERED' ? (
                    <Link to={href(['subjects', e.subject, 'versions', e.version])}>v{e.version}</Link>
                  ) : e.version !== null ? (
                    `v${e.version}`
                  ) : (
                    ''
                  )}
                  {e.id !== null && e.id !== undefined ? (
                    <>
                      {' '}
                      <Link to={href(['schemas', e.id])} class="muted">
                        id {e.id}
                      </Link>
                    </>
                  ) : null}
                </td>
                <td class="muted">
                  {detail(e)}
                  {e.actor ? ` · by ${e.actor}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {lastSeq > 0 && (
        <div class="pager">
          <button type="button" class="button" disabled={upTo >= lastSeq} onClick={() => setUpTo(Math.min(lastSeq, upTo + PAGE))}>
            ← Newer
          </button>
          <span class="muted">
            Events {number.format(after + 1)}–{number.format(upTo)} of {number.format(lastSeq)}
          </span>
          <button type="button" class="button" disabled={after <= 0} onClick={() => setUpTo(after)}>
            Older →
          </button>
        </div>
      )}
      <p class="muted small">
        The whole change feed is <code>GET /v1/events?after=&amp;limit=</code>.
      </p>
    </section>
  );
}
