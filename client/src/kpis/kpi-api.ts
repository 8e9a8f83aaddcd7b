// The KPI API as the dashboard reads it: figures, reports, the version comparison, and the filter → query mapping.
import { api, withQuery } from '../app/api';

export const KPI_KEYS = ['responseOnTimeRate', 'firstTimeResolutionRate', 'requirementUnderstoodRate', 'meanResolutionHours', 'medianResolutionHours', 'csat', 'nps', 'meanComplaintHandlingHours', 'medianComplaintHandlingHours', 'backlog', 'escalationsL2', 'escalationsL3'] as const;
export type KpiKey = (typeof KPI_KEYS)[number];

export interface KpiFigure {
  value: number | null;
  numerator: number | null;
  denominator: number;
  unit: 'percent' | 'hours' | 'count' | 'nps';
}

export interface KpiResult {
  from: string;
  to: string;
  asOf: string;
  thresholds?: { csatMin: number; backlogMax: number };
  kpis: Record<KpiKey, KpiFigure>;
  backlogAging: { under1d: number; d1to3: number; d3to7: number; over7d: number };
  npsBreakdown: { promoters: number; passives: number; detractors: number };
}

export interface KpiFilter {
  from: string;
  to: string;
  channel: string;
  priority: string;
  region: string;
  process: string;
  version: string;
}

export const CHANNELS = ['phone', 'web', 'app', 'wechat', 'email', 'chat'];
export const PRIORITIES = ['P1', 'P2', 'P3', 'P4', 'urgent'];
/** The processes the KPI read models cover. */
export const KPI_PROCESSES = ['service-request', 'complaint-escalation'];

/** Dates from the date inputs are whole days in the browser's zone: [from 00:00, to + 1 day 00:00). */
export function toQuery(f: KpiFilter): Record<string, string | undefined> {
  const day = (d: string, plus = 0) => (d ? new Date(new Date(`${d}T00:00:00`).getTime() + plus * 86_400_000).toISOString() : undefined);
  return { from: day(f.from), to: day(f.to, 1), channel: f.channel || undefined, priority: f.priority || undefined, region: f.region.trim() || undefined, process: f.process || undefined, version: f.process && f.version ? f.version : undefined };
}

export const loadKpis = (f: KpiFilter) => api<KpiResult>('/api/kpis', { query: toQuery(f) });
export const loadReport = (f: KpiFilter, granularity: string) => api<{ rows: (KpiResult & { from: string; to: string })[] }>('/api/kpis/report', { query: { ...toQuery(f), granularity } });
export const loadComparison = (f: KpiFilter, process: string, versionA: number, versionB: number) =>
  api<{ a: KpiResult; b: KpiResult; delta: Record<KpiKey, number | null> }>('/api/kpis/compare', { query: { ...toQuery({ ...f, version: '' }), process, versionA, versionB } });
export const reportCsvUrl = (f: KpiFilter, granularity: string) => withQuery('/api/kpis/report.csv', { ...toQuery(f), granularity });
