// The trend of the rate KPIs per day / week / month (Chart.js line chart), the backlog by age, and the CSV download.
import { useMemo, useState } from 'preact/hooks';
import type { ChartConfiguration } from 'chart.js';
import { ErrorMessage, Loading } from '../app/status';
import { useResource } from '../app/use-resource';
import { useI18n } from '../i18n/i18n';
import { ChartCanvas, PALETTE } from './chart';
import { loadReport, reportCsvUrl, type KpiFilter, type KpiResult } from './kpi-api';

const TREND_KEYS = ['csat', 'firstTimeResolutionRate', 'responseOnTimeRate'] as const;

export function KpiTrend({ filter }: { filter: KpiFilter }) {
  const { t, locale } = useI18n();
  const [granularity, setGranularity] = useState('week');
  const report = useResource(() => loadReport(filter, granularity), [filter, granularity]);
  const config = useMemo<ChartConfiguration | null>(() => {
    const rows = report.data?.rows ?? [];
    if (!rows.length) return null;
    const fmt = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric' });
    return {
      type: 'line',
      data: {
        labels: rows.map((r) => fmt.format(new Date(r.from))),
        datasets: TREND_KEYS.map((k, i) => ({ label: t(`kpi.k.${k}`), data: rows.map((r) => r.kpis[k].value), borderColor: PALETTE[i], backgroundColor: PALETTE[i], spanGaps: true, tension: 0.2 })),
      },
      options: { scales: { y: { min: 0, max: 100, ticks: { callback: (v) => `${v} %` } } }, plugins: { legend: { position: 'bottom' } } },
    };
  }, [report.data, locale]);
  return (
    <section class="panel kpi-panel">
      <div class="kpi-panel-head">
        <h2>{t('kpi.report')}</h2>
        <label>
          {t('kpi.report.granularity')}{' '}
          <select name="granularity" value={granularity} onChange={(e) => setGranularity((e.currentTarget as HTMLSelectElement).value)}>
            {['day', 'week', 'month'].map((g) => <option key={g} value={g}>{t(`kpi.report.${g}`)}</option>)}
          </select>
        </label>
        <a class="button" href={reportCsvUrl(filter, granularity)} download="kpi-report.csv" data-testid="kpi-csv">{t('kpi.report.download')}</a>
      </div>
      {report.error && <ErrorMessage error={report.error} onRetry={report.reload} />}
      {report.loading && !report.data && <Loading />}
      {config ? <ChartCanvas config={config} label={t('kpi.trend')} testId="kpi-trend-chart" /> : !report.loading && <p class="muted">{t('kpi.trend.empty')}</p>}
    </section>
  );
}

export function BacklogAging({ result }: { result: KpiResult }) {
  const { t, locale } = useI18n();
  const buckets = ['under1d', 'd1to3', 'd3to7', 'over7d'] as const;
  const config = useMemo<ChartConfiguration>(() => ({
    type: 'bar',
    data: { labels: buckets.map((b) => t(`kpi.aging.${b}`)), datasets: [{ label: t('kpi.k.backlog'), data: buckets.map((b) => result.backlogAging[b]), backgroundColor: ['#9fb3c8', '#0b6bcb', '#b25e09', '#c62828'] }] },
    options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  }), [result, locale]);
  return (
    <section class="panel kpi-panel">
      <h2>{t('kpi.aging')}</h2>
      <ChartCanvas config={config} label={t('kpi.aging')} testId="kpi-aging-chart" height={200} />
      <p class="muted">{buckets.map((b) => `${t(`kpi.aging.${b}`)}: ${result.backlogAging[b]}`).join(' · ')}</p>
    </section>
  );
}
