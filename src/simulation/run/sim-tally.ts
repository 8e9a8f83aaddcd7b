// What one replication counts as it goes: SLA verdicts, first responses, resolutions, escalations, backlog, utilisation.
import { responseTargetMs } from '../../kpis/kpi.util';
import type { ClockVerdict } from './sim-sla';
import type { ReplicationOutcome } from './simulation-run.types';

const WEEK = 7 * 86_400_000;

export class SimTally {
  commands = 0;
  private started = 0;
  private completed = 0;
  private readonly resolutionHours: number[] = [];
  readonly utilisation: Record<string, number> = {};
  private readonly breaches: Record<string, number> = {};
  private readonly warnings: Record<string, number> = {};
  private readonly escalations: Record<string, number> = {};
  private readonly backlog: number[];
  private readonly breachesPerWeek: number[];
  private onTime = 0;
  private readonly end: number;
  private responded = 0;

  constructor(
    private readonly from: number,
    days: number,
  ) {
    this.end = from + days * 86_400_000;
    this.backlog = new Array(days).fill(0);
    this.breachesPerWeek = new Array(Math.ceil(days / 7)).fill(0);
  }

  private measured(at: number): boolean {
    return at >= this.from && at <= this.end;
  }

  arrived(at: number): void {
    if (this.measured(at)) this.started++;
  }

  ended(at: number): void {
    if (this.measured(at)) this.completed++;
  }

  resolved(at: number, hours: number): void {
    if (this.measured(at)) this.resolutionHours.push(hours);
  }

  /** A clock judged at `endedAt`: its breach counts in the week it fell due, its warnings when it ends in the period. */
  verdict(v: ClockVerdict, endedAt: number): void {
    this.breaches[v.policy] ??= 0;
    this.warnings[v.policy] ??= 0;
    if (this.measured(endedAt)) this.warnings[v.policy] += v.warnings;
    if (v.breached && v.dueAt !== null && this.measured(v.dueAt)) {
      this.breaches[v.policy]++;
      const week = Math.floor((v.dueAt - this.from) / WEEK);
      if (week >= 0 && week < this.breachesPerWeek.length) this.breachesPerWeek[week]++;
    }
  }

  /** The first task completed: the product's response commitment (15 min urgent, 1 h otherwise; src/kpis). */
  response(startedAt: number, afterMs: number, variables: Record<string, unknown>): void {
    if (!this.measured(startedAt)) return;
    this.responded++;
    const urgent = variables.urgent === true || variables.priority === 'P1';
    if (afterMs <= responseTargetMs({ urgent })) this.onTime++;
  }

  escalation(level: string, at: number): void {
    if (this.measured(at)) this.escalations[level] = (this.escalations[level] ?? 0) + 1;
  }

  backlogAt(day: number, open: number): void {
    this.backlog[day] = open;
  }

  outcome(): ReplicationOutcome {
    const utilisation = Object.fromEntries(Object.entries(this.utilisation).filter(([role]) => role !== ''));
    return {
      breaches: this.breaches,
      warnings: this.warnings,
      onTime: this.onTime,
      responded: this.responded,
      resolutionHours: this.resolutionHours,
      escalations: this.escalations,
      completed: this.completed,
      started: this.started,
      backlog: this.backlog,
      breachesPerWeek: this.breachesPerWeek,
      utilisation,
      commands: this.commands,
    };
  }
}
