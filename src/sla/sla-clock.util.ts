// SLA clock arithmetic: due date, elapsed and remaining working time of a clock that can pause; warning instants.
import type { BusinessCalendar } from './business-calendar';
import { addBusinessTime, businessTimeBetween } from './business-time.util';

/** A pause of the clock (waiting on the customer, on spare parts…); `to: null` while it lasts. */
export interface SlaPause {
  from: Date;
  to: Date | null;
}

export interface SlaClockState {
  /** When the target is (or was) used up; null while paused and not yet breached (it depends on the resumption). */
  dueAt: Date | null;
  /** Working time counted so far, paused working time excluded. */
  elapsedMs: number;
  /** targetMs − elapsedMs; negative once breached (working time overdue). */
  remainingMs: number;
  paused: boolean;
  /** now ≥ dueAt, i.e. the whole target has been used. */
  breached: boolean;
  /** elapsed / target × 100, unrounded; above 100 when overdue. A zero target counts as 100 once started. */
  percentUsed: number;
}

/** The state of an SLA clock at `now`. Only what happened up to `now` counts: a pause still running at `now` makes it paused. */
export function computeDueAt(args: {
  startedAt: Date;
  targetMs: number;
  calendar: BusinessCalendar;
  pauses: readonly SlaPause[];
  now: Date;
}): SlaClockState {
  const { startedAt, targetMs, calendar, now } = args;
  checkTarget(targetMs);
  const pauses = normalizePauses({ startedAt, pauses: args.pauses, until: now });
  const paused = pauses.some((pause) => pause.to === null);
  let elapsedMs = 0;
  let cursor = startedAt;
  for (const pause of pauses) {
    elapsedMs += businessTimeBetween({ from: cursor, to: pause.from, calendar });
    cursor = pause.to ?? now;
  }
  elapsedMs += businessTimeBetween({ from: cursor, to: now, calendar });
  const due = instantWhenUsed({ startedAt, usedMs: targetMs, calendar, pauses });
  const breached = due !== null && now.getTime() >= due.getTime();
  const percentUsed = targetMs > 0 ? (elapsedMs / targetMs) * 100 : now.getTime() >= startedAt.getTime() ? 100 : 0;
  return { dueAt: due, elapsedMs, remainingMs: targetMs - elapsedMs, paused, breached, percentUsed };
}

/**
 * For each percentage, the instant at which that share of the target is used, given the pauses known so far
 * (closed pauses shift it; after an open pause's start it is unknown: null). Same order as `percentages`.
 */
export function warningTimes(args: {
  startedAt: Date;
  targetMs: number;
  calendar: BusinessCalendar;
  pauses: readonly SlaPause[];
  percentages?: readonly number[];
}): Array<{ percent: number; at: Date | null }> {
  const { startedAt, targetMs, calendar, percentages = [50, 75] } = args;
  checkTarget(targetMs);
  const pauses = normalizePauses({ startedAt, pauses: args.pauses, until: null });
  return percentages.map((percent) => {
    if (!Number.isFinite(percent) || percent < 0) throw new RangeError(`percentages must be finite numbers ≥ 0, got ${percent}`);
    return { percent, at: instantWhenUsed({ startedAt, usedMs: Math.round((targetMs * percent) / 100), calendar, pauses }) };
  });
}

/**
 * The earliest instant at which `usedMs` of unpaused working time has been counted from `startedAt`;
 * null when an open pause begins before that. `pauses` must be normalized.
 */
function instantWhenUsed(args: { startedAt: Date; usedMs: number; calendar: BusinessCalendar; pauses: readonly SlaPause[] }): Date | null {
  const { calendar } = args;
  let cursor = args.startedAt;
  let needed = args.usedMs;
  for (const pause of args.pauses) {
    const available = businessTimeBetween({ from: cursor, to: pause.from, calendar });
    if (available >= needed) return addBusinessTime({ start: cursor, durationMs: needed, calendar });
    needed -= available;
    if (pause.to === null) return null;
    cursor = pause.to;
  }
  return addBusinessTime({ start: cursor, durationMs: needed, calendar });
}

/**
 * Pauses clipped to start no earlier than `startedAt` and, when `until` is given, to what happened before it
 * (a pause still running at `until` becomes open); then sorted and merged so no time is subtracted twice.
 */
export function normalizePauses(args: { startedAt: Date; pauses: readonly SlaPause[]; until: Date | null }): SlaPause[] {
  const startMs = args.startedAt.getTime();
  const untilMs = args.until?.getTime() ?? Infinity;
  const clipped: Array<{ from: number; to: number }> = [];
  for (const [index, pause] of args.pauses.entries()) {
    const fromMs = pause.from instanceof Date ? pause.from.getTime() : Number.NaN;
    const toMs = pause.to === null ? Infinity : pause.to instanceof Date ? pause.to.getTime() : Number.NaN;
    if (Number.isNaN(fromMs) || Number.isNaN(toMs)) throw new RangeError(`pauses[${index}] needs a valid from and a valid (or null) to`);
    if (toMs < fromMs) throw new RangeError(`pauses[${index}] ends before it starts`);
    const from = Math.max(fromMs, startMs);
    const to = toMs > untilMs ? Infinity : toMs;
    if (from < untilMs && to > from) clipped.push({ from, to });
  }
  clipped.sort((a, b) => a.from - b.from);
  const merged: Array<{ from: number; to: number }> = [];
  for (const pause of clipped) {
    const last = merged[merged.length - 1];
    if (last && pause.from <= last.to) last.to = Math.max(last.to, pause.to);
    else merged.push({ ...pause });
  }
  return merged.map((pause) => ({ from: new Date(pause.from), to: pause.to === Infinity ? null : new Date(pause.to) }));
}

function checkTarget(targetMs: number): void {
  if (!Number.isFinite(targetMs) || targetMs < 0) throw new RangeError(`targetMs must be a finite number ≥ 0, got ${targetMs}`);
}
