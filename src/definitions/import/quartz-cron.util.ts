// Quartz cron (Camunda 7 / Flowable timers: sec min hour day-of-month month day-of-week [year], "?" for "no value",
// day-of-week 1 = Sunday) to what our timers run: a simple repetition becomes an ISO cycle (R/PT5M), the rest standard
// 6-field cron (sec min hour dom month dow, 0 = Sunday). Null when it is not Quartz or cannot be expressed.
export interface CronConversion {
  to: string;
  /** 'iso' when it became an ISO 8601 cycle (runs anywhere), 'cron' when it stays cron (timer start events only). */
  kind: 'iso' | 'cron';
}

export function isQuartzCron(text: string): boolean {
  const fields = text.trim().split(/\s+/);
  return (fields.length === 6 || fields.length === 7) && fields.every((f) => /^[0-9*?/,\-A-Za-z#]+$/.test(f)) && !/^[RP]/.test(text.trim());
}

/** Why a Quartz expression cannot be converted, or its conversion. */
export function convertQuartzCron(text: string): CronConversion | { problem: string } {
  const fields = text.trim().split(/\s+/);
  const [sec, min, hour, dom, month, dow, year] = fields;
  if (year !== undefined && year !== '*') return { problem: `a year field ("${year}") has no equivalent in standard cron` };
  if (/[LW#]/.test(`${dom} ${dow}`)) return { problem: 'L, W and # (last day, weekday, n-th weekday) have no equivalent in standard cron' };
  const iso = isoCycle(sec, min, hour, dom, month, dow);
  if (iso) return { to: iso, kind: 'iso' };
  const weekday = dow === '?' ? '*' : quartzWeekdays(dow);
  if (weekday === null) return { problem: `day-of-week "${dow}" cannot be converted` };
  return { to: [sec, min, hour, dom === '?' ? '*' : dom, month, weekday].join(' '), kind: 'cron' };
}

const any = (f: string) => f === '*' || f === '?';

// "Every N seconds/minutes/hours" (0/N or star/N in one field, zeros below it, any above) as R/PTnS, R/PTnM or R/PTnH.
function isoCycle(sec: string, min: string, hour: string, dom: string, month: string, dow: string): string | null {
  if (![dom, month, dow].every(any)) return null;
  const step = (f: string) => /^(\*|0)\/(\d+)$/.exec(f)?.[2];
  if (step(sec) && any(min) && any(hour)) return `R/PT${Number(step(sec))}S`;
  if (sec === '0' && step(min) && any(hour)) return `R/PT${Number(step(min))}M`;
  if (sec === '0' && min === '0' && step(hour)) return `R/PT${Number(step(hour))}H`;
  return null;
}

/** Quartz numbers days 1–7 from Sunday, standard cron 0–6; names (MON-FRI) mean the same in both. */
function quartzWeekdays(dow: string): string | null {
  if (any(dow)) return '*';
  if (/^[A-Za-z,\-]+$/.test(dow)) return dow.toUpperCase();
  const shift = (n: string) => {
    const v = Number(n);
    return v >= 1 && v <= 7 ? String(v - 1) : null;
  };
  const parts = dow.split(',').map((part) => {
    const [range, stepBy] = part.split('/');
    const ends = range.split('-').map(shift);
    if (ends.some((e) => e === null)) return null;
    return `${ends.join('-')}${stepBy ? `/${stepBy}` : ''}`;
  });
  return parts.some((p) => p === null) ? null : parts.join(',');
}
