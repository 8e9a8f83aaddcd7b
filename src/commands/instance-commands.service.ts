// The command pipeline: lock the instance → run the engine → persist (every registered participant, in phase order) →
// commit. It knows no feature: tasks, timers, subscriptions, … each register a CommandParticipant from their own module.
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { DomainError, ErrorCode } from '../common/domain-error';
import { InstanceRouting } from '../cluster/instance-routing';
import { AppConfig } from '../config/app-config';
import type { ProcessInstanceEntity } from '../database/entities/process-instance.entity';
import { DefinitionCache } from '../definitions/definition-cache';
import type { CompiledDefinition } from '../engine/compiled-definition';
import type { Action, HistoryItem, RunResult } from '../engine/run-types';
import { checkVariableLimits, type VariableLimits } from './variable-limits.util';
import { observeCommand } from '../observability/domain-metrics';
import { CommandContexts } from './command-contexts';
import { CommandParticipants } from './command-participants';
import { CommandRunner } from './command-runner';
import { CommandTransactions } from './command-transactions';
import { InstanceRowRepository } from './instance-rows.repository';

export interface CommandOutcome {
  instance: ProcessInstanceEntity;
  result: RunResult;
}

/** Where a child instance hangs in its parent (call activities). */
export interface ParentLink {
  parentInstanceId: string;
  parentExecutionId: string;
  parentActivityId: string;
}

/** Decides, inside the transaction and with the instance locked, what the command does. */
export type PrepareAction = (
  instance: ProcessInstanceEntity,
  em: EntityManager,
) => Promise<{ action: Action; completedTaskId?: string; history?: HistoryItem[]; resolution?: string }>;

@Injectable()
export class InstanceCommandsService {
  private readonly limits: VariableLimits;

  constructor(
    private readonly transactions: CommandTransactions,
    private readonly cache: DefinitionCache,
    private readonly runner: CommandRunner,
    private readonly contexts: CommandContexts,
    private readonly clock: Clock,
    private readonly instances: InstanceRowRepository,
    private readonly routing: InstanceRouting,
    private readonly participants: CommandParticipants,
    config: AppConfig,
  ) {
    this.limits = { maxCount: config.VARIABLES_MAX_COUNT, maxBytes: config.VARIABLES_MAX_BYTES, maxDepth: config.VARIABLES_MAX_DEPTH };
  }

  /** The per-command variable limits (also checked inside every command); callers may check first to skip work. */
  checkVariables(variables: Record<string, unknown> | undefined): void {
    checkVariableLimits({ variables, limits: this.limits });
  }

  /** A new transaction for one or more commands (its after-commit / on-rollback callbacks run when it ends). */
  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.transactions.run(work);
  }

  start(definition: CompiledDefinition, businessKey: string | null, variables: Record<string, unknown>): Promise<CommandOutcome> {
    return this.transaction((em) => this.startIn(em, definition, businessKey, variables));
  }

  /** Starts an instance whose start event `trigger` (a signal or message start event's id) fires at once, in the caller's transaction. */
  readonly eventStarter = (em: EntityManager, definition: CompiledDefinition, businessKey: string | null, variables: Record<string, unknown>, history: HistoryItem[], trigger: string): Promise<CommandOutcome> =>
    this.startIn(em, definition, businessKey, variables, history, undefined, trigger);

  /** `trigger`: the signal or message id of the start event that starts it (see instances/event-starts). */
  async startIn(em: EntityManager, definition: CompiledDefinition, businessKey: string | null, variables: Record<string, unknown>, extraHistory: HistoryItem[] = [], link?: ParentLink, trigger?: string): Promise<CommandOutcome> {
    const started = process.hrtime.bigint();
    this.checkVariables(variables);
    const now = this.clock.now();
    const instance: ProcessInstanceEntity = {
      id: this.routing.newInstanceId(), // owned by this worker, which caches its engine: its next commands are routed here
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
    // With a business key the row goes in first, so a duplicate is refused before the engine runs (and its handlers act);
    // without one it is written once, after the run.
    const inserted = businessKey !== null;
    if (inserted) await this.instances.insert(em, { ...instance, variables: {} });
    const result = await this.runner.run(em, definition, instance, { type: 'start', variables, ...(trigger && { trigger }) });
    await this.contexts.persist(em, { definition, instance, result, history: extraHistory, newInstance: true, inserted, prior: { activeActivityIds: [] } });
    this.runner.kept(em, instance);
    observeCommand('start', started);
    return { instance, result };
  }

  /** Starts an instance of a deployed version by its id (a timer start event), in the caller's transaction. */
  async startByIdIn(em: EntityManager, definitionId: string, history: HistoryItem[]): Promise<CommandOutcome> {
    return this.startIn(em, await this.cache.get(definitionId), null, {}, history);
  }

  execute(instanceId: string, prepare: PrepareAction): Promise<CommandOutcome> {
    return this.transaction((em) => this.executeIn(em, instanceId, prepare));
  }

  /** The same command inside a transaction the caller owns (the timer poller claims its row in it first). */
  async executeIn(em: EntityManager, instanceId: string, prepare: PrepareAction): Promise<CommandOutcome> {
    const started = process.hrtime.bigint();
    const { instance, holds } = await this.lockActive(em, instanceId, 'is', this.participants.probes());
    const { variables: rowVariables, state: rowState, definitionId: rowDefinitionId, activeActivityIds: rowActive } = instance;
    const { action, completedTaskId, history, resolution } = await prepare(instance, em);
    this.checkVariables(variablesOf(action));
    const definition = await this.cache.get(instance.definitionId);
    // A prepare step that replaced the row's variables or state (e.g. a dispatch override) must be run from them: no cached engine.
    const asStored = instance.variables === rowVariables && instance.state === rowState;
    const result = await this.runner.run(em, definition, instance, action, asStored);
    // What the instance waited at before (a prepare step that moved it to another version makes that unknown).
    const prior = definition.id === rowDefinitionId ? { activeActivityIds: rowActive } : null;
    await this.contexts.persist(em, { definition, instance, result, history: history ?? [], completedTaskId, resolution, newInstance: false, inserted: true, prior, holds });
    this.runner.kept(em, instance);
    observeCommand(action.type, started);
    return { instance, result };
  }

  cancel(instanceId: string, reason: string): Promise<ProcessInstanceEntity> {
    return this.transaction((em) => this.cancelIn(em, instanceId, reason));
  }

  /** Cancels an instance in the caller's transaction; participants close what they keep (children, tasks, timers, …). */
  async cancelIn(em: EntityManager, instanceId: string, reason: string): Promise<ProcessInstanceEntity> {
    const { instance } = await this.lockActive(em, instanceId, 'is already');
    const now = this.clock.now();
    Object.assign(instance, { status: 'cancelled', cancelReason: reason, endedAt: now, updatedAt: now, activeActivityIds: [], revision: instance.revision + 1 });
    await this.instances.save(em, instance);
    const definition = await this.cache.get(instance.definitionId);
    await this.contexts.cancel(em, { definition, instance, reason, now });
    return instance;
  }

  /** Records something on an instance under its lock without running the engine (`work` appends history); no-op when gone. */
  async recordIn(em: EntityManager, instanceId: string, work: (history: HistoryItem[], now: Date) => Promise<void>): Promise<void> {
    const instance = await this.instances.lock(em, instanceId);
    if (!instance) return;
    const definition = await this.cache.get(instance.definitionId);
    await this.contexts.record(em, { definition, instance, work });
  }

  private async lockActive(em: EntityManager, instanceId: string, verb: string, probes: { name: string; sql: string }[] = []): Promise<{ instance: ProcessInstanceEntity; holds: Set<string> }> {
    const { instance, holds } = await this.instances.lockProbing(em, instanceId, probes);
    if (!instance) throw DomainError.notFound('Process instance', instanceId);
    if (instance.status !== 'active') throw new DomainError(ErrorCode.Conflict, `process instance ${instanceId} ${verb} ${instance.status}`);
    return { instance, holds };
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
