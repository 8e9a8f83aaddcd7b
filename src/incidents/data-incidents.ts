// Commands that fail on data (a completion whose variables break a later step, e.g. a timer expression): kept as an
// open incident in a transaction of their own, since the command rolled back, and retried with corrected variables.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { DomainError, ErrorCode } from '../common/domain-error';
import type { IncidentCommand, IncidentEntity } from '../database/entities/incident.entity';
import { DefinitionCache } from '../definitions/definition-cache';
import { HistoryRepository } from '../instances/history.repository';
import { InstanceCommandsService } from '../commands/instance-commands.service';
import { InstanceRepository } from '../instances/instance.repository';
import { OutboxRepository } from '../notifications/outbox.repository';
import { toOutboxEvents } from '../notifications/outbox-events.util';
import { TaskRepository } from '../tasks/task.repository';
import { IncidentRepository } from './incident.repository';

/** execution_id of a data incident: one per task, so repeated failures count attempts on the same row. */
export const DATA_INCIDENT_PREFIX = 'data:';

export interface FailedCompletion {
  task: { id: string; instanceId: string; activityId: string };
  values: Record<string, unknown>;
  actor: string | null;
}

@Injectable()
export class DataIncidents {
  constructor(
    private readonly db: DataSource,
    private readonly incidents: IncidentRepository,
    private readonly instances: InstanceRepository,
    private readonly history: HistoryRepository,
    private readonly outbox: OutboxRepository,
    private readonly cache: DefinitionCache,
    private readonly tasks: TaskRepository,
    private readonly commands: InstanceCommandsService,
    private readonly clock: Clock,
  ) {}

  /** The error a failed completion answers with: a data failure is recorded first and names its incident. */
  async onCompletionFailed(err: unknown, failed: FailedCompletion): Promise<unknown> {
    if (!(err instanceof DomainError) || err.code !== ErrorCode.EngineFailed) return err;
    const id = await this.record(failed, err.message);
    return new DomainError(ErrorCode.EngineFailed, `${err.message} (incident ${id} is open: a supervisor can correct the variables and retry)`, err.details);
  }

  /** Completes the task again with the worker's values and the supervisor's corrections; a new failure counts an attempt. */
  async retry(incident: IncidentEntity, corrections: Record<string, unknown>): Promise<void> {
    const command = incident.command as IncidentCommand;
    const corrected = Object.keys(corrections);
    try {
      await this.commands.execute(incident.instanceId, async (_instance, em) => {
        const task = await this.tasks.lockIn(em, incident.instanceId, command.taskId);
        if (task?.status !== 'open') throw new DomainError(ErrorCode.Conflict, `task ${command.taskId} is ${task?.status ?? 'gone'}`);
        const now = this.clock.now();
        await this.tasks.markCompleted(em, task.instanceId, task.id, command.values, now);
        return {
          action: { type: 'signal', activityId: task.activityId, executionId: task.executionId, variables: { ...command.values, ...corrections } },
          completedTaskId: task.id,
          history: [{ at: now, type: 'task.completed', activityId: task.activityId, detail: { taskId: task.id, assignee: task.assignee, variables: command.values, incidentId: incident.id, corrected: corrections } }],
          resolution: corrected.length ? `retried after correcting ${corrected.join(', ')}` : 'retried unchanged',
        };
      });
    } catch (err) {
      if (!(err instanceof DomainError) || err.code !== ErrorCode.EngineFailed) throw err;
      const task = await this.tasks.findById(command.taskId);
      if (task) await this.record({ task, values: command.values, actor: command.actor }, err.message);
    }
  }

  private record(failed: FailedCompletion, error: string): Promise<string> {
    const { task } = failed;
    return this.db.transaction(async (em) => {
      const instance = await this.instances.lock(em, task.instanceId);
      if (!instance) throw DomainError.notFound('Process instance', task.instanceId);
      const now = this.clock.now();
      const executionId = `${DATA_INCIDENT_PREFIX}${task.id}`;
      const command: IncidentCommand = { type: 'completeTask', taskId: task.id, values: failed.values, actor: failed.actor };
      const current = (await this.incidents.unresolvedIn(em, task.instanceId)).find((i) => i.executionId === executionId);
      const changes = { error, status: 'open' as const, nextRetryAt: null, updatedAt: now, command, attempts: (current?.attempts ?? 0) + 1 };
      const id = current ? (await this.incidents.update(em, current.id, changes), current.id) : (await this.incidents.insert(em, { instanceId: task.instanceId, activityId: task.activityId, executionId, createdAt: now, resolvedAt: null, resolution: null, ...changes })).id;
      const type = current ? 'incident.retry_failed' : 'incident.open';
      const history = [{ at: now, type, activityId: task.activityId, detail: { incidentId: id, error, attempts: changes.attempts, status: 'open', role: 'supervisor' } }];
      await this.history.append(em, instance.id, history);
      await this.outbox.append(em, toOutboxEvents({ instance, model: (await this.cache.get(instance.definitionId)).model, history }));
      return id;
    });
  }
}
