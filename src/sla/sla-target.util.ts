// Which target of a policy applies to an instance, and ISO 8601 durations in milliseconds.
import { ISOInterval } from '@0dep/piso';

/** Working-time length of an ISO duration (days count as 24 h of working time, months are not allowed). */
export function parseDurationMs(value: string): number | null {
  if (!value.startsWith('P') || /[YM]/.test(value.split('T')[0])) return null; // years and months have no fixed length
  try {
    const from = new Date(0);
    return new ISOInterval(value).parse().getExpireAt(from, from).getTime();
  } catch {
    return null;
  }
}

/** priority (P1…P4) first, then 'urgent' when urgent = true, then 'default'. */
export function targetKey(targets: Record<string, string>, variables: Record<string, unknown>): string {
  const priority = typeof variables.priority === 'string' ? variables.priority : undefined;
  if (priority && targets[priority]) return priority;
  if (variables.urgent === true && targets.urgent) return 'urgent';
  return 'default';
}
