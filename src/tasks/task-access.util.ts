// Which tasks a caller may see and work: supervisors, managers and admins any; agents and technicians the tasks of
// their groups (their roles and the groups an admin put them in), the ones offered or assigned to them, and the ones
// that name no candidate at all (as in Camunda: anyone with task access); API keys (read) may see, never work.
import type { Principal } from '../auth/principal';
import { DomainError, ErrorCode } from '../common/domain-error';

const ANY_TASK = ['admin', 'supervisor', 'manager'];

export type TaskVisibility = { roles: string[]; assignee: string };
export type VisibleTask = { candidateRoles: string[]; candidateUsers?: string[]; assignee: string | null };

/** The restriction for lists, or null when the caller may see every task; `memberOf`: groups beyond the roles. */
export function taskVisibility(principal: Principal | undefined, memberOf: string[] = []): TaskVisibility | null {
  if (!principal || principal.kind === 'apiKey') return null;
  if (principal.roles.some((r) => ANY_TASK.includes(r))) return null;
  return { roles: [...new Set([...principal.roles, ...memberOf])], assignee: principal.name };
}

/** The one visibility decision; TaskRepository.list applies the same in SQL. */
export function isVisibleTo(limit: TaskVisibility, task: VisibleTask): boolean {
  const users = task.candidateUsers ?? [];
  if (task.assignee === limit.assignee || users.includes(limit.assignee)) return true;
  if (task.candidateRoles.some((r) => limit.roles.includes(r))) return true;
  return !task.assignee && !task.candidateRoles.length && !users.length;
}

export function maySeeTask({ principal, task, memberOf = [] }: { principal: Principal | undefined; task: VisibleTask; memberOf?: string[] }): boolean {
  const limit = taskVisibility(principal, memberOf);
  return !limit || isVisibleTo(limit, task);
}

/** Claiming for someone else is for leads; everyone else claims for themselves. */
export function mayClaimFor({ principal, assignee }: { principal: Principal | undefined; assignee: string }): boolean {
  if (!principal || principal.kind === 'apiKey') return false;
  return principal.name === assignee || principal.roles.some((r) => ANY_TASK.includes(r));
}

/** Who may complete a task: anyone who may see it while it is unclaimed; once claimed, its claimer or a lead. */
export function completionBy({ principal, assignee }: { principal: Principal | undefined; assignee: string | null }): 'allowed' | 'override' | 'held' {
  if (!assignee || (principal?.kind === 'user' && principal.name === assignee)) return 'allowed';
  return principal?.kind === 'user' && principal.roles.some((r) => ANY_TASK.includes(r)) ? 'override' : 'held';
}

/**
 * The SQL twin of completionBy (TaskRepository.completeIf): null when the caller may complete a task whoever holds it (a
 * lead), else the one assignee besides none under whom they may (themselves; nobody for API keys and anonymous callers).
 */
export function completionHolder(principal: Principal | undefined): { assignee: string | null } | null {
  if (principal?.kind === 'user' && principal.roles.some((r) => ANY_TASK.includes(r))) return null;
  return { assignee: principal?.kind === 'user' ? principal.name : null };
}

/** Who may hand on a claimed task (unclaim, delegate, resolve): its assignee, or a lead. */
export function mayWorkHeld({ principal, assignee }: { principal: Principal | undefined; assignee: string }): boolean {
  return completionBy({ principal, assignee }) !== 'held';
}

/** The answer for a task the caller may not see: not found for them, with the candidate groups it belongs to. */
export function foreignTask(id: string, candidateRoles: string[]): DomainError {
  return new DomainError(ErrorCode.NotFound, `Task ${id} was not found among your tasks: it belongs to ${candidateRoles.join(', ') || 'other people'}`, candidateRoles.map((role) => ({ field: 'candidateRoles', message: role })));
}
