// Works batch items one at a time, each in its own transaction that holds the item's row lock (SKIP LOCKED: two replicas
// never take one item); a failed item is rolled back to a savepoint and recorded, and progress goes on the live stream.
import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { InstanceCommandsService } from '../commands/instance-commands.service';
import { OutboxRepository } from '../notifications/outbox.repository';
import { BatchActions } from './batch-actions';
import { BatchRepository } from './batch.repository';
import { mapBatch, type BatchRow } from './dto/batch.dto';

/** Who sees batch progress on the live stream. */
const PROGRESS_ROLES = ['supervisor', 'manager'];

@Injectable()
export class BatchWorker {
  private readonly logger = new Logger('BatchWorker');
  private readonly plans = new Map<string, BatchRow>();

  constructor(
    private readonly commands: InstanceCommandsService,
    private readonly batches: BatchRepository,
    private readonly actions: BatchActions,
    private readonly outbox: OutboxRepository,
    private readonly clock: Clock,
  ) {}

  /** Works items until none is pending (or another replica holds the rest); returns how many this call did. */
  async drain(max = Infinity): Promise<number> {
    let n = 0;
    while (n < max && (await this.next())) n++;
    return n;
  }

  /** One item: false when there is none to take. */
  next(): Promise<boolean> {
    return this.commands.transaction(async (em) => {
      const item = await this.batches.claim(em);
      if (!item) return false;
      const batch = await this.batchOf(item.batch_id);
      await em.query('SAVEPOINT batch_item');
      let error: string | null = null;
      try {
        await this.actions.run(em, batch, item.target_id);
      } catch (err) {
        await em.query('ROLLBACK TO SAVEPOINT batch_item');
        error = err instanceof Error ? err.message : String(err);
        if (!(err instanceof DomainError)) this.logger.warn({ err, batchId: batch.id, target: item.target_id }, 'batch item failed');
      }
      const now = this.clock.now();
      const row = await this.batches.finish(em, item, error, now);
      const progress = mapBatch(row);
      await this.outbox.append(em, [{ instanceId: null, type: 'batch.progress', roles: PROGRESS_ROLES, payload: { ...progress, item: { targetId: item.target_id, status: error ? 'failed' : 'done', error } }, at: now }]);
      if (row.ended_at) this.plans.delete(row.id);
      return true;
    });
  }

  /** The batch's type and parameters never change: read once per batch. */
  private async batchOf(id: string): Promise<BatchRow> {
    let batch = this.plans.get(id);
    if (!batch) {
      batch = (await this.batches.find(id))!;
      this.plans.set(id, batch);
    }
    return batch;
  }
}
