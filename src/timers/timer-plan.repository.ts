// The business-calendar plan columns of timer rows: pause and resume, re-plan after a calendar edit, the board's next timers.
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TimerEntity } from '../database/entities';

export type PlanColumns = Pick<TimerEntity, 'dueAt' | 'workFrom' | 'workMs' | 'pausedAt' | 'calendarVersion'>;

@Injectable()
export class TimerPlanRepository {
  /** The instance's timers that follow an SLA policy's pauses. */
  followingPauses(em: EntityManager, instanceId: string): Promise<TimerEntity[]> {
    return em.getRepository(TimerEntity).createQueryBuilder('t').where('t.instance_id = :instanceId AND t.pause_with IS NOT NULL', { instanceId }).getMany();
  }

  /** The instances with timers planned on another version of their calendar (`versions`: calendar id → version). */
  async instancesOutdated(em: EntityManager, versions: Map<string, string>): Promise<string[]> {
    if (!versions.size) return [];
    const rows: { instance_id: string }[] = await em.query(
      `SELECT DISTINCT t.instance_id FROM timers t JOIN unnest($1::text[], $2::text[]) AS v(calendar, version) ON v.calendar = t.calendar
       WHERE t.instance_id IS NOT NULL AND t.calendar_version IS DISTINCT FROM v.version ORDER BY t.instance_id`,
      [[...versions.keys()], [...versions.values()]],
    );
    return rows.map((r) => r.instance_id);
  }

  /** One instance's outdated timers, locked (the caller holds the instance row, so no firing runs on them meanwhile). */
  async outdatedOf(em: EntityManager, instanceId: string, versions: Map<string, string>): Promise<TimerEntity[]> {
    const rows = await em.getRepository(TimerEntity).createQueryBuilder('t').where('t.instance_id = :instanceId AND t.calendar IS NOT NULL', { instanceId }).setLock('pessimistic_write').getMany();
    return rows.filter((r) => versions.has(r.calendar!) && r.calendarVersion !== versions.get(r.calendar!));
  }

  /** The next BPMN timer (the engine's own timer types) of each instance, soonest first; paused ones last. */
  async nextEngineTimers(db: EntityManager, instanceIds: string[]): Promise<TimerEntity[]> {
    if (!instanceIds.length) return [];
    return db
      .getRepository(TimerEntity)
      .createQueryBuilder('t')
      .distinctOn(['t.instance_id'])
      .where("t.instance_id = ANY(:instanceIds) AND t.timer_type IN ('timeDuration', 'timeDate', 'timeCycle')", { instanceIds })
      .orderBy('t.instance_id')
      .addOrderBy('t.due_at')
      .getMany();
  }

  async save(em: EntityManager, row: Pick<TimerEntity, 'instanceId' | 'id'>, plan: PlanColumns): Promise<void> {
    await em.getRepository(TimerEntity).update({ instanceId: row.instanceId!, id: row.id }, plan);
  }
}
