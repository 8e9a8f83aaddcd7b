// The KPI definitions (README "KPIs"): each figure from the facts of one window, with its numerator and denominator.
import type { KpiFacts, RequestFact } from './kpi-facts';

export type KpiUnit = 'percent' | 'hours' | 'count' | 'nps';

export interface KpiFigure {
  value: number | null;
  numerator: number | null;
  denominator: number;
  unit: KpiUnit;
}

export interface KpiSet {
  responseOnTimeRate: KpiFigure;
  firstTimeResolutionRate: KpiFigure;
  requirementUnderstoodRate: KpiFigure;
  meanResolutionHours: KpiFigure;
  medianResolutionHours: KpiFigure;
  csat: KpiFigure;
  nps: KpiFigure;
  meanComplaintHandlingHours: KpiFigure;
  medianComplaintHandlingHours: KpiFigure;
  backlog: KpiFigure;
  escalationsL2: KpiFigure;
  escalationsL3: KpiFigure;
}

export interface KpiResult {
  kpis: KpiSet;
  backlogAging: { under1d: number; d1to3: number; d3to7: number; over7d: number };
  npsBreakdown: { promoters: number; passives: number; detractors: number };
}

export const KPI_KEYS = ['responseOnTimeRate', 'firstTimeResolutionRate', 'requirementUnderstoodRate', 'meanResolutionHours', 'medianResolutionHours', 'csat', 'nps', 'meanComplaintHandlingHours', 'medianComplaintHandlingHours', 'backlog', 'escalationsL2', 'escalationsL3'] as const;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const SERVICE_REQUEST = 'service-request';
const COMPLAINT = 'complaint-escalation';

/** Response commitment: 15 min for urgent requests (P1, or an urgent complaint), 1 h otherwise. */
export const responseTargetMs = (r: Pick<RequestFact, 'urgent'>) => (r.urgent ? 15 * MINUTE : HOUR);

export function computeKpis(facts: KpiFacts, from: Date, to: Date, asOf: Date): KpiResult {
  const within = (d: Date | null) => d !== null && d >= from && d < to;
  const requests = facts.requests;

  // response on-time: requests started in the window whose first response is known or already late
  let onTime = 0;
  let decided = 0;
  for (const r of requests.filter((r) => within(r.startedAt))) {
    const deadline = r.startedAt.getTime() + responseTargetMs(r);
    if (r.firstResponseAt) {
      decided++;
      if (r.firstResponseAt.getTime() <= deadline) onTime++;
    } else if (deadline <= (r.endedAt ?? asOf).getTime()) decided++;
  }

  // resolutions: service requests whose last resolution (settlement reached) is in the window; a request cancelled
  // (even at settlement) was never resolved, so it counts neither as a first-time resolution nor in resolution time
  const resolved = requests.filter((r) => r.definitionKey === SERVICE_REQUEST && r.status !== 'cancelled' && within(r.lastResolvedAt));
  const firstTime = resolved.filter((r) => r.resolutions === 1 && r.diagnoses <= 1).length;
  const resolutionHours = resolved.map((r) => (r.lastResolvedAt!.getTime() - r.startedAt.getTime()) / HOUR);

  const recorded = requests.filter((r) => r.definitionKey === SERVICE_REQUEST && within(r.startedAt) && r.requirementUnderstood !== null);
  const handled = requests.filter((r) => r.definitionKey === COMPLAINT && within(r.handledAt));
  const handlingHours = handled.map((r) => (r.handledAt!.getTime() - r.startedAt.getTime()) / HOUR);

  const answered = facts.surveys.filter((s) => within(s.answeredAt));
  const promoters = answered.filter((s) => s.nps >= 9).length;
  const detractors = answered.filter((s) => s.nps <= 6).length;

  const open = requests.filter((r) => r.startedAt < asOf && (r.endedAt === null || r.endedAt > asOf));
  const ages = open.map((r) => asOf.getTime() - r.startedAt.getTime());
  const complaintsStarted = requests.filter((r) => r.definitionKey === COMPLAINT && within(r.startedAt)).length;
  const atLevel = (level: number) => facts.escalations.filter((e) => e.level === level && within(e.createdAt)).length;

  return {
    kpis: {
      responseOnTimeRate: rate(onTime, decided),
      firstTimeResolutionRate: rate(firstTime, resolved.length),
      requirementUnderstoodRate: rate(recorded.filter((r) => r.requirementUnderstood).length, recorded.length),
      meanResolutionHours: mean(resolutionHours),
      medianResolutionHours: median(resolutionHours),
      csat: csatFigure(answered.filter((s) => s.overall >= 4).length, answered.length),
      nps: { value: answered.length ? round(((promoters - detractors) / answered.length) * 100) : null, numerator: promoters - detractors, denominator: answered.length, unit: 'nps' },
      meanComplaintHandlingHours: mean(handlingHours),
      medianComplaintHandlingHours: median(handlingHours),
      backlog: backlogFigure(open.length),
      escalationsL2: { value: atLevel(2), numerator: atLevel(2), denominator: complaintsStarted, unit: 'count' },
      escalationsL3: { value: atLevel(3), numerator: atLevel(3), denominator: complaintsStarted, unit: 'count' },
    },
    backlogAging: {
      under1d: ages.filter((a) => a < DAY).length,
      d1to3: ages.filter((a) => a >= DAY && a < 3 * DAY).length,
      d3to7: ages.filter((a) => a >= 3 * DAY && a < 7 * DAY).length,
      over7d: ages.filter((a) => a >= 7 * DAY).length,
    },
    npsBreakdown: { promoters, passives: answered.length - promoters - detractors, detractors },
  };
}

/** CSAT: the share of answered surveys with an overall score of 4 or 5. */
export function csatFigure(satisfied: number, answered: number): KpiFigure {
  return rate(satisfied, answered);
}

/** Backlog: requests open at the moment (started, not ended). */
export function backlogFigure(open: number): KpiFigure {
  return { value: open, numerator: open, denominator: open, unit: 'count' };
}

function rate(numerator: number, denominator: number): KpiFigure {
  return { value: denominator ? round((numerator / denominator) * 100) : null, numerator, denominator, unit: 'percent' };
}

function mean(hours: number[]): KpiFigure {
  const sum = hours.reduce((a, b) => a + b, 0);
  return { value: hours.length ? round(sum / hours.length) : null, numerator: round(sum), denominator: hours.length, unit: 'hours' };
}

function median(hours: number[]): KpiFigure {
  const sorted = [...hours].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const value = !sorted.length ? null : sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { value: value === null ? null : round(value), numerator: null, denominator: hours.length, unit: 'hours' };
}

const round = (x: number) => Math.round(x * 100) / 100;
