// Queries on process instances: insert, lock for a command, save after it, and filtered listing.
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, type FindOptionsWhere } from 'typeorm';
import { ProcessInstanceEntity, type InstanceStatus } from '../database/entities/process-instance.entity';

export interface ChildInstanceRow {
  id: string;
  definitionKey: string;
  definitionVersion: number;
  status: InstanceStatus;
  activityId: string;
  startedAt: Date;
  endedAt: Date | null;
  openIncidents: number;
}

export interface InstanceFilter {
  definitionKey?: string;
  status?: InstanceStatus;
  businessKey?: string;
  limit: number;
  offset: number;
}

@Injectable()
export class InstanceRepository {
  constructor(private readonly db: DataSource) {}

  insert(em: EntityManager, instance: ProcessInstanceEntity): Promise<unknown> {
    return em.getRepository(ProcessInstanceEntity).insert(instance);
  }

  /** Locks the row for the rest of the transaction: one command per instance at a time, on every replica. */
  lock(em: EntityManager, id: string): Promise<ProcessInstanceEntity | null> {
    return em.getRepository(ProcessInstanceEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  save(em: EntityManager, instance: ProcessInstanceEntity): Promise<unknown> {
    const { id, ...changes } = instance;
    return em.getRepository(ProcessInstanceEntity).update({ id }, changes);
  }


  /** Ids of the active children an instance's call activities started. */
  async activeChildren(em: EntityManager, parentId: string): Promise<string[]> {
    const rows: { id: string }[] = await em.query("SELECT id FROM process_instances WHERE parent_instance_id = $1 AND status = 'active' ORDER BY started_at", [parentId]);
    return rows.map((r) => r.id);
  }

  /** The children of an instance with their open incidents, for the instance detail. */
  async children(parentId: string): Promise<ChildInstanceRow[]> {
    return this.db.query(
      `SELECT i.id, i.definition_key AS "definitionKey", i.definition_version AS "definitionVersion", i.status, i.parent_activity_id AS "activityId",
              i.started_at AS "startedAt", i.ended_at AS "endedAt",
              (SELECT count(*)::int FROM incidents n WHERE n.instance_id = i.id AND n.status <> 'resolved') AS "openIncidents"
         FROM process_instances i WHERE i.parent_instance_id = $1 ORDER BY i.started_at, i.id`,
      [parentId],
    );
  }

  findById(id: string): Promise<ProcessInstanceEntity | null> {
    return this.db.getRepository(ProcessInstanceEntity).findOneBy({ id });
  }

  /** Business key and definition of each instance, for lists that show which request a row belongs to. */
  async keysOf(ids: string[]): Promise<Map<string, { businessKey: string | null; definitionKey: string; definitionId: string }>> {
    if (!ids.length) return new Map();
    const rows = await this.db.getRepository(ProcessInstanceEntity).find({ where: { id: In([...new Set(ids)]) }, select: ['id', 'businessKey', 'definitionKey', 'definitionId'] });
    return new Map(rows.map((r) => [r.id, { businessKey: r.businessKey, definitionKey: r.definitionKey, definitionId: r.definitionId }]));
  }

  async list(filter: InstanceFilter): Promise<{ items: ProcessInstanceEntity[]; total: number }> {
    const where: FindOptionsWhere<ProcessInstanceEntity> = {};
    if (filter.definitionKey) where.definitionKey = filter.definitionKey;
    if (filter.status) where.status = filter.status;
    if (filter.businessKey) where.businessKey = filter.businessKey;
    const [items, total] = await this.db.getRepository(ProcessInstanceEntity).findAndCount({
      where,
      order: { startedAt: 'DESC', id: 'ASC' },
      take: filter.limit,
      skip: filter.offset,
      select: ['id', 'definitionId', 'definitionKey', 'definitionVersion', 'businessKey', 'status', 'activeActivityIds', 'endActivityId', 'startedAt', 'updatedAt', 'endedAt'],
    });
    return { items, total };
  }
}
