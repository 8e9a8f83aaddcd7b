// The "run" step of a command: the engine runs the action on the instance row (state, variables, revision). A live-engine
// cache plugs in here: it may reuse the engine it kept for `instance.id` only when `instance.revision` is the one it committed.
import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '../common/domain-error';
import type { ProcessInstanceEntity } from '../database/entities/process-instance.entity';
import type { CompiledDefinition } from '../engine/compiled-definition';
import { EngineRunError, ProcessRunner } from '../engine/process-runner';
import type { Action, RunResult } from '../engine/run-types';
import { engineRunDuration } from '../observability/domain-metrics';

@Injectable()
export class CommandRunner {
  constructor(private readonly runner: ProcessRunner) {}

  async run(definition: CompiledDefinition, instance: ProcessInstanceEntity, action: Action): Promise<RunResult> {
    const end = engineRunDuration.startTimer({ kind: action.type });
    try {
      return await this.runner.run({ definition, instanceId: instance.id, businessKey: instance.businessKey, state: instance.state, variables: instance.variables, action, child: !!instance.parentInstanceId });
    } catch (err) {
      if (err instanceof EngineRunError) throw new DomainError(ErrorCode.EngineFailed, `the process could not continue: ${err.message}`);
      throw err;
    } finally {
      end();
    }
  }
}
