// Queries on user tasks: reconcile with the engine's waits, lock for completion, claim, list.
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { TaskEntity, type TaskStatus } from '../database/entities/task.entity';
import type { DefinitionModel } from '../engine/definition-model';
import type { HistoryItem, WaitingActivity } from '../engine/run-types';
import { newRowId, rowWhere, type RowKey } from '../common/row-id';
import { assignmentOf } from './task-assignment.util';

export interface TaskFilter {
  candidateRole?: string;
  assignee?: string;
  status?: TaskStatus;
  processInstanceId?: string;
  /** Only tasks of these roles or assigned to this person (agents and technicians). */
  visibleTo?: { roles: string[]; assignee: string } | null;
  limit: number;
  offset: number;
}

@Injectable()
export class TaskRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Makes open tasks equal to the waiting user tasks. New waits become tasks (idempotent: bpmn-engine re-emits
   * waits on resume, and (instance, execution) is unique); open tasks that no longer wait were completed by this
   * command (`completedTaskId`) or cancelled (e.g. interrupted by a boundary timer). Returns history entries.
   */
  async reconcile(em: EntityManager, instanceId: string, waiting: WaitingActivity[], model: DefinitionModel, now: Date, opts: { completedTaskId?: string; newInstance?: boolean; variables?: Record<string, unknown> } = {}): Promise<HistoryItem[]> {
    const { completedTaskId, newInstance } = opts;
    // An instance created by this command has no tasks yet.
    const open = newInstance ? [] : await em.getRepository(TaskEntity).find({ where: { instanceId, status: 'open' }, select: ['id', 'executionId', 'activityId'] });
    const waitingIds = new Set(waiting.map((w) => w.executionId));
    const openIds = new Set(open.map((t) => t.executionId));
    const history: HistoryItem[] = [];
    const gone = open.filter((t) => !waitingIds.has(t.executionId) && t.id !== completedTaskId);
    if (gone.length) {
      await em.getRepository(TaskEntity).update({ instanceId, id: In(gone.map((t) => t.id)) }, { status: 'cancelled', endedAt: now });
      for (const t of gone) history.push({ at: now, type: 'task.cancelled', activityId: t.activityId, detail: { taskId: t.id } });
    }
    const fresh = waiting.filter((w) => !openIds.has(w.executionId));
    if (fresh.length) {
      const rows = fresh.map((w) => {
        const info = model.elements[w.activityId];
        // A multi-instance iteration's element variable may name its assignee (Camunda's `${assignee}` over a collection).
        return { id: newRowId(), instanceId, activityId: w.activityId, executionId: w.executionId, name: info?.name ?? w.activityId, names: info?.names ?? null, ...assignmentOf(info, { ...opts.variables, ...w.localVariables }), form: info?.form ?? [], localVariables: (w.localVariables ?? null) as Record<string, any> | null, status: 'open' as const, createdAt: now };
      });
      await em.createQueryBuilder().insert().into(TaskEntity).values(rows).orIgnore().execute();
      for (const r of rows) history.push({ at: now, type: 'task.created', activityId: r.activityId, detail: { taskId: r.id, candidateRoles: r.candidateRoles } });
    }
    return history;
  }

  /** Inside a command: names its instance too, so that a sharded database routes it to one shard (README, Citus). */
  markCompleted(em: EntityManager, instanceId: string, id: string, submitted: Record<string, any>, now: Date): Promise<unknown> {
    return em.getRepository(TaskEntity).update({ instanceId, id }, { status: 'completed', submitted, endedAt: now });
  }

  /**
   * Completes an open task that is not pending delegation and, under `holder`, unclaimed or held by its assignee (see
   * completionHolder); the row as completed, or null when it may not be completed (the caller reads why).
   */
  async completeIf(em: EntityManager, task: RowKey, submitted: Record<string, any>, now: Date, holder: { assignee: string | null } | null): Promise<TaskEntity | null> {
    const held = holder ? ' AND (assignee IS NULL OR assignee = $5)' : '';
    const [rows] = await em.query(
      `UPDATE "tasks" SET status = 'completed', submitted = $3::jsonb, ended_at = $4
       WHERE instance_id = $1 AND id = $2 AND status = 'open' AND delegation_state IS DISTINCT FROM 'pending'${held} RETURNING *`,
      [task.instanceId, task.id, JSON.stringify(submitted), now, ...(holder ? [holder.assignee] : [])],
    );
    return rows[0] ? toEntity(em, rows[0]) : null;
  }

  cancelOpen(em: EntityManager, instanceId: string, now: Date): Promise<unknown> {
    return em.getRepository(TaskEntity).update({ instanceId, status: 'open' }, { status: 'cancelled', endedAt: now });
  }

  lockIn(em: EntityManager, instanceId: string, id: string): Promise<TaskEntity | null> {
    return em.getRepository(TaskEntity).findOne({ where: { instanceId, id }, lock: { mode: 'pessimistic_write' } });
  }

  findById(id: string): Promise<TaskEntity | null> {
    return this.db.getRepository(TaskEntity).findOneBy({ id });
  }

  /** Sets the assignee of an open task that is unassigned or already the same person: the row as claimed, or null when not possible. */
  async claim(task: RowKey, assignee: string, now: Date, em: EntityManager = this.db.manager): Promise<TaskEntity | null> {
    const [rows] = await em.query(
      `UPDATE "tasks" SET assignee = $3, claimed_at = $4 WHERE instance_id = $1 AND id = $2 AND status = 'open' AND (assignee IS NULL OR assignee = $3) RETURNING *`,
      [task.instanceId, task.id, assignee, now],
    );
    return rows[0] ? toEntity(em, rows[0]) : null;
  }

  /** A supervisor hands an open task to someone, whoever had it. */
  async reassign(em: EntityManager, task: RowKey, assignee: string, now: Date): Promise<boolean> {
    const result = await em.getRepository(TaskEntity).update({ ...rowWhere(task), status: 'open' }, { assignee, claimedAt: now });
    return (result.affected ?? 0) > 0;
  }

  async list(filter: TaskFilter): Promise<{ items: TaskEntity[]; total: number }> {
    const qb = this.db.getRepository(TaskEntity).createQueryBuilder('t');
    if (filter.candidateRole) qb.andWhere(':role = ANY(t.candidate_roles)', { role: filter.candidateRole });
    if (filter.assignee) qb.andWhere('t.assignee = :assignee', { assignee: filter.assignee });
    if (filter.status) qb.andWhere('t.status = :status', { status: filter.status });
    if (filter.processInstanceId) qb.andWhere('t.instance_id = :iid', { iid: filter.processInstanceId });
    // The SQL twin of isVisibleTo (task-access.util.ts).
    if (filter.visibleTo) {
      qb.andWhere(
        `(t.candidate_roles && :vroles::text[] OR t.assignee = :vassignee OR :vassignee = ANY(t.candidate_users)
          OR (t.assignee IS NULL AND cardinality(t.candidate_roles) = 0 AND cardinality(t.candidate_users) = 0))`,
        { vroles: filter.visibleTo.roles, vassignee: filter.visibleTo.assignee },
      );
    }
    const [items, total] = await qb.orderBy('t.created_at', 'ASC').addOrderBy('t.id').take(filter.limit).skip(filter.offset).getManyAndCount();
    return { items, total };
  }

  forInstance(instanceId: string): Promise<TaskEntity[]> {
    return this.db.getRepository(TaskEntity).find({ where: { instanceId }, order: { createdAt: 'ASC' } });
  }
}

/** A task row as the driver returns it (RETURNING *) → the entity, through the entity's column metadata. */
function toEntity(em: EntityManager, row: Record<string, unknown>): TaskEntity {
  const metadata = em.connection.getMetadata(TaskEntity);
  const task = metadata.create() as TaskEntity;
  for (const column of metadata.columns) if (column.isSelect) column.setEntityValue(task, row[column.databaseName]);
  return task;
}
