import { missing } from '../session';
import { useEffect, useState } from 'preact/hooks';
import { LEVELS, MODES, POLICIES, type Level, type Policy, api, invalidateSubjects } from '../api';
import { ChoiceField, ErrorMessage, Loading, useAsync, useTitle } from '../components';

const MODE_HELP: Record<string, string> = {
  READWRITE: 'normal operation: registrations and deletions are allowed',
  READONLY: 'every write is refused',
  READONLY_OVERRIDE: 'every write is refused (deprecated name)',
  IMPORT: 'only registrations with an explicit id, without compatibility checks (for migrations)',
};

export function SettingsPage() {
  useTitle('Settings');
  const adminDenied = missing('admin', null);
  const state = useAsync(() => Promise.all([api.globalConfig(), api.mode(), api.serverVersion()]), []);
  const [level, setLevel] = useState('');
  const [policy, setPolicy] = useState('');
  const [mode, setMode] = useState('');
  const [busy, setBusy] = useState<'' | 'config' | 'mode'>('');
  const [error, setError] = useState<{ what: string; error: unknown } | null>(null);
  const [saved, setSaved] = useState('');

  useEffect(() => {
    if (!state.data) return;
    const [config, m] = state.data;
    setLevel(config.compatibilityLevel ?? 'BACKWARD');
    setPolicy(config.compatibilityPolicy ?? 'STRICT');
    setMode(m.mode);
  }, [state.data]);

  if (state.loading && !state.data) return <><h1 tabIndex={-1}>Settings</h1><Loading what="settings" /></>;
  if (state.error) return <><h1 tabIndex={-1}>Settings</h1><ErrorMessage error={state.error} action="Loading the settings" /></>;
  const [config, currentMode, version] = state.data!;

  const saveConfig = async (e: Event) => {
    e.preventDefault();
    setBusy('config');
    setError(null);
    setSaved('');
    try {
      await api.setGlobalConfig(level as Level, policy as Policy);
      invalidateSubjects();
      setSaved(`Saved: the global compatibility level is now ${level} (policy ${policy}).`);
      state.reload();
    } catch (err) {
      setError({ what: 'Saving the global compatibility', error: err });
    } finally {
      setBusy('');
    }
  };

  const saveMode = async (e: Event) => {
    e.preventDefault();
    setBusy('mode');
    setError(null);
    setSaved('');
    try {
      await api.setMode(mode);
      setSaved(`Saved: the registry is now in ${mode} mode.`);
      state.reload();
    } catch (err) {
      setError({ what: 'Changing the mode', error: err });
    } finally {
      setBusy('');
    }
  };

  return (
    <>
      <h1 tabIndex={-1}>Settings</h1>
      <p class="lead">Global settings apply to every subject that has no setting of its own.</p>
      <div class="status-line" role="status" aria-live="polite" id="settings-status">
        {saved}
      </div>
      {error && <ErrorMessage error={error.error} action={error.what} />}
      <div class="columns">
        <section aria-labelledby="global-compat-h" class="col-half card-section">
          <h2 id="global-compat-h">Global compatibility</h2>
          <p class="muted">
            Currently <strong id="current-global-level">{config.compatibilityLevel}</strong>, policy{' '}
            {config.compatibilityPolicy ?? 'STRICT'}.
          </p>
          <form class="stack" onSubmit={saveConfig}>
            <ChoiceField id="global-level" label="Compatibility level" value={level} options={LEVELS} onChange={setLevel} />
            <ChoiceField id="global-policy" label="Policy" value={policy} options={POLICIES} onChange={setPolicy}>
              <p class="muted small">LENIENT relaxes JSON Schema open-content-model rules.</p>
            </ChoiceField>
            <div class="row">
              <button
                type="submit"
                class="button primary"
                id="save-global-config"
                disabled={busy !== '' || adminDenied !== null || (level === config.compatibilityLevel && policy === (config.compatibilityPolicy ?? 'STRICT'))}
                title={adminDenied ?? undefined}
              >
                {busy === 'config' ? 'Saving…' : 'Save compatibility'}
              </button>
            </div>
          </form>
        </section>
        <section aria-labelledby="mode-h" class="col-half card-section">
          <h2 id="mode-h">Mode</h2>
          <p class="muted">
            Currently <strong>{currentMode.mode}</strong>
            {MODE_HELP[currentMode.mode] ? ` (${MODE_HELP[currentMode.mode]})` : ''}.
          </p>
          <form class="stack" onSubmit={saveMode}>
            <ChoiceField id="global-mode" label="Mode" value={mode} options={MODES} onChange={setMode} describedBy="mode-help">
              <p class="muted small" id="mode-help">
                {MODE_HELP[mode] ?? ''}
              </p>
            </ChoiceField>
            <div class="row">
              <button type="submit" class="button" disabled={busy !== '' || adminDenied !== null || mode === currentMode.mode} title={adminDenied ?? undefined}>
                {busy === 'mode' ? 'Saving…' : 'Change mode'}
              </button>
            </div>
          </form>
        </section>
      </div>
      <p class="muted small">Accord {version.version}</p>
    </>
  );
}
