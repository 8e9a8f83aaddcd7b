// Writes of the tasklist actions (unclaim, delegate, resolve, follow-up) on open tasks, and who a task may go to.
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { TaskEntity } from '../database/entities/task.entity';

@Injectable()
export class TaskWorkRepository {
  constructor(private readonly db: DataSource) {}

  /** Changes an open task; false when it is no longer open (or, with `assignee`, no longer held by them). */
  async update(id: string, changes: Partial<Pick<TaskEntity, 'assignee' | 'claimedAt' | 'owner' | 'delegationState' | 'followUpAt'>>, heldBy?: string | null, em: EntityManager = this.db.manager): Promise<boolean> {
    const qb = em.createQueryBuilder().update(TaskEntity).set(changes).where("id = :id AND status = 'open'", { id });
    // Guards against a claim or delegation made between the read and this write.
    if (heldBy !== undefined) qb.andWhere(heldBy === null ? 'assignee IS NULL' : 'assignee = :heldBy', { heldBy });
    return ((await qb.execute()).affected ?? 0) > 0;
  }

  /** Active users who may work a task: its candidate users, and the users whose roles or groups are its candidate groups. */
  async candidates(task: Pick<TaskEntity, 'candidateRoles' | 'candidateUsers'>): Promise<string[]> {
    const rows: { username: string }[] = await this.db.query(
      `SELECT u.username FROM users u WHERE u.active AND (u.username = ANY($2::text[]) OR u.roles && $1::text[]
         OR EXISTS (SELECT 1 FROM group_members m WHERE m.user_id = u.id AND m.group_id = ANY($1::text[])))
       ORDER BY u.username LIMIT 500`,
      [task.candidateRoles, task.candidateUsers ?? []],
    );
    return rows.map((r) => r.username);
  }
}
