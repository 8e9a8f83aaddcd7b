// Commands that fail on data (a task completion, a timer firing or a message delivery whose continuation breaks, e.g. on
// a timer expression): kept as an open incident, since the command rolled back, and retried with corrected variables.
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { DomainError, ErrorCode } from '../common/domain-error';
import type { TimerEntity } from '../database/entities';
import type { IncidentCommand, IncidentEntity } from '../database/entities/incident.entity';
import { DefinitionCache } from '../definitions/definition-cache';
import { HistoryRepository } from '../instances/history.repository';
import { InstanceCommandsService } from '../commands/instance-commands.service';
import { InstanceRepository } from '../instances/instance.repository';
import { OutboxRepository } from '../notifications/outbox.repository';
import { toOutboxEvents } from '../notifications/outbox-events.util';
import { TimerRepository } from '../timers/timer.repository';
import { PARKED_DUE_AT } from '../timers/parked-timers';
import { IncidentRepository } from './incident.repository';
import { DataRetries } from './data-retries';

/** execution_id of a data incident: one per task, timer or waiting message, so repeated failures count attempts on one row. */
export const DATA_INCIDENT_PREFIX = 'data:';

export interface FailedCompletion {
  task: { id: string; instanceId: string; activityId: string };
  values: Record<string, unknown>;
  actor: string | null;
}

export interface FailedMessage {
  instanceId: string;
  activityId: string;
  executionId: string;
  messageName: string;
  variables: Record<string, unknown>;
}

interface Failure {
  instanceId: string;
  activityId: string;
  executionId: string;
  command: IncidentCommand;
}

function isDataFailure(err: unknown): err is DomainError {
  return err instanceof DomainError && err.code === ErrorCode.EngineFailed;
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
    private readonly timers: TimerRepository,
    private readonly retries: DataRetries,
    private readonly clock: Clock,
  ) {}

  /** The error a failed completion answers with: a data failure is recorded first and names its incident. */
  async onCompletionFailed(err: unknown, failed: FailedCompletion): Promise<unknown> {
    const { task, values, actor } = failed;
    return this.answer(err, { instanceId: task.instanceId, activityId: task.activityId, executionId: `${DATA_INCIDENT_PREFIX}${task.id}`, command: { type: 'completeTask', taskId: task.id, values, actor } });
  }

  /** The same for a message whose delivery failed on data. */
  async onMessageFailed(err: unknown, failed: FailedMessage): Promise<unknown> {
    const command: IncidentCommand = { type: 'correlateMessage', messageName: failed.messageName, variables: failed.variables };
    return this.answer(err, { instanceId: failed.instanceId, activityId: failed.activityId, executionId: `${DATA_INCIDENT_PREFIX}message:${failed.executionId}`, command });
  }

  /**
   * A due timer whose firing failed on data, in the poller's transaction (its savepoint rolled back): an incident, and
   * the row parked so the poller does not fire it again every minute. False for other failures (postponed as before).
   */
  async onTimerFailed(em: EntityManager, timer: TimerEntity, err: unknown): Promise<boolean> {
    if (!isDataFailure(err) || !timer.instanceId) return false;
    await this.recordIn(em, { instanceId: timer.instanceId, activityId: timer.activityId, executionId: `${DATA_INCIDENT_PREFIX}timer:${timer.timerKey}`, command: { type: 'fireTimer', timerKey: timer.timerKey } }, err.message);
    await this.timers.postpone(em, timer, PARKED_DUE_AT);
    return true;
  }

  /** Runs the command again with the corrections; a new failure on data counts one more attempt on the same incident. */
  async retry(incident: IncidentEntity, corrections: Record<string, unknown>): Promise<void> {
    const command = incident.command as IncidentCommand;
    try {
      await this.retries.run(incident, command, corrections);
    } catch (err) {
      if (!isDataFailure(err)) throw err;
      await this.record({ instanceId: incident.instanceId, activityId: incident.activityId, executionId: incident.executionId, command }, err.message);
    }
  }

  private async answer(err: unknown, failure: Failure): Promise<unknown> {
    if (!isDataFailure(err)) return err;
    const id = await this.record(failure, err.message);
    return new DomainError(ErrorCode.EngineFailed, `${err.message} (incident ${id} is open: a supervisor can correct the variables and retry)`, err.details);
  }

  private record(failure: Failure, error: string): Promise<string> {
    return this.db.transaction((em) => this.recordIn(em, failure, error));
  }

  private async recordIn(em: EntityManager, failure: Failure, error: string): Promise<string> {
    const instance = await this.instances.lock(em, failure.instanceId);
    if (!instance) throw DomainError.notFound('Process instance', failure.instanceId);
    const now = this.clock.now();
    const current = (await this.incidents.unresolvedIn(em, failure.instanceId)).find((i) => i.executionId === failure.executionId);
    const changes = { error, status: 'open' as const, nextRetryAt: null, updatedAt: now, command: failure.command, attempts: (current?.attempts ?? 0) + 1 };
    const id = current
      ? (await this.incidents.update(em, current, changes), current.id)
      : (await this.incidents.insert(em, { instanceId: failure.instanceId, activityId: failure.activityId, executionId: failure.executionId, createdAt: now, resolvedAt: null, resolution: null, ...changes })).id;
    const type = current ? 'incident.retry_failed' : 'incident.open';
    const history = [{ at: now, type, activityId: failure.activityId, detail: { incidentId: id, error, attempts: changes.attempts, status: 'open', role: 'supervisor' } }];
    await this.history.append(em, instance.id, history);
    await this.outbox.append(em, toOutboxEvents({ instance, model: (await this.cache.get(instance.definitionId)).model, history }));
    return id;
  }
}
