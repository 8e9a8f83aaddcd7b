// Appends and reads an instance's history entries.
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { HistoryEntity } from '../database/entities';
import type { HistoryItem } from '../engine/run-types';
import { valuesOf, type Write } from '../commands/deferred-writes';

@Injectable()
export class HistoryRepository {
  constructor(private readonly db: DataSource) {}

  async append(em: EntityManager, instanceId: string, items: HistoryItem[]): Promise<void> {
    const write = this.appendWrite(instanceId, items);
    if (write) await em.query(write.sql, write.params);
  }

  /** The insert of `items` (ids in their order), for a command to send with its other writes; null when there are none. */
  appendWrite(instanceId: string, items: HistoryItem[]): Write | null {
    if (!items.length) return null;
    const values = valuesOf(items.map((h) => [instanceId, h.at, h.type, h.activityId, h.detail == null ? null : JSON.stringify(h.detail)]), ['', '', '', '', '::jsonb']);
    return { sql: `INSERT INTO history (instance_id, at, type, activity_id, detail) VALUES ${values.sql}`, params: values.params };
  }

  forInstance(instanceId: string): Promise<HistoryEntity[]> {
    return this.db.getRepository(HistoryEntity).find({ where: { instanceId }, order: { id: 'ASC' } });
  }
}
