// How an armed timer's due time reads: wall time and countdown, and for a business-calendar timer the working time left.
import { formatCountdown, formatDateTime, formatDuration } from '../i18n/format';
import { translate } from '../i18n/i18n';
import type { TimerInfo } from './instance-types';

/** "due 7 Apr, 09:55 (2 h left) · 55 min working time (Service desk…)", or "paused · 6 h working time left (…)". */
export function timerDueText(timer: TimerInfo, now: number, compact = false): string {
  const calendar = timer.calendar?.name ?? '';
  const working = timer.workingLeftMs ?? null;
  if (timer.paused) return translate('instance.timer.paused', { left: formatDuration(working ?? 0), calendar });
  const wall = translate('instance.sla.due', { due: formatDateTime(timer.dueAt), countdown: timer.dueAt ? formatCountdown(timer.dueAt, now) : '—' });
  if (!timer.calendar || working === null) return wall;
  // On the diagram the overlay stays short; the calendar's name and local time are in the panel and the tooltip.
  if (compact) return `${wall} · ${translate('instance.timer.workingShort', { left: formatDuration(working) })}`;
  return `${wall} · ${translate('instance.timer.working', { left: formatDuration(working), calendar, local: localTime(timer.dueAt, timer.calendar.timeZone) })}`;
}

/** The due time as read in the calendar's own zone (it may differ from the browser's). */
function localTime(iso: string | null, timeZone: string): string {
  if (!iso) return '—';
  try {
    return new Intl.DateTimeFormat(undefined, { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }).format(new Date(iso));
  } catch {
    return formatDateTime(iso);
  }
}
