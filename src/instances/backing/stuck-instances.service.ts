// Finds active instances that violate "no stuck instance" (e.g. written by an older version): a waiting activity
// with no task, timer, subscription, child instance, incident or registered backing.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DefinitionCache } from '../../definitions/definition-cache';
import { describeUnbacked, TokenBackers, type UnbackedToken } from './token-backers';

const BATCH = 500;

export interface StuckInstance {
  id: string;
  definitionKey: string;
  definitionVersion: number;
  businessKey: string | null;
  updatedAt: Date;
  unbacked: (UnbackedToken & { reason: string })[];
}

@Injectable()
export class StuckInstancesService {
  constructor(
    private readonly db: DataSource,
    private readonly cache: DefinitionCache,
    private readonly backers: TokenBackers,
  ) {}

  /** Scans active instances in id order, a batch at a time; returns at most `limit` violators. */
  async list(limit = 100): Promise<{ items: StuckInstance[]; scanned: number; backings: string[] }> {
    const items: StuckInstance[] = [];
    let scanned = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: any[] = await this.db.query(
        `SELECT id, definition_id, definition_key, definition_version, business_key, updated_at, active_activity_ids FROM process_instances
          WHERE status = 'active' AND id > $1 ORDER BY id LIMIT ${BATCH}`,
        [after],
      );
      for (const r of rows) {
        const model = (await this.cache.get(r.definition_id)).model;
        const unbacked = await this.backers.unbacked(this.db.manager, { instanceId: r.id, model, activeActivityIds: r.active_activity_ids });
        if (unbacked.length) items.push({ id: r.id, definitionKey: r.definition_key, definitionVersion: r.definition_version, businessKey: r.business_key, updatedAt: r.updated_at, unbacked: unbacked.map((u) => ({ ...u, reason: describeUnbacked(u, this.backers.kinds()) })) });
        if (items.length >= limit) return { items, scanned: scanned + 1, backings: this.backers.kinds() };
        scanned++;
      }
      if (rows.length < BATCH) return { items, scanned, backings: this.backers.kinds() };
      after = rows[rows.length - 1].id;
    }
  }
}
