// KPI threshold alerts as they happen (kpi.threshold on the live stream, sent to supervisors).
import { useState } from 'preact/hooks';
import { useLiveEvents, type LiveEvent } from '../app/live-events';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n';

interface Alert {
  id: string;
  at: string;
  kpi: string;
  state: string;
  value: number | null;
  threshold: number;
}

export function KpiAlerts({ onAlert }: { onAlert: () => void }) {
  const { t } = useI18n();
  const [alerts, setAlerts] = useState<Alert[]>([]);
  const status = useLiveEvents({ roles: ['supervisor'], types: ['kpi.threshold'] }, (e: LiveEvent) => {
    const detail = (e.data.detail ?? {}) as Record<string, any>;
    setAlerts((list) => [{ id: e.id, at: String(e.data.at ?? ''), kpi: String(detail.kpi), state: String(detail.state), value: detail.value ?? null, threshold: Number(detail.threshold) }, ...list].slice(0, 20));
    onAlert();
  });
  return (
    <section class="panel kpi-panel" data-testid="kpi-alerts">
      <h2>
        <span class={`live-dot ${status}`} aria-hidden="true" /> {t('kpi.alerts')}
      </h2>
      {!alerts.length && <p class="muted">{t('kpi.alerts.none')}</p>}
      <ul class="kpi-alert-list">
        {alerts.map((a) => (
          <li key={a.id} class={a.state === 'breached' ? 'breached' : 'recovered'}>
            <span class={`badge ${a.state === 'breached' ? 'danger' : 'ok'}`}>{t(`kpi.k.${a.kpi}`)}</span> {t(`kpi.alert.${a.kpi}.${a.state}`, { value: a.value ?? '—', threshold: a.threshold })}{' '}
            <span class="muted">{formatDateTime(a.at)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
