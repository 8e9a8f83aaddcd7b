// Moves new outbox rows into webhook deliveries. The 'webhooks' cursor row is locked for the transaction (another
// replica that holds it is skipped, not waited for), so each outbox row is fanned out exactly once across replicas.
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { OutboxReaderRepository } from '../outbox-reader.repository';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';

const CURSOR = 'webhooks';
const BATCH = 500;
const MAX_BATCHES = 20;

@Injectable()
export class WebhookFanout implements OnApplicationBootstrap {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly outbox: OutboxReaderRepository,
    private readonly deliveries: WebhookDeliveryRepository,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.outbox.ensureCursor(CURSOR);
  }

  /** Fans out what is readable now (up to 10 000 rows); returns how many deliveries were created. */
  async fanout(now: Date = this.clock.now()): Promise<number> {
    let created = 0;
    for (let i = 0; i < MAX_BATCHES; i++) {
      const batch = await this.db.transaction(async (em) => {
        const cursor = await this.outbox.lockCursor(em, CURSOR);
        if (!cursor) return { rows: 0, created: 0 }; // another replica is on it
        const rows = await this.outbox.after(cursor, BATCH, em);
        if (!rows.length) return { rows: 0, created: 0 };
        const made = await this.deliveries.fanOut(em, rows.map((r) => r.id), now);
        await this.outbox.saveCursor(em, CURSOR, rows[rows.length - 1]);
        return { rows: rows.length, created: made };
      });
      created += batch.created;
      if (batch.rows < BATCH) break;
    }
    return created;
  }
}
