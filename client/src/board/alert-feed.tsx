// The live alert feed: SLA warnings and breaches, escalations and incidents as they arrive; new breaches stand out.
import type { LiveEvent } from '../app/live-events';
import type { SlaPolicySummary } from '../app/types';
import { Empty } from '../app/status';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { localName } from '../forms/local-text';

export interface Alert {
  key: string;
  type: string;
  at: string;
  processInstanceId: string;
  businessKey: string | null;
  activityName: string | null;
  activityNames: Record<string, string> | null;
  detail: Record<string, unknown>;
  fresh: boolean;
}

export function toAlert(event: LiveEvent): Alert {
  const d = event.data;
  return {
    key: event.id || `${event.type}:${String(d.processInstanceId)}:${String(d.at)}`,
    type: event.type,
    at: String(d.at ?? new Date().toISOString()),
    processInstanceId: String(d.processInstanceId ?? ''),
    businessKey: (d.businessKey as string | null) ?? null,
    activityName: (d.activityName as string | null) ?? null,
    activityNames: (d.activityNames as Record<string, string> | null) ?? null,
    detail: (d.detail as Record<string, unknown>) ?? {},
    fresh: true,
  };
}

export interface ServerAlert {
  id: string;
  type: string;
  data: Record<string, unknown>;
  acknowledged: boolean;
}

/** An alert the server kept (GET /api/board/alerts): same key as its live event; acknowledged ones are not fresh. */
export function fromServer(a: ServerAlert): Alert {
  return { ...toAlert({ id: a.id, type: a.type, data: a.data }), fresh: !a.acknowledged };
}

const TONE: Record<string, string> = { 'sla.breached': 'danger', 'sla.warning': 'warn', 'complaint.escalated': 'warn', 'incident.open': 'danger' };

/** An alert's policy by its (localized) name; the id while the policies load or for one no longer configured. */
function policyName(id: string, policies: SlaPolicySummary[] | undefined, locale: string): string {
  const policy = policies?.find((p) => p.id === id);
  return policy ? localName(policy.name, policy.names, locale) : id;
}

export function AlertFeed({ alerts, policies }: { alerts: Alert[]; policies?: SlaPolicySummary[] }) {
  const { t, locale } = useI18n();
  return (
    <section class="panel alert-feed" aria-labelledby="alerts-title" aria-live="polite">
      <h2 id="alerts-title">{t('board.alerts')}</h2>
      {alerts.length === 0 && <Empty>{t('board.alerts.empty')}</Empty>}
      <ul data-testid="alerts">
        {alerts.map((a) => (
          <li key={a.key} class={`card alert ${a.type.replace('.', '-')}${a.fresh && a.type === 'sla.breached' ? ' fresh' : ''}`} data-testid="alert" data-type={a.type}>
            <span class={`badge ${TONE[a.type] ?? ''}`}>{t(`board.alert.${a.type}`, { percent: String(a.detail.percent ?? ''), level: String(a.detail.level ?? '') })}</span>{' '}
            <a href={`/instances/${a.processInstanceId}`}>{a.businessKey ?? a.processInstanceId.slice(0, 8)}</a>
            {a.activityName && <span> · {localName(a.activityName, a.activityNames, locale)}</span>}
            {typeof a.detail.policy === 'string' && <span class="muted" data-testid="alert-policy" title={a.detail.policy}> · {policyName(a.detail.policy, policies, locale)}</span>}
            <div class="muted small">{t('board.alert.at', { time: formatDateTime(a.at) })}</div>
          </li>
        ))}
      </ul>
    </section>
  );
}
