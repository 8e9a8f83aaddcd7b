// A user picker for a form field or action that names a person: the active holders of one role, from /api/people.
import { api, withQuery } from '../app/api';
import { useResource } from '../app/use-resource';
import { useI18n } from '../i18n/i18n';

interface Person {
  username: string;
  displayName: string | null;
}

type Props = { id?: string; name?: string; role: string; value: string; onChange: (username: string) => void; 'aria-invalid'?: 'true'; 'aria-describedby'?: string; 'aria-label'?: string };

export function PersonPicker({ role, value, onChange, ...rest }: Props) {
  const { t } = useI18n();
  const people = useResource(() => api<Person[]>(withQuery('/api/people', { role })), [role]);
  const list = people.data ?? [];
  // A name already on the request that is not (or no longer) in the list still shows, so nothing changes silently.
  const stale = value && !list.some((p) => p.username === value) && !people.loading;
  return (
    <select {...rest} data-person-role={role} value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
      <option value="">{t('people.choose', { role: t(`role.${role}`) })}</option>
      {stale && <option value={value}>{t('people.notAvailable', { name: value })}</option>}
      {list.map((p) => (
        <option key={p.username} value={p.username}>
          {p.displayName ? `${p.displayName} (${p.username})` : p.username}
        </option>
      ))}
    </select>
  );
}
