// The simulation's three charts, deployed vs edited: backlog over time, SLA breaches per week, utilisation per role.
import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import { ChartCanvas, PALETTE } from '../kpis/chart';
import type { SimulationVariant } from './simulation-api';
import { roleName } from './simulation-format';

const BASE_COLOUR = '#9fb3c8';
const EDITED_COLOUR = PALETTE[0];

type Variants = { base?: SimulationVariant; edited?: SimulationVariant };

/** The x values of both variants (a run may end a day early), in order. */
const xs = (a: number[] = [], b: number[] = []) => [...new Set([...a, ...b])].sort((x, y) => x - y);

/** How many values each series has ("deployed,edited"): a chart with none would draw only its axes. */
const points = (c: ChartConfiguration) => c.data.datasets.map((d) => d.data.filter((x) => x !== null && x !== undefined).length).join(',');

export function SimulationCharts({ base, edited }: Variants) {
  const { t, locale } = useI18n();
  const names = { base: base ? t('simulation.deployed', { version: base.version ?? base.label }) : '', edited: t('simulation.edited') };
  const series = (key: 'base' | 'edited', data: (number | null)[], type: 'line' | 'bar') => ({
    label: names[key],
    data,
    borderColor: key === 'base' ? BASE_COLOUR : EDITED_COLOUR,
    backgroundColor: key === 'base' ? BASE_COLOUR : EDITED_COLOUR,
    ...(type === 'line' ? { tension: 0.2, pointRadius: 2, spanGaps: true } : {}),
  });
  const legend = { legend: { position: 'bottom' as const } };

  const backlog = useMemo<ChartConfiguration>(() => {
    const days = xs(base?.backlog.map((p) => p.day), edited?.backlog.map((p) => p.day));
    const at = (v?: SimulationVariant) => days.map((d) => v?.backlog.find((p) => p.day === d)?.mean ?? null);
    return {
      type: 'line',
      data: { labels: days.map((day) => t('simulation.chart.day', { day })), datasets: [series('base', at(base), 'line'), series('edited', at(edited), 'line')] },
      options: { plugins: legend, scales: { y: { beginAtZero: true } } },
    };
  }, [base, edited, locale]);

  const breaches = useMemo<ChartConfiguration>(() => {
    const weeks = xs(base?.breachesPerWeek.map((p) => p.week), edited?.breachesPerWeek.map((p) => p.week));
    const at = (v?: SimulationVariant) => weeks.map((w) => v?.breachesPerWeek.find((p) => p.week === w)?.mean ?? null);
    return {
      type: 'bar',
      data: { labels: weeks.map((week) => t('simulation.chart.week', { week })), datasets: [series('base', at(base), 'bar'), series('edited', at(edited), 'bar')] },
      options: { plugins: legend, scales: { y: { beginAtZero: true } } },
    };
  }, [base, edited, locale]);

  const utilisation = useMemo<ChartConfiguration>(() => {
    const roles = [...new Set([...Object.keys(base?.utilisation ?? {}), ...Object.keys(edited?.utilisation ?? {})])].sort();
    const at = (v?: SimulationVariant) => roles.map((r) => (v?.utilisation[r] ? Math.round(v.utilisation[r].mean * 1000) / 10 : null));
    return {
      type: 'bar',
      data: { labels: roles.map(roleName), datasets: [series('base', at(base), 'bar'), series('edited', at(edited), 'bar')] },
      options: { plugins: legend, scales: { y: { min: 0, suggestedMax: 100, ticks: { callback: (v) => `${v} %` } } } },
    };
  }, [base, edited, locale]);

  return (
    <div class="simulation-charts">
      <figure data-points={points(backlog)}>
        <figcaption>{t('simulation.chart.backlog')}</figcaption>
        <ChartCanvas config={backlog} label={t('simulation.chart.backlog')} testId="simulation-backlog-chart" height={220} />
      </figure>
      <figure data-points={points(breaches)}>
        <figcaption>{t('simulation.chart.breaches')}</figcaption>
        <ChartCanvas config={breaches} label={t('simulation.chart.breaches')} testId="simulation-breaches-chart" height={220} />
      </figure>
      <figure data-points={points(utilisation)}>
        <figcaption>{t('simulation.chart.utilisation')}</figcaption>
        <ChartCanvas config={utilisation} label={t('simulation.chart.utilisation')} testId="simulation-utilisation-chart" height={220} />
      </figure>
    </div>
  );
}
