// The staff's work on other processes (complaints, call-backs …) during a run: the same people are busy with it, so
// tasks of the simulated process wait for them as they did. Drawn as a Poisson stream per role at the learned rate.
import type { Random } from '../../demo/demo-random.util';
import type { Lognormal, SimModel } from './simulation-run.types';

const WEEK = 7 * 86_400_000;

export interface OtherWork {
  at: number;
  role: string;
  hours: number;
}

/** The other processes' tasks of each role in [from, to), with their time in work (working hours on the calendar). */
export function drawOtherWork(args: { r: Random; model: SimModel; from: number; to: number }): OtherWork[] {
  const out: OtherWork[] = [];
  for (const [role, w] of Object.entries(args.model.staffing?.otherWork ?? {})) {
    if (!(w.perWeek > 0)) continue;
    const gap = WEEK / w.perWeek;
    for (let t = args.from - Math.log(1 - args.r.next()) * gap; t < args.to; t -= Math.log(1 - args.r.next()) * gap) {
      out.push({ at: Math.floor(t), role, hours: args.r.lognormal(Math.max(w.working.meanHours, 1e-6), w.working.cv) });
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

export type OtherWorkModel = Record<string, { perWeek: number; working: Lognormal }>;
