// Queries on incidents: reconciled after each command (failures in, successes resolved), claimed when a retry is due.
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, type FindOptionsWhere } from 'typeorm';
import { IncidentEntity, type IncidentStatus } from '../database/entities/incident.entity';
import { newRowId, rowWhere, type RowKey } from '../common/row-id';

@Injectable()
export class IncidentRepository {
  constructor(private readonly db: DataSource) {}

  /** Whether instance $1 has an unresolved incident: read with the instance's lock (CommandParticipant.holdsSql). */
  static readonly UNRESOLVED_EXISTS = "EXISTS (SELECT 1 FROM incidents WHERE instance_id = $1 AND status <> 'resolved')";

  unresolvedIn(em: EntityManager, instanceId: string): Promise<IncidentEntity[]> {
    return em.getRepository(IncidentEntity).find({ where: [{ instanceId, status: 'retrying' }, { instanceId, status: 'open' }] });
  }

  insert(em: EntityManager, incident: Omit<IncidentEntity, 'id'>): Promise<IncidentEntity> {
    return em.getRepository(IncidentEntity).save({ id: newRowId(), ...incident });
  }

  async update(em: EntityManager | null, row: RowKey, changes: Partial<IncidentEntity>): Promise<void> {
    await (em ?? this.db.manager).getRepository(IncidentEntity).update(rowWhere(row), changes);
  }

  /** Claims one incident whose automatic retry is due, with its instance row (busy instances are skipped, not awaited). */
  async claimDue(em: EntityManager, now: Date): Promise<IncidentEntity | null> {
    const rows: { id: string; instance_id: string }[] = await em.query(
      `SELECT n.id, n.instance_id FROM incidents n JOIN process_instances i ON i.id = n.instance_id
       WHERE n.status = 'retrying' AND n.next_retry_at <= $1 ORDER BY n.next_retry_at LIMIT 1 FOR UPDATE OF n, i SKIP LOCKED`,
      [now],
    );
    return rows[0] ? em.getRepository(IncidentEntity).findOneBy({ instanceId: rows[0].instance_id, id: rows[0].id }) : null;
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
