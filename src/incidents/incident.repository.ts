// Queries on incidents: reconciled after each command (failures in, successes resolved), claimed when a retry is due.
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, type FindOptionsWhere } from 'typeorm';
import { IncidentEntity, type IncidentStatus } from '../database/entities/incident.entity';

@Injectable()
export class IncidentRepository {
  constructor(private readonly db: DataSource) {}

  unresolvedIn(em: EntityManager, instanceId: string): Promise<IncidentEntity[]> {
    return em.getRepository(IncidentEntity).find({ where: [{ instanceId, status: 'retrying' }, { instanceId, status: 'open' }] });
  }

  insert(em: EntityManager, incident: Omit<IncidentEntity, 'id'>): Promise<IncidentEntity> {
    return em.getRepository(IncidentEntity).save({ id: randomUUID(), ...incident });
  }

  async update(em: EntityManager | null, id: string, changes: Partial<IncidentEntity>): Promise<void> {
    await (em ?? this.db.manager).getRepository(IncidentEntity).update({ id }, changes);
  }

  /** Claims one incident whose automatic retry is due, skipping rows another replica holds. */
  async claimDue(em: EntityManager, now: Date): Promise<IncidentEntity | null> {
    const rows = await em
      .getRepository(IncidentEntity)
      .createQueryBuilder('i')
      .where("i.status = 'retrying' AND i.next_retry_at <= :now", { now })
      .orderBy('i.next_retry_at')
      .limit(1)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
    return rows[0] ?? null;
  }

  findById(id: string): Promise<IncidentEntity | null> {
    return this.db.getRepository(IncidentEntity).findOneBy({ id });
  }

  async list(filter: { status?: IncidentStatus; processInstanceId?: string; limit: number; offset: number }): Promise<{ items: IncidentEntity[]; total: number }> {
    const where: FindOptionsWhere<IncidentEntity> = {};
    if (filter.status) where.status = filter.status;
    if (filter.processInstanceId) where.instanceId = filter.processInstanceId;
    const [items, total] = await this.db.getRepository(IncidentEntity).findAndCount({ where, order: { createdAt: 'DESC', id: 'ASC' }, take: filter.limit, skip: filter.offset });
    return { items, total };
  }
}
