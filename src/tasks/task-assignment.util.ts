// A task's assignee and candidates from its diagram; those written as expressions (${approver} → =approver) are
// evaluated against the instance's variables when the task is created.
import { evaluateExpression, isFeel } from '../engine/feel';
import type { ElementInfo } from '../engine/definition-model';

export interface TaskAssignment {
  assignee: string | null;
  candidateRoles: string[];
  candidateUsers: string[];
}

export function assignmentOf(info: ElementInfo | undefined, variables: Record<string, unknown> = {}): TaskAssignment {
  return {
    assignee: names(info?.assignee ? [info.assignee] : [], variables)[0] ?? null,
    candidateRoles: names(info?.candidateRoles ?? [], variables),
    candidateUsers: names(info?.candidateUsers ?? [], variables),
  };
}

/** Literal names as they are; expressions give a name, a list of names or a comma-separated string (else nothing). */
function names(entries: string[], variables: Record<string, unknown>): string[] {
  return entries.flatMap((entry) => {
    if (!isFeel(entry)) return [entry];
    let value: unknown;
    try {
      value = evaluateExpression(entry, variables);
    } catch {
      return []; // an expression that fails leaves the task unassigned rather than failing the command
    }
    const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
    return list.filter((v): v is string => typeof v === 'string').map((v) => v.trim()).filter(Boolean);
  });
}
