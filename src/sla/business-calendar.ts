// Business calendar for SLA time: weekly working hours, holidays and make-up workdays in one IANA time zone.
import { IANAZone } from 'luxon';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Local wall-clock interval, half-open [from, to). 'HH:mm'; `to` may be '24:00' (end of the day). */
export interface WorkingInterval {
  from: string;
  to: string;
}

export interface BusinessCalendar {
  id: string;
  name: string;
  /** IANA zone the hours, holidays and workdays are read in. */
  timeZone: string;
  /** Several intervals a day are allowed; a day with [] is closed. */
  workingHours: Record<Weekday, WorkingInterval[]>;
  /** Closed dates, 'YYYY-MM-DD', local to the calendar. */
  holidays: string[];
  /** Make-up working days (调休上班), 'YYYY-MM-DD'; such a day uses the Monday hours. */
  workdays?: string[];
}

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const OFFICE_DAY: WorkingInterval[] = [{ from: '09:00', to: '18:00' }];
const WHOLE_DAY: WorkingInterval[] = [{ from: '00:00', to: '24:00' }];

/** Freezes a built-in calendar all the way down, so no caller can change it for everyone. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Mon–Fri 09:00–18:00 Asia/Shanghai, no holidays. */
export const DEFAULT_CALENDAR: BusinessCalendar = deepFreeze({
  id: 'default',
  name: 'Office hours (Mon–Fri 09:00–18:00, Asia/Shanghai)',
  timeZone: DEFAULT_TIME_ZONE,
  workingHours: { mon: OFFICE_DAY, tue: OFFICE_DAY, wed: OFFICE_DAY, thu: OFFICE_DAY, fri: OFFICE_DAY, sat: [], sun: [] },
  holidays: [],
  workdays: [],
});

/** 24/7: every instant counts; the business-time functions reduce to plain arithmetic for it. */
export const ROUND_THE_CLOCK: BusinessCalendar = deepFreeze({
  id: '24x7',
  name: 'Round the clock (24/7)',
  timeZone: 'UTC',
  workingHours: { mon: WHOLE_DAY, tue: WHOLE_DAY, wed: WHOLE_DAY, thu: WHOLE_DAY, fri: WHOLE_DAY, sat: WHOLE_DAY, sun: WHOLE_DAY },
  holidays: [],
  workdays: [],
});

/** Builds a calendar, defaulting the zone to Asia/Shanghai and the hours to those of DEFAULT_CALENDAR. */
export function createBusinessCalendar(input: {
  id: string;
  name: string;
  timeZone?: string;
  workingHours?: Partial<Record<Weekday, WorkingInterval[]>>;
  holidays?: string[];
  workdays?: string[];
}): BusinessCalendar {
  const hours = { ...DEFAULT_CALENDAR.workingHours, ...input.workingHours };
  return {
    id: input.id,
    name: input.name,
    timeZone: input.timeZone ?? DEFAULT_TIME_ZONE,
    workingHours: Object.fromEntries(WEEKDAYS.map((day) => [day, (hours[day] ?? []).map((interval) => ({ ...interval }))])) as BusinessCalendar['workingHours'],
    holidays: [...(input.holidays ?? [])],
    workdays: [...(input.workdays ?? [])],
  };
}

/** 'HH:mm' → minutes since local midnight ('24:00' → 1440 only when allowed), or null if malformed. */
export function parseClockTime(text: string, allowEndOfDay: boolean): number | null {
  if (allowEndOfDay && text === '24:00') return 1440;
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** True for a real calendar date written 'YYYY-MM-DD'. */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.getUTCMonth() === Number(match[2]) - 1 && date.getUTCDate() === Number(match[3]);
}

/** Every human-readable problem of a calendar; [] when it is usable. */
export function validateBusinessCalendar(calendar: BusinessCalendar): string[] {
  const problems: string[] = [];
  if (!calendar.id) problems.push('id is empty');
  if (!IANAZone.isValidZone(calendar.timeZone)) problems.push(`timeZone "${calendar.timeZone}" is not a known IANA time zone`);
  const hours = (calendar.workingHours ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(hours)) {
    if (!(WEEKDAYS as readonly string[]).includes(key)) problems.push(`workingHours.${key} is not a weekday (use ${WEEKDAYS.join(', ')})`);
  }
  for (const day of WEEKDAYS) problems.push(...dayProblems(day, hours[day]));
  problems.push(...dateListProblems('holidays', calendar.holidays));
  problems.push(...dateListProblems('workdays', calendar.workdays ?? []));
  const holidays = new Set(calendar.holidays ?? []);
  for (const date of calendar.workdays ?? []) {
    if (holidays.has(date)) problems.push(`${date} is both a holiday and a workday`);
  }
  if ((calendar.workdays ?? []).length > 0 && (hours.mon as unknown[] | undefined)?.length === 0) {
    problems.push('workdays use the Monday hours, but Monday has none');
  }
  return problems;
}

function dayProblems(day: Weekday, intervals: unknown): string[] {
  if (!Array.isArray(intervals)) return [`workingHours.${day} must be a list of intervals ([] when closed)`];
  const problems: string[] = [];
  const parsed: Array<{ from: number; to: number; label: string }> = [];
  intervals.forEach((interval: Partial<WorkingInterval> | null, index) => {
    const label = `workingHours.${day}[${index}]`;
    const from = parseClockTime(String(interval?.from), false);
    const to = parseClockTime(String(interval?.to), true);
    if (from === null) problems.push(`${label}.from "${interval?.from}" is not a time HH:mm (00:00–23:59)`);
    if (to === null) problems.push(`${label}.to "${interval?.to}" is not a time HH:mm (00:01–24:00)`);
    if (from === null || to === null) return;
    if (from >= to) problems.push(`${label}: from ${interval?.from} must be before to ${interval?.to}`);
    else parsed.push({ from, to, label: `${interval?.from}–${interval?.to}` });
  });
  parsed.sort((a, b) => a.from - b.from);
  for (let i = 1; i < parsed.length; i++) {
    if (parsed[i].from < parsed[i - 1].to) problems.push(`workingHours.${day}: ${parsed[i - 1].label} overlaps ${parsed[i].label}`);
  }
  return problems;
}

function dateListProblems(field: string, dates: unknown): string[] {
  if (!Array.isArray(dates)) return [`${field} must be a list of dates YYYY-MM-DD`];
  return dates.filter((date) => typeof date !== 'string' || !isIsoDate(date)).map((date) => `${field}: "${date}" is not a date YYYY-MM-DD`);
}
