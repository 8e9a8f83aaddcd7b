// Queries on external tasks: reconcile with the engine's external waits, fetch-and-lock, lock checks, listing.
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { newRowId, rowWhere, type RowKey } from '../common/row-id';
import { ExternalTaskEntity } from '../database/entities/external-task.entity';
import { ProcessInstanceEntity } from '../database/entities/process-instance.entity';
import type { DefinitionModel } from '../engine/definition-model';
import type { ExternalWait } from '../engine/external-service';
import type { HistoryItem } from '../engine/run-types';

export interface InstanceFacts {
  businessKey: string | null;
  definitionKey: string;
  definitionId: string;
  variables: Record<string, unknown>;
}

export interface ExternalTaskFilter {
  topicName?: string;
  workerId?: string;
  locked?: boolean;
  withRetriesLeft?: boolean;
  noRetriesLeft?: boolean;
  processInstanceId?: string;
  activityId?: string;
  limit: number;
  offset: number;
}

/** Open, not locked (or lock expired), not waiting for a retry timeout, and with retries left (or never failed). */
const FETCHABLE = `state = 'open' AND (lock_expiration_time IS NULL OR lock_expiration_time <= $2) AND (retry_at IS NULL OR retry_at <= $2) AND (retries IS NULL OR retries > 0)`;

@Injectable()
export class ExternalTaskRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Makes open external tasks equal to the engine's external waits, in the command's transaction: new waits become
   * rows (idempotent: waits are re-reported on every resume, (instance, execution) is unique); open rows that no
   * longer wait were interrupted (a boundary event, a cancelled scope). A row completed by this command was already
   * marked by it.
   */
  async reconcile(em: EntityManager, args: { instanceId: string; waiting: ExternalWait[]; model: DefinitionModel; now: Date; newInstance?: boolean }): Promise<HistoryItem[]> {
    const { instanceId, waiting, now } = args;
    const open = args.newInstance ? [] : await em.getRepository(ExternalTaskEntity).find({ where: { instanceId, state: 'open' }, select: ['id', 'executionId', 'activityId'] });
    const waitingIds = new Set(waiting.map((w) => w.executionId));
    const openIds = new Set(open.map((t) => t.executionId));
    const history: HistoryItem[] = [];
    const gone = open.filter((t) => !waitingIds.has(t.executionId));
    if (gone.length) {
      await em.getRepository(ExternalTaskEntity).update({ instanceId, id: In(gone.map((t) => t.id)) }, { state: 'cancelled', endedAt: now, updatedAt: now, workerId: null, lockExpirationTime: null });
      for (const t of gone) history.push({ at: now, type: 'external_task.cancelled', activityId: t.activityId, detail: { externalTaskId: t.id } });
    }
    const fresh = waiting.filter((w) => !openIds.has(w.executionId));
    if (fresh.length) {
      const rows = fresh.map((w) => ({
        id: newRowId(), instanceId, activityId: w.activityId, executionId: w.executionId, topicName: w.topic, priority: args.model.elements[w.activityId]?.taskPriority ?? 0,
        state: 'open' as const, workerId: null, lockExpirationTime: null, retries: null, retryAt: null, errorMessage: null, errorDetails: null, createdAt: now, updatedAt: now, endedAt: null,
      }));
      const inserted = await em.createQueryBuilder().insert().into(ExternalTaskEntity).values(rows).orIgnore().returning(['id']).execute();
      const insertedIds = new Set((inserted.raw as { id: string }[]).map((r) => r.id));
      for (const r of rows.filter((r) => insertedIds.has(r.id))) history.push({ at: now, type: 'external_task.created', activityId: r.activityId, detail: { externalTaskId: r.id, topicName: r.topicName } });
    }
    return history;
  }

  /** The instance was cancelled: its open external tasks end with it. */
  cancelOpen(em: EntityManager, instanceId: string, now: Date): Promise<unknown> {
    return em.getRepository(ExternalTaskEntity).update({ instanceId, state: 'open' }, { state: 'cancelled', endedAt: now, updatedAt: now, workerId: null, lockExpirationTime: null });
  }

  /** Activities of the instance backed by an open external task, as SQL the "no stuck instance" check reads together
   * with the other backings in one query ($1 = the instance). */
  static readonly OPEN_ACTIVITY_IDS_SQL = "SELECT activity_id FROM external_tasks WHERE instance_id = $1 AND state = 'open'";

  /** The open external tasks of an instance, oldest first (the instance detail shows them as waits). */
  openForInstance(instanceId: string): Promise<ExternalTaskEntity[]> {
    return this.db.getRepository(ExternalTaskEntity).find({ where: { instanceId, state: 'open' }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** The row under a lock for the rest of the caller's transaction (after its instance row: the commands' lock order). */
  lockIn(em: EntityManager, instanceId: string, id: string): Promise<ExternalTaskEntity | null> {
    return em.getRepository(ExternalTaskEntity).findOne({ where: { instanceId, id }, lock: { mode: 'pessimistic_write' } });
  }

  async update(em: EntityManager | null, row: RowKey, changes: Partial<ExternalTaskEntity>): Promise<void> {
    await (em ?? this.db.manager).getRepository(ExternalTaskEntity).update(rowWhere(row), changes);
  }

  findById(id: string): Promise<ExternalTaskEntity | null> {
    return this.db.getRepository(ExternalTaskEntity).findOneBy({ id });
  }

  findOpenByExecution(instanceId: string, executionId: string): Promise<ExternalTaskEntity | null> {
    return this.db.getRepository(ExternalTaskEntity).findOneBy({ instanceId, executionId, state: 'open' });
  }

  /**
   * Locks up to `max` fetchable tasks of these topics for a worker, in one transaction: rows another worker is
   * locking right now are skipped, never waited for, so concurrent fetches never hand out one task twice.
   */
  async fetchAndLock(args: { workerId: string; topics: { topicName: string; lockDuration: number }[]; max: number; usePriority: boolean; now: Date }): Promise<ExternalTaskEntity[]> {
    const { now } = args;
    return this.db.transaction(async (em) => {
      const order = args.usePriority ? 'priority DESC, created_at, id' : 'created_at, id';
      const names = args.topics.map((t) => t.topicName);
      // A claim over every instance (a per-shard claim under Citus, README "Ready to shard"); the rows are then written by id.
      const rows: { id: string; instance_id: string; topic_name: string }[] = await em.query(
        `SELECT id, instance_id, topic_name FROM external_tasks WHERE topic_name = ANY($1) AND ${FETCHABLE} ORDER BY ${order} LIMIT $3 FOR UPDATE SKIP LOCKED`,
        [names, now, args.max],
      );
      for (const topic of args.topics) {
        const ofTopic = rows.filter((r) => r.topic_name === topic.topicName);
        if (!ofTopic.length) continue;
        const until = new Date(now.getTime() + topic.lockDuration);
        await em.getRepository(ExternalTaskEntity).update({ instanceId: In(ofTopic.map((r) => r.instance_id)), id: In(ofTopic.map((r) => r.id)) }, { workerId: args.workerId, lockExpirationTime: until, updatedAt: now });
      }
      if (!rows.length) return [];
      const locked = await em.getRepository(ExternalTaskEntity).findBy({ instanceId: In(rows.map((r) => r.instance_id)), id: In(rows.map((r) => r.id)) });
      const position = new Map(rows.map((r, i) => [r.id, i]));
      return locked.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
    });
  }

  /** Which of these topics have a fetchable task now: one cheap query per poll for every waiting long poll of a replica. */
  async topicsWithWork(topics: string[], now: Date): Promise<Set<string>> {
    if (!topics.length) return new Set();
    const rows: { topic_name: string }[] = await this.db.query(`SELECT DISTINCT topic_name FROM external_tasks WHERE topic_name = ANY($1) AND ${FETCHABLE}`, [topics, now]);
    return new Set(rows.map((r) => r.topic_name));
  }

  /** Sets a new lock end when the worker still holds an unexpired lock; false otherwise. */
  async extendLock(id: string, workerId: string, until: Date, now: Date): Promise<boolean> {
    const result = await this.db
      .createQueryBuilder()
      .update(ExternalTaskEntity)
      .set({ lockExpirationTime: until, updatedAt: now })
      .where("id = :id AND state = 'open' AND worker_id = :workerId AND lock_expiration_time > :now", { id, workerId, now })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** Releases the lock of an open task, whoever holds it; false when the task is not open. */
  async unlock(id: string, now: Date): Promise<boolean> {
    const result = await this.db.createQueryBuilder().update(ExternalTaskEntity).set({ workerId: null, lockExpirationTime: null, updatedAt: now }).where("id = :id AND state = 'open'", { id }).execute();
    return (result.affected ?? 0) > 0;
  }

  async list(filter: ExternalTaskFilter, now: Date): Promise<{ items: ExternalTaskEntity[]; total: number }> {
    const q = this.db.getRepository(ExternalTaskEntity).createQueryBuilder('t').where("t.state = 'open'");
    if (filter.topicName) q.andWhere('t.topic_name = :topicName', { topicName: filter.topicName });
    if (filter.workerId) q.andWhere('t.worker_id = :workerId', { workerId: filter.workerId });
    if (filter.processInstanceId) q.andWhere('t.instance_id = :instanceId', { instanceId: filter.processInstanceId });
    if (filter.activityId) q.andWhere('t.activity_id = :activityId', { activityId: filter.activityId });
    if (filter.locked === true) q.andWhere('t.lock_expiration_time > :now', { now });
    if (filter.locked === false) q.andWhere('(t.lock_expiration_time IS NULL OR t.lock_expiration_time <= :now)', { now });
    if (filter.withRetriesLeft) q.andWhere('(t.retries IS NULL OR t.retries > 0)');
    if (filter.noRetriesLeft) q.andWhere('t.retries = 0');
    const [items, total] = await q.orderBy('t.created_at', 'ASC').addOrderBy('t.id', 'ASC').take(filter.limit).skip(filter.offset).getManyAndCount();
    return { items, total };
  }

  /** Business key, definition and (when asked) variables of the instances the tasks belong to, as workers see them. */
  async instanceFacts(ids: string[], withVariables: boolean): Promise<Map<string, InstanceFacts>> {
    if (!ids.length) return new Map();
    const select: (keyof ProcessInstanceEntity)[] = ['id', 'businessKey', 'definitionKey', 'definitionId', ...(withVariables ? (['variables'] as const) : [])];
    const rows = await this.db.getRepository(ProcessInstanceEntity).find({ where: { id: In([...new Set(ids)]) }, select });
    return new Map(rows.map((r) => [r.id, { businessKey: r.businessKey, definitionKey: r.definitionKey, definitionId: r.definitionId, variables: r.variables ?? {} }]));
  }

  /** Open tasks by topic and whether they are locked, for the metrics endpoint. */
  async countByTopicAndState(now: Date): Promise<{ topic: string; state: 'locked' | 'available' | 'no_retries'; count: number }[]> {
    const rows: { topic: string; state: 'locked' | 'available' | 'no_retries'; count: string }[] = await this.db.query(
      `SELECT topic_name AS topic,
              CASE WHEN retries = 0 THEN 'no_retries' WHEN lock_expiration_time > $1 THEN 'locked' ELSE 'available' END AS state,
              count(*) AS count
       FROM external_tasks WHERE state = 'open' GROUP BY 1, 2`,
      [now],
    );
    return rows.map((r) => ({ ...r, count: Number(r.count) }));
  }
}
