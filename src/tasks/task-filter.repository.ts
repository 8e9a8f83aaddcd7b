// Saved tasklist filters, per user.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TaskFilterEntity } from '../database/entities/task-filter.entity';

@Injectable()
export class TaskFilterRepository {
  constructor(private readonly db: DataSource) {}

  listOf(owner: string): Promise<TaskFilterEntity[]> {
    return this.db.getRepository(TaskFilterEntity).find({ where: { owner }, order: { createdAt: 'ASC', name: 'ASC' } });
  }

  /** False when the owner already has a filter of that name. */
  async insert(filter: TaskFilterEntity): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `INSERT INTO task_filters (id, owner, name, criteria, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (owner, name) DO NOTHING RETURNING id`,
      [filter.id, filter.owner, filter.name, JSON.stringify(filter.criteria), filter.createdAt],
    );
    return rows.length > 0;
  }

  async delete(id: string, owner: string): Promise<boolean> {
    return ((await this.db.getRepository(TaskFilterEntity).delete({ id, owner })).affected ?? 0) > 0;
  }
}
