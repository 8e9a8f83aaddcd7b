// The live view of SLA clocks for the API: target, due at, remaining, paused, breached, status.
import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import type { SlaClockEntity } from '../database/entities/sla-clock.entity';
import { toPage, type Page } from '../common/page.dto';
import { mapClockRow, SlaClockQueryDto } from './dto/sla.dto';
import { DefinitionCache } from '../definitions/definition-cache';
import { SlaClockRepository } from './sla-clock.repository';
import { computeDueAt } from './sla-clock.util';
import { SlaConfig } from './sla-config';
import { parseDurationMs } from './sla-target.util';
import { CalendarTimers } from '../timers/calendar-timers';

@Injectable()
export class SlaView {
  constructor(
    private readonly clocks: SlaClockRepository,
    private readonly config: SlaConfig,
    private readonly clock: Clock,
    private readonly timers: CalendarTimers,
    private readonly definitions: DefinitionCache,
  ) {}

  async forInstance(instanceId: string) {
    return (await this.clocks.forInstance(instanceId)).map((c) => this.describe(c));
  }

  /** The task's own clock and its instance's process-level clock (the countdown beside a task). */
  async forTask(taskId: string, instanceId: string) {
    return (await this.clocks.forTask(taskId, instanceId)).map((c) => this.describe(c));
  }

  /** Clocks across instances (the supervisor board's "near breach" list); `dueWithin` is counted from the server's now. */
  async list(query: SlaClockQueryDto): Promise<Page<ReturnType<typeof mapClockRow> & { taskNames: Record<string, string> | null }>> {
    const dueWithin = query.dueWithin ? new Date(this.clock.now().getTime() + parseDurationMs(query.dueWithin)!) : undefined;
    const dueBefore = [query.dueBefore ? new Date(query.dueBefore) : undefined, dueWithin].filter((d): d is Date => !!d).sort((a, b) => a.getTime() - b.getTime())[0];
    const rows = await this.clocks.list({ ...query, dueBefore });
    // Beside each clock, the instance's next escalation timer, in wall and (on a business calendar) working time.
    const next = await this.timers.nextOf(rows.items.map((r) => r.clock.instanceId), this.clock.now());
    const models = new Map(await Promise.all([...new Set(rows.items.map((r) => r.definitionId))].map(async (id) => [id, (await this.definitions.get(id)).model] as const)));
    const taskNames = (row: (typeof rows.items)[number]) => (row.clock.taskId ? (models.get(row.definitionId)?.elements[row.clock.activityId]?.names ?? null) : null);
    // The timer by its name (and translations), as the diagram labels it.
    const nextTimer = (row: (typeof rows.items)[number]) => {
      const timer = next.get(row.clock.instanceId);
      const element = timer && models.get(row.definitionId)?.elements[timer.activityId];
      return timer ? { ...timer, name: element?.name ?? null, names: element?.names ?? null } : null;
    };
    return toPage(rows, query, (row) => ({ ...mapClockRow(row, this.describe(row.clock)), taskNames: taskNames(row), nextTimer: nextTimer(row) }));
  }

  /** The clocks beside each task of a list page: the task's own and its instance's process-level clock. */
  async forTasks(tasks: { id: string; instanceId: string }[]): Promise<Map<string, ReturnType<SlaView['describe']>[]>> {
    const clocks = await this.clocks.forTasks(tasks.map((t) => t.id), tasks.map((t) => t.instanceId));
    return new Map(tasks.map((t) => [t.id, clocks.filter((c) => c.taskId === t.id || (c.scope === 'process' && c.instanceId === t.instanceId)).map((c) => this.describe(c))]));
  }

  describe(c: SlaClockEntity) {
    const policy = this.config.policies.get(c.policy);
    const now = c.stoppedAt ?? this.clock.now();
    const pauses = c.pauses.map((p) => ({ from: new Date(p.from), to: p.to ? new Date(p.to) : null }));
    const state = policy ? computeDueAt({ startedAt: c.startedAt, targetMs: c.targetMs, calendar: policy.calendar, pauses, now }) : null;
    return {
      id: c.id,
      policy: c.policy,
      policyName: policy?.name ?? c.policy,
      policyNames: policy?.names ?? {},
      calendar: policy?.calendar.id ?? null,
      scope: c.scope,
      activityId: c.activityId,
      taskId: c.taskId,
      target: policy?.targets[c.targetKey] ?? null,
      targetKey: c.targetKey,
      startedAt: c.startedAt,
      dueAt: c.status === 'paused' ? null : state ? state.dueAt : c.dueAt, // unknown while paused: it depends on the resumption
      remainingMs: state?.remainingMs ?? null,
      percentUsed: state ? Math.round(state.percentUsed * 10) / 10 : null,
      paused: c.status === 'paused',
      breached: c.breachedAt !== null,
      breachedAt: c.breachedAt,
      status: c.status,
      stoppedAt: c.stoppedAt,
      pauses: c.pauses,
      // The server's now: a client counts down from dueAt − asOf, so a fake or skewed clock does not confuse it.
      asOf: this.clock.now(),
    };
  }
}

