// Queries on webhook subscriptions.
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface WebhookSubscription {
  id: string;
  url: string;
  secret: string;
  eventTypes: string[];
  description: string | null;
  active: boolean;
  createdAt: Date;
}

interface Row {
  id: string;
  url: string;
  secret: string;
  event_types: string[];
  description: string | null;
  active: boolean;
  created_at: Date;
}

@Injectable()
export class WebhookSubscriptionRepository {
  constructor(private readonly db: DataSource) {}

  async insert(em: EntityManager, s: WebhookSubscription): Promise<void> {
    await em.query(
      'INSERT INTO webhook_subscriptions (id, url, secret, event_types, description, active, created_at) VALUES ($1, $2, $3, $4::text[], $5, $6, $7)',
      [s.id, s.url, s.secret, s.eventTypes, s.description, s.active, s.createdAt],
    );
  }

  async findById(id: string): Promise<WebhookSubscription | null> {
    const rows: Row[] = await this.db.query('SELECT * FROM webhook_subscriptions WHERE id = $1', [id]);
    return rows[0] ? toSubscription(rows[0]) : null;
  }

  async list(limit: number, offset: number): Promise<{ items: WebhookSubscription[]; total: number }> {
    const rows: Row[] = await this.db.query('SELECT * FROM webhook_subscriptions ORDER BY created_at, id LIMIT $1 OFFSET $2', [limit, offset]);
    const [{ n }]: { n: string }[] = await this.db.query('SELECT count(*) AS n FROM webhook_subscriptions');
    return { items: rows.map(toSubscription), total: Number(n) };
  }

  /** Marks the subscription inactive; null when it does not exist. */
  async deactivate(em: EntityManager, id: string): Promise<WebhookSubscription | null> {
    const [rows]: [Row[], number] = await em.query('UPDATE webhook_subscriptions SET active = false WHERE id = $1 RETURNING *', [id]);
    return rows[0] ? toSubscription(rows[0]) : null;
  }
}

function toSubscription(r: Row): WebhookSubscription {
  return { id: r.id, url: r.url, secret: r.secret, eventTypes: r.event_types, description: r.description, active: r.active, createdAt: r.created_at };
}
