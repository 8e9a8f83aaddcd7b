// Due times of BPMN timers on a business calendar: durations count working time, dates move to the next working moment.
import { createHash } from 'node:crypto';
import { getDate, ISOInterval } from '@0dep/piso';
import type { BusinessCalendar } from '../sla/business-calendar';
import { addBusinessTime, businessTimeBetween, nextWorkingInstant } from '../sla/business-time.util';
import { parseDurationMs } from '../sla/sla-target.util';

export interface TimerPlan {
  dueAt: Date;
  /** Working time counted from workFrom to reach dueAt; null for a date (it has no working length). */
  workMs: number | null;
  workFrom: Date | null;
}

/**
 * The plan of a timer armed at `now`. A duration (or a cycle's duration without a start) is working time from `now`;
 * a date, or an anchored cycle's occurrence `wallDue`, moves to the next working moment. Null when the value cannot be
 * read as working time (a month or year duration): the caller keeps the wall clock.
 */
export function planTimer(args: { timerType: string; expression: string | null; wallDue: Date; now: Date; calendar: BusinessCalendar }): TimerPlan | null {
  const { timerType, expression, now, calendar } = args;
  const duration = workingDuration(timerType, expression);
  if (duration !== null) return { dueAt: addBusinessTime({ start: now, durationMs: duration, calendar }), workMs: duration, workFrom: now };
  if (timerType === 'timeDuration') return null;
  return { dueAt: nextWorkingInstant({ at: args.wallDue, calendar }), workMs: null, workFrom: null };
}

/** The plan again on an edited calendar: the working time left is counted anew from where it was counted from. */
export function replanTimer(args: { timerType: string; expression: string | null; workFrom: Date | null; workMs: number | null; dueAt: Date; calendar: BusinessCalendar }): Date {
  const { calendar } = args;
  if (args.workMs !== null && args.workFrom) return addBusinessTime({ start: args.workFrom, durationMs: args.workMs, calendar });
  const date = args.timerType === 'timeDate' && args.expression ? safeDate(args.expression) : null;
  return nextWorkingInstant({ at: date ?? args.dueAt, calendar });
}

/** Working time left from `now` to the due time (0 when already due). */
export function workingTimeLeft(args: { now: Date; dueAt: Date; calendar: BusinessCalendar }): number {
  return businessTimeBetween({ from: args.now, to: args.dueAt, calendar: args.calendar });
}

/** A short fingerprint of a calendar's contents: it changes when the calendar is edited. */
export function calendarVersion(calendar: BusinessCalendar): string {
  const { timeZone, workingHours, holidays, workdays } = calendar;
  return createHash('sha256').update(JSON.stringify({ timeZone, workingHours, holidays: [...holidays].sort(), workdays: [...(workdays ?? [])].sort() })).digest('hex').slice(0, 16);
}

function workingDuration(timerType: string, expression: string | null): number | null {
  if (!expression) return null;
  if (timerType === 'timeDuration') return parseDurationMs(expression.trim());
  if (timerType !== 'timeCycle') return null;
  const parts = expression.trim().split('/');
  const anchored = parts.some((p, i) => i > 0 && !p.startsWith('P'));
  const duration = parts.find((p) => p.startsWith('P'));
  if (anchored || !duration) return null;
  try {
    new ISOInterval(expression.trim()).parse();
  } catch {
    return null;
  }
  return parseDurationMs(duration);
}

function safeDate(value: string): Date | null {
  try {
    return getDate(value);
  } catch {
    return null;
  }
}
