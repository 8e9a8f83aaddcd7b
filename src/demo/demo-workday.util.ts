// Service-desk working time for the simulated staff: Mon–Fri 09:00–18:00 in Asia/Shanghai (UTC+8, no daylight saving).

const HOUR = 3_600_000;
const OFFSET = 8 * HOUR;
const OPEN = 9;
const CLOSE = 18;

/** The local (Shanghai) weekday 0–6 (Sunday 0) and hour of a UTC instant. */
function local(t: number): { day: number; hour: number } {
  const d = new Date(t + OFFSET);
  return { day: d.getUTCDay(), hour: d.getUTCHours() + d.getUTCMinutes() / 60 };
}

export function isWorkingTime(t: number): boolean {
  const { day, hour } = local(t);
  return day >= 1 && day <= 5 && hour >= OPEN && hour < CLOSE;
}

/** `t` if the desk is open then, else the next opening (09:00 of the next working day). */
export function nextWorkingTime(t: number): number {
  if (isWorkingTime(t)) return t;
  const d = new Date(t + OFFSET);
  let open = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), OPEN) - OFFSET;
  if (open <= t) open += 24 * HOUR;
  while (!isWorkingTime(open)) open += 24 * HOUR;
  return open;
}

/** Adds `ms` of working time to `t` (work stops at closing and goes on at the next opening). */
export function addWorkingTime(t: number, ms: number): number {
  let at = nextWorkingTime(t);
  let left = ms;
  for (let i = 0; i < 1000 && left > 0; i++) {
    const { hour } = local(at);
    const untilClose = (CLOSE - hour) * HOUR;
    if (left <= untilClose) return at + left;
    left -= untilClose;
    at = nextWorkingTime(at + untilClose);
  }
  return at;
}
