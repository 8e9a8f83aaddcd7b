// The commands a runner executes and what it reports back to the host for saving.
import type { ArmedTimer } from './durable-timers';
import type { ServiceFailure } from './engine-extension';
import type { ExternalOutcome, ExternalWait } from './external-service';

export type Action =
  /** `trigger`: the signal or message id of the start event that started it (fired at once). */
  | { type: 'start'; variables: Record<string, unknown>; trigger?: string }
  | { type: 'signal'; activityId: string; executionId: string; variables?: Record<string, unknown>; messageId?: string }
  | { type: 'fireTimers'; keys: string[] }
  | { type: 'callError'; activityId: string; executionId: string; error: ThrownError }
  /** A child's escalation reaches the escalation boundary `boundaryId` on the call activity. */
  | { type: 'callEscalation'; activityId: string; boundaryId: string; escalation: { id: string | null; name: string | null } }
  | { type: 'resume'; skip?: { executionId: string; variables: Record<string, unknown> }; external?: ExternalOutcome };

/** A BPMN error that ended the process (a child's error end event): it travels to the parent's call activity. */
export interface ThrownError {
  code: string | null;
  name: string | null;
  message: string;
}

/** An escalation thrown in a child that nothing in the child catches: it travels to the parent's call activity. */
export interface ThrownEscalation {
  activityId: string;
  code: string | null;
  name: string | null;
}

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
  /** Signal catches (messageName/messageId hold the signal's name and id). */
  signals: WaitingMessage[];
  /** Signals thrown by this command: broadcast to every other waiting instance. */
  thrownSignals: string[];
  /** Call activities waiting for a child instance. */
  calls: WaitingActivity[];
  /** Set when the process ended by a BPMN error nobody in it caught (only for children: see RunInput.child). */
  thrownError?: ThrownError;
  /** Escalations thrown in this command that nothing in the process catches (only for children). */
  escalations?: ThrownEscalation[];
  history: HistoryItem[];
  /** Service handlers that failed in this command (see incidents). */
  failures: ServiceFailure[];
  /** Service tasks waiting for external workers (see src/external-tasks). */
  externalTasks: ExternalWait[];
}
