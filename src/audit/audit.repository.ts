// Queries on the audit log.
import { Injectable } from '@nestjs/common';
import { Between, DataSource, EntityManager, LessThanOrEqual, MoreThanOrEqual, type FindOptionsWhere } from 'typeorm';
import { AuditEntryEntity } from '../database/entities/audit-entry.entity';

export interface AuditFilter {
  actor?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

@Injectable()
export class AuditRepository {
  constructor(private readonly db: DataSource) {}

  async insert(em: EntityManager | null, entry: Omit<AuditEntryEntity, 'id'>): Promise<void> {
    // jsonb: TypeORM types a Record column as a nested entity; the value is plain JSON.
    await (em ?? this.db.manager).getRepository(AuditEntryEntity).insert({ ...entry, detail: entry.detail as never });
  }

  async list(filter: AuditFilter): Promise<{ items: AuditEntryEntity[]; total: number }> {
    const where: FindOptionsWhere<AuditEntryEntity> = {};
    if (filter.actor) where.actor = filter.actor;
    if (filter.action) where.action = filter.action;
    if (filter.targetType) where.targetType = filter.targetType;
    if (filter.targetId) where.targetId = filter.targetId;
    if (filter.from && filter.to) where.at = Between(filter.from, filter.to);
    else if (filter.from) where.at = MoreThanOrEqual(filter.from);
    else if (filter.to) where.at = LessThanOrEqual(filter.to);
    const [items, total] = await this.db.getRepository(AuditEntryEntity).findAndCount({ where, order: { at: 'DESC', id: 'DESC' }, take: filter.limit, skip: filter.offset });
    return { items, total };
  }
}
