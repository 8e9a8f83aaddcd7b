// Means and 95 % t-intervals over replications, and the per-variant results a run reports.
import type { ReplicationOutcome, Stat, VariantResult } from './simulation-run.types';

/** Two-sided 97.5 % quantiles of Student's t for 1…19 degrees of freedom. */
const T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093];
const round = (x: number) => Math.round(x * 1000) / 1000;

export function stat(xs: number[]): Stat {
  const n = xs.length;
  const mean = n ? xs.reduce((s, x) => s + x, 0) / n : 0;
  if (n < 2) return { mean: round(mean), ci95: [round(mean), round(mean)] };
  const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
  const half = (T975[Math.min(n - 2, T975.length - 1)] * sd) / Math.sqrt(n);
  // Counts, rates and hours are never negative: neither is the interval's lower end.
  const floor = xs.every((x) => x >= 0) ? 0 : -Infinity;
  return { mean: round(mean), ci95: [round(Math.max(floor, mean - half)), round(mean + half)] };
}

export function percentile(xs: number[], p: number): number {
  if (!xs.length) return 0;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function statsByKey(outcomes: ReplicationOutcome[], of: (o: ReplicationOutcome) => Record<string, number>): Record<string, Stat> {
  const keys = [...new Set(outcomes.flatMap((o) => Object.keys(of(o))))].sort();
  return Object.fromEntries(keys.map((k) => [k, stat(outcomes.map((o) => of(o)[k] ?? 0))]));
}

const meanAt = (rows: number[][], i: number) => round(rows.reduce((s, r) => s + (r[i] ?? 0), 0) / Math.max(1, rows.length));

/** A replication in which nobody was answered has no rate (not 0 %): it is skipped; none with a response: null, "no data". */
function onTimeRate(outcomes: ReplicationOutcome[]): Stat | null {
  const rates = outcomes.filter((o) => o.responded > 0).map((o) => o.onTime / o.responded);
  return rates.length ? stat(rates) : null;
}

export function variantResult(label: string, version: number | undefined, outcomes: ReplicationOutcome[]): VariantResult {
  const hours = (p: number) => stat(outcomes.map((o) => percentile(o.resolutionHours, p)));
  return {
    label,
    ...(version !== undefined && { version }),
    kpis: {
      slaBreaches: statsByKey(outcomes, (o) => o.breaches),
      slaWarnings: statsByKey(outcomes, (o) => o.warnings),
      responseOnTimeRate: onTimeRate(outcomes),
      resolutionHours: { p50: hours(50), p90: hours(90), p95: hours(95), mean: stat(outcomes.map((o) => (o.resolutionHours.length ? o.resolutionHours.reduce((s, x) => s + x, 0) / o.resolutionHours.length : 0))) },
      escalations: statsByKey(outcomes, (o) => o.escalations),
      completed: stat(outcomes.map((o) => o.completed)),
      started: stat(outcomes.map((o) => o.started)),
    },
    backlog: (outcomes[0]?.backlog ?? []).map((_, i) => ({ day: i + 1, mean: meanAt(outcomes.map((o) => o.backlog), i) })),
    breachesPerWeek: (outcomes[0]?.breachesPerWeek ?? []).map((_, i) => ({ week: i + 1, mean: meanAt(outcomes.map((o) => o.breachesPerWeek), i) })),
    utilisation: statsByKey(outcomes, (o) => o.utilisation),
  };
}
