// Writes events to the outbox in the command's own transaction; relays (live stream, webhooks) read them after commit.
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface OutboxEvent {
  instanceId: string | null;
  type: string;
  /** Roles allowed to see the event on the live stream; empty = every authenticated role. */
  roles: string[];
  payload: Record<string, unknown>;
  at: Date;
}

@Injectable()
export class OutboxRepository {
  async append(em: EntityManager, events: OutboxEvent[]): Promise<void> {
    if (!events.length) return;
    const values: unknown[] = [];
    const rows = events.map((e, i) => {
      values.push(e.instanceId, e.type, e.roles, JSON.stringify(e.payload), e.at);
      const o = i * 5;
      return `($${o + 1}, $${o + 2}, $${o + 3}::text[], $${o + 4}::jsonb, $${o + 5})`;
    });
    await em.query(`INSERT INTO outbox (instance_id, type, roles, payload, created_at) VALUES ${rows.join(', ')}`, values);
  }
}
