// The tasklist query: criteria, search (trigram index on the denormalised search text), sort and page, and counts.
import { Injectable } from '@nestjs/common';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { TaskEntity } from '../database/entities/task.entity';
import type { TaskCriteriaDto } from './dto/task-criteria.dto';
import type { TaskVisibility } from './task-access.util';

export type TaskListCriteria = Omit<TaskCriteriaDto, 'sortBy' | 'sortOrder'> & { visibleTo?: TaskVisibility | null };
export type TaskListQuery = TaskListCriteria & Pick<TaskCriteriaDto, 'sortBy' | 'sortOrder'> & { limit: number; offset: number };

const SORT_COLUMNS = { due: 't.sla_due_at', created: 't.created_at', followUp: 't.follow_up_at', name: 't.name', assignee: 't.assignee' } as const;

/** `%` and `_` typed by a user are literal characters, not LIKE wildcards. */
export function likePattern(text: string): string {
  return `%${text.trim().toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

@Injectable()
export class TaskListRepository {
  constructor(private readonly db: DataSource) {}

  async list(query: TaskListQuery, now: Date): Promise<{ items: TaskEntity[]; total: number }> {
    const [items, total] = await this.page(query, now).getManyAndCount();
    return { items, total };
  }

  /** The page query (public for bench/tasklist.ts, which EXPLAINs it). */
  page(query: TaskListQuery, now: Date): SelectQueryBuilder<TaskEntity> {
    const qb = this.where(query, now);
    const dir = query.sortOrder === 'desc' ? 'DESC' : 'ASC';
    // Tasks without the sort value go last whichever way; then age (oldest first), then id so pages never overlap.
    // created_at is never null: ordered plainly (and id the same way) so the (status, created_at) index serves both ways.
    if (query.sortBy === 'created') return qb.orderBy('t.created_at', dir).addOrderBy('t.id', dir).limit(query.limit).offset(query.offset);
    qb.orderBy(SORT_COLUMNS[query.sortBy ?? 'due'], dir, 'NULLS LAST').addOrderBy('t.created_at', 'ASC');
    return qb.addOrderBy('t.id', 'ASC').limit(query.limit).offset(query.offset);
  }

  /** The count query (public for the bench too). */
  countQuery(criteria: TaskListCriteria, now: Date): SelectQueryBuilder<TaskEntity> {
    return this.where(criteria, now);
  }

  count(criteria: TaskListCriteria, now: Date): Promise<number> {
    return this.countQuery(criteria, now).getCount();
  }

  private where(c: TaskListCriteria, now: Date): SelectQueryBuilder<TaskEntity> {
    const qb = this.db.getRepository(TaskEntity).createQueryBuilder('t');
    if (c.status) qb.andWhere('t.status = :status', { status: c.status });
    if (c.candidateRole) qb.andWhere(':role = ANY(t.candidate_roles)', { role: c.candidateRole });
    if (c.assignee) qb.andWhere('t.assignee = :assignee', { assignee: c.assignee });
    if (c.unassigned) qb.andWhere('t.assignee IS NULL');
    if (c.processInstanceId) qb.andWhere('t.instance_id = :iid', { iid: c.processInstanceId });
    if (c.processDefinitionKey) qb.andWhere('t.instance_id IN (SELECT i.id FROM process_instances i WHERE i.definition_key = :dkey)', { dkey: c.processDefinitionKey });
    if (c.followUp === 'due') qb.andWhere('t.follow_up_at <= :now', { now });
    if (c.followUp === 'set') qb.andWhere('t.follow_up_at IS NOT NULL');
    if (c.followUp === 'none') qb.andWhere('t.follow_up_at IS NULL');
    // Each word must occur somewhere (an agent types "zhang 1380"); the gin_trgm_ops index answers the ILIKE.
    for (const [i, word] of (c.search ?? '').split(/\s+/).filter(Boolean).slice(0, 5).entries()) {
      qb.andWhere(`t.search_text LIKE :w${i}`, { [`w${i}`]: likePattern(word) });
    }
    // The SQL twin of isVisibleTo (task-access.util.ts).
    if (c.visibleTo) {
      qb.andWhere(
        `(t.candidate_roles && :vroles::text[] OR t.assignee = :vassignee OR :vassignee = ANY(t.candidate_users)
          OR (t.assignee IS NULL AND cardinality(t.candidate_roles) = 0 AND cardinality(t.candidate_users) = 0))`,
        { vroles: c.visibleTo.roles, vassignee: c.visibleTo.assignee },
      );
    }
    return qb;
  }
}
