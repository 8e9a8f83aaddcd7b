// The history window a simulation learns from: local days as the date inputs hold them ↔ the ISO instants the API takes.

/** yyyy-mm-dd of a local date, as `<input type="date">` holds it. */
export const isoDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** The window of history for a from/to pair of local days (both inclusive), ending no later than now. */
export function historyWindow(from: string, to: string, now = Date.now()): { from: string; to: string } | null {
  const start = new Date(`${from}T00:00:00`);
  const end = new Date(`${to}T00:00:00`);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return null;
  end.setDate(end.getDate() + 1);
  const until = Math.min(end.getTime(), now);
  if (until <= start.getTime()) return null;
  return { from: start.toISOString(), to: new Date(until).toISOString() };
}
