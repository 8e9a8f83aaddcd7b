// Which tasks a caller may see and work: supervisors, managers and admins any; agents and technicians the tasks of
// their roles and the ones assigned to them; API keys (read) may see, never work.
import type { Principal } from '../auth/principal';

const ANY_TASK = ['admin', 'supervisor', 'manager'];

/** The restriction for lists, or null when the caller may see every task. */
export function taskVisibility(principal: Principal | undefined): { roles: string[]; assignee: string } | null {
  if (!principal || principal.kind === 'apiKey') return null;
  if (principal.roles.some((r) => ANY_TASK.includes(r))) return null;
  return { roles: [...principal.roles], assignee: principal.name };
}

export function maySeeTask({ principal, task }: { principal: Principal | undefined; task: { candidateRoles: string[]; assignee: string | null } }): boolean {
  const limit = taskVisibility(principal);
  return !limit || task.assignee === limit.assignee || task.candidateRoles.some((r) => limit.roles.includes(r));
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
