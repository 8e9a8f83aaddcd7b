// Appends and reads an instance's history entries.
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { HistoryEntity } from '../database/entities';
import type { HistoryItem } from '../engine/run-types';

@Injectable()
export class HistoryRepository {
  constructor(private readonly db: DataSource) {}

  async append(em: EntityManager, instanceId: string, items: HistoryItem[]): Promise<void> {
    if (!items.length) return;
    await em.getRepository(HistoryEntity).insert(items.map((h) => ({ instanceId, at: h.at, type: h.type, activityId: h.activityId, detail: h.detail })));
  }

  forInstance(instanceId: string): Promise<HistoryEntity[]> {
    return this.db.getRepository(HistoryEntity).find({ where: { instanceId }, order: { id: 'ASC' } });
  }
}
