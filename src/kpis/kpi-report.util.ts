// Report periods (days, ISO weeks, months in the configured zone) and the CSV form of a report.
import { DateTime } from 'luxon';
import { KPI_KEYS, type KpiSet } from './kpi.util';

export const MAX_REPORT_PERIODS = 400;

/** The periods of `granularity` that overlap [from, to), clipped to it. */
export function reportPeriods(from: Date, to: Date, granularity: 'day' | 'week' | 'month', zone: string): { from: Date; to: Date }[] {
  const periods: { from: Date; to: Date }[] = [];
  let start = DateTime.fromJSDate(from, { zone }).startOf(granularity);
  while (start.toJSDate() < to && periods.length <= MAX_REPORT_PERIODS) {
    const end = start.plus({ [granularity]: 1 });
    periods.push({ from: new Date(Math.max(start.toMillis(), from.getTime())), to: new Date(Math.min(end.toMillis(), to.getTime())) });
    start = end;
  }
  return periods;
}

export function reportCsv(rows: { from: Date; to: Date; kpis: KpiSet }[]): string {
  const header = ['period_start', 'period_end', ...KPI_KEYS.flatMap((k) => [k, `${k}_numerator`, `${k}_denominator`])];
  const cell = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const lines = rows.map((r) => [r.from.toISOString(), r.to.toISOString(), ...KPI_KEYS.flatMap((k) => [cell(r.kpis[k].value), cell(r.kpis[k].numerator), cell(r.kpis[k].denominator)])].join(','));
  return [header.join(','), ...lines].join('\r\n') + '\r\n';
}
