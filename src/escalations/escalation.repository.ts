// Queries on escalation records.
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, type FindOptionsWhere } from 'typeorm';
import { EscalationEntity, type EscalationStatus } from '../database/entities/escalation.entity';
import { newRowId, rowWhere, type RowKey } from '../common/row-id';

export interface EscalationFilter {
  status?: EscalationStatus;
  level?: number;
  role?: string;
  processInstanceId?: string;
  limit: number;
  offset: number;
}

@Injectable()
export class EscalationRepository {
  constructor(private readonly db: DataSource) {}

  countAtLevel(em: EntityManager, instanceId: string, level: number): Promise<number> {
    return em.getRepository(EscalationEntity).countBy({ instanceId, level });
  }

  /** De-duplicated per instance, level and cycle (a replayed command cannot raise the same one twice). */
  async insert(em: EntityManager, row: Omit<EscalationEntity, 'id'>): Promise<string> {
    const id = newRowId();
    await em.createQueryBuilder().insert().into(EscalationEntity).values({ id, ...row }).orIgnore().execute();
    return id;
  }

  /** Whether instance $1 has an unresolved escalation: read with the instance's lock (CommandParticipant.holdsSql). */
  static readonly UNRESOLVED_EXISTS = "EXISTS (SELECT 1 FROM escalations WHERE instance_id = $1 AND status IN ('open', 'acknowledged'))";

  unresolvedWithTask(em: EntityManager, instanceId: string): Promise<EscalationEntity[]> {
    return em.getRepository(EscalationEntity).find({ where: { instanceId, status: In(['open', 'acknowledged']) } });
  }

  async update(em: EntityManager | null, row: RowKey, changes: Partial<EscalationEntity>): Promise<void> {
    await (em ?? this.db.manager).getRepository(EscalationEntity).update(rowWhere(row), changes);
  }

  findIn(em: EntityManager, instanceId: string, id: string): Promise<EscalationEntity | null> {
    return em.getRepository(EscalationEntity).findOneBy({ instanceId, id });
  }

  findById(id: string): Promise<EscalationEntity | null> {
    return this.db.getRepository(EscalationEntity).findOneBy({ id });
  }

  async list(filter: EscalationFilter): Promise<{ items: EscalationEntity[]; total: number }> {
    const where: FindOptionsWhere<EscalationEntity> = {};
    if (filter.status) where.status = filter.status;
    if (filter.level) where.level = filter.level;
    if (filter.role) where.role = filter.role;
    if (filter.processInstanceId) where.instanceId = filter.processInstanceId;
    const [items, total] = await this.db.getRepository(EscalationEntity).findAndCount({ where, order: { createdAt: 'DESC', id: 'ASC' }, take: filter.limit, skip: filter.offset });
    return { items, total };
  }
}
