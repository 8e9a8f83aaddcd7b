// The board's list of unresolved incidents (kept on the server, so a reload shows them too), each linking to its request.
import { api } from '../app/api';
import { useLiveEvents } from '../app/live-events';
import { Empty, ErrorMessage } from '../app/status';
import type { Page } from '../app/types';
import { useResource } from '../app/use-resource';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import type { Incident } from '../instances/instance-types';

const INCIDENT_EVENTS = ['incident.created', 'incident.open', 'incident.retry_failed', 'incident.resolved'];

export function OpenIncidents() {
  const { t } = useI18n();
  const list = useResource(() => api<Page<Incident>>('/api/incidents', { query: { status: 'open', limit: 50 } }), []);
  useLiveEvents({ roles: ['supervisor', 'manager'], types: INCIDENT_EVENTS }, () => list.reload());
  const items = list.data?.items ?? [];
  return (
    <section class="panel" aria-labelledby="incidents-title" data-testid="open-incidents">
      <h2 id="incidents-title">{t('forms.board.incidents')} <span class="badge danger">{items.length}</span></h2>
      {list.error && <ErrorMessage error={list.error} onRetry={list.reload} />}
      {list.data && items.length === 0 && <Empty>{t('forms.board.noIncidents')}</Empty>}
      <ul class="plain">
        {items.map((i) => (
          <li key={i.id} class="card" data-testid="open-incident">
            <span class="badge danger">{t('forms.board.incident')}</span> <a href={`/instances/${i.processInstanceId}`}>{i.processInstanceId.slice(0, 8)}</a> <code>{i.activityId}</code>
            <div class="small">{i.error}</div>
            <div class="muted small">{formatDateTime(i.createdAt)}</div>
          </li>
        ))}
      </ul>
    </section>
  );
}
