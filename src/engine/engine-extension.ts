// The bpmn-engine extension of our dialect: service tasks call registered handlers (camunda:topic), nothing else runs code.
import type { DefinitionModel } from './definition-model';
import { forgetExternal, runExternal, type ExternalOutcome, type ExternalWait } from './external-service';
import { evaluateExpression } from './feel';
import type { HandlerContext, ServiceRegistry } from './service-registry';

/** Tasks that run a topic (bpmn-elements runs a business rule task as a service task). */
const TOPIC_TASKS = new Set(['bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:BusinessRuleTask']);

export class HandlerError extends Error {
  constructor(
    readonly activityId: string,
    readonly handler: string,
    readonly reason: unknown,
  ) {
    super(`service task ${activityId}: handler "${handler}" failed: ${(reason as Error)?.message ?? String(reason)}`);
  }
}

export interface ServiceFailure {
  activityId: string;
  executionId: string;
  message: string;
}

export interface ServiceCallTracker {
  pending: number;
  /** Failed handler calls: their service tasks stay executing (an incident), and run again on the next resume. */
  failures: ServiceFailure[];
  /** Service executions to complete without calling the handler (an incident resolved by a person), with output. */
  skip: ReadonlyMap<string, Record<string, unknown>>;
  /** Topics without an in-process handler wait for external workers (see external-service.ts). */
  external: { waits: ExternalWait[]; outcome?: ExternalOutcome };
  variables(): Record<string, unknown>;
  assign(vars: Record<string, unknown>): void;
  context(activityId: string): Omit<HandlerContext, 'activityId' | 'variables' | 'inputs'>;
}

export function createExtension(model: DefinitionModel, registry: ServiceRegistry, tracker: ServiceCallTracker) {
  return function extension(activity: any) {
    const info = model.elements[activity.id];
    if (!info?.topic || !TOPIC_TASKS.has(activity.type)) return;
    const topic = info.topic;
    activity.behaviour.Service = function Service() {
      let current: string | undefined;
      return {
        // An execution interrupted in this command (a boundary event, a cancelled scope) no longer waits.
        discard: () => current && forgetExternal(tracker.external.waits, current),
        execute(message: { content: { executionId: string } }, callback: (err: unknown, output?: unknown) => void) {
          const executionId = (current = message.content.executionId);
          const skipped = tracker.skip.get(executionId);
          if (skipped) {
            tracker.assign(skipped);
            return callback(null, skipped);
          }
          if (!registry.has(topic)) {
            return runExternal({ activityId: activity.id, executionId, topic, outcome: tracker.external.outcome, waits: tracker.external.waits, assign: tracker.assign, callback });
          }
          tracker.pending++;
          void runHandler(activity.id, topic).then(
            (output) => {
              tracker.pending--;
              callback(null, output);
            },
            (err) => {
              tracker.pending--;
              // No callback: the task stays executing in the saved state, so nothing after it runs.
              tracker.failures.push({ activityId: activity.id, executionId, message: new HandlerError(activity.id, topic, err).message });
            },
          );
        },
      };
    };
  };

  async function runHandler(activityId: string, topic: string): Promise<Record<string, unknown> | undefined> {
    const handler = registry.get(topic);
    if (!handler) throw new HandlerError(activityId, topic, new Error('no such handler is registered'));
    const variables = tracker.variables();
    const inputs = Object.fromEntries(Object.entries(model.elements[activityId]?.inputs ?? {}).map(([k, v]) => [k, evaluateExpression(v, variables)]));
    const output = (await handler({ ...tracker.context(activityId), activityId, variables, inputs })) ?? undefined;
    if (output) tracker.assign(output);
    return output;
  }
}
