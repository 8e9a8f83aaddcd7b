// Saved tasklist filters (Camunda Tasklist's filters): per user, stored, each listed with its count of tasks.
import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { DomainError, ErrorCode } from '../common/domain-error';
import { newRowId } from '../common/row-id';
import { type Principal } from '../auth/principal';
import { GroupRepository } from '../groups/group.repository';
import { mapFilter, SaveFilterDto } from './dto/task-action.dto';
import { ME, type TaskCriteriaDto } from './dto/task-criteria.dto';
import { taskVisibility } from './task-access.util';
import { TaskListRepository, type TaskListCriteria } from './task-list.repository';
import { TaskFilterRepository } from './task-filter.repository';

@Injectable()
export class TaskFiltersService {
  constructor(
    private readonly filters: TaskFilterRepository,
    private readonly list: TaskListRepository,
    private readonly groups: GroupRepository,
    private readonly clock: Clock,
  ) {}

  /** The caller's filters with how many tasks (that they may see) each matches now. */
  async mine(principal?: Principal) {
    const owner = this.owner(principal);
    const visibleTo = taskVisibility(principal, await this.groups.memberOf(principal));
    const rows = await this.filters.listOf(owner);
    const now = this.clock.now();
    const counts = await Promise.all(rows.map((f) => this.list.count(resolveCriteria(f.criteria as TaskCriteriaDto, principal, visibleTo), now)));
    return rows.map((f, i) => mapFilter(f, counts[i]));
  }

  async save(dto: SaveFilterDto, principal?: Principal) {
    const filter = { id: newRowId(), owner: this.owner(principal), name: dto.name.trim(), criteria: { ...(dto.criteria ?? {}) }, createdAt: this.clock.now() };
    if (!(await this.filters.insert(filter))) throw new DomainError(ErrorCode.Conflict, `you already have a filter named "${filter.name}"`);
    return mapFilter(filter, await this.list.count(resolveCriteria(filter.criteria, principal, taskVisibility(principal, await this.groups.memberOf(principal))), this.clock.now()));
  }

  async remove(id: string, principal?: Principal): Promise<void> {
    if (!(await this.filters.delete(id, this.owner(principal)))) throw DomainError.notFound('Task filter', id);
  }

  private owner(principal?: Principal): string {
    if (principal?.kind !== 'user') throw new DomainError(ErrorCode.Forbidden, 'saved filters belong to signed-in users');
    return principal.name;
  }
}

/** Criteria as the caller means them: `@me` is the caller, open tasks unless said otherwise, and only what they may see. */
export function resolveCriteria(c: TaskCriteriaDto, principal: Principal | undefined, visibleTo: TaskListCriteria['visibleTo']): TaskListCriteria {
  const { sortBy: _s, sortOrder: _o, ...criteria } = c;
  return { ...criteria, status: c.status ?? 'open', assignee: c.assignee === ME ? (principal?.name ?? '') : c.assignee, visibleTo };
}
