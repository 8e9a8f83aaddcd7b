// What a worker reports back: complete, failure (retries, incident at 0) and BPMN error (error boundary, or an
// incident when nothing catches it). Each runs under the instance row lock, like every command, in one transaction.
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { DomainError, ErrorCode } from '../common/domain-error';
import type { ExternalTaskEntity } from '../database/entities/external-task.entity';
import type { IncidentEntity } from '../database/entities/incident.entity';
import type { ProcessInstanceEntity } from '../database/entities/process-instance.entity';
import { DefinitionCache } from '../definitions/definition-cache';
import type { HistoryItem } from '../engine/run-types';
import { IncidentRepository } from '../incidents/incident.repository';
import { HistoryRepository } from '../instances/history.repository';
import { InstanceCommandsService } from '../commands/instance-commands.service';
import { InstanceRepository } from '../instances/instance.repository';
import { OutboxRepository } from '../notifications/outbox.repository';
import { toOutboxEvents } from '../notifications/outbox-events.util';
import { fromTypedVariables } from './camunda-variables.util';
import { BpmnErrorDto, CompleteExternalTaskDto, FailureDto } from './dto/external-task.dto';
import { ExternalTaskRepository } from './external-task.repository';
import { heldBy } from './worker-lock.util';

@Injectable()
export class ExternalTaskOutcomes {
  constructor(
    private readonly tasks: ExternalTaskRepository,
    private readonly commands: InstanceCommandsService,
    private readonly instances: InstanceRepository,
    private readonly incidents: IncidentRepository,
    private readonly history: HistoryRepository,
    private readonly outbox: OutboxRepository,
    private readonly cache: DefinitionCache,
    private readonly clock: Clock,
  ) {}

  /** Completes the service task with the worker's variables: exactly once, whichever replica or worker races. */
  async complete(id: string, dto: CompleteExternalTaskDto): Promise<void> {
    const variables = typedValues(dto.variables);
    await this.resume(id, dto.workerId, (task, now) => ({
      outcome: { executionId: task.executionId, variables },
      history: { at: now, type: 'external_task.completed', activityId: task.activityId, detail: { externalTaskId: id, topicName: task.topicName, workerId: dto.workerId } },
    }));
  }

  /** Throws the worker's BPMN error at the service task; when no error boundary or event subprocess catches it, an incident opens. */
  async bpmnError(id: string, dto: BpmnErrorDto): Promise<void> {
    const variables = typedValues(dto.variables);
    const bpmnError = { errorCode: dto.errorCode, errorMessage: dto.errorMessage };
    try {
      await this.resume(id, dto.workerId, (task, now) => ({
        outcome: { executionId: task.executionId, variables, bpmnError },
        history: { at: now, type: 'external_task.bpmn_error', activityId: task.activityId, detail: { externalTaskId: id, topicName: task.topicName, workerId: dto.workerId, ...bpmnError } },
      }));
    } catch (err) {
      // The engine could not go on (nothing caught the error): that command rolled back; the task waits behind an incident.
      if (!(err instanceof DomainError) || err.code !== ErrorCode.EngineFailed) throw err;
      const reason = `BPMN error "${dto.errorCode}"${dto.errorMessage ? ` (${dto.errorMessage})` : ''} was not caught by an error boundary event or error event subprocess: ${err.message}`;
      await this.failIn(id, dto.workerId, { retries: 0, errorMessage: reason, errorDetails: null, retryTimeout: 0 });
    }
  }

  /** Records a failure: `retries` left (the worker counts down), fetchable again after `retryTimeout`; 0 opens an incident. */
  async failure(id: string, dto: FailureDto): Promise<void> {
    await this.failIn(id, dto.workerId, { retries: dto.retries, errorMessage: dto.errorMessage ?? null, errorDetails: dto.errorDetails ?? null, retryTimeout: dto.retryTimeout ?? 0 });
  }

  /**
   * Retrying an incident of an external task gives it one retry: it can be fetched again (its worker decides what
   * comes next). False when the incident does not belong to an open external task.
   */
  async retryIncident(incident: IncidentEntity): Promise<boolean> {
    const open = await this.tasks.findOpenByExecution(incident.instanceId, incident.executionId);
    if (!open) return false;
    await this.commands.transaction(async (em) => {
      const instance = await this.lockInstance(em, incident.instanceId);
      const task = await this.tasks.lockIn(em, incident.instanceId, open.id);
      if (task?.state !== 'open') throw new DomainError(ErrorCode.Conflict, `external task ${open.id} is ${task?.state ?? 'gone'}`);
      const now = this.clock.now();
      await this.tasks.update(em, task, { retries: 1, retryAt: null, workerId: null, lockExpirationTime: null, updatedAt: now });
      const resolution = 'retries set to 1: the external task can be fetched again';
      await this.incidents.update(em, incident, { status: 'resolved', resolvedAt: now, updatedAt: now, nextRetryAt: null, resolution });
      await this.record(em, instance, [{ at: now, type: 'incident.resolved', activityId: task.activityId, detail: { incidentId: incident.id, resolution, role: 'supervisor' } }]);
    });
    return true;
  }

  private async resume(id: string, workerId: string, decide: (task: ExternalTaskEntity, now: Date) => { outcome: { executionId: string; variables: Record<string, unknown>; bpmnError?: { errorCode: string; errorMessage?: string } }; history: HistoryItem }): Promise<void> {
    // Checked again under the locks; first here for the clearer answer (a finished instance has no open tasks).
    const found = heldBy({ task: await this.tasks.findById(id), id, workerId });
    await this.commands.transaction(async (em) => {
      const { result } = await this.commands.executeIn(em, found.instanceId, async () => {
        const task = heldBy({ task: await this.tasks.lockIn(em, found.instanceId, id), id, workerId });
        const now = this.clock.now();
        const { outcome, history } = decide(task, now);
        await this.tasks.update(em, task, { state: 'completed', endedAt: now, updatedAt: now, lockExpirationTime: null, errorMessage: outcome.bpmnError ? `BPMN error ${outcome.bpmnError.errorCode}` : null });
        return { action: { type: 'resume', external: outcome }, history: [history] };
      });
      // The execution must have moved on; if the engine still reports it waiting, nothing would ever move it again.
      if (result.externalTasks.some((w) => w.executionId === found.executionId)) {
        throw new DomainError(ErrorCode.EngineFailed, `external task ${id}: activity ${found.activityId} did not continue`);
      }
    });
  }

  private async failIn(id: string, workerId: string, failure: { retries: number; errorMessage: string | null; errorDetails: string | null; retryTimeout: number }): Promise<void> {
    // Checked again under the locks; first here for the clearer answer (a finished instance has no open tasks).
    const found = heldBy({ task: await this.tasks.findById(id), id, workerId });
    await this.commands.transaction(async (em) => {
      const instance = await this.lockInstance(em, found.instanceId);
      const task = heldBy({ task: await this.tasks.lockIn(em, found.instanceId, id), id, workerId });
      const now = this.clock.now();
      const retryAt = failure.retries > 0 && failure.retryTimeout > 0 ? new Date(now.getTime() + failure.retryTimeout) : null;
      await this.tasks.update(em, task, { retries: failure.retries, retryAt, errorMessage: failure.errorMessage, errorDetails: failure.errorDetails, workerId: null, lockExpirationTime: null, updatedAt: now });
      const history: HistoryItem[] = [{ at: now, type: 'external_task.failed', activityId: task.activityId, detail: { externalTaskId: id, topicName: task.topicName, workerId, retries: failure.retries, errorMessage: failure.errorMessage, retryAt } }];
      if (failure.retries === 0) {
        const error = `external task on topic "${task.topicName}" failed with no retries left: ${failure.errorMessage ?? 'no error message'}`;
        const incident = await this.incidents.insert(em, { instanceId: task.instanceId, activityId: task.activityId, executionId: task.executionId, error, attempts: 1, status: 'open', nextRetryAt: null, createdAt: now, updatedAt: now, resolvedAt: null, resolution: null });
        history.push({ at: now, type: 'incident.created', activityId: task.activityId, detail: { incidentId: incident.id, error, attempts: 1, status: 'open', role: 'supervisor', externalTaskId: id } });
      }
      await this.record(em, instance, history);
    });
  }

  private async lockInstance(em: EntityManager, instanceId: string): Promise<ProcessInstanceEntity> {
    const instance = await this.instances.lock(em, instanceId);
    if (!instance) throw DomainError.notFound('Process instance', instanceId);
    if (instance.status !== 'active') throw new DomainError(ErrorCode.Conflict, `process instance ${instanceId} is ${instance.status}`);
    return instance;
  }

  private async record(em: EntityManager, instance: ProcessInstanceEntity, history: HistoryItem[]): Promise<void> {
    const definition = await this.cache.get(instance.definitionId);
    await this.history.append(em, instance.id, history);
    await this.outbox.append(em, toOutboxEvents({ instance, model: definition.model, history }));
  }
}

function typedValues(input: Record<string, unknown> | undefined): Record<string, unknown> {
  const { values, errors } = fromTypedVariables(input);
  if (errors.length) throw new DomainError(ErrorCode.Invalid, `the variables have ${errors.length} problem(s): ${errors.map((e) => e.message).join('; ')}`, errors);
  return values;
}
