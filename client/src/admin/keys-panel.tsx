// API keys: issue with scopes (the key is shown once), revoke, and when each was last used.
import { useState } from 'preact/hooks';
import { api } from '../app/api';
import { useResource } from '../app/use-resource';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { useAdminAction } from './use-admin-action';

interface ApiKey { id: string; name: string; prefix: string; scopes: string[]; createdBy: string; lastUsedAt: string | null; revokedAt: string | null }
const SCOPES = ['start', 'messages', 'read', 'external-tasks'];

export function KeysPanel() {
  const { t } = useI18n();
  const keys = useResource(() => api<{ items: ApiKey[] }>('/api/api-keys', { query: { limit: 200 } }), []);
  const { error, run } = useAdminAction(keys.reload);
  const [form, setForm] = useState({ name: '', scopes: [] as string[] });
  const [issued, setIssued] = useState<string | null>(null);
  const toggle = (s: string) => setForm({ ...form, scopes: form.scopes.includes(s) ? form.scopes.filter((x) => x !== s) : [...form.scopes, s] });
  const issue = (e: Event) => {
    e.preventDefault();
    void run(async () => {
      setIssued((await api<{ key: string }>('/api/api-keys', { method: 'POST', body: form })).key);
      setForm({ name: '', scopes: [] });
    });
  };
  return (
    <div>
      <form onSubmit={issue} aria-label={t('admin.tab.keys')}>
        <label>{t('admin.keyName')}<input name="keyName" value={form.name} onInput={(e) => setForm({ ...form, name: e.currentTarget.value })} required /></label>
        <fieldset><legend>{t('admin.scopes')}</legend>
          {SCOPES.map((s) => <label key={s}><input type="checkbox" name={`scope-${s}`} checked={form.scopes.includes(s)} onChange={() => toggle(s)} />{s}</label>)}
        </fieldset>
        <button type="submit">{t('admin.issue')}</button>
      </form>
      {issued && <p class="once" data-testid="issued-key">{t('admin.keyShownOnce')} <code>{issued}</code></p>}
      {error && <p class="error" role="alert">{error}</p>}
      <table>
        <thead><tr><th>{t('admin.keyName')}</th><th>{t('admin.scopes')}</th><th>{t('admin.lastUsed')}</th><th /></tr></thead>
        <tbody>
          {(keys.data?.items ?? []).map((k) => (
            <tr key={k.id} data-key={k.name}>
              <td>{k.name} <code>{k.prefix}…</code></td>
              <td>{k.scopes.join(', ')}</td>
              <td>{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : t('admin.never')}</td>
              <td>{k.revokedAt ? t('admin.revoked') : <button type="button" onClick={() => run(() => api(`/api/api-keys/${k.id}`, { method: 'DELETE' }))}>{t('admin.revoke')}</button>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
