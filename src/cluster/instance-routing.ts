// Which cluster worker owns which instance (see instance-owner.util): a start made here gets an id this worker owns,
// so its cached engine is where the instance's next commands are sent (request-router).
import { Injectable } from '@nestjs/common';
import { newRowId } from '../common/row-id';
import { AppConfig } from '../config/app-config';
import { ownerSlot } from './instance-owner.util';

/** Ids drawn per new instance at most (each is owned here with probability 1/size; 64 misses in a row is ~never). */
const MAX_DRAWS = 64;

@Injectable()
export class InstanceRouting {
  readonly slot: number;
  readonly size: number;
  /** Off in a single process, or with INSTANCE_ROUTING=false: every worker runs every command it receives. */
  readonly enabled: boolean;

  constructor(config: AppConfig) {
    this.size = config.CLUSTER_SIZE;
    this.slot = config.CLUSTER_SLOT;
    this.enabled = config.INSTANCE_ROUTING && this.size > 1 && this.slot < this.size;
  }

  ownerOf(instanceId: string): number {
    return ownerSlot(instanceId, this.size);
  }

  owns(instanceId: string): boolean {
    return !this.enabled || this.ownerOf(instanceId) === this.slot;
  }

  /** A new instance id owned by this worker (a plain UUIDv7 when routing is off). */
  newInstanceId(): string {
    for (let i = 0; this.enabled && i < MAX_DRAWS; i++) {
      const id = newRowId();
      if (this.owns(id)) return id;
    }
    return newRowId();
  }
}
