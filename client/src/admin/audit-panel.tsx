// The audit log with filters (actor, action, target, dates) and the same selection as a CSV download.
import { useState } from 'preact/hooks';
import { api, apiHeaders, withQuery } from '../app/api';
import { useResource } from '../app/use-resource';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n';

interface Entry { id: string; at: string; actor: string; action: string; targetType: string; targetId: string | null; detail: unknown }
interface Filters { actor: string; action: string; targetType: string; from: string; to: string }
const EMPTY: Filters = { actor: '', action: '', targetType: '', from: '', to: '' };

function toQuery(f: Filters) {
  const iso = (d: string) => (d ? new Date(d).toISOString() : undefined);
  return { actor: f.actor, action: f.action, targetType: f.targetType, from: iso(f.from), to: iso(f.to) };
}

export function AuditPanel() {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const log = useResource(() => api<{ items: Entry[]; total: number }>('/api/audit', { query: { ...toQuery(filters), limit: 100 } }), [filters]);
  const exportCsv = async () => {
    const res = await fetch(withQuery('/api/audit/export', toQuery(filters)), { headers: apiHeaders() });
    const url = URL.createObjectURL(await res.blob());
    const a = Object.assign(document.createElement('a'), { href: url, download: 'audit-log.csv' });
    a.click();
    URL.revokeObjectURL(url);
  };
  const field = (k: keyof Filters, type = 'text') => (
    <label>{t(`admin.${k === 'targetType' ? 'target' : k}`)}<input name={`audit-${k}`} type={type} value={draft[k]} onInput={(e) => setDraft({ ...draft, [k]: e.currentTarget.value })} /></label>
  );
  return (
    <div>
      <form onSubmit={(e) => (e.preventDefault(), setFilters(draft))} aria-label={t('admin.tab.audit')}>
        {field('actor')}{field('action')}{field('targetType')}{field('from', 'datetime-local')}{field('to', 'datetime-local')}
        <button type="submit">{t('admin.filter')}</button>
        <button type="button" onClick={exportCsv}>{t('admin.exportCsv')}</button>
      </form>
      <table>
        <thead><tr><th>{t('admin.at')}</th><th>{t('admin.actor')}</th><th>{t('admin.action')}</th><th>{t('admin.target')}</th><th>{t('admin.detail')}</th></tr></thead>
        <tbody>
          {(log.data?.items ?? []).map((e) => (
            <tr key={e.id} data-action={e.action}>
              <td>{formatDateTime(e.at)}</td><td>{e.actor}</td><td>{e.action}</td><td>{e.targetType} {e.targetId}</td><td><code>{e.detail ? JSON.stringify(e.detail) : ''}</code></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
