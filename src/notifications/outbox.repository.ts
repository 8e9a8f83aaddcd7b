// Writes events to the outbox in the command's own transaction; relays (live stream, webhooks) read them after commit.
// An instance's events go to instance_outbox, events of no instance to system_outbox; the view `outbox` reads both.
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
    // In runs of one owner, so that ids (one sequence for both tables) keep the order the events were given in.
    for (let from = 0; from < events.length; ) {
      let to = from + 1;
      while (to < events.length && (events[to].instanceId === null) === (events[from].instanceId === null)) to++;
      await this.insert(em, events.slice(from, to));
      from = to;
    }
  }

  private async insert(em: EntityManager, events: OutboxEvent[]): Promise<void> {
    const ofInstance = events[0].instanceId !== null;
    const width = ofInstance ? 5 : 4;
    const values: unknown[] = [];
    const rows = events.map((e, i) => {
      values.push(...(ofInstance ? [e.instanceId] : []), e.type, e.roles, JSON.stringify(e.payload), e.at);
      const p = Array.from({ length: width }, (_, k) => `$${i * width + k + 1}`);
      return `(${ofInstance ? `${p.shift()}, ` : ''}${p[0]}, ${p[1]}::text[], ${p[2]}::jsonb, ${p[3]})`;
    });
    const table = ofInstance ? 'instance_outbox (instance_id, ' : 'system_outbox (';
    await em.query(`INSERT INTO ${table}type, roles, payload, created_at) VALUES ${rows.join(', ')}`, values);
  }
}
