// Runs every engine command as one transaction: lock instance → run (recover, resume, act, idle) → save state,
// tasks, timers, message subscriptions and history → commit. Nothing of an instance stays in memory afterwards.
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { Clock } from '../common/clock';
import { DomainError, ErrorCode } from '../common/domain-error';
import type { ProcessInstanceEntity } from '../database/entities/process-instance.entity';
import { DefinitionCache } from '../definitions/definition-cache';
import type { CompiledDefinition } from '../engine/compiled-definition';
import { EngineRunError, ProcessRunner } from '../engine/process-runner';
import { EngineHandoff } from '../engine/engine-handoff';
import type { Action, HistoryItem, RunResult } from '../engine/run-types';
import { EscalationPolicy } from '../escalations/escalation-policy';
import { ExternalTaskRepository } from '../external-tasks/external-task.repository';
import { IncidentPolicy } from '../incidents/incident-policy';
import { OutboxRepository } from '../notifications/outbox.repository';
import { toOutboxEvents } from '../notifications/outbox-events.util';
import { SlaTracker } from '../sla/sla-tracker';
import { SurveyPolicy } from '../surveys/survey-policy';
import { TaskRepository } from '../tasks/task.repository';
import { HistoryRepository } from './history.repository';
import { InstanceRepository } from './instance.repository';
import { SignalRepository } from './signal.repository';
import { SubscriptionRepository } from './subscription.repository';
import { TimerRepository } from './timer.repository';
import { newRowId } from '../common/row-id';
import { engineRunDuration, observeCommand } from '../observability/domain-metrics';
import { AppConfig } from '../config/app-config';
import { checkVariableLimits, type VariableLimits } from './variable-limits.util';
import { TokenBackers } from './backing/token-backers';
import { CallActivities, type InstanceLifecycle, type ParentLink } from './call-activities';

export interface CommandOutcome {
  instance: ProcessInstanceEntity;
  result: RunResult;
}

/** Decides, inside the transaction and with the instance locked, what the command does. */
export type PrepareAction = (
  instance: ProcessInstanceEntity,
  em: EntityManager,
) => Promise<{ action: Action; completedTaskId?: string; history?: HistoryItem[]; resolution?: string }>;

@Injectable()
export class InstanceCommandsService {
  constructor(
    private readonly db: DataSource,
    private readonly cache: DefinitionCache,
    private readonly runner: ProcessRunner,
    private readonly clock: Clock,
    private readonly instances: InstanceRepository,
    private readonly tasks: TaskRepository,
    private readonly timers: TimerRepository,
    private readonly subscriptions: SubscriptionRepository,
    private readonly history: HistoryRepository,
    private readonly outbox: OutboxRepository,
    private readonly incidents: IncidentPolicy,
    private readonly escalations: EscalationPolicy,
    private readonly sla: SlaTracker,
    private readonly surveys: SurveyPolicy,
    config: AppConfig,
    private readonly externalTasks: ExternalTaskRepository,
    private readonly calls: CallActivities,
    private readonly backers: TokenBackers,
    private readonly signals: SignalRepository,
    private readonly engines: EngineHandoff,
  ) {
    this.limits = { maxCount: config.VARIABLES_MAX_COUNT, maxBytes: config.VARIABLES_MAX_BYTES, maxDepth: config.VARIABLES_MAX_DEPTH };
  }

  private readonly limits: VariableLimits;

  /** The per-command variable limits (also checked inside every command); callers may check first to skip work. */
  checkVariables(variables: Record<string, unknown> | undefined): void {
    checkVariableLimits({ variables, limits: this.limits });
  }

  /** Lent to call activities: children start and are cancelled in the parent's transaction. */
  private readonly lifecycle: InstanceLifecycle = {
    start: (em, definition, businessKey, variables, link) => this.startIn(em, definition, businessKey, variables, [], link),
    cancel: (em, instanceId, reason) => this.cancelIn(em, instanceId, reason),
  };

  start(definition: CompiledDefinition, businessKey: string | null, variables: Record<string, unknown>): Promise<CommandOutcome> {
    return this.transaction((em) => this.startIn(em, definition, businessKey, variables));
  }

  async startIn(em: EntityManager, definition: CompiledDefinition, businessKey: string | null, variables: Record<string, unknown>, extraHistory: HistoryItem[] = [], link?: ParentLink): Promise<CommandOutcome> {
    const started = process.hrtime.bigint();
    this.checkVariables(variables);
    const now = this.clock.now();
    const instance: ProcessInstanceEntity = {
      id: newRowId(),
      definitionId: definition.id,
      definitionKey: definition.key,
      definitionVersion: definition.version,
      businessKey,
      status: 'active',
      state: null,
      variables,
      activeActivityIds: [],
      endActivityId: null,
      cancelReason: null,
      revision: 0,
      startedAt: now,
      updatedAt: now,
      endedAt: null,
      ...link,
    };
    // Inserted without the variables: the save after the run writes them, once.
    await this.instances.insert(em, { ...instance, variables: {} }).catch((err) => rethrowDuplicate(err, definition.key, businessKey));
    const result = await this.run(em, definition, instance, { type: 'start', variables });
    await this.persist(em, definition, instance, result, { history: extraHistory, newInstance: true });
    observeCommand('start', started);
    return { instance, result };
  }

  execute(instanceId: string, prepare: PrepareAction): Promise<CommandOutcome> {
    return this.transaction((em) => this.executeIn(em, instanceId, prepare));
  }

  /** The same command inside a transaction the caller owns (the timer poller claims its row in it first). */
  async executeIn(em: EntityManager, instanceId: string, prepare: PrepareAction): Promise<CommandOutcome> {
    const started = process.hrtime.bigint();
    const instance = await this.instances.lock(em, instanceId);
    if (!instance) throw DomainError.notFound('Process instance', instanceId);
    if (instance.status !== 'active') throw new DomainError(ErrorCode.Conflict, `process instance ${instanceId} is ${instance.status}`);
    const { action, completedTaskId, history, resolution } = await prepare(instance, em);
    this.checkVariables(variablesOf(action));
    const definition = await this.cache.get(instance.definitionId);
    const result = await this.run(em, definition, instance, action);
    await this.persist(em, definition, instance, result, { completedTaskId, history, resolution });
    observeCommand(action.type, started);
    return { instance, result };
  }

  cancel(instanceId: string, reason: string): Promise<ProcessInstanceEntity> {
    return this.transaction((em) => this.cancelIn(em, instanceId, reason));
  }

  /** Cancels an instance and, first, its active children (call activities), in the caller's transaction. */
  async cancelIn(em: EntityManager, instanceId: string, reason: string): Promise<ProcessInstanceEntity> {
    const instance = await this.instances.lock(em, instanceId);
    if (!instance) throw DomainError.notFound('Process instance', instanceId);
    if (instance.status !== 'active') throw new DomainError(ErrorCode.Conflict, `process instance ${instanceId} is already ${instance.status}`);
    for (const child of await this.instances.activeChildren(em, instanceId)) await this.cancelIn(em, child, `parent instance cancelled: ${reason}`);
    const now = this.clock.now();
    Object.assign(instance, { status: 'cancelled', cancelReason: reason, endedAt: now, updatedAt: now, activeActivityIds: [], revision: instance.revision + 1 });
    await this.instances.save(em, instance);
    await this.tasks.cancelOpen(em, instanceId, now);
    await this.timers.deleteForInstance(em, instanceId);
    await this.subscriptions.deleteForInstance(em, instanceId);
    await this.signals.deleteForInstance(em, instanceId);
    await this.externalTasks.cancelOpen(em, instanceId, now);
    await this.incidents.closeForInstance(em, instanceId, now, `instance cancelled: ${reason}`);
    const definition = await this.cache.get(instance.definitionId);
    const slaView = { instanceId, model: definition.model, variables: instance.variables, activeActivityIds: [], ended: true, cancelled: true, history: [] };
    const slaHistory = await this.sla.reconcile(em, slaView, now);
    const history = [...slaHistory, { at: now, type: 'instance.cancelled', activityId: null, detail: { reason } }];
    await this.history.append(em, instanceId, history);
    await this.outbox.append(em, toOutboxEvents({ instance, model: definition.model, history }));
    return instance;
  }

  /** An SLA check timer fell due: warnings and breach of one clock, recorded and published under the instance lock. */
  async checkSlaIn(em: EntityManager, instanceId: string, clockId: string): Promise<void> {
    const instance = await this.instances.lock(em, instanceId);
    if (!instance) return;
    const now = this.clock.now();
    const history = await this.sla.check(em, clockId, now);
    const definition = await this.cache.get(instance.definitionId);
    await this.history.append(em, instanceId, history);
    await this.outbox.append(em, toOutboxEvents({ instance, model: definition.model, history }));
  }

  private async run(em: EntityManager, definition: CompiledDefinition, instance: ProcessInstanceEntity, action: Action): Promise<RunResult> {
    const end = engineRunDuration.startTimer({ kind: action.type });
    // Engine cache hook (issue 15): the live engine cached at this row's revision, if any, and where the runner hands
    // the engine it may keep (cached after this transaction commits, under the revision persist() writes).
    const live = action.type === 'start' ? undefined : this.engines.take(instance, action, definition.id);
    const keep = this.engines.keeper(em, instance);
    try {
      return await this.runner.run({ definition, instanceId: instance.id, businessKey: instance.businessKey, state: instance.state, variables: instance.variables, action, child: !!instance.parentInstanceId, live, keep });
    } catch (err) {
      if (err instanceof EngineRunError) throw new DomainError(ErrorCode.EngineFailed, `the process could not continue: ${err.message}`);
      throw err;
    } finally {
      end();
    }
  }

  private async persist(
    em: EntityManager,
    definition: CompiledDefinition,
    instance: ProcessInstanceEntity,
    result: RunResult,
    extra: { completedTaskId?: string; history?: HistoryItem[]; resolution?: string; newInstance?: boolean },
  ): Promise<void> {
    // `newInstance`: inserted by this command, so it has no tasks, timers, subscriptions, incidents or clocks yet,
    // and nothing is read to reconcile them.
    const { newInstance } = extra;
    const now = this.clock.now();
    Object.assign(instance, {
      state: result.completed ? null : result.state,
      variables: result.variables,
      status: result.completed ? 'completed' : 'active',
      activeActivityIds: result.activeActivityIds,
      endActivityId: result.endActivityId,
      revision: instance.revision + 1,
      updatedAt: now,
      endedAt: result.completed ? now : null,
    });
    await this.instances.save(em, instance);
    const taskHistory = await this.tasks.reconcile(em, instance.id, result.userTasks, definition.model, now, { completedTaskId: extra.completedTaskId, newInstance, variables: result.variables });
    await this.timers.reconcile(em, instance.id, result.timers, now, newInstance);
    await this.subscriptions.reconcile(em, instance.id, result.messages, now, newInstance);
    await this.signals.reconcile(em, instance.id, result.signals, now, newInstance);
    // A signal thrown here reaches every other instance waiting for it (this one's catches got it in the engine).
    for (const name of new Set(result.thrownSignals)) await this.signals.broadcast(em, { name, variables: {}, now, exceptInstanceId: instance.id });
    const callHistory = await this.calls.reconcile(em, { parent: instance, model: definition.model, calls: result.calls, now, newInstance }, this.lifecycle);
    if (result.completed) await this.calls.childEnded(em, instance, result.thrownError, now);
    const externalHistory = await this.externalTasks.reconcile(em, { instanceId: instance.id, waiting: result.externalTasks, model: definition.model, now, newInstance });
    const incidentHistory = await this.incidents.reconcile(em, { instanceId: instance.id, failures: result.failures, activeActivityIds: result.activeActivityIds, now, resolution: extra.resolution, newInstance });
    if (!result.completed) await this.backers.assertBacked(em, { instanceId: instance.id, model: definition.model, activeActivityIds: result.activeActivityIds });
    const commandHistory = [...(extra.history ?? []), ...result.history, ...taskHistory, ...externalHistory, ...callHistory];
    const escalationHistory = await this.escalations.reconcile(em, instance.id, commandHistory, now);
    const slaView = { instanceId: instance.id, model: definition.model, variables: result.variables, activeActivityIds: result.activeActivityIds, ended: result.completed, history: commandHistory, newInstance };
    const slaHistory = await this.sla.reconcile(em, slaView, now);
    await this.surveys.reconcile(em, { instance, variables: result.variables, history: commandHistory, now });
    const history = [...commandHistory, ...incidentHistory, ...escalationHistory, ...slaHistory];
    await this.history.append(em, instance.id, history);
    await this.outbox.append(em, toOutboxEvents({ instance, model: definition.model, history }));
  }

  private transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    // Engine cache hook (issue 15): engines kept in this transaction enter the cache only after it committed.
    return this.engines.around((bind) => this.db.transaction((em) => (bind(em), work(em))));
  }
}

/**
 * What a command brings from outside the engine: start, task, message and signal variables, an incident's replacement
 * output, an external task's result. Read by shape, so an action kind added later that carries variables is covered.
 */
function variablesOf(action: Action): Record<string, unknown> | undefined {
  type Carrier = { variables?: Record<string, unknown>; skip?: { variables?: Record<string, unknown> }; external?: { variables?: Record<string, unknown> } };
  const carrier = action as Carrier;
  return carrier.variables ?? carrier.skip?.variables ?? carrier.external?.variables;
}

function rethrowDuplicate(err: unknown, key: string, businessKey: string | null): never {
  if (err instanceof QueryFailedError && (err as any).driverError?.code === '23505') {
    throw new DomainError(ErrorCode.Conflict, `an active ${key} instance with business key "${businessKey}" already exists`);
  }
  throw err;
}
