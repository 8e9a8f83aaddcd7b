// When customers get in touch: a Poisson process whose rate follows the hour of the week (busy weekday office hours).
import type { Random } from './demo-random.util';

const HOUR = 3_600_000;

/** Relative arrival rate at a UTC instant (Shanghai local time): 1 in weekday office hours, less evenings and weekends. */
export function arrivalWeight(t: number): number {
  const d = new Date(t + 8 * HOUR);
  const day = d.getUTCDay();
  const hour = d.getUTCHours();
  const weekend = day === 0 || day === 6;
  const office = hour >= 9 && hour < 18;
  const evening = hour >= 18 && hour < 22;
  return (office ? 1 : evening ? 0.3 : hour >= 7 && hour < 9 ? 0.2 : 0.03) * (weekend ? 0.4 : 1);
}

/** The sum of a weekday's hourly weights: 9 office hours, 4 evening hours at 0.3, 2 early at 0.2, 9 night at 0.03. */
const WEEKDAY_HOURS = 9 + 4 * 0.3 + 2 * 0.2 + 9 * 0.03;

export interface Arrival {
  at: number;
  kind: 'service-request' | 'complaint';
}

/** Arrivals between `from` and `to`: about `perDay` service requests a weekday, and `complaintShare` complaints per request. */
export function drawArrivals(r: Random, from: number, to: number, perDay: number, complaintShare: number): Arrival[] {
  // Thinning: candidates at the peak rate; a weekday's weights add up to WEEKDAY_HOURS of peak, so it gets perDay.
  const peakPerMs = (perDay * (1 + complaintShare)) / (WEEKDAY_HOURS * HOUR);
  const arrivals: Arrival[] = [];
  for (let t = from - Math.log(1 - r.next()) / peakPerMs; t < to; t -= Math.log(1 - r.next()) / peakPerMs) {
    if (r.next() < arrivalWeight(t)) arrivals.push({ at: Math.floor(t), kind: r.chance(complaintShare / (1 + complaintShare)) ? 'complaint' : 'service-request' });
  }
  return arrivals;
}
