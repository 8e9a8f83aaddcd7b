// The parts of the learned model a run needs beyond the raw fits: task durations in working time on the staff's
// calendar, how many tasks a person of each role had open at once, and how long message catches waited.
import type { DefinitionModel } from '../engine/definition-model';
import type { BusinessCalendar } from '../sla/business-calendar';
import { businessTimeBetween } from '../sla/business-time.util';
import type { CountRow } from './simulation-model.repository';
import { fitLognormal } from './simulation-model.util';

const HOUR = 3_600_000;
/** A message nobody ever sent in the window: it does not arrive within any simulated period. */
const NEVER = { distribution: 'lognormal' as const, meanHours: 100_000, cv: 0, mu: Math.log(100_000), sigma: 0, arrived: 0 };

/** Per activity@role, the lognormal fit of the working time each task was open (what staff need of the calendar). */
export function workingFits(spans: { activityId: string; role: string | null; createdAt: Date; endedAt: Date }[], calendar: BusinessCalendar) {
  const groups = new Map<string, number[]>();
  for (const s of spans) {
    const key = `${s.activityId}${s.role ? `@${s.role}` : ''}`;
    const hours = businessTimeBetween({ from: s.createdAt, to: s.endedAt, calendar }) / HOUR;
    groups.set(key, [...(groups.get(key) ?? []), hours]);
  }
  return new Map(
    [...groups].map(([key, xs]) => {
      const mean = xs.reduce((a, x) => a + x, 0) / xs.length;
      const sd = xs.length > 1 ? Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1)) : null;
      return [key, fitLognormal(Math.max(mean, 1 / 60), sd)];
    }),
  );
}

/** Per role, the other processes' tasks a week and the fit of their time in work (working hours on the calendar). */
export function otherWork(spans: { role: string; createdAt: Date; endedAt: Date }[], calendar: BusinessCalendar, windowMs: number) {
  const fits = workingFits(spans.map((s) => ({ ...s, activityId: 'other' })), calendar);
  const count = (role: string) => spans.filter((s) => s.role === role).length;
  return Object.fromEntries([...new Set(spans.map((s) => s.role))].map((role) => [role, { perWeek: Math.round((count(role) / (windowMs / (7 * 86_400_000))) * 100) / 100, working: fits.get(`other@${role}`)! }]));
}

/** Tasks a person of each role works on at once: the most open at a time in the window over the people (at least 1). */
export function concurrency(peaks: CountRow[], people: Record<string, number>): Record<string, number> {
  return Object.fromEntries(peaks.filter((p) => people[p.key]).map((p) => [p.key, Math.max(1, Math.ceil(p.n / people[p.key]))]));
}

/** How long each message catch waited; one that was reached but never left waits beyond any period. */
export function messageWaits(rows: { activityId: string; started: number; completed: number; meanS: number | null; sdS: number | null }[], model: DefinitionModel | null) {
  const out: Record<string, ReturnType<typeof fitLognormal> & { arrived: number }> = {};
  for (const r of rows) {
    const info = model?.elements[r.activityId];
    if (!info?.messageName || info.type === 'bpmn:BoundaryEvent') continue;
    if (!r.completed || r.meanS === null) out[r.activityId] = NEVER;
    else out[r.activityId] = { ...fitLognormal(r.meanS / 3600, r.sdS === null ? null : r.sdS / 3600), arrived: Math.round((r.completed / r.started) * 1000) / 1000 };
  }
  return out;
}
