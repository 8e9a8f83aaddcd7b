// Timer rows of instances: reconciled after each command, claimed by the poller when due.
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { TimerEntity } from '../database/entities';
import type { ArmedTimer } from '../engine/durable-timers';

@Injectable()
export class TimerRepository {
  constructor(private readonly db: DataSource) {}

  /** Makes the instance's rows equal to the armed set: new timers inserted, re-armed kept, vanished deleted. */
  async reconcile(em: EntityManager, instanceId: string, armed: ArmedTimer[], now: Date): Promise<void> {
    const keys = armed.map((t) => t.key);
    // SLA check rows ("sla:…") belong to the SLA tracker, not to the engine's timers.
    await em.query("DELETE FROM timers WHERE instance_id = $1 AND NOT (timer_key = ANY($2::text[])) AND timer_key NOT LIKE 'sla:%'", [instanceId, keys]);
    const fresh = armed.filter((t) => !t.rearmed);
    if (!fresh.length) return;
    // A repeating timer re-armed by this command keeps its key and gets its next due time.
    await em
      .createQueryBuilder()
      .insert()
      .into(TimerEntity)
      .values(fresh.map((t) => ({ id: randomUUID(), instanceId, activityId: t.activityId, timerKey: t.key, timerType: t.timerType, expression: t.expression, dueAt: t.dueAt, createdAt: now })))
      .orUpdate(['due_at', 'expression', 'timer_type'], ['instance_id', 'timer_key'])
      .execute();
  }

  deleteForInstance(em: EntityManager, instanceId: string): Promise<unknown> {
    return em.delete(TimerEntity, { instanceId });
  }

  /** Claims one due timer (skipping rows another replica holds) for the rest of the transaction. */
  async claimDue(em: EntityManager, now: Date): Promise<TimerEntity | null> {
    const rows: TimerEntity[] = await em
      .getRepository(TimerEntity)
      .createQueryBuilder('t')
      .where('t.due_at <= :now', { now })
      .orderBy('t.due_at')
      .limit(1)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
    return rows[0] ?? null;
  }

  /** Moves a timer whose firing failed to a later time; a timer of an instance that is no longer active is dropped. */
  async postpone(em: EntityManager, id: string, dueAt: Date): Promise<void> {
    await em.query(`DELETE FROM timers t USING process_instances i WHERE t.id = $1 AND i.id = t.instance_id AND i.status <> 'active'`, [id]);
    await em.query('UPDATE timers SET due_at = $2 WHERE id = $1', [id, dueAt]);
  }

  forInstance(instanceId: string): Promise<TimerEntity[]> {
    return this.db.getRepository(TimerEntity).find({ where: { instanceId }, order: { dueAt: 'ASC' } });
  }
}
