// Users: create (role and groups), deactivate / activate, reset password.
import { useState } from 'preact/hooks';
import { api } from '../app/api';
import { useResource } from '../app/use-resource';
import { useI18n } from '../i18n/i18n';
import { useAdminAction } from './use-admin-action';

interface User { id: string; username: string; roles: string[]; active: boolean }
interface Group { id: string; builtIn: boolean; members: string[] }
const ROLES = ['agent', 'technician', 'supervisor', 'manager', 'analyst', 'admin'];

export function UsersPanel() {
  const { t } = useI18n();
  const users = useResource(() => api<{ items: User[] }>('/api/users', { query: { limit: 200 } }), []);
  const groups = useResource(() => api<Group[]>('/api/groups'), []);
  const { error, run } = useAdminAction(() => (users.reload(), groups.reload()));
  const [form, setForm] = useState({ username: '', password: '', role: 'agent', groups: [] as string[] });
  const create = (e: Event) => {
    e.preventDefault();
    void run(async () => {
      await api('/api/users', { method: 'POST', body: { username: form.username, password: form.password, roles: [form.role] } });
      for (const g of form.groups) await api(`/api/groups/${encodeURIComponent(g)}/members/${encodeURIComponent(form.username)}`, { method: 'PUT' });
      setForm({ username: '', password: '', role: 'agent', groups: [] });
    });
  };
  const resetPassword = (u: User) => {
    const password = window.prompt(t('admin.newPassword', { name: u.username }));
    if (password) void run(() => api(`/api/users/${u.id}`, { method: 'PATCH', body: { password } }));
  };
  const custom = (groups.data ?? []).filter((g) => !g.builtIn);
  return (
    <div>
      <form onSubmit={create} aria-label={t('admin.tab.users')}>
        <label>{t('admin.username')}<input name="username" value={form.username} onInput={(e) => setForm({ ...form, username: e.currentTarget.value })} required /></label>
        <label>{t('admin.password')}<input name="password" type="password" value={form.password} onInput={(e) => setForm({ ...form, password: e.currentTarget.value })} required /></label>
        <label>{t('admin.role')}<select name="role" value={form.role} onChange={(e) => setForm({ ...form, role: e.currentTarget.value })}>{ROLES.map((r) => <option key={r} value={r}>{t(`role.${r}`)}</option>)}</select></label>
        <label>{t('admin.groups')}<select name="groups" multiple onChange={(e) => setForm({ ...form, groups: [...e.currentTarget.selectedOptions].map((o) => o.value) })}>{custom.map((g) => <option key={g.id} value={g.id} selected={form.groups.includes(g.id)}>{g.id}</option>)}</select></label>
        <button type="submit">{t('admin.create')}</button>
      </form>
      {error && <p class="error" role="alert">{error}</p>}
      <table>
        <thead><tr><th>{t('admin.username')}</th><th>{t('admin.role')}</th><th>{t('admin.groups')}</th><th>{t('admin.status')}</th><th /></tr></thead>
        <tbody>
          {(users.data?.items ?? []).map((u) => (
            <tr key={u.id} data-username={u.username}>
              <td>{u.username}</td>
              <td>{u.roles.map((r) => t(`role.${r}`)).join(', ')}</td>
              <td>{custom.filter((g) => g.members.includes(u.username)).map((g) => g.id).join(', ')}</td>
              <td>{u.active ? t('admin.active') : t('admin.inactive')}</td>
              <td>
                <button type="button" onClick={() => run(() => api(`/api/users/${u.id}`, { method: 'PATCH', body: { active: !u.active } }))}>{u.active ? t('admin.deactivate') : t('admin.activate')}</button>
                <button type="button" onClick={() => resetPassword(u)}>{t('admin.resetPassword')}</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
