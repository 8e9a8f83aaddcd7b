// Arrivals of a simulated period: per local hour of the week a Poisson count at the model's rate (± an adjustment).
import { DateTime } from 'luxon';
import type { Random } from '../../demo/demo-random.util';
import type { SimModel } from './simulation-run.types';

const HOUR = 3_600_000;

export interface SimArrival {
  at: number;
  channel: string | null;
  priority: string | null;
}

function poisson(r: Random, mean: number): number {
  // Knuth for small means, a rounded normal for large ones (an hour of a desk rarely has more than a few dozen).
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * Math.sqrt(-2 * Math.log(1 - r.next())) * Math.cos(2 * Math.PI * r.next())));
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = r.next(); p > limit; p *= r.next()) k++;
  return k;
}

/** Arrivals in [from, from + days), times uniform within their hour, attributes drawn from the channel × priority mix. */
export function drawArrivals(args: { r: Random; model: SimModel; from: number; days: number; arrivalsPercent?: number; timeZone: string }): SimArrival[] {
  const { r, model, from, days, timeZone } = args;
  const factor = 1 + (args.arrivalsPercent ?? 0) / 100;
  const rate = new Map(model.arrivals.byHourOfWeek.map((h) => [`${h.day}:${h.hour}`, h.perWeek * factor]));
  const mix = model.arrivals.mix && Object.keys(model.arrivals.mix).length ? model.arrivals.mix : { 'unknown/unknown': 1 };
  const out: SimArrival[] = [];
  for (let t = from; t < from + days * 24 * HOUR; t += HOUR) {
    const local = DateTime.fromMillis(t, { zone: timeZone });
    const n = poisson(r, rate.get(`${local.weekday}:${local.hour}`) ?? 0);
    for (let i = 0; i < n; i++) {
      const [channel, priority] = r.weighted(mix).split('/');
      out.push({ at: t + Math.floor(r.next() * HOUR), channel: channel === 'unknown' ? null : channel, priority: priority === 'unknown' ? null : priority });
    }
  }
  return out.sort((a, b) => a.at - b.at);
}
