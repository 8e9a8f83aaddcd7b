// Writes events to the outbox in the command's own transaction; relays (live stream, webhooks) read them after commit.
// An instance's events go to instance_outbox, events of no instance to system_outbox; the view `outbox` reads both.
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { valuesOf, type Write } from '../commands/deferred-writes';

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

  /** The insert of instances' events (ids in their order), for a command to send with its other writes; null when none. */
  instanceWrite(events: OutboxEvent[]): Write | null {
    if (!events.length) return null;
    const values = valuesOf(events.map((e) => [e.instanceId, e.type, e.roles, JSON.stringify(e.payload), e.at]), ['', '', '::text[]', '::jsonb', '']);
    return { sql: `INSERT INTO instance_outbox (instance_id, type, roles, payload, created_at) VALUES ${values.sql}`, params: values.params };
  }

  private async insert(em: EntityManager, events: OutboxEvent[]): Promise<void> {
    const write = events[0].instanceId !== null ? this.instanceWrite(events) : this.systemWrite(events);
    await em.query(write!.sql, write!.params);
  }

  private systemWrite(events: OutboxEvent[]): Write {
    const values = valuesOf(events.map((e) => [e.type, e.roles, JSON.stringify(e.payload), e.at]), ['', '::text[]', '::jsonb', '']);
    return { sql: `INSERT INTO system_outbox (type, roles, payload, created_at) VALUES ${values.sql}`, params: values.params };
  }
}
