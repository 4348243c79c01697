import { useState } from 'preact/hooks';
import { type Credential, api } from '../api';
import { type Async, ChoiceField, ErrorMessage, Loading, formatDate, useAsync, useTitle } from '../components';
import { missing } from '../session';

const ROLES = [
  { value: 'reader', label: 'reader: reads and checks' },
  { value: 'writer', label: 'writer: register, soft delete, subject settings' },
  { value: 'admin', label: 'admin: everything, keys and users' },
];

const patterns = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((p) => p.trim())
    .filter(Boolean);

/** API keys and users: list, create (a key's secret is shown once), revoke. For admins. */
export function AdminPage() {
  useTitle('Access');
  const [reload, setReload] = useState(0);
  const keys = useAsync(() => api.keys(), [reload]);
  const users = useAsync(() => api.users(), [reload]);
  const [description, setDescription] = useState('');
  const [role, setRole] = useState('writer');
  const [subjects, setSubjects] = useState('*');
  const [created, setCreated] = useState<{ key: string; secret: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const denied = missing('admin', null);

  const createKey = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      const answer = await api.createKey({ description, role, subjects: patterns(subjects) });
      setCreated({ key: answer.key, secret: answer.secret });
      setDescription('');
      setReload((r) => r + 1);
    } catch (err) {
      setError(err);
    }
  };

  const revoke = async (kind: 'key' | 'user', id: string) => {
    setError(null);
    try {
      await (kind === 'key' ? api.revokeKey(id) : api.deleteUser(id));
      setReload((r) => r + 1);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <>
      <h1 tabIndex={-1}>Access</h1>
      {denied && <p class="alert error">{denied}</p>}
      <ErrorMessage error={error} action="Changing access" />
      <section aria-labelledby="new-key-h">
        <h2 id="new-key-h">New API key</h2>
        <form class="filters" onSubmit={createKey} aria-label="New API key">
          <div class="field">
            <label for="key-description">Description</label>
            <input id="key-description" value={description} required onInput={(e) => setDescription((e.target as HTMLInputElement).value)} />
          </div>
          <ChoiceField id="key-role" label="Role" value={role} options={ROLES} onChange={setRole} />
          <div class="field">
            <label for="key-subjects">Subjects (patterns)</label>
            <input id="key-subjects" value={subjects} onInput={(e) => setSubjects((e.target as HTMLInputElement).value)} />
          </div>
          <button type="submit" class="button primary" disabled={denied !== null}>
            Create key
          </button>
        </form>
        {created && (
          <div class="alert success" role="status" id="key-created">
            <p>
              Key <code>{created.key}</code> with secret <code id="key-secret">{created.secret}</code>
            </p>
            <p class="small">Copy the secret now: it is stored only as a hash and will not be shown again.</p>
          </div>
        )}
      </section>
      <CredentialTable title="API keys" kind="key" state={keys} onRevoke={revoke} />
      <CredentialTable title="Users" kind="user" state={users} onRevoke={revoke} />
    </>
  );
}

function CredentialTable({
  title,
  kind,
  state,
  onRevoke,
}: {
  title: string;
  kind: 'key' | 'user';
  state: Async<Credential[]>;
  onRevoke: (kind: 'key' | 'user', id: string) => void;
}) {
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      {state.loading && <Loading what={title.toLowerCase()} />}
      <ErrorMessage error={state.error} action={`Loading the ${title.toLowerCase()}`} />
      {state.data && (
        <table class="kv wide-table" id={`${kind}s`}>
          <thead>
            <tr>
              <th scope="col">{kind === 'key' ? 'Key' : 'User'}</th>
              <th scope="col">Role</th>
              <th scope="col">Subjects</th>
              <th scope="col">Description</th>
              <th scope="col">Last used</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {state.data.map((c) => {
              const id = (kind === 'key' ? c.key : c.name) ?? '';
              return (
                <tr key={id} data-id={id}>
                  <td>
                    <code>{id}</code>
                  </td>
                  <td>{c.role}</td>
                  <td>{c.subjects.join(', ')}</td>
                  <td>{c.description ?? ''}</td>
                  <td>{c.lastUsedAt ? formatDate(c.lastUsedAt) : 'never'}</td>
                  <td>
                    {c.revokedAt ? (
                      `revoked ${formatDate(c.revokedAt)}`
                    ) : (
                      <button type="button" class="button" onClick={() => onRevoke(kind, id)}>
                        {kind === 'key' ? 'Revoke' : 'Remove'}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
