// Signal subscriptions (one row per waiting signal catch) and signal deliveries: a broadcast queues one "signal"
// row in the timers table per waiting catch, due at once, so each instance receives it in its own command, once.
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { newRowId } from '../common/row-id';
import { TimerRepository } from '../timers/timer.repository';
import type { WaitingMessage } from '../engine/run-types';

export const SIGNAL_DELIVERY = 'signal';

export interface SignalDelivery {
  executionId: string;
  signalId: string;
  variables: Record<string, unknown>;
}

@Injectable()
export class SignalRepository {
  constructor(private readonly timers: TimerRepository) {}

  async reconcile(em: EntityManager, instanceId: string, waiting: WaitingMessage[], now: Date, newInstance = false): Promise<void> {
    const ids = waiting.map((w) => w.executionId);
    if (!newInstance) {
      await em.query('DELETE FROM signal_subscriptions WHERE instance_id = $1 AND NOT (execution_id = ANY($2::text[]))', [instanceId, ids]);
      // A delivery queued for a catch that no longer waits (delivered, or interrupted) has nothing to do.
      await this.timers.dropStale(em, instanceId, SIGNAL_DELIVERY, 2, ids);
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
    const deliveries = rows.map((r) => {
      const delivery: SignalDelivery = { executionId: r.execution_id, signalId: r.signal_id, variables: args.variables };
      return { instanceId: r.instance_id, activityId: r.activity_id, timerKey: `sig:${r.execution_id}:${newRowId()}`, timerType: SIGNAL_DELIVERY, expression: JSON.stringify(delivery), dueAt: args.now };
    });
    await this.timers.upsert(em, deliveries, args.now);
    return rows.length;
  }

  deleteForInstance(em: EntityManager, instanceId: string): Promise<unknown> {
    return em.query('DELETE FROM signal_subscriptions WHERE instance_id = $1', [instanceId]);
  }

  forInstance(em: EntityManager, instanceId: string): Promise<{ signal_name: string; activity_id: string }[]> {
    return em.query('SELECT signal_name, activity_id FROM signal_subscriptions WHERE instance_id = $1 ORDER BY created_at', [instanceId]);
  }
}
