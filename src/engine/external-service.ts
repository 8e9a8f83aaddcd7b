// External service tasks (camunda:type="external" with a topic no in-process handler has): the task waits for an
// integrator's worker; a later command completes it with the worker's variables or throws its BPMN error.

/** A service task execution waiting for an external worker, reported after each command. */
export interface ExternalWait {
  activityId: string;
  executionId: string;
  topic: string;
}

/** What a worker did with an external task, applied when the instance resumes. */
export interface ExternalOutcome {
  executionId: string;
  variables: Record<string, unknown>;
  /** A BPMN error (errorCode as in bpmn:error errorCode) instead of completion: an error boundary may catch it. */
  bpmnError?: { errorCode: string; errorMessage?: string };
}

/** An error whose `code` bpmn-elements compares with the errorCode of error boundary and start events. */
export class ExternalBpmnError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'BpmnError';
  }
}

/**
 * Decides what the service behaviour does for an external execution: finish it (the outcome of this command),
 * or record the wait and return without calling back, so the task stays executing in the saved state.
 */
export function runExternal(args: {
  activityId: string;
  executionId: string;
  topic: string;
  outcome: ExternalOutcome | undefined;
  waits: ExternalWait[];
  assign: (vars: Record<string, unknown>) => void;
  callback: (err: unknown, output?: unknown) => void;
}): void {
  const { outcome, callback } = args;
  if (!outcome || outcome.executionId !== args.executionId) {
    args.waits.push({ activityId: args.activityId, executionId: args.executionId, topic: args.topic });
    return;
  }
  if (Object.keys(outcome.variables).length) args.assign(outcome.variables);
  if (outcome.bpmnError) {
    const { errorCode, errorMessage } = outcome.bpmnError;
    return callback(new ExternalBpmnError(errorCode, errorMessage || `BPMN error ${errorCode}`));
  }
  callback(null, outcome.variables);
}

/** The execution was discarded (interrupted) after it reported its wait in this command: it waits no more. */
export function forgetExternal(waits: ExternalWait[], executionId: string): void {
  const index = waits.findIndex((w) => w.executionId === executionId);
  if (index >= 0) waits.splice(index, 1);
}
