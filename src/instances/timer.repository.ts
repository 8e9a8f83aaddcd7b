// Timer rows of instances: reconciled after each command, claimed by the poller when due.
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { TimerEntity } from '../database/entities';
import type { ArmedTimer } from '../engine/durable-timers';
import { newRowId } from '../common/row-id';

@Injectable()
export class TimerRepository {
  constructor(private readonly db: DataSource) {}

  /** Makes the instance's rows equal to the armed set: new timers inserted, re-armed kept, vanished deleted. */
  async reconcile(em: EntityManager, instanceId: string, armed: ArmedTimer[], now: Date, newInstance = false): Promise<void> {
    const keys = armed.map((t) => t.key);
    // SLA check rows ("sla:…") belong to the SLA tracker and call returns ("child:…") to call activities and
    // signal deliveries ("sig:…") to signals, not to the
    // engine's timers. A new instance has none to drop.
    if (!newInstance) await em.query("DELETE FROM timers WHERE instance_id = $1 AND NOT (timer_key = ANY($2::text[])) AND timer_key NOT LIKE 'sla:%' AND timer_key NOT LIKE 'child:%' AND timer_key NOT LIKE 'sig:%'", [instanceId, keys]);
    const fresh = armed.filter((t) => !t.rearmed);
    if (!fresh.length) return;
    // A repeating timer re-armed by this command keeps its key and gets its next due time.
    await em
      .createQueryBuilder()
      .insert()
      .into(TimerEntity)
      .values(fresh.map((t) => ({ id: newRowId(), instanceId, activityId: t.activityId, timerKey: t.key, timerType: t.timerType, expression: t.expression, dueAt: t.dueAt, createdAt: now })))
      .orUpdate(['due_at', 'expression', 'timer_type'], ['instance_id', 'timer_key'])
      .execute();
  }

  deleteForInstance(em: EntityManager, instanceId: string): Promise<unknown> {
    return em.delete(TimerEntity, { instanceId });
  }

  /**
   * Claims one due timer for the rest of the transaction, skipping rows other transactions hold. An instance timer is
   * claimed together with its instance row: a busy instance (a command or another firing on it) is skipped rather than
   * waited for, so two transactions never wait on each other's timer and instance rows. Timer start events follow.
   */
  async claimDue(em: EntityManager, now: Date): Promise<TimerEntity | null> {
    const select = `SELECT t.id, t.instance_id, t.definition_id, t.activity_id, t.timer_key, t.timer_type, t.expression, t.due_at, t.created_at, t.fired_count FROM timers t`;
    let rows: RawTimer[] = await em.query(`${select} JOIN process_instances i ON i.id = t.instance_id WHERE t.due_at <= $1 ORDER BY t.due_at LIMIT 1 FOR UPDATE OF t, i SKIP LOCKED`, [now]);
    if (!rows.length) rows = await em.query(`${select} WHERE t.instance_id IS NULL AND t.due_at <= $1 ORDER BY t.due_at LIMIT 1 FOR UPDATE SKIP LOCKED`, [now]);
    return rows[0] ? toTimer(rows[0]) : null;
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

interface RawTimer {
  id: string;
  instance_id: string | null;
  definition_id: string | null;
  activity_id: string;
  timer_key: string;
  timer_type: string;
  expression: string | null;
  due_at: Date;
  created_at: Date;
  fired_count: number;
}

function toTimer(r: RawTimer): TimerEntity {
  return { id: r.id, instanceId: r.instance_id, definitionId: r.definition_id, activityId: r.activity_id, timerKey: r.timer_key, timerType: r.timer_type, expression: r.expression, dueAt: new Date(r.due_at), createdAt: new Date(r.created_at), firedCount: r.fired_count };
}
