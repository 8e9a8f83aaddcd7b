// Queries on SLA clocks; their check timers (rows keyed "sla:<clock id>", kind slaCheck) are written through the timers module.
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { SlaClockEntity } from '../database/entities/sla-clock.entity';
import { newRowId } from '../common/row-id';
import { TimerRepository } from '../timers/timer.repository';
import type { Write } from '../commands/deferred-writes';

export const SLA_TIMER_PREFIX = 'sla:';
export const SLA_CHECK = 'slaCheck';

export interface SlaClockFilter {
  status?: 'open' | 'running' | 'paused' | 'met' | 'missed' | 'cancelled';
  breached?: boolean;
  dueBefore?: Date;
  policy?: string;
  processInstanceId?: string;
  limit: number;
  offset: number;
}

/** A clock with what a list shows beside it: the request's business key and definition, and the task's name. */
export interface SlaClockRow {
  clock: SlaClockEntity;
  businessKey: string | null;
  definitionKey: string;
  /** The instance's version: where the task's name in other languages (name.zh-CN) is read. */
  definitionId: string;
  taskName: string | null;
}

@Injectable()
export class SlaClockRepository {
  constructor(
    private readonly db: DataSource,
    private readonly timers: TimerRepository,
  ) {}

  openIn(em: EntityManager, instanceId: string): Promise<SlaClockEntity[]> {
    return em.getRepository(SlaClockEntity).find({ where: { instanceId, status: In(['running', 'paused']) } });
  }

  findIn(em: EntityManager, instanceId: string, id: string): Promise<SlaClockEntity | null> {
    return em.getRepository(SlaClockEntity).findOneBy({ instanceId, id });
  }

  /** A new clock with its id, not yet stored. */
  create(clock: Omit<SlaClockEntity, 'id'>): SlaClockEntity {
    return { id: newRowId(), ...clock };
  }

  async save(em: EntityManager, clock: SlaClockEntity): Promise<void> {
    const write = this.saveWrite(em, clock);
    await em.query(write.sql, write.params);
  }

  /** A new clock's insert, as a statement a command sends with its other deferred writes (commands/deferred-writes.ts). */
  insertWrite(em: EntityManager, clock: SlaClockEntity): Write {
    const [sql, params] = em.createQueryBuilder().insert().into(SlaClockEntity).values(clock).getQueryAndParameters();
    return { sql, params };
  }

  saveWrite(em: EntityManager, clock: SlaClockEntity): Write {
    const { id, ...changes } = clock;
    // The instance in the WHERE too: a sharded database routes the statement to one shard (README, Citus).
    const [sql, params] = em.createQueryBuilder().update(SlaClockEntity).set(changes).where({ instanceId: clock.instanceId, id }).getQueryAndParameters();
    return { sql, params };
  }

  /** The clock's next check (a warning or the breach), or none. */
  async scheduleCheck(em: EntityManager, clock: SlaClockEntity, at: Date | null, now: Date): Promise<void> {
    const write = this.checkWrite(em, clock, at, now);
    await em.query(write.sql, write.params);
  }

  /** scheduleCheck as a statement a command sends with its other deferred writes. */
  checkWrite(em: EntityManager, clock: SlaClockEntity, at: Date | null, now: Date): Write {
    const timerKey = `${SLA_TIMER_PREFIX}${clock.id}`;
    if (!at) return this.timers.deleteKeyWrite(clock.instanceId, timerKey);
    return this.timers.upsertWrite(em, [{ instanceId: clock.instanceId, activityId: clock.activityId, timerKey, timerType: SLA_CHECK, expression: clock.policy, dueAt: at }], now, ['due_at'])!;
  }

  forInstance(instanceId: string): Promise<SlaClockEntity[]> {
    return this.db.getRepository(SlaClockEntity).find({ where: { instanceId }, order: { startedAt: 'ASC' } });
  }

  /** Clocks by status, breach and due time; the soonest due first (paused ones, without a due time, last). */
  async list(filter: SlaClockFilter): Promise<{ items: SlaClockRow[]; total: number }> {
    const qb = this.db
      .getRepository(SlaClockEntity)
      .createQueryBuilder('c')
      .innerJoin('process_instances', 'i', 'i.id = c.instance_id')
      .leftJoin('tasks', 't', 't.id = c.task_id')
      .addSelect(['i.business_key AS business_key', 'i.definition_key AS definition_key', 'i.definition_id AS definition_id', 't.name AS task_name']);
    if (filter.status === 'open') qb.andWhere("c.status IN ('running', 'paused')");
    else if (filter.status) qb.andWhere('c.status = :status', { status: filter.status });
    if (filter.breached !== undefined) qb.andWhere(filter.breached ? 'c.breached_at IS NOT NULL' : 'c.breached_at IS NULL');
    if (filter.dueBefore) qb.andWhere('c.due_at <= :dueBefore', { dueBefore: filter.dueBefore });
    if (filter.policy) qb.andWhere('c.policy = :policy', { policy: filter.policy });
    if (filter.processInstanceId) qb.andWhere('c.instance_id = :iid', { iid: filter.processInstanceId });
    const total = await qb.getCount();
    const { entities, raw } = await qb.orderBy('c.due_at', 'ASC', 'NULLS LAST').addOrderBy('c.id').offset(filter.offset).limit(filter.limit).getRawAndEntities();
    const extra = new Map<string, { business_key: string | null; definition_key: string; definition_id: string; task_name: string | null }>(raw.map((r) => [r.c_id, r]));
    const items = entities.map((clock) => {
      const r = extra.get(clock.id);
      return { clock, businessKey: r?.business_key ?? null, definitionKey: r?.definition_key ?? '', definitionId: r?.definition_id ?? '', taskName: r?.task_name ?? null };
    });
    return { items, total };
  }

  /** For a page of tasks: their own clocks and their instances' process-level clocks. */
  forTasks(taskIds: string[], instanceIds: string[]): Promise<SlaClockEntity[]> {
    if (!taskIds.length) return Promise.resolve([]);
    return this.db.getRepository(SlaClockEntity).find({ where: [{ taskId: In(taskIds) }, { instanceId: In([...new Set(instanceIds)]), scope: 'process' }], order: { startedAt: 'ASC' } });
  }

  forTask(taskId: string, instanceId: string): Promise<SlaClockEntity[]> {
    return this.db.getRepository(SlaClockEntity).find({ where: [{ taskId }, { instanceId, scope: 'process' }], order: { startedAt: 'ASC' } });
  }
}
