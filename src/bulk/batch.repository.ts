// The batches and batch_items tables: create with items, read progress, claim the next pending item (SKIP LOCKED), record it.
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { BatchFilterDto, BatchItemRow, BatchRow, BatchType } from './dto/batch.dto';

/** Items a filter selects when no ids are given; at most this many. */
const MAX_ITEMS = 10000;

@Injectable()
export class BatchRepository {
  constructor(private readonly db: DataSource) {}

  async create(em: EntityManager, batch: Omit<BatchRow, 'done' | 'failed' | 'ended_at' | 'total'>, targets: string[]): Promise<void> {
    await em.query('INSERT INTO batches (id, type, params, created_by, created_at, total) VALUES ($1, $2, $3::jsonb, $4, $5, $6)', [batch.id, batch.type, JSON.stringify(batch.params), batch.created_by, batch.created_at, targets.length]);
    await em.query('INSERT INTO batch_items (batch_id, seq, target_id) SELECT $1, n, t FROM unnest($2::text[]) WITH ORDINALITY AS u(t, n)', [batch.id, targets]);
  }

  async find(id: string): Promise<BatchRow | null> {
    const [row] = await this.db.query('SELECT * FROM batches WHERE id = $1', [id]);
    return row ?? null;
  }

  items(id: string): Promise<BatchItemRow[]> {
    return this.db.query('SELECT seq, target_id, status, error, ended_at FROM batch_items WHERE batch_id = $1 ORDER BY seq', [id]);
  }

  /** Locks the next pending item of any batch for this transaction; another replica's claim skips it. */
  async claim(em: EntityManager): Promise<(BatchItemRow & { batch_id: string }) | null> {
    const [row] = await em.query("SELECT batch_id, seq, target_id, status FROM batch_items WHERE status = 'pending' ORDER BY batch_id, seq LIMIT 1 FOR UPDATE SKIP LOCKED");
    return row ?? null;
  }

  /** Records the item's outcome and counts it on its batch; returns the batch as it now stands. */
  async finish(em: EntityManager, item: { batch_id: string; seq: number }, error: string | null, now: Date): Promise<BatchRow> {
    await em.query('UPDATE batch_items SET status = $3, error = $4, ended_at = $5 WHERE batch_id = $1 AND seq = $2', [item.batch_id, item.seq, error ? 'failed' : 'done', error, now]);
    const column = error ? 'failed' : 'done';
    const [[row]] = await em.query(`UPDATE batches SET ${column} = ${column} + 1, ended_at = CASE WHEN done + failed + 1 = total THEN $2::timestamptz END WHERE id = $1 RETURNING *`, [item.batch_id, now]);
    return row;
  }

  /** The ids a filter selects for a batch type (see BatchFilterDto). */
  async targets(type: BatchType, f: BatchFilterDto): Promise<string[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (f.definitionKey) add('i.definition_key = ?', f.definitionKey);
    if (f.definitionId) add('i.definition_id = ?', f.definitionId);
    if (f.businessKeyPrefix) add("i.business_key LIKE ? || '%'", f.businessKeyPrefix.replace(/[\\%_]/g, '\\$&'));
    let sql: string;
    if (type === 'retryIncidents') {
      if (f.activityId) add('x.activity_id = ?', f.activityId);
      sql = `SELECT x.id FROM incidents x JOIN process_instances i ON i.id = x.instance_id WHERE x.status <> 'resolved'`;
    } else if (type === 'reassignTasks') {
      if (f.assignee) add('x.assignee = ?', f.assignee);
      sql = `SELECT x.id FROM tasks x JOIN process_instances i ON i.id = x.instance_id WHERE x.status = 'open'`;
    } else sql = `SELECT i.id FROM process_instances i WHERE i.status = 'active'`;
    const rows: { id: string }[] = await this.db.query(`${sql}${where.map((w) => ` AND ${w}`).join('')} ORDER BY 1 LIMIT ${MAX_ITEMS}`, params);
    return rows.map((r) => r.id);
  }
}
