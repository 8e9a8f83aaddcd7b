// Dates and durations in the current UI language (Intl), shared by every screen.
import { currentLocale, translate } from './i18n';

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A compact duration such as "2 h 05 min" / "2 小时 05 分" (absolute value of `ms`). */
export function formatDuration(ms: number): string {
  const zh = currentLocale() === 'zh-CN';
  const total = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(total / 86400);
  const h = Math.floor((total % 86400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const unit = zh ? { d: ' 天', h: ' 小时', m: ' 分', s: ' 秒' } : { d: ' d', h: ' h', m: ' min', s: ' s' };
  if (d > 0) return `${d}${unit.d} ${h}${unit.h}`;
  if (h > 0) return `${h}${unit.h} ${String(m).padStart(2, '0')}${unit.m}`;
  if (m > 0) return `${m}${unit.m} ${String(s).padStart(2, '0')}${unit.s}`;
  return `${s}${unit.s}`;
}

/** "2 h 05 min left" or "overdue by 3 min" for a due time, relative to `now`. */
export function formatCountdown(dueAt: string | number, now: number = Date.now()): string {
  const ms = (typeof dueAt === 'number' ? dueAt : new Date(dueAt).getTime()) - now;
  return translate(ms >= 0 ? 'duration.left' : 'duration.overdue', { time: formatDuration(ms) });
}
