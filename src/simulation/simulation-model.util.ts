// Turns aggregated history into an editable simulation model: rates per week, lognormal fits, shares.
import type { ArrivalRow, CountRow, DecisionRow, DurationRow } from './simulation-model.repository';

const WEEK_MS = 7 * 86_400_000;
const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

/** A lognormal with the sample's mean and coefficient of variation (method of moments); hours. */
export function fitLognormal(meanHours: number, sdHours: number | null): { distribution: 'lognormal'; meanHours: number; cv: number; mu: number; sigma: number } {
  const cv = meanHours > 0 && sdHours !== null && Number.isFinite(sdHours) ? sdHours / meanHours : 0;
  const sigma2 = Math.log(1 + cv * cv);
  return { distribution: 'lognormal', meanHours: round(meanHours), cv: round(cv), mu: round(Math.log(Math.max(meanHours, 1e-9)) - sigma2 / 2), sigma: round(Math.sqrt(sigma2)) };
}

/** Shares of each key (value / total), largest first. */
export function shares(rows: CountRow[]): Record<string, number> {
  const total = rows.reduce((s, r) => s + r.n, 0);
  return Object.fromEntries([...rows].sort((a, b) => b.n - a.n).map((r) => [r.key, total ? round(r.n / total) : 0]));
}

function tally(rows: ArrivalRow[], keyOf: (r: ArrivalRow) => string): CountRow[] {
  const m = new Map<string, number>();
  for (const r of rows) m.set(keyOf(r), (m.get(keyOf(r)) ?? 0) + r.n);
  return [...m].map(([key, n]) => ({ key, n }));
}

export function arrivalModel(rows: ArrivalRow[], from: Date, to: Date) {
  const weeks = (to.getTime() - from.getTime()) / WEEK_MS;
  const total = rows.reduce((s, r) => s + r.n, 0);
  const channel = (r: ArrivalRow) => r.channel ?? 'unknown';
  const priority = (r: ArrivalRow) => r.priority ?? 'unknown';
  return {
    total,
    perWeek: round(total / weeks, 2),
    /** Mean starts in each local hour of the week (day 1 = Monday … 7 = Sunday, hour 0–23); absent hours had none. */
    byHourOfWeek: tally(rows, (r) => `${r.dow}:${r.hour}`).map(({ key, n }) => ({ day: Number(key.split(':')[0]), hour: Number(key.split(':')[1]), perWeek: round(n / weeks, 3) })),
    channel: shares(tally(rows, channel)),
    priority: shares(tally(rows, priority)),
    /** Channel × priority mix, as the simulation draws an arrival's attributes. */
    mix: shares(tally(rows, (r) => `${channel(r)}/${priority(r)}`)),
  };
}

/** Per user task and role: completions, the share someone claimed, and the lognormal fit of the time in work (hours). */
export function activityModel(rows: DurationRow[]) {
  return Object.fromEntries(rows.map((r) => [`${r.activityId}${r.role ? `@${r.role}` : ''}`, { activityId: r.activityId, name: r.name, role: r.role, completed: r.n, claimedShare: r.n ? round((r.claimed ?? 0) / r.n) : 0, duration: fitLognormal(r.meanS / 3600, r.sdS === null ? null : r.sdS / 3600) }]));
}

/** Per task and field, the share of each value submitted: what the gateways after the task decide on. */
export function decisionModel(rows: DecisionRow[]) {
  const model: Record<string, Record<string, Record<string, number>>> = {};
  const grouped = new Map<string, CountRow[]>();
  for (const r of rows) {
    const k = `${r.activityId}\u0000${r.field}`;
    grouped.set(k, [...(grouped.get(k) ?? []), { key: r.value, n: r.n }]);
  }
  for (const [k, values] of grouped) {
    const [activityId, field] = k.split('\u0000');
    (model[activityId] ??= {})[field] = shares(values);
  }
  return model;
}

/** Share of instances that reached each activity (a branch's frequency is the share of its first activity). */
export function visitModel(instances: number, rows: CountRow[]): Record<string, number> {
  return Object.fromEntries(rows.map((r) => [r.key, instances ? round(r.n / instances) : 0]));
}

export function surveyModel(s: { total: number; overall: CountRow[]; nps: CountRow[] }) {
  const answered = s.overall.reduce((x, r) => x + r.n, 0);
  return { sent: s.total, answered, responseRate: s.total ? round(answered / s.total) : null, overall: shares(s.overall), nps: shares(s.nps) };
}
