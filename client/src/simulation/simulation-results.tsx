// A finished simulation: the KPI table and the three charts, deployed version vs edited diagram.
import type { SlaPolicySummary } from '../app/types';
import { useI18n } from '../i18n/i18n';
import type { Simulation } from './simulation-api';
import { SimulationCharts } from './simulation-charts';
import { SimulationKpiTable } from './simulation-kpi-table';
import { pickVariants } from './simulation-rows';

export function SimulationResults({ simulation, policies }: { simulation: Simulation; policies?: SlaPolicySummary[] }) {
  const { t } = useI18n();
  const { base, edited } = pickVariants(simulation.results?.variants ?? []);
  const request = (simulation.request ?? {}) as { days?: number; replications?: number };
  return (
    <section class="simulation-results" data-testid="simulation-results" aria-labelledby="simulation-results-title">
      <h3 id="simulation-results-title">{t('simulation.results')}</h3>
      {request.days !== undefined && <p class="muted">{t('simulation.ran', { days: request.days, replications: request.replications ?? '?' })}</p>}
      {!base || !edited ? <p class="error" role="alert">{t('simulation.incomplete')}</p> : null}
      <SimulationKpiTable base={base} edited={edited} policies={policies} />
      <SimulationCharts base={base} edited={edited} />
    </section>
  );
}
