// The command path's side of the engine cache: an engine kept by a command enters the cache only after that command's
// transaction committed, under the revision the command wrote (read at commit); a rollback leaves it out (dropped).
import { Injectable } from '@nestjs/common';
import { EngineCache } from './engine-cache';
import type { LiveEngine } from './live-engine';
import type { Action } from './run-types';

/** The instance row as a command holds it: `revision` is read again at commit, after the command raised it. */
interface InstanceRow {
  id: string;
  revision: number;
  status: string;
  state: unknown;
}

/** Where a command's transaction runs callbacks once it committed (see commands/command-transactions). */
export interface CommitHooks {
  commit: (() => void)[];
}

@Injectable()
export class EngineHandoff {
  constructor(private readonly cache: EngineCache) {}

  /** Before a command runs, with the row locked: the cached engine at the row's revision if it can serve `action`. */
  take(instance: InstanceRow, action: Action, definitionId: string): LiveEngine | undefined {
    return this.cache.take(instance.id, instance.revision, (live) => live.canServe(action, definitionId));
  }

  /** Forgets the instance's engine (the command runs from a row changed before the run); returns nothing to use. */
  drop(instanceId: string): undefined {
    this.cache.take(instanceId, Number.NaN, () => false);
    return undefined;
  }

  /**
   * The runner's `keep` for a command: the engine goes into the cache when the transaction commits, under the revision
   * the command wrote. A transaction that never runs its commit hooks (opened outside the command pipeline) keeps none.
   * A later command of the same instance in the same transaction reads a fresh row and writes a higher revision, so an
   * engine kept earlier is filed under a revision the row no longer has and is never used.
   */
  keeper(hooks: CommitHooks, instance: InstanceRow): ((live: LiveEngine) => void) | undefined {
    if (!this.cache.enabled) return undefined;
    return (live) => hooks.commit.push(() => instance.status === 'active' && this.cache.put(instance.id, instance.revision, live, stateBytes(instance.state)));
  }
}

function stateBytes(state: unknown): number {
  return state ? JSON.stringify(state).length : 0;
}
