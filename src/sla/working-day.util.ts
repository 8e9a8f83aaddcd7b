// Turns a business calendar into absolute working intervals (epoch ms) per local calendar day.
import { DateTime, IANAZone } from 'luxon';
import { type BusinessCalendar, WEEKDAYS, parseClockTime, validateBusinessCalendar } from './business-calendar';

const DAY_MS = 86_400_000;

/** A calendar checked and pre-parsed once per public call. Minutes are since local midnight. */
export interface CompiledCalendar {
  zone: string;
  ianaZone: IANAZone;
  /** Index 0 = Monday … 6 = Sunday; ranges sorted by start. */
  week: Array<Array<{ from: number; to: number }>>;
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
  /** Every day 00:00–24:00 and no holidays: plain arithmetic applies. */
  roundTheClock: boolean;
  /** No weekly hours and no workday after this day number: the calendar has no working time beyond it. */
  lastPossibleDay: number;
}

/** Half-open [start, end) in epoch milliseconds. */
export interface Span {
  start: number;
  end: number;
}

const compiledCalendars = new WeakMap<BusinessCalendar, CompiledCalendar>();

/**
 * Validates and pre-parses a calendar; throws an Error listing the problems of an invalid one. The result is kept
 * per calendar object (configured calendars are read once and never changed), so each SLA evaluation does not
 * validate and parse the same calendar again.
 */
export function compileCalendar(calendar: BusinessCalendar): CompiledCalendar {
  let compiled = compiledCalendars.get(calendar);
  if (!compiled) compiledCalendars.set(calendar, (compiled = compileUncached(calendar)));
  return compiled;
}

function compileUncached(calendar: BusinessCalendar): CompiledCalendar {
  const problems = validateBusinessCalendar(calendar);
  if (problems.length > 0) throw new Error(`Invalid business calendar "${calendar.id}": ${problems.join('; ')}`);
  const week = WEEKDAYS.map((day) =>
    calendar.workingHours[day]
      .map((interval) => ({ from: parseClockTime(interval.from, false)!, to: parseClockTime(interval.to, true)! }))
      .sort((a, b) => a.from - b.from),
  );
  const holidays = new Set(calendar.holidays);
  const workdays = new Set(calendar.workdays ?? []);
  const roundTheClock = holidays.size === 0 && week.every((ranges) => ranges.length === 1 && ranges[0].from === 0 && ranges[0].to === 1440);
  const hasWeeklyHours = week.some((ranges) => ranges.length > 0);
  const lastWorkday = Math.max(-Infinity, ...[...workdays].map(dayNumberOfIsoDate));
  return { zone: calendar.timeZone, ianaZone: IANAZone.create(calendar.timeZone), week, holidays, workdays, roundTheClock, lastPossibleDay: hasWeeklyHours ? Infinity : lastWorkday };
}

/** Days since 1970-01-01 of a local date 'YYYY-MM-DD'. */
export function dayNumberOfIsoDate(isoDate: string): number {
  return Math.round(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
}

/** 'YYYY-MM-DD' of a day number. */
export function isoDateOfDayNumber(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** The local day number (in the calendar's zone) that contains an instant. */
export function localDayNumber(instantMs: number, zone: string): number {
  const local = DateTime.fromMillis(instantMs, { zone });
  return Math.round(Date.UTC(local.year, local.month - 1, local.day) / DAY_MS);
}

/**
 * The working spans of one local day, as absolute instants, sorted and non-overlapping.
 * Holidays close the day (they win over workdays); a workday uses the Monday hours.
 * Local times in a DST gap move forward with it; an ambiguous local time (autumn) is read as its later occurrence.
 */
export function workingSpansOfDay(compiled: CompiledCalendar, dayNumber: number): Span[] {
  const isoDate = isoDateOfDayNumber(dayNumber);
  if (compiled.holidays.has(isoDate)) return [];
  const weekdayIndex = (new Date(dayNumber * DAY_MS).getUTCDay() + 6) % 7;
  const ranges = compiled.workdays.has(isoDate) ? compiled.week[0] : compiled.week[weekdayIndex];
  const spans: Span[] = [];
  const offsetMs = steadyOffsetMs(compiled.ianaZone, dayNumber);
  for (const range of ranges) {
    const start = localInstant(compiled.zone, offsetMs, dayNumber, range.from);
    const end = localInstant(compiled.zone, offsetMs, dayNumber, range.to);
    if (end > start) spans.push({ start, end });
  }
  return spans;
}

/**
 * The zone's UTC offset throughout a local day and its neighbours, or null when it changes there (a DST day).
 * Probes cover every instant the day's local times can map to (offsets lie within −12 h … +14 h).
 */
function steadyOffsetMs(zone: IANAZone, dayNumber: number): number | null {
  const wallMidnight = dayNumber * DAY_MS;
  const before = zone.offset(wallMidnight - 18 * 3_600_000);
  const middle = zone.offset(wallMidnight + 10 * 3_600_000);
  const after = zone.offset(wallMidnight + 38 * 3_600_000);
  return before === middle && middle === after ? before * 60_000 : null;
}

/** The instant of a local wall-clock time (minutes since midnight, 1440 = next midnight) on a local day. */
function localInstant(zone: string, steadyOffset: number | null, dayNumber: number, minutes: number): number {
  const wallMs = dayNumber * DAY_MS + minutes * 60_000;
  if (steadyOffset !== null) return wallMs - steadyOffset;
  const wall = new Date(wallMs);
  return DateTime.fromObject(
    { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate(), hour: wall.getUTCHours(), minute: wall.getUTCMinutes() },
    { zone },
  ).toMillis();
}
