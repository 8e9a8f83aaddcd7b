// The incidents screen's filters: process, kind of failure, activity, age and status.
import { useState } from 'preact/hooks';
import { api } from '../app/api';
import { useResource } from '../app/use-resource';
import { useI18n } from '../i18n/i18n';

export interface Filters {
  status?: string;
  definitionKey?: string;
  type?: string;
  activityId?: string;
  olderThanMinutes?: number;
}

const TYPES = ['service-task', 'external-task', 'task-completion', 'timer', 'message', 'webhook'];
const AGES = [15, 60, 240, 1440];

export function IncidentFilters({ value, onChange }: { value: Filters; onChange: (f: Filters) => void }) {
  const { t } = useI18n();
  const definitions = useResource(() => api<{ key: string; name: string }[]>('/api/definitions'), []);
  const [activity, setActivity] = useState(value.activityId ?? '');
  const set = (k: keyof Filters, v: string) => onChange({ ...value, [k]: v === '' ? undefined : k === 'olderThanMinutes' ? Number(v) : v });
  return (
    <form class="incident-filters" onSubmit={(e) => (e.preventDefault(), set('activityId', activity.trim()))}>
      <label>{t('incidents.process')}<select name="definitionKey" value={value.definitionKey ?? ''} onChange={(e) => set('definitionKey', e.currentTarget.value)}>
        <option value="">{t('incidents.any')}</option>
        {(definitions.data ?? []).map((d) => <option key={d.key} value={d.key}>{d.name || d.key}</option>)}
      </select></label>
      <label>{t('incidents.type')}<select name="type" value={value.type ?? ''} onChange={(e) => set('type', e.currentTarget.value)}>
        <option value="">{t('incidents.any')}</option>
        {TYPES.map((k) => <option key={k} value={k}>{t(`incidents.type.${k}`)}</option>)}
      </select></label>
      <label>{t('incidents.activity')}<input name="activityId" value={activity} onInput={(e) => setActivity(e.currentTarget.value)} onBlur={() => set('activityId', activity.trim())} /></label>
      <label>{t('incidents.age')}<select name="olderThanMinutes" value={value.olderThanMinutes ?? ''} onChange={(e) => set('olderThanMinutes', e.currentTarget.value)}>
        <option value="">{t('incidents.any')}</option>
        {AGES.map((m) => <option key={m} value={m}>{t('incidents.olderThan', { minutes: m })}</option>)}
      </select></label>
      <label>{t('incidents.status')}<select name="status" value={value.status ?? ''} onChange={(e) => set('status', e.currentTarget.value)}>
        <option value="">{t('incidents.any')}</option>
        {['open', 'retrying', 'resolved'].map((s) => <option key={s} value={s}>{t(`instance.incident.${s}`)}</option>)}
      </select></label>
    </form>
  );
}
