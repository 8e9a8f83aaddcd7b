// Signal subscriptions (one row per waiting signal catch) and signal deliveries: a broadcast queues one "signal"
// row in the timers table per waiting catch, due at once, so each instance receives it in its own command, once.
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { newRowId } from '../common/row-id';
import type { WaitingMessage } from '../engine/run-types';

export const SIGNAL_DELIVERY = 'signal';

export interface SignalDelivery {
  executionId: string;
  signalId: string;
  variables: Record<string, unknown>;
}

@Injectable()
export class SignalRepository {
  async reconcile(em: EntityManager, instanceId: string, waiting: WaitingMessage[], now: Date, newInstance = false): Promise<void> {
    const ids = waiting.map((w) => w.executionId);
    if (!newInstance) {
      await em.query('DELETE FROM signal_subscriptions WHERE instance_id = $1 AND NOT (execution_id = ANY($2::text[]))', [instanceId, ids]);
      // A delivery queued for a catch that no longer waits (delivered, or interrupted) has nothing to do.
      await em.query(`DELETE FROM timers WHERE instance_id = $1 AND timer_type = $2 AND NOT (split_part(timer_key, ':', 2) = ANY($3::text[]))`, [instanceId, SIGNAL_DELIVERY, ids]);
    }
    for (const w of waiting) {
      await em.query(
        `INSERT INTO signal_subscriptions (id, instance_id, signal_name, signal_id, activity_id, execution_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (instance_id, execution_id) DO NOTHING`,
        [newRowId(), instanceId, w.messageName, w.messageId, w.activityId, w.executionId, now],
      );
    }
  }

  /** Queues the signal for every catch waiting for it now (except in the throwing instance); returns how many. */
  async broadcast(em: EntityManager, args: { name: string; variables: Record<string, unknown>; now: Date; exceptInstanceId?: string }): Promise<number> {
    const rows: { instance_id: string; activity_id: string; execution_id: string; signal_id: string }[] = await em.query(
      `SELECT s.instance_id, s.activity_id, s.execution_id, s.signal_id FROM signal_subscriptions s JOIN process_instances i ON i.id = s.instance_id
        WHERE s.signal_name = $1 AND i.status = 'active' AND ($2::uuid IS NULL OR s.instance_id <> $2::uuid)`,
      [args.name, args.exceptInstanceId ?? null],
    );
    for (const r of rows) {
      const delivery: SignalDelivery = { executionId: r.execution_id, signalId: r.signal_id, variables: args.variables };
      await em.query(
        `INSERT INTO timers (id, instance_id, activity_id, timer_key, timer_type, expression, due_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)`,
        [newRowId(), r.instance_id, r.activity_id, `sig:${r.execution_id}:${newRowId()}`, SIGNAL_DELIVERY, JSON.stringify(delivery), args.now],
      );
    }
    return rows.length;
  }

  deleteForInstance(em: EntityManager, instanceId: string): Promise<unknown> {
    return em.query('DELETE FROM signal_subscriptions WHERE instance_id = $1', [instanceId]);
  }

  forInstance(em: EntityManager, instanceId: string): Promise<{ signal_name: string; activity_id: string }[]> {
    return em.query('SELECT signal_name, activity_id FROM signal_subscriptions WHERE instance_id = $1 ORDER BY created_at', [instanceId]);
  }
}
