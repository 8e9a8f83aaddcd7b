// The "run" step of a command: the engine runs the action on the instance row (state, variables, revision). A live-engine
// cache plugs in here: it may reuse the engine it kept for `instance.id` only when `instance.revision` is the one it committed.
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { InstanceRouting } from '../cluster/instance-routing';
import { DomainError, ErrorCode } from '../common/domain-error';
import type { ProcessInstanceEntity } from '../database/entities/process-instance.entity';
import type { CompiledDefinition } from '../engine/compiled-definition';
import { EngineHandoff } from '../engine/engine-handoff';
import type { LiveEngine } from '../engine/live-engine';
import { EngineRunError, ProcessRunner } from '../engine/process-runner';
import type { Action, RunResult } from '../engine/run-types';
import { engineRunDuration } from '../observability/domain-metrics';
import { CommandTransactions } from './command-transactions';

@Injectable()
export class CommandRunner {
  constructor(
    private readonly runner: ProcessRunner,
    private readonly engines: EngineHandoff,
    private readonly transactions: CommandTransactions,
    private readonly routing: InstanceRouting,
  ) {}

  /** Engines the runner handed back, until their command's persist step succeeded (see `kept`). */
  private readonly pending = new WeakMap<ProcessInstanceEntity, LiveEngine>();

  /** `asStored`: the row is as the database holds it (a cached engine may stand for it); false after a prepare step changed it. */
  async run(em: EntityManager, definition: CompiledDefinition, instance: ProcessInstanceEntity, action: Action, asStored = true): Promise<RunResult> {
    const end = engineRunDuration.startTimer({ kind: action.type });
    // The live engine cached at this row's revision, if any (the row is locked, so the revision is the committed one).
    const live = action.type === 'start' ? undefined : asStored ? this.engines.take(instance, action, definition.id) : this.engines.drop(instance.id);
    const keep = (engine: LiveEngine) => this.pending.set(instance, engine);
    try {
      return await this.runner.run({ definition, instanceId: instance.id, businessKey: instance.businessKey, state: instance.state, variables: instance.variables, action, child: !!instance.parentInstanceId, live, keep });
    } catch (err) {
      if (err instanceof EngineRunError) throw new DomainError(ErrorCode.EngineFailed, `the process could not continue: ${err.message}`);
      throw err;
    } finally {
      end();
    }
  }

  /**
   * The command's persist step succeeded: the engine it ran (if fit to keep) enters the cache when the transaction
   * commits, under the revision the command wrote, on the worker owning the instance. A command that failed never gets
   * here, so a savepoint rolled back after a failure cannot leave its engine behind.
   */
  kept(em: EntityManager, instance: ProcessInstanceEntity): void {
    const live = this.pending.get(instance);
    if (!live) return;
    this.pending.delete(instance);
    // Another worker owns the instance (this one ran it because the owner was down, or fired its timer): the next
    // command goes there, so keeping the engine here would only take memory.
    if (!this.routing.owns(instance.id)) return;
    this.engines.keeper(this.transactions.hooksOf(em), instance)?.(live);
  }
}
