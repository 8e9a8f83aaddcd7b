// Groups: create and delete (built-in roles stay), members at a glance.
import { useState } from 'preact/hooks';
import { api } from '../app/api';
import { useResource } from '../app/use-resource';
import { useI18n } from '../i18n/i18n';
import { useAdminAction } from './use-admin-action';

interface Group { id: string; name: string; builtIn: boolean; members: string[] }

export function GroupsPanel() {
  const { t } = useI18n();
  const groups = useResource(() => api<Group[]>('/api/groups'), []);
  const { error, run } = useAdminAction(groups.reload);
  const [form, setForm] = useState({ id: '', name: '' });
  const create = (e: Event) => {
    e.preventDefault();
    void run(async () => {
      await api('/api/groups', { method: 'POST', body: { id: form.id, ...(form.name && { name: form.name }) } });
      setForm({ id: '', name: '' });
    });
  };
  return (
    <div>
      <form onSubmit={create} aria-label={t('admin.tab.groups')}>
        <label>{t('admin.groupId')}<input name="groupId" value={form.id} onInput={(e) => setForm({ ...form, id: e.currentTarget.value })} required /></label>
        <label>{t('admin.groupName')}<input name="groupName" value={form.name} onInput={(e) => setForm({ ...form, name: e.currentTarget.value })} /></label>
        <button type="submit">{t('admin.create')}</button>
      </form>
      {error && <p class="error" role="alert">{error}</p>}
      <table>
        <thead><tr><th>{t('admin.groupId')}</th><th>{t('admin.groupName')}</th><th>{t('admin.members')}</th><th /></tr></thead>
        <tbody>
          {(groups.data ?? []).map((g) => (
            <tr key={g.id} data-group={g.id}>
              <td>{g.id}</td>
              <td>{g.name}</td>
              <td>{g.builtIn ? t('admin.builtIn') : g.members.join(', ')}</td>
              <td>{!g.builtIn && <button type="button" onClick={() => run(() => api(`/api/groups/${encodeURIComponent(g.id)}`, { method: 'DELETE' }))}>{t('admin.delete')}</button>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
