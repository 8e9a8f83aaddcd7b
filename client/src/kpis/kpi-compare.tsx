// "Did the redesign work?": the same KPIs for two versions of a process side by side, with the change and a bar chart.
import { useMemo, useState } from 'preact/hooks';
import type { ChartConfiguration } from 'chart.js';
import { api } from '../app/api';
import { ErrorMessage, Loading } from '../app/status';
import type { DefinitionSummary } from '../app/types';
import { useResource } from '../app/use-resource';
import { useI18n } from '../i18n/i18n';
import { ChartCanvas, PALETTE } from './chart';
import { useProcessNames } from '../app/process-names';
import { KPI_KEYS, KPI_PROCESSES, loadComparison, type KpiFilter } from './kpi-api';
import { formatDelta, formatFigure, isImprovement } from './kpi-format';

const CHART_KEYS = ['csat', 'firstTimeResolutionRate', 'responseOnTimeRate', 'requirementUnderstoodRate'] as const;

export function KpiCompare({ filter }: { filter: KpiFilter }) {
  const { t, locale } = useI18n();
  const processName = useProcessNames();
  const [process, setProcess] = useState('service-request');
  const versions = useResource(() => api<DefinitionSummary[]>(`/api/definitions/${process}`), [process]);
  const list = (versions.data ?? []).map((d) => d.version).sort((a, b) => a - b);
  const [picked, setPicked] = useState<{ a?: number; b?: number }>({});
  const a = picked.a ?? list[list.length - 2];
  const b = picked.b ?? list[list.length - 1];
  const ready = a !== undefined && b !== undefined && a !== b;
  const comparison = useResource(() => (ready ? loadComparison(filter, process, a, b) : Promise.resolve(null)), [filter, process, a, b]);
  const config = useMemo<ChartConfiguration | null>(() => {
    const c = comparison.data;
    if (!c) return null;
    return {
      type: 'bar',
      data: { labels: CHART_KEYS.map((k) => t(`kpi.k.${k}`)), datasets: [{ label: `v${a}`, data: CHART_KEYS.map((k) => c.a.kpis[k].value), backgroundColor: '#9fb3c8' }, { label: `v${b}`, data: CHART_KEYS.map((k) => c.b.kpis[k].value), backgroundColor: PALETTE[0] }] },
      options: { scales: { y: { min: 0, max: 100 } }, plugins: { legend: { position: 'bottom' } } },
    };
  }, [comparison.data, locale]);
  const select = (which: 'a' | 'b', value: number | undefined) => (
    <select name={`version-${which}`} value={value} onChange={(e) => setPicked({ ...picked, [which]: Number((e.currentTarget as HTMLSelectElement).value) })}>
      {list.map((v) => <option key={v} value={v}>v{v}</option>)}
    </select>
  );
  return (
    <section class="panel kpi-panel" data-testid="kpi-compare">
      <h2>{t('kpi.compare')} <span class="muted" data-testid="kpi-compare-process">· {processName(process)}</span></h2>
      <p class="muted">{t('kpi.compare.hint')}</p>
      <div class="kpi-compare-controls">
        <label>{t('kpi.filter.process')} <select name="compare-process" value={process} onChange={(e) => { setProcess((e.currentTarget as HTMLSelectElement).value); setPicked({}); }}>
          {KPI_PROCESSES.map((k) => <option key={k} value={k}>{processName(k)}</option>)}
        </select></label>
        <label>{t('kpi.compare.before')} {select('a', a)}</label>
        <label>{t('kpi.compare.after')} {select('b', b)}</label>
      </div>
      {versions.error && <ErrorMessage error={versions.error} onRetry={versions.reload} />}
      {versions.data && list.length < 2 && <p class="muted">{t('kpi.compare.needVersions')}</p>}
      {comparison.error && <ErrorMessage error={comparison.error} onRetry={comparison.reload} />}
      {ready && comparison.loading && !comparison.data && <Loading />}
      {comparison.data && (
        <div class="kpi-compare-body">
          <table class="table" data-testid="kpi-compare-table">
            <thead><tr><th>{t('kpi.compare.kpi')}</th><th>v{a}</th><th>v{b}</th><th>{t('kpi.compare.delta')}</th></tr></thead>
            <tbody>
              {KPI_KEYS.map((k) => {
                const d = comparison.data!.delta[k];
                const better = isImprovement(k, d);
                return (
                  <tr key={k} data-kpi={k}>
                    <td>{t(`kpi.k.${k}`)}</td>
                    <td>{formatFigure(comparison.data!.a.kpis[k])} <span class="muted">({comparison.data!.a.kpis[k].denominator})</span></td>
                    <td>{formatFigure(comparison.data!.b.kpis[k])} <span class="muted">({comparison.data!.b.kpis[k].denominator})</span></td>
                    <td class={better === null ? '' : better ? 'delta-better' : 'delta-worse'}>{formatDelta(d, comparison.data!.a.kpis[k].unit)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {config && <ChartCanvas config={config} label={t('kpi.compare')} testId="kpi-compare-chart" />}
        </div>
      )}
    </section>
  );
}
