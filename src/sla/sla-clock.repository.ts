// Queries on SLA clocks and on their check timers (timers rows keyed "sla:<clock id>", type slaCheck).
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { SlaClockEntity } from '../database/entities/sla-clock.entity';
import { TimerEntity } from '../database/entities';

export const SLA_TIMER_PREFIX = 'sla:';

@Injectable()
export class SlaClockRepository {
  constructor(private readonly db: DataSource) {}

  openIn(em: EntityManager, instanceId: string): Promise<SlaClockEntity[]> {
    return em.getRepository(SlaClockEntity).find({ where: { instanceId, status: In(['running', 'paused']) } });
  }

  findIn(em: EntityManager, id: string): Promise<SlaClockEntity | null> {
    return em.getRepository(SlaClockEntity).findOneBy({ id });
  }

  async insert(em: EntityManager, clock: Omit<SlaClockEntity, 'id'>): Promise<SlaClockEntity> {
    const row = { id: randomUUID(), ...clock };
    await em.getRepository(SlaClockEntity).insert(row);
    return row;
  }

  async save(em: EntityManager, clock: SlaClockEntity): Promise<void> {
    const { id, ...changes } = clock;
    await em.getRepository(SlaClockEntity).update({ id }, changes);
  }

  /** The clock's next check (a warning or the breach), or none. */
  async scheduleCheck(em: EntityManager, clock: SlaClockEntity, at: Date | null, now: Date): Promise<void> {
    const timerKey = `${SLA_TIMER_PREFIX}${clock.id}`;
    if (!at) {
      await em.getRepository(TimerEntity).delete({ instanceId: clock.instanceId, timerKey });
      return;
    }
    await em
      .createQueryBuilder()
      .insert()
      .into(TimerEntity)
      .values({ id: randomUUID(), instanceId: clock.instanceId, activityId: clock.activityId, timerKey, timerType: 'slaCheck', expression: clock.policy, dueAt: at, createdAt: now })
      .orUpdate(['due_at'], ['instance_id', 'timer_key'])
      .execute();
  }

  forInstance(instanceId: string): Promise<SlaClockEntity[]> {
    return this.db.getRepository(SlaClockEntity).find({ where: { instanceId }, order: { startedAt: 'ASC' } });
  }

  forTask(taskId: string, instanceId: string): Promise<SlaClockEntity[]> {
    return this.db.getRepository(SlaClockEntity).find({ where: [{ taskId }, { instanceId, scope: 'process' }], order: { startedAt: 'ASC' } });
  }
}
