// SLA clocks of simulated instances with the product's own policy, target and calendar arithmetic (src/sla): a clock
// runs from its start to its stop, pauses while the instance waits where `slaPause` says, and is judged when it ends.
import { warningTimes, type SlaPause } from '../../sla/sla-clock.util';
import type { SlaPolicy } from '../../sla/sla-config';
import { parseDurationMs, targetKey } from '../../sla/sla-target.util';

interface Clock {
  policy: SlaPolicy;
  startedAt: number;
  pauses: SlaPause[];
}

export interface ClockVerdict {
  policy: string;
  breached: boolean;
  /** When the target was used up (a breach), else null. */
  dueAt: number | null;
  warnings: number;
}

/** Judges a clock ended at `endedAt` (met, missed, cancelled or cut by the horizon) for an instance's variables. */
export function judge(clock: Clock, endedAt: number, variables: Record<string, unknown>): ClockVerdict {
  const targetMs = parseDurationMs(clock.policy.targets[targetKey(clock.policy.targets, variables)] ?? clock.policy.targets.default) ?? 0;
  const pauses = clock.pauses.map((p) => ({ from: p.from, to: p.to && p.to.getTime() <= endedAt ? p.to : null }));
  const times = warningTimes({ startedAt: new Date(clock.startedAt), targetMs, calendar: clock.policy.calendar, pauses, percentages: [...clock.policy.warnAt, 100] });
  const reached = times.map((t) => t.at !== null && t.at.getTime() <= endedAt);
  const due = times[times.length - 1].at;
  return { policy: clock.policy.id, breached: reached[reached.length - 1], dueAt: reached[reached.length - 1] ? due!.getTime() : null, warnings: reached.slice(0, -1).filter(Boolean).length };
}

/** The clocks of one instance: its process-level clock and one per open task that carries a policy. */
export class InstanceClocks {
  private process?: Clock;
  private readonly tasks = new Map<string, Clock>();
  private pausedSince: number | null = null;
  private readonly pauses: SlaPause[] = [];

  startProcess(policy: SlaPolicy, at: number): void {
    this.process = { policy, startedAt: at, pauses: this.pauses };
  }

  startTask(executionId: string, policy: SlaPolicy, at: number): void {
    this.tasks.set(executionId, { policy, startedAt: at, pauses: this.pauses });
  }

  /** After each command: the instance waits in an `slaPause` activity (every running clock pauses) or not. */
  setWaiting(waiting: boolean, at: number): void {
    if (waiting && this.pausedSince === null) {
      this.pausedSince = at;
      this.pauses.push({ from: new Date(at), to: null });
    } else if (!waiting && this.pausedSince !== null) {
      this.pauses[this.pauses.length - 1].to = new Date(at);
      this.pausedSince = null;
    }
  }

  stopProcess(at: number, variables: Record<string, unknown>): ClockVerdict | undefined {
    const clock = this.process;
    this.process = undefined;
    return clock && judge(clock, at, variables);
  }

  stopTask(executionId: string, at: number, variables: Record<string, unknown>): ClockVerdict | undefined {
    const clock = this.tasks.get(executionId);
    this.tasks.delete(executionId);
    return clock && judge(clock, at, variables);
  }

  /** Every clock still running, judged at `at` (the end of the simulated period). */
  stopAll(at: number, variables: Record<string, unknown>): ClockVerdict[] {
    const out = [...this.tasks.keys()].map((k) => this.stopTask(k, at, variables)!);
    const p = this.stopProcess(at, variables);
    return p ? [...out, p] : out;
  }
}
