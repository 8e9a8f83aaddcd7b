// Reads holiday dates (and make-up workdays) out of an iCalendar (RFC 5545) file, e.g. a Chinese public-holiday feed.
import { DateTime } from 'luxon';

export interface IcsHolidays {
  /** Closed dates 'YYYY-MM-DD', sorted, unique; multi-day events expanded to every day. */
  dates: string[];
  /** Make-up working days (events whose SUMMARY matches `workdaySummary`), sorted, unique. */
  workdays: string[];
  /** Date → SUMMARY of the event(s) covering it (joined with ' / ' when several). */
  names: Record<string, string>;
  problems: string[];
}

/** 补班 / 调休上班 / "班" / "(班)": how Chinese holiday feeds mark the make-up working days. */
export const CHINESE_WORKDAY_SUMMARY = /补班|调休上班|^\s*班\s*$|[（(]\s*班\s*[)）]/;

const MAX_EVENT_DAYS = 366;

/**
 * Parses VEVENTs: DTSTART as a DATE (`;VALUE=DATE:20260101`) or a DATE-TIME (`:20260101T000000Z`, the date as written is
 * taken, no zone conversion); DTEND is exclusive (a DATE-TIME end at 00:00:00 excludes its day) or DURATION (nD / nW);
 * no end means one day. Unfolds folded lines, ignores VTIMEZONE/VALARM, skips STATUS:CANCELLED, takes RRULE events once.
 */
export function parseIcsHolidays(text: string, options: { workdaySummary?: RegExp | null } = {}): IcsHolidays {
  const workdayPattern = options.workdaySummary === undefined ? CHINESE_WORKDAY_SUMMARY : options.workdaySummary;
  const problems: string[] = [];
  const dates = new Set<string>();
  const workdays = new Set<string>();
  const names: Record<string, string> = {};
  const lines = unfold(text);
  if (!lines.some((line) => /^BEGIN:VCALENDAR$/i.test(line.text.trim()))) problems.push('no BEGIN:VCALENDAR found: not an iCalendar file?');
  const stack: string[] = [];
  let event: Map<string, { params: string; value: string }> | null = null;
  let eventCount = 0;
  for (const { text: raw, lineNumber } of lines) {
    const line = raw.trim();
    if (line === '') continue;
    const property = parseProperty(line);
    if (!property) {
      problems.push(`line ${lineNumber}: cannot read "${line.slice(0, 40)}"`);
      continue;
    }
    const { name, params, value } = property;
    if (name === 'BEGIN') {
      stack.push(value.toUpperCase());
      if (value.toUpperCase() === 'VEVENT') event = new Map();
    } else if (name === 'END') {
      const open = stack.pop();
      if (open !== value.toUpperCase()) problems.push(`line ${lineNumber}: END:${value} does not close BEGIN:${open ?? '(nothing)'}`);
      if (value.toUpperCase() === 'VEVENT' && event) {
        eventCount++;
        addEvent({ event, label: `event ${eventCount}`, dates, workdays, workdayPattern, names, problems });
        event = null;
      }
    } else if (event && stack[stack.length - 1] === 'VEVENT' && !event.has(name)) {
      event.set(name, { params, value });
    }
  }
  if (stack.length > 0) problems.push(`unclosed ${stack.map((c) => `BEGIN:${c}`).join(', ')} at end of file`);
  return { dates: [...dates].sort(), workdays: [...workdays].sort(), names, problems };
}

function addEvent(args: {
  event: Map<string, { params: string; value: string }>;
  label: string;
  dates: Set<string>;
  workdays: Set<string>;
  workdayPattern: RegExp | null;
  names: Record<string, string>;
  problems: string[];
}): void {
  const { event, names, problems } = args;
  const summary = unescapeText(event.get('SUMMARY')?.value ?? '');
  const target = args.workdayPattern && summary.search(args.workdayPattern) >= 0 ? args.workdays : args.dates;
  const label = summary ? `${args.label} "${summary}"` : args.label;
  if (/^CANCELLED$/i.test(event.get('STATUS')?.value ?? '')) return;
  const start = event.get('DTSTART');
  if (!start) return void problems.push(`${label}: no DTSTART`);
  const first = readDate(start.value);
  if (!first) return void problems.push(`${label}: DTSTART "${start.value}" is not a date`);
  let days = 1;
  const end = event.get('DTEND');
  const duration = event.get('DURATION');
  if (end) {
    const last = readDate(end.value);
    if (!last) return void problems.push(`${label}: DTEND "${end.value}" is not a date`);
    const endsAtMidnight = !/T/i.test(end.value) || /T000000/i.test(end.value);
    days = last.diff(first, 'days').days + (endsAtMidnight ? 0 : 1);
  } else if (duration) {
    const match = /^P(?:(\d+)W|(\d+)D)/i.exec(duration.value);
    if (!match) return void problems.push(`${label}: DURATION "${duration.value}" is not whole days or weeks`);
    days = match[1] ? Number(match[1]) * 7 : Math.max(1, Number(match[2]));
  }
  if (days < 1) {
    problems.push(`${label}: ends before it starts; counted as one day`);
    days = 1;
  }
  if (days > MAX_EVENT_DAYS) return void problems.push(`${label}: spans ${days} days (more than ${MAX_EVENT_DAYS}); ignored`);
  if (event.has('RRULE')) problems.push(`${label}: RRULE is not expanded; only the first occurrence is taken`);
  for (let i = 0; i < days; i++) {
    const date = first.plus({ days: i }).toISODate()!;
    target.add(date);
    if (summary) names[date] = names[date] && names[date] !== summary ? `${names[date]} / ${summary}` : summary;
  }
}

/** RFC 5545 §3.1: a line break followed by a space or tab continues the previous line. Keeps physical line numbers. */
function unfold(text: string): Array<{ text: string; lineNumber: number }> {
  const lines: Array<{ text: string; lineNumber: number }> = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .forEach((physical, index) => {
      const last = lines[lines.length - 1];
      if (last && /^[ \t]/.test(physical)) last.text += physical.slice(1);
      else lines.push({ text: physical, lineNumber: index + 1 });
    });
  return lines;
}

/** NAME;PARAM=…;PARAM="…:…":VALUE — the value starts at the first colon outside quotes. */
function parseProperty(line: string): { name: string; params: string; value: string } | null {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === ':' && !quoted) {
      const head = line.slice(0, i);
      const semicolon = head.indexOf(';');
      const name = (semicolon < 0 ? head : head.slice(0, semicolon)).trim().toUpperCase();
      if (!/^[A-Z0-9-]+$/.test(name)) return null;
      return { name, params: semicolon < 0 ? '' : head.slice(semicolon + 1), value: line.slice(i + 1).trim() };
    }
  }
  return null;
}

/** The calendar date of a DATE (20260101) or DATE-TIME (20260101T000000[Z]) value, as written. */
function readDate(value: string): DateTime | null {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T\d{6}Z?)?$/i.exec(value.trim());
  if (!match) return null;
  const date = DateTime.fromObject({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }, { zone: 'UTC' });
  return date.isValid ? date : null;
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, ch: string) => (ch === 'n' || ch === 'N' ? '\n' : ch)).trim();
}
