// The backtest: a run's prediction for a period that has happened, beside what did happen, with the error of each KPI.
import type { VariantResult } from './simulation-run.types';

export interface Actuals {
  breaches: Record<string, number>;
  resolutions: number;
  meanResolutionHours: number | null;
  started: number;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Relative error of the prediction (|predicted − actual| / actual); null when nothing happened to compare with. */
function row(kpi: string, predicted: number, actual: number | null) {
  return { kpi, predicted: round(predicted), actual, error: actual ? round(Math.abs(predicted - actual) / actual) : null };
}

export function backtestOf(predicted: VariantResult, actual: Actuals, period: { from: Date; to: Date }) {
  const weeks = (period.to.getTime() - period.from.getTime()) / (7 * 86_400_000);
  const policies = [...new Set([...Object.keys(actual.breaches), ...Object.keys(predicted.kpis.slaBreaches)])].sort();
  return {
    period: { from: period.from.toISOString(), to: period.to.toISOString() },
    version: predicted.version,
    kpis: [
      ...policies.map((p) => row(`slaBreachesPerWeek.${p}`, (predicted.kpis.slaBreaches[p]?.mean ?? 0) / weeks, (actual.breaches[p] ?? 0) / weeks)),
      row('meanResolutionHours', predicted.kpis.resolutionHours.mean.mean, actual.meanResolutionHours === null ? null : round(actual.meanResolutionHours)),
      row('arrivals', predicted.kpis.started.mean, actual.started),
    ],
  };
}
