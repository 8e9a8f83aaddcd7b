// Business-time arithmetic: add, measure and locate working time on a business calendar (pure, DST-exact).
import type { BusinessCalendar } from './business-calendar';
import { type CompiledCalendar, type Span, compileCalendar, localDayNumber, workingSpansOfDay } from './working-day.util';

/**
 * The instant at which `durationMs` of working time has elapsed, counting from `start`.
 * Counting begins at the first working instant at or after `start`; the result is the earliest instant at which the
 * working time reaches `durationMs`, so a span ending exactly at 18:00 yields 18:00 (not the next morning).
 * A duration of 0 yields `start` itself (the target is met immediately, even outside working hours).
 */
export function addBusinessTime(args: { start: Date; durationMs: number; calendar: BusinessCalendar }): Date {
  const startMs = instantOf(args.start, 'start');
  const { durationMs } = args;
  if (!Number.isFinite(durationMs) || durationMs < 0) throw new RangeError(`durationMs must be a finite number ≥ 0, got ${durationMs}`);
  if (durationMs === 0) return new Date(startMs);
  const compiled = compileCalendar(args.calendar);
  if (compiled.roundTheClock) return new Date(startMs + durationMs);
  let remaining = durationMs;
  for (const span of spansFrom(compiled, startMs)) {
    const length = span.end - span.start;
    if (remaining <= length) return new Date(span.start + remaining);
    remaining -= length;
  }
  throw noWorkingTime(args.calendar);
}

/** Working milliseconds in [from, to); 0 when `to` is not after `from`. */
export function businessTimeBetween(args: { from: Date; to: Date; calendar: BusinessCalendar }): number {
  const fromMs = instantOf(args.from, 'from');
  const toMs = instantOf(args.to, 'to');
  if (toMs <= fromMs) return 0;
  const compiled = compileCalendar(args.calendar);
  if (compiled.roundTheClock) return toMs - fromMs;
  const lastDay = localDayNumber(toMs, compiled.zone);
  let total = 0;
  for (let day = localDayNumber(fromMs, compiled.zone); day <= lastDay; day++) {
    for (const span of workingSpansOfDay(compiled, day)) {
      total += Math.max(0, Math.min(span.end, toMs) - Math.max(span.start, fromMs));
    }
  }
  return total;
}

/** `at` itself when it is working time, else the start of the next working span. */
export function nextWorkingInstant(args: { at: Date; calendar: BusinessCalendar }): Date {
  const atMs = instantOf(args.at, 'at');
  const compiled = compileCalendar(args.calendar);
  if (compiled.roundTheClock) return new Date(atMs);
  for (const span of spansFrom(compiled, atMs)) return new Date(span.start);
  throw noWorkingTime(args.calendar);
}

/** Whether `at` lies inside a working span (spans are half-open: 09:00 is working, 18:00 is not). */
export function isWorkingTime(args: { at: Date; calendar: BusinessCalendar }): boolean {
  const atMs = instantOf(args.at, 'at');
  const compiled = compileCalendar(args.calendar);
  if (compiled.roundTheClock) return true;
  return workingSpansOfDay(compiled, localDayNumber(atMs, compiled.zone)).some((span) => span.start <= atMs && atMs < span.end);
}

/**
 * Working spans from `fromMs` on, clipped to start no earlier than it, day by day (whole days at a time).
 * Ends when the calendar can have no more working time: past its last make-up workday when it has no weekly hours,
 * or after a run of closed days longer than its holidays could explain (closing one more week takes at least one more holiday).
 */
function* spansFrom(compiled: CompiledCalendar, fromMs: number): Generator<Span> {
  const maxClosedRun = (compiled.holidays.size + 1) * 7;
  let closedRun = 0;
  for (let day = localDayNumber(fromMs, compiled.zone); day <= compiled.lastPossibleDay && closedRun <= maxClosedRun; day++) {
    let open = false;
    for (const span of workingSpansOfDay(compiled, day)) {
      open = true;
      if (span.end > fromMs) yield { start: Math.max(span.start, fromMs), end: span.end };
    }
    closedRun = open ? 0 : closedRun + 1;
  }
}

function instantOf(value: Date, name: string): number {
  const ms = value instanceof Date ? value.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`${name} must be a valid Date`);
  return ms;
}

function noWorkingTime(calendar: BusinessCalendar): Error {
  return new Error(`Business calendar "${calendar.id}" has no working time after the given instant`);
}
