// The KPI dashboard (/kpis): filters, one card per KPI with its numerator and denominator, trends and reports,
// backlog by age, the before/after comparison of two process versions, and live threshold alerts.
import { useState } from 'preact/hooks';
import { ErrorMessage, Loading } from '../app/status';
import { useResource } from '../app/use-resource';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { useProcessNames } from '../app/process-names';
import { CHANNELS, KPI_PROCESSES, loadKpis, PRIORITIES, type KpiFilter } from './kpi-api';
import { KpiAlerts } from './kpi-alerts';
import { KpiCards } from './kpi-cards';
import { KpiCompare } from './kpi-compare';
import { BacklogAging, KpiTrend } from './kpi-trend';
import './kpi.css';

const isoDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

function initialFilter(): KpiFilter {
  const today = new Date();
  return { from: isoDay(new Date(today.getTime() - 29 * 86_400_000)), to: isoDay(today), channel: '', priority: '', region: '', process: '', version: '' };
}

export function KpiPage() {
  const { t } = useI18n();
  const processName = useProcessNames();
  const [draft, setDraft] = useState<KpiFilter>(initialFilter);
  const [filter, setFilter] = useState<KpiFilter>(draft);
  const result = useResource(() => loadKpis(filter), [filter]);
  const set = (k: keyof KpiFilter) => (e: Event) => setDraft({ ...draft, [k]: (e.currentTarget as HTMLInputElement).value });
  return (
    <div class="page kpi-page">
      <div class="page-head">
        <h1>{t('kpi.title')}{filter.process && <span data-testid="kpi-process"> · {processName(filter.process)}{filter.version && ` v${filter.version}`}</span>}</h1>
        <p class="muted">{t('kpi.subtitle')}</p>
      </div>
      <form class="panel kpi-filters" onSubmit={(e) => { e.preventDefault(); setFilter(draft); }}>
        <label>{t('kpi.filter.from')} <input type="date" name="from" value={draft.from} onChange={set('from')} /></label>
        <label>{t('kpi.filter.to')} <input type="date" name="to" value={draft.to} onChange={set('to')} /></label>
        <label>{t('kpi.filter.channel')} <select name="channel" value={draft.channel} onChange={set('channel')}>
          <option value="">{t('kpi.filter.all')}</option>
          {CHANNELS.map((c) => <option key={c} value={c}>{t(`tasks.channel.${c}`)}</option>)}
        </select></label>
        <label>{t('kpi.filter.priority')} <select name="priority" value={draft.priority} onChange={set('priority')}>
          <option value="">{t('kpi.filter.all')}</option>
          {PRIORITIES.map((p) => <option key={p} value={p}>{p}</option>)}
        </select></label>
        <label>{t('kpi.filter.region')} <input name="region" value={draft.region} size={10} onInput={set('region')} /></label>
        <label>{t('kpi.filter.process')} <select name="process" value={draft.process} onChange={set('process')}>
          <option value="">{t('kpi.filter.all')}</option>
          {KPI_PROCESSES.map((k) => <option key={k} value={k}>{processName(k)}</option>)}
        </select></label>
        <label>{t('kpi.filter.version')} <input type="number" min={1} name="version" value={draft.version} disabled={!draft.process} size={4} onInput={set('version')} /></label>
        <button type="submit" class="primary">{t('kpi.filter.apply')}</button>
      </form>
      {result.error && <ErrorMessage error={result.error} onRetry={result.reload} />}
      {result.loading && !result.data && <Loading />}
      {result.data && (
        <>
          <p class="muted">{t('kpi.asOf', { time: formatDateTime(result.data.asOf) })}</p>
          <KpiCards result={result.data} />
          <div class="kpi-grid">
            <KpiTrend filter={filter} />
            <BacklogAging result={result.data} />
          </div>
        </>
      )}
      <div class="kpi-grid">
        <KpiCompare filter={filter} />
        <KpiAlerts onAlert={result.reload} />
      </div>
    </div>
  );
}
