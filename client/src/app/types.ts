// Shapes of the API answers the client reads (mirrors the server's map*() functions in src/*/dto).
export interface DefinitionSummary {
  id: string;
  key: string;
  name: string | null;
  /** The process name in other languages (name.zh-CN on the process); GET /api/definitions only. */
  names?: Record<string, string> | null;
  version: number;
  deployedAt: string;
}

// A form field exactly as the server reads it from the diagram (one definition for both sides).
export type { FormField } from '../../../src/engine/definition-model';
import type { FormField } from '../../../src/engine/definition-model';

export interface SlaState {
  policy?: string;
  status?: string;
  dueAt?: string | null;
  remainingMs?: number | null;
  percentUsed?: number | null;
  paused?: boolean;
  breached?: boolean;
  scope?: 'process' | 'task';
  policyName?: string;
  target?: string | null;
  /** The server's now when it answered: count down from dueAt − asOf (a fake or skewed server clock stays right). */
  asOf?: string;
  [key: string]: unknown;
}

/** GET /api/sla/clocks: a clock with the request and task it watches. */
export interface SlaClockItem extends SlaState {
  id: string;
  processInstanceId: string;
  businessKey: string | null;
  definitionKey: string;
  taskName: string | null;
  taskNames?: Record<string, string> | null;
  activityId: string;
  /** The request's next escalation timer: wall due time and, on a business calendar, the working time left. */
  nextTimer?: { activityId: string; name?: string | null; names?: Record<string, string> | null; dueAt: string | null; calendar: { id: string; name: string; timeZone: string } | null; paused: boolean; workingLeftMs: number | null } | null;
}

export interface Escalation {
  id: string;
  processInstanceId: string;
  businessKey: string | null;
  definitionKey: string | null;
  level: number;
  cycle: number;
  role: string;
  taskId: string | null;
  status: 'open' | 'acknowledged' | 'resolved';
  assignee: string | null;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  resolution: string | null;
  createdAt: string;
}

export interface Task {
  id: string;
  processInstanceId: string;
  activityId: string;
  name: string;
  /** The name in other languages (name.zh-CN on the diagram element). */
  names?: Record<string, string> | null;
  candidateRoles: string[];
  assignee: string | null;
  status: 'open' | 'completed' | 'cancelled';
  form: FormField[] | null;
  submitted: Record<string, unknown> | null;
  createdAt: string;
  claimedAt: string | null;
  endedAt: string | null;
  businessKey?: string | null;
  definitionKey?: string | null;
  sla?: SlaState[] | null;
  [key: string]: unknown;
}

export interface InstanceSummary {
  id: string;
  definitionKey: string;
  definitionVersion: number;
  businessKey: string | null;
  status: 'active' | 'completed' | 'cancelled';
  activeActivityIds: string[];
  endActivityId: string | null;
  startedAt: string;
  endedAt: string | null;
}

export interface InstanceDetail extends InstanceSummary {
  variables: Record<string, unknown>;
  cancelReason: string | null;
  revision: number;
  tasks: Task[];
  /** dueAt is null while a timer is paused (it follows an SLA pause); calendar timers also read in working time. */
  timers: { activityId: string; timerType: string; expression: string; dueAt: string | null; calendar?: { id: string; name: string; timeZone: string } | null; paused?: boolean; workingLeftMs?: number | null }[];
  awaitedMessages: { messageName: string; activityId: string }[];
  history: { at: string; type: string; activityId: string | null; detail: unknown }[];
  sla?: SlaState | SlaState[] | null;
  [key: string]: unknown;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface ServiceHandler {
  name: string;
  description?: string;
}

export interface SlaPolicySummary {
  id: string;
  name: string;
  /** The name in other languages (sla.json `names`), by locale. */
  names?: Record<string, string>;
  calendar: string;
}

export interface DeployResult extends DefinitionSummary {
  created: boolean;
  warnings: { elementId: string; message: string }[];
}

export interface ElementChange {
  id: string;
  type: string;
  name: string;
  fields?: string[];
}

export interface DefinitionPreview {
  key: string | null;
  currentVersion: number | null;
  nextVersion: number | null;
  identical: boolean;
  problems: { elementId: string; rule?: string; message: string; severity: 'error' | 'warn' }[];
  changes: { added: ElementChange[]; removed: ElementChange[]; changed: ElementChange[] };
}
