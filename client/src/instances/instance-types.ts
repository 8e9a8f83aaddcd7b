// API shapes only the instance screens read (the shared ones are in app/types.ts).
import type { InstanceDetail, SlaState } from '../app/types';

export type HistoryEntry = InstanceDetail['history'][number];
export type TimerInfo = InstanceDetail['timers'][number];

export interface Incident {
  id: string;
  processInstanceId: string;
  activityId: string;
  error: string;
  attempts: number;
  status: 'retrying' | 'open' | 'resolved';
  nextRetryAt: string | null;
  createdAt: string;
  /** Set when a task completion failed on data: retried with corrected variables. */
  taskId?: string | null;
  /** A command that failed on data (task completion, timer, message): retried with corrected variables. */
  correctable?: boolean;
}

export interface SlaClock extends SlaState {
  policyName?: string;
  activityId?: string | null;
  stoppedAt?: string | null;
}

/** The SLA clocks of an instance as a list, whatever shape the detail answer gives. */
export function slaClocks(detail: InstanceDetail): SlaClock[] {
  if (!detail.sla) return [];
  return (Array.isArray(detail.sla) ? detail.sla : [detail.sla]) as SlaClock[];
}

/** Badge tone of an instance status. */
export const STATUS_TONE: Record<string, string> = { active: 'warn', completed: 'ok', cancelled: '' };
