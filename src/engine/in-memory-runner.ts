// Runs instances wholly in memory for a simulation: one live bpmn-engine per active instance, kept between its
// commands and dropped when it ends; no row, no saved state (the engine is the only copy of the instance).
import type { Clock } from '../common/clock';
import type { CompiledDefinition } from './compiled-definition';
import type { LiveEngine } from './live-engine';
import { ProcessRunner } from './process-runner';
import type { Action, RunResult } from './run-types';
import type { ServiceRegistry } from './service-registry';

export class InMemoryRunner {
  private readonly runner: ProcessRunner;
  private readonly live = new Map<string, { engine: LiveEngine; state: any }>();

  constructor(clock: Clock, registry: ServiceRegistry) {
    this.runner = new ProcessRunner(registry, clock);
  }

  /** Active instances (live engines held). */
  get size(): number {
    return this.live.size;
  }

  /** Runs one command; a start needs no engine yet, every other command needs the instance's live one. */
  async run(definition: CompiledDefinition, instanceId: string, action: Action): Promise<RunResult> {
    const held = this.live.get(instanceId);
    if (action.type !== 'start' && !held) throw new Error(`instance ${instanceId} is not active in this simulation`);
    this.live.delete(instanceId);
    let kept: LiveEngine | undefined;
    const result = await this.runner.run({
      definition,
      instanceId,
      businessKey: instanceId,
      // Only the event-subprocess memo travels in the state here (see ProcessRunner): nothing is recovered from it.
      state: held?.state ?? null,
      action,
      live: held?.engine,
      keep: (engine) => (kept = engine),
      inMemory: true,
    });
    if (kept) this.live.set(instanceId, { engine: kept, state: result.state });
    else if (!result.completed) throw new Error(`instance ${instanceId} stopped in a state a simulation cannot hold (${result.activeActivityIds.join(', ')})`);
    return result;
  }

  /** Forgets an instance (the simulation ends, or the instance is abandoned). */
  drop(instanceId: string): void {
    this.live.delete(instanceId);
  }
}
