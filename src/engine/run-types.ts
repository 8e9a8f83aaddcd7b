// The commands a runner executes and what it reports back to the host for saving.
import type { ArmedTimer } from './durable-timers';
import type { ServiceFailure } from './engine-extension';

export type Action =
  | { type: 'start'; variables: Record<string, unknown> }
  | { type: 'signal'; activityId: string; executionId: string; variables?: Record<string, unknown>; messageId?: string }
  | { type: 'fireTimers'; keys: string[] }
  | { type: 'resume'; skip?: { executionId: string; variables: Record<string, unknown> } };

export interface HistoryItem {
  at: Date;
  type: string;
  activityId: string | null;
  detail: Record<string, any> | null;
}

export interface WaitingActivity {
  activityId: string;
  executionId: string;
  /** A multi-instance iteration's element variable and loopCounter. */
  localVariables?: Record<string, unknown>;
}

export interface WaitingMessage extends WaitingActivity {
  messageName: string;
  messageId: string;
}

export interface RunResult {
  state: object;
  completed: boolean;
  variables: Record<string, unknown>;
  activeActivityIds: string[];
  endActivityId: string | null;
  userTasks: WaitingActivity[];
  messages: WaitingMessage[];
  timers: ArmedTimer[];
  history: HistoryItem[];
  /** Service handlers that failed in this command (see incidents). */
  failures: ServiceFailure[];
}
