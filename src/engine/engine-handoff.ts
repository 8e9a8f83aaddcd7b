// The command path's side of the engine cache: engines kept by a transaction's commands enter the cache only after
// that transaction committed, under the revision their command wrote; a rollback leaves them out (dropped).
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

type Staged = Map<string, { instance: InstanceRow; live: LiveEngine }>;

@Injectable()
export class EngineHandoff {
  /** Keyed by the transaction's EntityManager (any object that identifies one transaction). */
  private readonly scopes = new WeakMap<object, Staged>();

  constructor(private readonly cache: EngineCache) {}

  /** Runs `transaction`, binding its scope object; puts the engines its commands kept into the cache once it resolved. */
  async around<T>(transaction: (bind: (scope: object) => void) => Promise<T>): Promise<T> {
    const staged: Staged = new Map();
    const value = await transaction((scope) => this.cache.enabled && this.scopes.set(scope, staged));
    for (const { instance, live } of staged.values()) {
      if (instance.status === 'active') this.cache.put(instance.id, instance.revision, live, stateBytes(instance.state));
    }
    return value;
  }

  /** Before a command runs, with the row locked: the cached engine at the row's revision if it can serve `action`. */
  take(instance: InstanceRow, action: Action, definitionId: string): LiveEngine | undefined {
    return this.cache.take(instance.id, instance.revision, (live) => live.canServe(action, definitionId));
  }

  /** The runner's `keep` for a command in `scope`; none outside a scope `around` bound (the engine is then not kept). */
  keeper(scope: object, instance: InstanceRow): ((live: LiveEngine) => void) | undefined {
    const staged = this.scopes.get(scope);
    return staged && ((live) => staged.set(instance.id, { instance, live }));
  }
}

function stateBytes(state: unknown): number {
  return state ? JSON.stringify(state).length : 0;
}
