// Queries on webhook deliveries: fan-out from the outbox, leased claims of due deliveries, results, the delivery log.
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface WebhookDelivery {
  id: string;
  subscriptionId: string;
  outboxId: string;
  eventType: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
}

/** A delivery taken for one attempt, with what is needed to send it. */
export interface ClaimedDelivery {
  id: string;
  outboxId: string;
  eventType: string;
  /** Including the attempt being made. */
  attempts: number;
  url: string;
  secret: string;
  payload: Record<string, unknown>;
}

interface Row {
  id: string;
  subscription_id: string;
  outbox_id: string;
  event_type: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: Date;
  last_status_code: number | null;
  last_error: string | null;
  created_at: Date;
  delivered_at: Date | null;
}

@Injectable()
export class WebhookDeliveryRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * One pending delivery per (outbox row, active subscription) whose event types match (empty = all) and that existed
   * when the event happened. Idempotent. Returns how many were created.
   */
  async fanOut(em: EntityManager, outboxIds: string[], now: Date): Promise<number> {
    const rows: unknown[] = await em.query(
      `INSERT INTO webhook_deliveries (subscription_id, outbox_id, event_type, status, attempts, next_attempt_at, created_at)
       SELECT s.id, o.id, o.type, 'pending', 0, $2, $2
       FROM outbox o
       JOIN webhook_subscriptions s ON s.active AND (cardinality(s.event_types) = 0 OR o.type = ANY(s.event_types)) AND o.created_at >= s.created_at
       WHERE o.id = ANY($1::bigint[])
       ORDER BY o.txid, o.id, s.created_at
       ON CONFLICT (subscription_id, outbox_id) DO NOTHING
       RETURNING id`,
      [outboxIds, now],
    );
    return rows.length;
  }

  /**
   * Takes up to `limit` due deliveries for one attempt each: counts the attempt and leases them until `leaseUntil`, so no
   * other sender (replica) takes them meanwhile, and a sender that dies mid-send leaves them to be retried after it.
   */
  async claimDue(now: Date, leaseUntil: Date, maxAttempts: number, limit: number): Promise<ClaimedDelivery[]> {
    const [rows]: [(Row & { url: string; secret: string; payload: Record<string, unknown> })[], number] = await this.db.query(
      `WITH due AS (
         SELECT d.id FROM webhook_deliveries d
         WHERE d.status = 'pending' AND d.next_attempt_at <= $1 AND d.attempts < $3
         ORDER BY d.next_attempt_at, d.id
         LIMIT $4
         FOR UPDATE SKIP LOCKED)
       UPDATE webhook_deliveries d SET attempts = d.attempts + 1, next_attempt_at = $2
       FROM due, webhook_subscriptions s, outbox o
       WHERE d.id = due.id AND s.id = d.subscription_id AND s.active AND o.id = d.outbox_id
       RETURNING d.*, s.url, s.secret, o.payload`,
      [now, leaseUntil, maxAttempts, limit],
    );
    return rows.map((r) => ({ id: r.id, outboxId: r.outbox_id, eventType: r.event_type, attempts: r.attempts, url: r.url, secret: r.secret, payload: r.payload }));
  }

  async recordDelivered(id: string, statusCode: number, now: Date): Promise<void> {
    await this.db.query(
      `UPDATE webhook_deliveries SET status = 'delivered', last_status_code = $2, last_error = NULL, delivered_at = $3 WHERE id = $1 AND status = 'pending'`,
      [id, statusCode, now],
    );
  }

  /** A failed attempt: retried at `retryAt`, or failed for good when null (then true is returned). */
  async recordFailure(id: string, statusCode: number | null, error: string, retryAt: Date | null): Promise<boolean> {
    const result = await this.db.query(
      `UPDATE webhook_deliveries SET status = CASE WHEN $4::timestamptz IS NULL THEN 'failed' ELSE 'pending' END,
         last_status_code = $2, last_error = $3, next_attempt_at = COALESCE($4::timestamptz, next_attempt_at)
       WHERE id = $1 AND status = 'pending' RETURNING status`,
      [id, statusCode, error, retryAt],
    );
    return returned<{ status: string }>(result)[0]?.status === 'failed';
  }

  /** What an incident needs to know of a failed delivery: its instance (if the event had one), URL and last error. */
  async failedDelivery(em: EntityManager, id: string): Promise<{ instanceId: string | null; url: string; attempts: number; lastError: string | null; eventType: string } | null> {
    const rows = await em.query(
      `SELECT o.instance_id AS "instanceId", s.url, d.attempts, d.last_error AS "lastError", d.event_type AS "eventType"
       FROM webhook_deliveries d JOIN outbox o ON o.id = d.outbox_id JOIN webhook_subscriptions s ON s.id = d.subscription_id
       WHERE d.id = $1 AND d.status = 'failed'`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** A person asked for another try: the delivery is pending again with a fresh set of attempts. */
  async requeue(id: string, now: Date): Promise<boolean> {
    const result = await this.db.query(
      `UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = $2 WHERE id = $1 AND status = 'failed' RETURNING id`,
      [id, now],
    );
    return returned(result).length > 0;
  }

  /**
   * Fails what will never be sent: deliveries whose last attempt recorded no result (the sender died) and those of
   * subscriptions deactivated while the fan-out was adding them.
   */
  async failStale(now: Date, maxAttempts: number): Promise<void> {
    await this.db.query(
      `UPDATE webhook_deliveries SET status = 'failed', last_error = 'no result was recorded for the last attempt'
       WHERE status = 'pending' AND attempts >= $2 AND next_attempt_at <= $1`,
      [now, maxAttempts],
    );
    await this.db.query(
      `UPDATE webhook_deliveries d SET status = 'failed', last_error = 'subscription deactivated'
       FROM webhook_subscriptions s WHERE d.status = 'pending' AND s.id = d.subscription_id AND NOT s.active`,
    );
  }

  async failPending(em: EntityManager, subscriptionId: string, reason: string): Promise<void> {
    await em.query(`UPDATE webhook_deliveries SET status = 'failed', last_error = $2 WHERE subscription_id = $1 AND status = 'pending'`, [subscriptionId, reason]);
  }

  /** The delivery log of a subscription, newest first. */
  async list(subscriptionId: string, filter: { status?: DeliveryStatus; limit: number; offset: number }): Promise<{ items: WebhookDelivery[]; total: number }> {
    const where = `subscription_id = $1 AND ($2::text IS NULL OR status = $2)`;
    const params = [subscriptionId, filter.status ?? null];
    const rows: Row[] = await this.db.query(`SELECT * FROM webhook_deliveries WHERE ${where} ORDER BY id DESC LIMIT $3 OFFSET $4`, [...params, filter.limit, filter.offset]);
    const [{ n }]: { n: string }[] = await this.db.query(`SELECT count(*) AS n FROM webhook_deliveries WHERE ${where}`, params);
    return { items: rows.map(toDelivery), total: Number(n) };
  }
}

function toDelivery(r: Row): WebhookDelivery {
  return {
    id: r.id,
    subscriptionId: r.subscription_id,
    outboxId: r.outbox_id,
    eventType: r.event_type,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastStatusCode: r.last_status_code,
    lastError: r.last_error,
    createdAt: r.created_at,
    deliveredAt: r.delivered_at,
  };
}

/** TypeORM answers UPDATE … RETURNING with [rows, affected count]. */
function returned<T>(result: unknown): T[] {
  return Array.isArray(result) && Array.isArray(result[0]) ? (result[0] as T[]) : (result as T[]);
}
