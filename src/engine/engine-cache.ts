// The live-engine cache: an instance's engine kept after its command committed, reused only at that revision.
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { engineCacheLookups } from '../observability/domain-metrics';
import type { LiveEngine } from './live-engine';

/**
 * Heap per byte of the engine's saved state, measured with bench/engine-cache-micro.ts: a live service-request engine
 * holds ~2.9 MB of heap for a ~13 KB state. The state is what `bytes` is estimated from, as the engine's object graph
 * cannot be measured cheaply.
 */
export const HEAP_PER_STATE_BYTE = 220;

/**
 * Least recently used first out, bounded by count and estimated bytes. `take` removes the entry: an engine serves
 * one command at a time and comes back only through `put` after that command committed; a failed or rolled back
 * command never puts it back, so its engine is dropped.
 */
@Injectable()
export class EngineCache {
  private readonly entries = new Map<string, LiveEngine>();
  private bytes = 0;
  readonly maxCount: number;
  readonly maxBytes: number;
  /** The cluster worker's slot, as the lookups' `worker` label (a hit rate per worker shows whether routing works). */
  private readonly worker: string;

  constructor(config: AppConfig) {
    this.worker = String(config.CLUSTER_SLOT);
    this.maxCount = config.ENGINE_CACHE_MAX_COUNT;
    this.maxBytes = config.ENGINE_CACHE_MAX_MB * 1024 * 1024;
  }

  get enabled(): boolean {
    return this.maxCount > 0 && this.maxBytes > 0;
  }

  get size(): number {
    return this.entries.size;
  }

  get usedBytes(): number {
    return this.bytes;
  }

  /**
   * The engine of `instanceId` if it stands for `revision` (the row's, read under its lock) and `usable` accepts it;
   * it leaves the cache either way (a command that cannot use it replaces the row, and with it the engine).
   */
  take(instanceId: string, revision: number, usable: (live: LiveEngine) => boolean = () => true): LiveEngine | undefined {
    if (!this.enabled) return undefined;
    const live = this.entries.get(instanceId);
    if (live) this.remove(instanceId, live);
    const hit = live?.revision === revision && usable(live) ? live : undefined;
    engineCacheLookups.inc({ result: hit ? 'hit' : 'miss', worker: this.worker });
    return hit;
  }

  /** After the command that produced `live` committed, writing `revision`. */
  put(instanceId: string, revision: number, live: LiveEngine, stateBytes: number): void {
    if (!this.enabled) return;
    const old = this.entries.get(instanceId);
    if (old) this.remove(instanceId, old);
    live.revision = revision;
    live.bytes = stateBytes * HEAP_PER_STATE_BYTE;
    if (live.bytes > this.maxBytes) return;
    this.entries.set(instanceId, live);
    this.bytes += live.bytes;
    for (const [id, oldest] of this.entries) {
      if (this.entries.size <= this.maxCount && this.bytes <= this.maxBytes) break;
      this.remove(id, oldest);
    }
  }

  drop(instanceId: string): void {
    const live = this.entries.get(instanceId);
    if (live) this.remove(instanceId, live);
  }

  private remove(instanceId: string, live: LiveEngine): void {
    this.entries.delete(instanceId);
    this.bytes -= live.bytes;
  }
}
