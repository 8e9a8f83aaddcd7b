// Queries on customer deliveries: rows from notification events, leased claims of due ones, results, the delivery log.
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { NotifyChannel } from './recipients.util';
import type { RowKey } from '../common/row-id';

export type CustomerDeliveryStatus = 'pending' | 'sent' | 'failed' | 'skipped';

export interface NewDelivery {
  instanceId: string;
  /** The request the message is about when another instance sent it (a survey): its log, opt-out and order apply. */
  aboutInstanceId?: string | null;
  outboxId: string;
  channel: NotifyChannel;
  address: string;
  template: string;
  language: string;
  data: Record<string, unknown>;
  status: 'pending' | 'skipped';
  reason: string | null;
}

export interface CustomerDelivery {
  id: string;
  instanceId: string;
  channel: NotifyChannel;
  address: string;
  template: string;
  language: string;
  data: Record<string, unknown>;
  status: CustomerDeliveryStatus;
  /** Including the attempt being made, when claimed. */
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

/** A request id named by an event (a process variable: any text) is looked up only when it can be one. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class CustomerDeliveryRepository {
  constructor(private readonly db: DataSource) {}

  /** Idempotent: one row per (event, channel) whatever happens to the fan-out. */
  async add(em: EntityManager, rows: NewDelivery[], now: Date): Promise<void> {
    for (const r of rows) {
      await em.query(
        `INSERT INTO customer_deliveries (instance_id, outbox_id, channel, address, template, language, data, status, last_error, next_attempt_at, created_at)
         -- a named request that does not exist (a survey started by hand) leaves the row on the sending instance
         VALUES (coalesce((SELECT p.id FROM process_instances p WHERE p.id = $11::uuid), $1), $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)
         ON CONFLICT (instance_id, outbox_id, channel) DO NOTHING`,
        [r.instanceId, r.outboxId, r.channel, r.address, r.template, r.language, r.data, r.status, r.reason, now, UUID.test(r.aboutInstanceId ?? '') ? r.aboutInstanceId : null],
      );
    }
  }

  /** Pending deliveries of customers who opted out since the event are skipped, not sent. */
  async skipOptedOut(): Promise<void> {
    await this.db.query(
      `UPDATE customer_deliveries d SET status = 'skipped', last_error = 'the customer opted out'
       FROM customer_opt_outs o WHERE d.status = 'pending' AND o.instance_id = d.instance_id`,
    );
  }

  /**
   * Takes up to `limit` due deliveries for one attempt each (FOR UPDATE SKIP LOCKED): counts the attempt and leases
   * them until `leaseUntil`, so no other replica takes them meanwhile and a crash mid-send retries after the lease.
   * (Two replicas may both pass the NOT EXISTS for consecutive rows of one customer at the same instant; the order
   * is then best effort, the exactly-one sender per row still holds.)
   */
  async claimDue(now: Date, leaseUntil: Date, maxAttempts: number, limit: number): Promise<CustomerDelivery[]> {
    const [rows] = await this.db.query(
      `WITH due AS (
         SELECT d.id FROM customer_deliveries d WHERE d.status = 'pending' AND d.next_attempt_at <= $1 AND d.attempts < $3
           -- a customer gets one channel's messages in the order of the events: a later one waits for the earlier
           AND NOT EXISTS (SELECT 1 FROM customer_deliveries e WHERE e.instance_id = d.instance_id AND e.channel = d.channel AND e.status = 'pending' AND e.id < d.id)
         ORDER BY d.next_attempt_at, d.id LIMIT $4 FOR UPDATE SKIP LOCKED)
       UPDATE customer_deliveries d SET attempts = d.attempts + 1, next_attempt_at = $2 FROM due WHERE d.id = due.id
       RETURNING d.*`,
      [now, leaseUntil, maxAttempts, limit],
    );
    return (rows as Row[]).map(toDelivery);
  }

  /** A sender that died after its last attempt leaves a pending row with no attempts left: that is a failure. */
  async failStale(now: Date, maxAttempts: number): Promise<void> {
    await this.db.query(
      `UPDATE customer_deliveries SET status = 'failed', last_error = coalesce(last_error, 'no result was recorded for the last attempt')
       WHERE status = 'pending' AND attempts >= $2 AND next_attempt_at <= $1`,
      [now, maxAttempts],
    );
  }

  async recordSent(row: RowKey, now: Date): Promise<void> {
    await this.db.query(`UPDATE customer_deliveries SET status = 'sent', last_error = NULL, sent_at = $3 WHERE instance_id = $1 AND id = $2 AND status = 'pending'`, [row.instanceId, row.id, now]);
  }

  /** A failed attempt: retried at `retryAt`, or failed for good when null. */
  async recordFailure(row: RowKey, error: string, retryAt: Date | null): Promise<void> {
    await this.db.query(
      `UPDATE customer_deliveries SET status = CASE WHEN $3::timestamptz IS NULL THEN 'failed' ELSE 'pending' END,
         last_error = $2, next_attempt_at = coalesce($3::timestamptz, next_attempt_at) WHERE instance_id = $4 AND id = $1 AND status = 'pending'`,
      [row.id, error, retryAt, row.instanceId],
    );
  }

  /** A person asked for another try: a failed delivery of this instance is pending again with a fresh set of attempts. */
  async requeue(em: EntityManager, instanceId: string, id: string, now: Date): Promise<{ outcome: 'requeued' | 'not-failed' | 'unknown'; channel?: string; template?: string }> {
    const [rows] = await em.query(
      `UPDATE customer_deliveries SET status = 'pending', attempts = 0, next_attempt_at = $3 WHERE id = $2 AND instance_id = $1 AND status = 'failed' RETURNING channel, template`,
      [instanceId, id, now],
    );
    const [row] = rows as { channel: string; template: string }[];
    if (row) return { outcome: 'requeued', channel: row.channel, template: row.template };
    const found = await em.query(`SELECT 1 FROM customer_deliveries WHERE id = $2 AND instance_id = $1`, [instanceId, id]);
    return { outcome: found.length ? 'not-failed' : 'unknown' };
  }

  /** The delivery log of one instance, oldest first. */
  async ofInstance(instanceId: string): Promise<CustomerDelivery[]> {
    const rows: Row[] = await this.db.query(`SELECT * FROM customer_deliveries WHERE instance_id = $1 ORDER BY id`, [instanceId]);
    return rows.map(toDelivery);
  }
}

interface Row {
  id: string;
  instance_id: string;
  channel: NotifyChannel;
  address: string;
  template: string;
  language: string;
  data: Record<string, unknown>;
  status: CustomerDeliveryStatus;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
}

function toDelivery(r: Row): CustomerDelivery {
  return {
    id: String(r.id), instanceId: r.instance_id, channel: r.channel, address: r.address, template: r.template, language: r.language, data: r.data,
    status: r.status, attempts: r.attempts, nextAttemptAt: r.next_attempt_at, lastError: r.last_error, createdAt: r.created_at, sentAt: r.sent_at,
  };
}
